import ArgumentParser
import BeadsKnowledge
import BeadsRemedy
import BeadsStore
import Foundation

struct FixCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "fix",
        abstract: "Recognise a pasted build error and show its bead, root cause and fixes.",
        discussion: """
            The paste is normalised (timestamps, BuildKit and CI prefixes, colours, paths,
            hashes and numbers do not matter) and compared with every known error signature
            in the docs. A score of \(SignatureMatcher.threshold) or more is a match.

            Fixes are ranked for where beads runs: inside a devpod, where a local docker build
            cannot work, in-cluster and CI builds come first (see `beads env`).

            With --run, the recommended fix (or --recipe NAME) is run through the recipe
            runner: the script is shown, then asked for (or --yes), and the run is recorded.

            Exit status: 0 a known error matched (with --run: the fix succeeded), 1 none did,
            2 usage error; with --run, a failing fix's own exit status.

            Examples:
              beads fix --file build.log
              docker build . 2>&1 | beads fix
              beads fix --json < build.log
            """)

    @OptionGroup var kb: KnowledgeBaseOptions
    @OptionGroup var input: PasteInput
    @Flag(help: "Print one JSON object (matches best first, and the environment).")
    var json = false
    @Flag(help: "Run the recommended fix of the best match.")
    var run = false
    @Option(help: ArgumentHelp("With --run: run this recipe instead of the recommended one.", valueName: "NAME"))
    var recipe: String?
    @Flag(name: [.customShort("y"), .long], help: "With --run: run without asking.")
    var yes = false
    @Flag(help: "With --run: show the script and stop.")
    var dryRun = false
    @Option(help: "With --run: end the fix after this many seconds.")
    var timeout: Int?

    func validate() throws {
        if !run, recipe != nil || yes || dryRun || timeout != nil {
            throw ValidationError("--recipe, --yes, --dry-run and --timeout go with --run")
        }
        if run, json { throw ValidationError("--json and --run do not mix: --json is for reading, --run for doing") }
    }

    func run() async throws {
        let paste = try input.read()
        let base = try kb.open()
        let diagnosis = try storeCall { () throws(StoreError) in try KnownErrorFinder(store: base.store).diagnose(paste) }
        let env = EnvironmentProbe.current().probe()
        var out = Terminal.standardOutput
        if json {
            out.write(FixReport.json(diagnosis, env: env).prettyEncoded() + "\n")
        } else {
            FixReport.write(diagnosis, env: env, to: &out)
        }
        guard let best = diagnosis.matches.first else { throw CommandFailure("", exitCode: 1) }
        guard run else { return }
        let chosen = try RecipeExecution.choose(for: best, named: recipe, env: env, base: base)
        out.write("\n")
        let status = try await RecipeExecution(
            base: base, recipe: chosen, beadID: best.beadID, paste: paste, assumeYes: yes, dryRun: dryRun,
            timeout: timeout.map { .seconds($0) }
        ).perform()
        if status != 0 { throw CommandFailure("", exitCode: status) }
    }
}

/// Renders a diagnosis for people and for scripts.
enum FixReport {
    static func json(_ diagnosis: Diagnosis, env: EnvironmentReport) -> JSONValue {
        func match(_ m: KnownErrorMatch) -> JSONValue {
            let ranked = RecipeRanker.rank(m.recipes, in: env)
            return .object([
                ("bead", .string(m.beadID)),
                ("title", JSONValue(m.bead?.title)),
                ("status", JSONValue(m.bead?.status.rawValue)),
                ("priority", m.bead.map { JSONValue($0.priority) } ?? .null),
                ("score", JSONValue(m.score)),
                ("signature", .string(m.signature.text)),
                ("line", JSONValue(m.lineNumber)),
                ("line_text", .string(m.lineText)),
                ("root_cause", JSONValue(m.rootCause)),
                ("docs", .array(m.docs.map { .object([("path", .string($0.path)), ("section", .string($0.section))]) })),
                ("recipes", .array(ranked.map { r in
                    .object([
                        ("name", .string(r.recipe.name)),
                        ("recommended", .bool(r.recommended)),
                        ("reason", .string(r.reason)),
                        ("when", .string(r.recipe.when)),
                        ("requires", JSONValue(r.recipe.requires)),
                        ("runnable", .bool(r.runnable)),
                        ("doc", .string("\(r.recipe.docPath)#\(r.recipe.sectionAnchor)")),
                    ])
                })),
            ])
        }
        return .object([
            ("matches", .array(diagnosis.matches.map(match))),
            ("nearest", .array(diagnosis.nearest.map(match))),
            ("threshold", JSONValue(SignatureMatcher.threshold)),
            ("environment", env.json),
        ])
    }

    static func write(_ diagnosis: Diagnosis, env: EnvironmentReport, to out: inout some TextOutputStream) {
        guard !diagnosis.matches.isEmpty else {
            out.write("No known error matched (\(diagnosis.linesRead) lines read, threshold \(SignatureMatcher.threshold)).\n")
            if !diagnosis.nearest.isEmpty {
                out.write("Nearest known errors:\n")
                for m in diagnosis.nearest {
                    out.write("  \(m.beadID)  \(String(format: "%.2f", m.score))  \(m.bead?.title ?? "(no such bead)")\n")
                    out.write("      signature: \(m.signature.text.replacingOccurrences(of: "\n", with: " ⏎ "))\n")
                }
            }
            out.write("If this is a new known error, record it so the next paste is recognised:\n  beads create --from-error < build.log     (or put the message under an \"Error\" heading of a solution doc)\n")
            return
        }
        for (k, m) in diagnosis.matches.prefix(3).enumerated() {
            if k > 0 { out.write("\n") }
            let status = m.bead.map { "\($0.status.rawValue) · P\($0.priority)" } ?? "not in the store"
            out.write("Known error  \(m.beadID)  \(m.bead?.title ?? "(the doc names it; no such bead)")   \(status)\n")
            out.write("  matched line \(m.lineNumber) (score \(String(format: "%.2f", m.score))): \(Self.clip(m.lineText.trimmingCharacters(in: .whitespaces)))\n")
            if let cause = m.rootCause { out.write("Root cause   \(cause)\n") }
            if let ref = m.rootCauseRef ?? m.docs.first { out.write("Doc          \(ref.display)\n") }
            let ranked = RecipeRanker.rank(m.recipes, in: env)
            guard !ranked.isEmpty else { continue }
            out.write("Fixes        " + ranked.map { "\($0.recipe.name) (\(Self.place($0.recipe.when)))" }.joined(separator: " · ") + "\n")
            for r in ranked {
                let mark = r.recommended ? "▸" : " "
                out.write("  \(mark) \(r.recipe.name): \(r.reason)\n")
                if let first = Self.firstCommand(r.recipe.body) { out.write("      runs: \(Self.clip(first, 90))\n") }
            }
            if let recommended = ranked.first(where: \.recommended) {
                out.write("  Run it: beads fix --run   (shows the script and asks first; `beads recipe show \(recommended.recipe.name)`)\n")
            }
        }
        if diagnosis.matches.count > 3 {
            out.write("\n\(diagnosis.matches.count - 3) more known errors matched; --json lists them all.\n")
        }
        out.write("(environment: \(env.verdict)\(env.reasons.isEmpty ? "" : " — " + env.reasons[0]))\n")
    }

    static func place(_ when: String) -> String {
        switch when.lowercased() {
        case "devpod": return "in a devpod"
        case "host": return "on a host"
        case "any", "anywhere", "always", "": return "anywhere"
        default: return "in a \(when)"
        }
    }

    static func firstCommand(_ body: String) -> String? {
        body.split(separator: "\n").map { $0.trimmingCharacters(in: .whitespaces) }
            .first { !$0.isEmpty && !$0.hasPrefix("#") }
    }

    /// Long lines keep their start and end: that is where messages carry their meaning.
    static func clip(_ text: String, _ limit: Int = 110) -> String {
        guard text.count > limit else { return text }
        let half = (limit - 3) / 2
        return text.prefix(half) + " … " + text.suffix(half)
    }
}
