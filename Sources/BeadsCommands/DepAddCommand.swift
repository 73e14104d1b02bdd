import ArgumentParser
import BeadsKnowledge
import BeadsStore

struct DepAddCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "add", abstract: "Make ISSUE depend on DEPENDS_ON.")

    @OptionGroup var kb: KnowledgeBaseOptions
    @Argument(help: "The bead that waits.") var issue: String
    @Argument(help: "The bead it depends on.") var dependsOn: String
    @Option(name: [.customShort("t"), .long], help: "Dependency type.") var type = DependencyType.blocks
    @Flag(help: "Print {\"added\": bool, \"issue\", \"depends_on\", \"type\"} (added is false when it was there already).")
    var json = false

    func validate() throws {
        if issue == dependsOn { throw ValidationError("a bead cannot depend on itself") }
    }

    func run() throws {
        let base = try kb.open()
        let result = try base.store.addDependency(issue, on: dependsOn, type: type, at: Timestamp.now())
        if json {
            Terminal.standardOutput.write(
                Self.json(issue: issue, dependsOn: dependsOn, type: type, added: result == .added).prettyEncoded() + "\n")
            return
        }
        Terminal.standardOutput.write(
            result == .added ? "\(issue) now depends on \(dependsOn) (\(type)).\n" : "\(issue) already depends on \(dependsOn) (\(type)).\n"
        )
    }

    /// The `dependency-added` shape, here and from the MCP tool.
    static func json(issue: String, dependsOn: String, type: DependencyType, added: Bool) -> JSONValue {
        .object([("added", .bool(added)), ("issue", .string(issue)), ("depends_on", .string(dependsOn)), ("type", .string(type.rawValue))])
    }
}
