import ArgumentParser
import BeadsKnowledge
import BeadsStore

struct DepCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "dep",
        abstract: "Add, remove and list dependencies between beads.",
        discussion: "Types: blocks (default), parent-child, conditional-blocks, waits-for, related, discovered-from, or any other word bd uses.",
        subcommands: [DepAddCommand.self, DepRemoveCommand.self, DepListCommand.self, DepTreeCommand.self, DepCyclesCommand.self])
}

struct DepAddCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "add", abstract: "Make ISSUE depend on DEPENDS_ON.")

    @OptionGroup var kb: KnowledgeBaseOptions
    @Argument(help: "The bead that waits.") var issue: String
    @Argument(help: "The bead it depends on.") var dependsOn: String
    @Option(name: [.customShort("t"), .long], help: "Dependency type.") var type = "blocks"

    func validate() throws {
        if issue == dependsOn { throw ValidationError("a bead cannot depend on itself") }
    }

    func run() throws {
        let base = try kb.open()
        let result = try base.store.addDependency(issue, on: dependsOn, type: type, at: Timestamp.now())
        Terminal.standardOutput.write(result == .added ? "\(issue) now depends on \(dependsOn) (\(type)).\n" : "\(issue) already depends on \(dependsOn) (\(type)).\n")
    }
}

struct DepRemoveCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "remove", abstract: "Remove ISSUE's dependency on DEPENDS_ON.")

    @OptionGroup var kb: KnowledgeBaseOptions
    @Argument(help: "The bead that waits.") var issue: String
    @Argument(help: "The bead it depends on.") var dependsOn: String
    @Option(name: [.customShort("t"), .long], help: "Only this type (default: any).") var type: String?

    func run() throws {
        let base = try kb.open()
        var removed = false
        try base.store.update(issue) { bead in
                removed = bead.removeDependency(on: dependsOn, type: type)
            }
        guard removed else { throw CommandFailure("\(issue) does not depend on \(dependsOn)\(type.map { " (\($0))" } ?? "")") }
        Terminal.standardOutput.write("\(issue) no longer depends on \(dependsOn).\n")
    }
}

struct DepListCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "list", abstract: "What a bead depends on, and what depends on it.")

    @OptionGroup var kb: KnowledgeBaseOptions
    @Argument(help: "The bead.") var id: String
    @Flag(help: "Print JSON.") var json = false

    func run() throws {
        let base = try kb.open()
        let bead = try requireBead(id, in: base)
        let dependents = try base.store.dependents(of: id)
        let out = Terminal.standardOutput
        if json {
            out.write(JSONValue.object([
                ("dependencies", .array(bead.dependencies)),
                ("dependents", .array(dependents.map { .object([("issue_id", .string($0.0)), ("depends_on_id", .string(id)), ("type", .string($0.1))]) })),
            ]).prettyEncoded() + "\n")
            return
        }
        out.write("\(id) depends on:\n")
        if bead.dependencies.isEmpty { out.write("  nothing\n") }
        for d in bead.dependencies {
            out.write("  \(d["depends_on_id"]?.stringValue ?? "?")  (\(d["type"]?.stringValue ?? "blocks"))\n")
        }
        out.write("Depending on \(id):\n")
        if dependents.isEmpty { out.write("  nothing\n") }
        for (other, type) in dependents { out.write("  \(other)  (\(type))\n") }
    }
}
