import ArgumentParser
import BeadsKnowledge
import BeadsStore
import Foundation

struct PrimeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "prime",
        abstract: "Print what a coding agent needs to know at the start of a session.",
        discussion: HelpText.prose(
            """
            What beads is for here, the commands that matter (a failing build's error goes
            to `beads fix` first), the work that is ready, and the known errors this
            knowledge base recognises: under 1,500 tokens. A beads/PRIME.md in the knowledge
            base replaces the built-in guidance; the lists are still added.

            --hook prints it as a session-start hook's JSON (Claude Code's SessionStart
            `additionalContext`), to be used as is:
              {"hooks": {"SessionStart": [{"hooks": [{"type": "command", "command": "beads prime --hook"}]}]}}
            """))

    @OptionGroup var kb: KnowledgeBaseOptions
    @Flag(help: "Print one JSON object: text, ready, known_errors.")
    var json = false
    @Flag(help: "Print the context as a session-start hook's JSON output.")
    var hook = false

    func validate() throws {
        if json, hook { throw ValidationError("--json or --hook, not both") }
    }

    static let guidance = """
        # beads: known build errors and work for this repository

        This repository keeps its issues as beads (bd's format, beads/issues.jsonl) and its
        runbooks as solution docs (docs/). Before debugging a failing build or command
        yourself, ask beads: the team has likely seen the error before.

        ## A build or command failed
        - `beads fix --json 'THE ERROR'`, or `… 2>&1 | tail -c 1000000 | beads fix --json`:
          exit 0 means a known error; the first match gives the bead, the root cause, the
          doc, and the fixes ranked for this machine (`recommended: true` can run here).
        - `beads fix --run --yes --file build.log` runs the recommended fix (recorded).
        - `beads run -- CMD…` runs a build and names the known error if it fails.
        - Nothing matched and you found the cause: `beads create --from-error --error-file build.log -t bug`.

        ## Work
        - `beads ready --json`: open, unblocked work, most urgent first.
        - `beads update ID --claim` takes a bead; `beads close ID -r "why"` finishes it.
        - `beads create "Title" -t bug|task|feature -p 0-4`, `beads dep add ISSUE DEPENDS_ON`.
        - `beads show ID` tells a bead's docs, dependencies and fixes.
        """

    func run() throws {
        let base = try kb.open()
        let custom = try? String(contentsOfFile: base.location.beadsDirectory + "/PRIME.md", encoding: .utf8)
        let ready = try base.store.readyBeads(now: Timestamp.now(), limit: 5).map(\.bead)
        let signed = try base.store.beadIDsWithSignatures()
        var all = BeadFilter()
        all.includeClosed = true
        // The ones hit most in the last 30 days first: what this team runs into.
        let hits = try base.store.hitSummaries(HitWindows(now: Date()))
        let known = try base.store.beads(matching: all).filter { signed.contains($0.id) }.enumerated()
            .sorted { a, b in
                let (ha, hb) = (hits[a.element.id]?.month ?? 0, hits[b.element.id]?.month ?? 0)
                return ha != hb ? ha > hb : a.offset < b.offset
            }.map(\.element).prefix(8)

        var text = (custom ?? Self.guidance).trimmingCharacters(in: .whitespacesAndNewlines) + "\n"
        text += "\n## Ready now\n"
        text +=
            ready.isEmpty ? "Nothing is ready.\n" : ready.map { "- \($0.id) P\($0.priority) \(FixReport.clip($0.title, 80))\n" }.joined()
        text += "\n## Known errors beads recognises (\(signed.count))\n"
        text +=
            known.isEmpty
            ? "None yet.\n"
            : known.map { bead in
                let seen = hits[bead.id].map { $0.month > 0 ? " (hit \($0.month)× in 30 days)" : "" } ?? ""
                return "- \(bead.id) \(FixReport.clip(bead.title, 80))\(seen)\n"
            }.joined()

        let out = Terminal.standardOutput
        if hook {
            out.write(
                JSONValue.object([
                    (
                        "hookSpecificOutput",
                        .object([
                            ("hookEventName", .string("SessionStart")), ("additionalContext", .string(text)),
                        ])
                    )
                ]).prettyEncoded() + "\n")
        } else if json {
            out.write(
                JSONValue.object([
                    ("text", .string(text)),
                    ("ready", .array(ready.map(MCPTools.row))),
                    ("known_errors", .array(known.map(MCPTools.row))),
                ]).prettyEncoded() + "\n")
        } else {
            out.write(text)
        }
    }
}
