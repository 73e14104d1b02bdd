import ArgumentParser
import BeadsKnowledge
import BeadsStore

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
