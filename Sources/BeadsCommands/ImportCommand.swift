import ArgumentParser
import BeadsKnowledge
import BeadsRemedy
import BeadsStore
import Foundation

struct ImportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import",
        abstract: "Import beads from a bd JSONL file (all of it, or nothing if a line is bad).",
        discussion: "Beads with a known id are replaced; every key, known or not, is kept.")

    @OptionGroup var kb: KnowledgeBaseOptions
    @Argument(help: "A bd JSONL file (e.g. .beads/issues.jsonl).")
    var file: String
    @Flag(help: "Print the counts as JSON.")
    var json = false

    func run() throws {
        let base = try kb.open()
        let beads = try JSONLFile.read(path: CommandContext.current.absolute(file), displayPath: file, now: Timestamp.now())
        let counts = try base.store.upsert(beads)
        let out = Terminal.standardOutput
        if json {
            out.write(
                JSONValue.object([
                    ("created", JSONValue(counts.created)), ("updated", JSONValue(counts.updated)),
                    ("unchanged", JSONValue(counts.unchanged)),
                ]).prettyEncoded() + "\n")
        } else {
            out.write(
                "Imported \(beads.count) beads from \(file): \(counts.created) new, \(counts.updated) updated, \(counts.unchanged) unchanged.\n"
            )
        }
    }
}
