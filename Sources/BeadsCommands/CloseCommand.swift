import ArgumentParser
import BeadsKnowledge
import BeadsStore

struct CloseCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "close",
        abstract: "Close one or more beads, with a reason.")

    @OptionGroup var kb: KnowledgeBaseOptions
    @Argument(help: "Bead ids.")
    var ids: [String]
    @Option(name: [.customShort("r"), .long], help: "Why it is closed (kept as close_reason).")
    var reason: String?
    @Flag(help: "Print the closed beads as JSON.")
    var json = false

    func validate() throws {
        if ids.isEmpty { throw ValidationError("name at least one bead to close") }
    }

    func run() throws {
        let now = Timestamp.now()
        let closed = try updateEach(ids, in: try kb.open()) { bead in bead.setStatus(.closed, at: now, reason: reason) }
        let out = Terminal.standardOutput
        if json {
            out.write(JSONValue.array(closed.map(\.jsonValue)).prettyEncoded() + "\n")
            return
        }
        for bead in closed { out.write("Closed \(bead.id): \(bead.title)\n") }
    }
}

/// Applies one change to several beads in one transaction: an unknown id leaves all
/// of them as they were.
func updateEach(_ ids: [String], in base: KnowledgeBase, _ change: @escaping (inout Bead) -> Void) throws -> [Bead] {
    try base.store.update(ids, change)
}
