import ArgumentParser
import BeadsKnowledge
import BeadsStore

struct BlockedCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "blocked",
        abstract: "List beads that wait on unfinished blockers, with what blocks each.",
        discussion: HelpText.prose(
            """
            As bd 1.0.5 answers it: every bead that is not closed or pinned and is blocked
            (see `beads ready --help` for when), with the beads it waits for; a bead blocked
            only through its parent names the parent. A bead marked blocked by hand, with
            nothing blocking it, is not listed.
            """))

    @OptionGroup var kb: KnowledgeBaseOptions
    @Flag(help: "Print a JSON array of beads with blocked_by (bd's shape).")
    var json = false

    func run() throws {
        let base = try kb.open()
        let blocked = try base.store.blockedBeads(now: Timestamp.now())
        let out = Terminal.standardOutput
        if json {
            out.write(Self.json(blocked).prettyEncoded() + "\n")
            return
        }
        if blocked.isEmpty {
            out.write("No bead is blocked.\n")
            return
        }
        for item in blocked {
            out.write(BeadOutput.line(item.bead) + "\n    blocked by: \(item.blockedBy.joined(separator: ", "))\n")
        }
    }

    /// The `blocked` shape, here and from `beads serve`.
    static func json(_ blocked: [BlockedBead]) -> JSONValue {
        .array(
            blocked.map { item in
                guard case var .object(fields) = item.bead.jsonValue else { return .null }
                fields.append(("blocked_by_count", JSONValue(item.blockedBy.count)))
                fields.append(("blocked_by", JSONValue(item.blockedBy)))
                return .object(fields)
            })
    }
}
