import ArgumentParser
import BeadsKnowledge
import BeadsStore

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
            out.write(
                JSONValue.array(
                    events.map { e in
                        .object([
                            ("at", .string(e.at)), ("actor", .string(e.actor)), ("field", .string(e.field)),
                            ("old", JSONValue(e.oldValue)), ("new", JSONValue(e.newValue)),
                        ])
                    }
                ).prettyEncoded() + "\n")
            return
        }
        if events.isEmpty {
            out.write("No recorded changes to \(id) (changes pulled through git are in git's history).\n")
            return
        }
        for e in events {
            switch e.field {
            case "created", "deleted": out.write("\(e.at)  \(e.actor)  \(e.field)\n")
            default:
                out.write(
                    "\(e.at)  \(e.actor)  \(e.field): \(FixReport.clip(e.oldValue ?? "—", 60)) → \(FixReport.clip(e.newValue ?? "—", 60))\n"
                )
            }
        }
    }
}
