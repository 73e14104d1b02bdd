import ArgumentParser
import BeadsKnowledge
import BeadsStore

struct SearchCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "search", abstract: "Find beads by words in their title or description (FTS5).")
    @OptionGroup var kb: KnowledgeBaseOptions
    @Argument(help: "Words; each must appear (prefixes count).") var query: [String]
    @Option(name: [.customShort("n"), .long], help: "At most this many (0 for all).") var limit = 50
    @Flag(help: "Print a JSON array of beads.") var json = false

    func validate() throws {
        if query.isEmpty { throw ValidationError("give words to search for") }
    }

    func run() throws {
        let base = try kb.open()
        let found = try base.store.search(query.joined(separator: " "), limit: limit)
        let out = Terminal.standardOutput
        if json {
            out.write(JSONValue.array(found.map(\.jsonValue)).prettyEncoded() + "\n")
            return
        }
        if found.isEmpty {
            out.write("No bead matches.\n")
            return
        }
        for line in BeadOutput.lines(found, width: BeadOutput.terminalWidth) { out.write(line + "\n") }
    }
}
