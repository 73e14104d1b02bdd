import ArgumentParser
import BeadsKnowledge
import BeadsStore

struct SearchCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "search", abstract: "Find beads by words in their title or description (FTS5).")
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
        if json { out.write(JSONValue.array(found.map(\.jsonValue)).prettyEncoded() + "\n"); return }
        if found.isEmpty { out.write("No bead matches.\n"); return }
        for bead in found { out.write(BeadOutput.line(bead) + "\n") }
    }
}

struct StatsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "stats", abstract: "Counts of beads by status, priority and type.")
    @OptionGroup var kb: KnowledgeBaseOptions
    @Flag(help: "Print JSON.") var json = false

    func run() throws {
        let base = try kb.open()
        let s = try base.store.statistics(now: Timestamp.now())
        let out = Terminal.standardOutput
        if json {
            out.write(JSONValue.object([
                ("total", JSONValue(s.total)), ("ready", JSONValue(s.ready)), ("blocked", JSONValue(s.blocked)),
                ("by_status", .object(s.byStatus.map { ($0.0, JSONValue($0.1)) })),
                ("open_by_priority", .object(s.byPriority.map { ("P\($0.0)", JSONValue($0.1)) })),
                ("by_type", .object(s.byType.map { ($0.0, JSONValue($0.1)) })),
            ]).prettyEncoded() + "\n")
            return
        }
        out.write("\(s.total) beads · \(s.ready) ready · \(s.blocked) blocked\n")
        out.write("status:   " + s.byStatus.map { "\($0.0) \($0.1)" }.joined(separator: " · ") + "\n")
        out.write("open by priority: " + s.byPriority.map { "P\($0.0) \($0.1)" }.joined(separator: " · ") + "\n")
        out.write("type:     " + s.byType.map { "\($0.0) \($0.1)" }.joined(separator: " · ") + "\n")
    }
}

struct HistoryCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "history", abstract: "Every recorded change to a bead: who, when, what.")
    @OptionGroup var kb: KnowledgeBaseOptions
    @Argument(help: "The bead.") var id: String
    @Flag(help: "Print JSON.") var json = false

    func run() throws {
        let base = try kb.open()
        let events = try base.store.history(of: id)
        // A deleted bead keeps its history; an id that never was is an error, as elsewhere.
        if events.isEmpty { _ = try requireBead(id, in: base) }
        let out = Terminal.standardOutput
        if json {
            out.write(JSONValue.array(events.map { e in
                .object([("at", .string(e.at)), ("actor", .string(e.actor)), ("field", .string(e.field)),
                         ("old", JSONValue(e.oldValue)), ("new", JSONValue(e.newValue))])
            }).prettyEncoded() + "\n")
            return
        }
        if events.isEmpty { out.write("No recorded changes to \(id) (changes pulled through git are in git's history).\n"); return }
        for e in events {
            switch e.field {
            case "created", "deleted": out.write("\(e.at)  \(e.actor)  \(e.field)\n")
            default: out.write("\(e.at)  \(e.actor)  \(e.field): \(FixReport.clip(e.oldValue ?? "—", 60)) → \(FixReport.clip(e.newValue ?? "—", 60))\n")
            }
        }
    }
}
