import ArgumentParser
import BeadsKnowledge
import BeadsStore

struct DocCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "doc",
        abstract: "Index, list, show, lint, test, write and sync the solution docs in docs/.",
        subcommands: [
            DocIndexCommand.self, DocListCommand.self, DocShowCommand.self, DocLintCommand.self, DocNewCommand.self,
            DocSyncCommand.self, DocLinksCommand.self, DocTestCommand.self,
        ])
}
