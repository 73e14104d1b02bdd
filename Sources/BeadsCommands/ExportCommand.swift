import ArgumentParser
import BeadsKnowledge
import BeadsRemedy
import BeadsStore
import Foundation

struct ExportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export",
        abstract: "Write every bead as bd JSONL, sorted by id.")

    @OptionGroup var kb: KnowledgeBaseOptions
    @Option(name: [.customShort("o"), .long], help: "Write to this file (atomically) instead of standard output.")
    var output: String?

    func run() throws {
        let base = try kb.open()
        let text = try base.store.exportText()
        if let output {
            try JSONLFile.writeAtomically(text, to: CommandContext.current.absolute(output))
        } else {
            Terminal.standardOutput.write(text)
        }
    }
}
