import ArgumentParser
import BeadsKnowledge
import BeadsStore

struct ReadyCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "ready",
        abstract: "List work that can start now: open, unblocked, not deferred, most urgent first.",
        discussion: HelpText.prose("""
            As bd computes it: status open or in_progress; not pinned, ephemeral or deferred
            (defer_until in the future), nor the child of a deferred parent; not a
            merge-request, gate, molecule, message, agent, role or rig; and no unclosed blocker
            through blocks, conditional-blocks or waits-for (a blocked parent blocks its
            children).
            """))

    @OptionGroup var kb: KnowledgeBaseOptions
    @Option(name: [.customShort("n"), .long], help: "At most this many (0 for all).")
    var limit = 100
    @Flag(help: "Print a JSON array of beads (bd's shape).")
    var json = false

    func validate() throws {
        if limit < 0 { throw ValidationError("--limit must be 0 (all) or more") }
    }

    func run() throws {
        let base = try kb.open()
        let beads = try storeCall { () throws(StoreError) in try base.store.readyBeads(now: Timestamp.now(), limit: limit) }
        let out = Terminal.standardOutput
        if json { out.write(JSONValue.array(beads.map(\.jsonValue)).prettyEncoded() + "\n"); return }
        if beads.isEmpty { out.write("Nothing is ready: every open bead is blocked, deferred or closed.\n"); return }
        for bead in beads { out.write(BeadOutput.line(bead) + "\n") }
    }
}

struct BlockedCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "blocked",
        abstract: "List beads that wait on unclosed blockers, with what blocks each.")

    @OptionGroup var kb: KnowledgeBaseOptions
    @Flag(help: "Print a JSON array of beads with blocked_by (bd's shape).")
    var json = false

    func run() throws {
        let base = try kb.open()
        let blocked = try storeCall { () throws(StoreError) in try base.store.blockedBeads(now: Timestamp.now()) }
        let out = Terminal.standardOutput
        if json {
            out.write(JSONValue.array(blocked.map { item in
                guard case var .object(fields) = item.bead.jsonValue else { return .null }
                fields.append(("blocked_by_count", JSONValue(item.blockedBy.count)))
                fields.append(("blocked_by", JSONValue(item.blockedBy)))
                return .object(fields)
            }).prettyEncoded() + "\n")
            return
        }
        if blocked.isEmpty { out.write("No bead is blocked.\n"); return }
        for item in blocked {
            out.write(BeadOutput.line(item.bead) + "\n    blocked by: \(item.blockedBy.joined(separator: ", "))\n")
        }
    }
}
