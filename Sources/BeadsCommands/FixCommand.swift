import ArgumentParser
import BeadsCore
import BeadsKnowledge
import BeadsRemedy
import BeadsStore
import Foundation

struct FixCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "fix",
        abstract: "Recognise a pasted build error and show its bead, root cause and fixes.",
        discussion: HelpText.prose(
            """
            The paste is normalised (timestamps, BuildKit and CI prefixes, colours, paths,
            hashes and numbers do not matter) and compared with every known error signature
            in the docs. A score of \(MatchModel.threshold) or more is a match.

            Fixes are ranked for where beads runs: inside a devpod, where a local docker build
            cannot work, in-cluster and CI builds come first (see `beads env`).

            With --run, the recommended fix (or --recipe NAME) is run through the recipe
            runner: the script is shown, then asked for (or --yes), and the run is recorded.

            When a match is wrong, or a known error was missed, say so: --confirm BEAD and
            --reject BEAD record the paste's shape on the bead (in its JSONL line, so git
            carries the lesson to everyone), and the next paste of that shape matches, or
            stops matching, without editing a doc.

            Exit status: 0 a known error matched (with --run: the fix succeeded), 1 none did,
            2 usage error; with --run, a failing fix's own exit status.

            Examples:
              beads fix --file build.log
              docker build . 2>&1 | beads fix
              beads fix --json < build.log
            """))

    @OptionGroup var kb: KnowledgeBaseOptions
    @OptionGroup var input: PasteInput
    @OptionGroup var recording: HitRecordingOptions
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
    @Option(help: ArgumentHelp("The paste is this bead's error: remember its shape, so the next paste like it matches.", valueName: "BEAD"))
    var confirm: String?
    @Option(help: ArgumentHelp("The paste is not this bead's error: stop matching pastes of its shape to it.", valueName: "BEAD"))
    var reject: String?

    func validate() throws {
        if !run, recipe != nil || yes || dryRun || timeout != nil {
            throw ValidationError("--recipe, --yes, --dry-run and --timeout go with --run")
        }
        if run, json { throw ValidationError("--json and --run do not mix: --json is for reading, --run for doing") }
        if confirm != nil || reject != nil {
            if confirm != nil, reject != nil { throw ValidationError("--confirm or --reject, not both") }
            if run || json { throw ValidationError("--confirm and --reject record a verdict; run the fix or read JSON in another call") }
        }
    }

    func run() async throws {
        let given = try input.read()
        let base = try kb.open()
        if let id = confirm ?? reject {
            // Its shape goes into the JSONL git shares: secrets go first.
            let paste = PasteInput.masked(given)
            let diagnosis = try KnownErrorFinder(store: base.store).diagnose(paste)
            try learn(id, confirmed: confirm != nil, paste: paste, diagnosis: diagnosis, base: base)
            return
        }
        let outcome = try Diagnose(base: base, environment: CommandContext.current.environment)(
            given, source: "fix", record: !recording.disabled)
        if let problem = outcome.recordingProblem { Terminal.standardError.write("beads: \(problem)\n") }
        let (diagnosis, env) = (outcome.diagnosis, outcome.environment)
        var out = Terminal.standardOutput
        if json {
            out.write(FixReport.json(diagnosis, env: env).prettyEncoded() + "\n")
        } else {
            FixReport.write(diagnosis, env: env, runHint: runHint, recordHint: recordHint, to: &out)
        }
        guard let best = diagnosis.matches.first else { throw ExitCode(1) }
        guard run else { return }
        let chosen = try RecipeExecution.choose(for: best, named: recipe, env: env, base: base)
        out.write("\n")
        let status = try await RecipeExecution(
            base: base, recipe: chosen, beadID: best.beadID, paste: outcome.paste, assumeYes: yes, dryRun: dryRun,
            timeout: timeout.map { .seconds($0) }
        ).perform()
        if status != 0 { throw ExitCode(status) }
    }

    /// `beads fix … --run` with the same input, when the input can be given again: the
    /// file, or a short TEXT; a paste piped in cannot, so the recipe is named instead.
    var runHint: FixReport.RunHint {
        let fallback = FixReport.recipeRunHint(kb: kb)
        let again: String?
        if let file = input.file {
            again = "--file " + ShellWords.quote(file)
        } else if !input.text.isEmpty, input.text.joined(separator: " ").count <= 160, !input.text.joined().contains("\n") {
            again = input.text.map(ShellWords.quote).joined(separator: " ")
        } else {
            again = nil
        }
        return { recipe, bead in
            guard let again else { return fallback(recipe, bead) }
            return "beads fix \(again)\(kb.repeated) --run"
        }
    }

    /// `beads create --from-error` with the same input, where it can be given again.
    var recordHint: String {
        if let file = input.file { return "beads create --from-error --error-file \(ShellWords.quote(file))\(kb.repeated)" }
        let text = input.text.joined(separator: " ")
        if !text.isEmpty, text.count <= 160, !text.contains("\n") {
            return "beads create --from-error \(ShellWords.quote(text))\(kb.repeated)"
        }
        return "the same text piped into: beads create --from-error\(kb.repeated)"
    }

    /// `--confirm` / `--reject`: record the verdict on the bead, then show what the same
    /// paste gives now.
    func learn(_ id: String, confirmed: Bool, paste: String, diagnosis: Diagnosis, base: KnowledgeBase) throws {
        _ = try requireBead(id, in: base)
        let out = Terminal.standardOutput
        let matchedNow = diagnosis.matches.contains { $0.beadID == id }
        if confirmed, matchedNow {
            out.write("\(id) already matches this paste; nothing to learn.\n")
            return
        }
        if !confirmed, !matchedNow {
            throw CommandFailure(
                "\(id) does not match this paste, so there is nothing to reject"
                    + (diagnosis.rejected.contains(id) ? " (it was rejected for this shape already)" : ""))
        }
        guard let shape = MatchFeedback.shape(of: paste, for: id, in: diagnosis) else {
            throw CommandFailure("the paste has no line distinctive enough to remember")
        }
        try base.store.update(id) { bead in
            _ = confirmed ? MatchFeedback.confirm(shape, on: &bead) : MatchFeedback.reject(shape, on: &bead)
        }
        let after = try KnownErrorFinder(store: base.store).diagnose(paste)
        let verb = confirmed ? "Confirmed" : "Rejected"
        out.write("\(verb): pastes shaped like `\(FixReport.clip(shape.text, 90))` \(confirmed ? "are" : "are not") \(id).\n")
        out.write("  recorded on \(id) in beads/issues.jsonl (\(confirmed ? "error_signatures" : "rejected_signatures"))\n")
        let now = after.matches.map(\.beadID)
        out.write("  this paste now matches: \(now.isEmpty ? "nothing" : now.joined(separator: ", "))\n")
    }
}
