import ArgumentParser
import BeadsKnowledge
import BeadsStore
import Foundation

struct RunsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "runs", abstract: "Show recorded recipe runs, or one run with its output.")

    @OptionGroup var kb: KnowledgeBaseOptions
    @Argument(help: "A run's number, to see its output.")
    var id: Int64?
    @Option(help: "Only runs for this bead.")
    var bead: String?
    @Flag(help: "Print JSON.")
    var json = false

    func run() throws {
        let base = try kb.open()
        let out = Terminal.standardOutput
        let runs: [RecipeRunRecord]
        if let id {
            guard let one = try base.store.run(id: id) else {
                throw CommandFailure("no run #\(id); `beads runs` lists them")
            }
            runs = [one]
        } else {
            runs = try base.store.runs(beadID: bead)
        }
        if json {
            out.write(
                JSONValue.array(
                    runs.map { r in
                        .object([
                            ("id", JSONValue(Int(r.id ?? 0))), ("recipe", .string(r.recipe)), ("doc", .string(r.docPath)),
                            ("bead", JSONValue(r.beadID)), ("actor", .string(r.actor)), ("started_at", .string(r.startedAt)),
                            ("ended_at", .string(r.endedAt)), ("exit_code", JSONValue(r.exitCode)),
                            ("duration_ms", JSONValue(r.durationMilliseconds)), ("outcome", .string(r.outcome)),
                            ("output", .string(r.output)),
                        ])
                    }
                ).prettyEncoded() + "\n")
            return
        }
        if runs.isEmpty {
            out.write("No recipe runs recorded.\n")
            return
        }
        var text = ""
        for r in runs {
            text +=
                "#\(r.id ?? 0)  \(r.startedAt)  \(r.recipe)  \(r.beadID ?? "-")  \(r.outcome) (exit \(r.exitCode), \(r.durationMilliseconds) ms)  by \(r.actor)\n"
        }
        if id != nil, let r = runs.first {
            text += "\n" + r.output + (r.output.hasSuffix("\n") || r.output.isEmpty ? "" : "\n")
        }
        Pager.show(text)
    }
}
