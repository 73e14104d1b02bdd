import ArgumentParser
import BeadsKnowledge
import BeadsStore
import Foundation

struct DocTestCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "test",
        abstract: "Check that every example paste in the docs is recognised as its bead, and no look-alike is.",
        discussion: HelpText.prose(
            """
            Docs give examples in a section whose heading says "Examples" (a ```text block,
            or inline code, is a paste that must match the section's bead), or anywhere as a
            fenced block marked {example=match} or {example=not} (add bead=ID to name the
            bead). A paragraph that says "not this", "not to be confused with" or "unlike"
            makes the error messages quoted in it look-alikes: they must match no bead.

            Each example is diagnosed against the whole knowledge base, as `beads fix` would.
            Exits 1 when an example matches the wrong bead or none, or a look-alike matches
            anything.
            """))

    @OptionGroup var kb: KnowledgeBaseOptions
    @Argument(help: "Docs whose examples to run (default: every doc under docs/).")
    var paths: [String] = []
    @Flag(help: "Print a JSON array: path, line, expect (match or none), beads, matched, score, passed, failure.")
    var json = false

    func run() throws {
        let base = try kb.open()
        let analyzer = try base.docAnalyzer()
        var examples: [DocExample] = []
        for doc in try DocFiles.resolve(paths, in: base) {
            let text = try DocFiles.read(doc, in: base)
            examples += analyzer.read(path: doc, text: text, fingerprint: FileFingerprint(size: 0, mtimeNanoseconds: 0), hash: "").examples
        }
        let outcomes = try DocExampleRunner(store: base.store).run(examples)
        let out = Terminal.standardOutput
        let failed = outcomes.filter { !$0.passed }
        if json {
            out.write(
                JSONValue.array(
                    outcomes.map { o in
                        .object([
                            ("path", .string(o.example.path)), ("line", JSONValue(o.example.line)),
                            ("expect", .string(o.example.expectsMatch ? "match" : "none")), ("beads", JSONValue(o.example.beads)),
                            ("matched", JSONValue(o.matched)), ("score", o.score.map { JSONValue($0) } ?? .null),
                            ("passed", .bool(o.passed)), ("failure", JSONValue(o.failure)),
                        ])
                    }
                ).prettyEncoded() + "\n")
        } else {
            for o in failed {
                let first = o.example.text.split(separator: "\n").first.map(String.init) ?? ""
                out.write(
                    "\(o.example.path):\(o.example.line): [\(o.example.expectsMatch ? "example" : "look-alike")] \(String(first.prefix(80)))\n"
                )
                out.write("    \(o.failure ?? "")\n")
            }
            let positives = outcomes.filter(\.example.expectsMatch).count
            let summary =
                outcomes.isEmpty
                ? "No examples in the docs checked: add an \"## Examples\" section with pastes that must match, and look-alikes under \"Not this:\"."
                : "\(outcomes.count) example(s): \(positives) to match, \(outcomes.count - positives) look-alike(s); \(failed.isEmpty ? "all behave." : "\(failed.count) failed.")"
            Terminal.standardError.write(summary + "\n")
        }
        if !failed.isEmpty { throw ExitCode(1) }
    }
}
