import ArgumentParser
import BeadsKnowledge
import BeadsStore

struct DepRemoveCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "remove", abstract: "Remove ISSUE's dependency on DEPENDS_ON.")

    @OptionGroup var kb: KnowledgeBaseOptions
    @Argument(help: "The bead that waits.") var issue: String
    @Argument(help: "The bead it depends on.") var dependsOn: String
    @Option(name: [.customShort("t"), .long], help: "Only this type (default: any).") var type: DependencyType?

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
