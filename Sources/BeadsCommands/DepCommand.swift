import ArgumentParser
import BeadsKnowledge
import BeadsStore

struct DepCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "dep",
        abstract: "Add, remove and list dependencies between beads.",
        discussion:
            "Types: blocks (default), parent-child, conditional-blocks, waits-for, related, discovered-from, or any other word bd uses.",
        subcommands: [DepAddCommand.self, DepRemoveCommand.self, DepListCommand.self, DepTreeCommand.self, DepCyclesCommand.self])
}
