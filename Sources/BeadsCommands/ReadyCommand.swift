import ArgumentParser
import BeadsKnowledge
import BeadsStore

struct ReadyCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "ready",
        abstract: "List work that can start now: open, unblocked, not deferred, most urgent first.",
        discussion: HelpText.prose(
            """
            As bd 1.0.5 answers it: status open (in_progress is taken, not ready); not pinned
            or ephemeral; not deferred (defer_until in the future), nor the direct child of a
            bead deferred so; not a merge-request, gate, molecule, message, agent, role or rig;
            and not blocked. A bead is blocked by an unfinished target of blocks or
            conditional-blocks (closed and pinned targets do not block), by waits-for a
            spawner with unfinished children (all of them, or with a gate of any-children
            one closed child frees it), or by a blocked parent. `external:` targets never
            block. Where beads differs from bd on purpose: manual/tracking.md.
            """))

    @OptionGroup var kb: KnowledgeBaseOptions
    @Option(name: [.customShort("n"), .long], help: "At most this many (0 for all).")
    var limit = 100
    @Option(
        name: [.customShort("s"), .long],
        help:
            "Order: priority (most urgent, newest first within one; the default), hybrid (the last 48 hours by priority, then oldest first), oldest."
    )
    var sort: String = ReadySort.priority.rawValue
    @Flag(help: "Print a JSON array of beads (bd's shape, with dependency_count, dependent_count, comment_count and parent).")
    var json = false

    func validate() throws {
        if limit < 0 { throw ValidationError("--limit must be 0 (all) or more") }
        if ReadySort(rawValue: sort) == nil {
            throw ValidationError("--sort \(sort): one of \(ReadySort.allCases.map(\.rawValue).joined(separator: ", "))")
        }
    }

    func run() throws {
        let base = try kb.open()
        let order = ReadySort(rawValue: sort) ?? .priority
        let ready = try base.store.readyBeads(now: Timestamp.now(), limit: limit, sort: order)
        let out = Terminal.standardOutput
        if json {
            out.write(Self.json(ready).prettyEncoded() + "\n")
            return
        }
        if ready.isEmpty {
            out.write("Nothing is ready: every open bead is blocked, deferred or taken.\n")
            return
        }
        for line in BeadOutput.lines(ready.map(\.bead), width: BeadOutput.terminalWidth) { out.write(line + "\n") }
        if limit > 0, ready.count == limit { out.write("(the first \(limit); --limit 0 shows all)\n") }
    }

    /// The `ready` shape, here and from `beads serve`.
    static func json(_ ready: [ReadyBead]) -> JSONValue {
        .array(
            ready.map { item in
                guard case var .object(fields) = item.bead.jsonValue else { return .null }
                fields.append(("dependency_count", JSONValue(item.dependencyCount)))
                fields.append(("dependent_count", JSONValue(item.dependentCount)))
                fields.append(("comment_count", JSONValue(item.commentCount)))
                if let parent = item.parent { fields.append(("parent", .string(parent))) }
                return .object(fields)
            })
    }
}
