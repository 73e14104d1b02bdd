import ArgumentParser
import BeadsKnowledge
import BeadsStore

struct ReopenCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "reopen",
        abstract: "Reopen closed beads.")

    @OptionGroup var kb: KnowledgeBaseOptions
    @Argument(help: "Bead ids.")
    var ids: [String]
    @Flag(help: "Print the reopened beads as JSON.")
    var json = false

    func validate() throws {
        if ids.isEmpty { throw ValidationError("name at least one bead to reopen") }
    }

    func run() throws {
        let now = Timestamp.now()
        let reopened = try updateEach(ids, in: try kb.open()) { bead in bead.setStatus(.open, at: now) }
        let out = Terminal.standardOutput
        if json {
            out.write(JSONValue.array(reopened.map(\.jsonValue)).prettyEncoded() + "\n")
            return
        }
        for bead in reopened { out.write("Reopened \(bead.id): \(bead.title)\n") }
    }
}
