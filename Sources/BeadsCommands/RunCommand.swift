import ArgumentParser
import BeadsKnowledge
import BeadsRemedy
import BeadsStore
import Foundation

struct RunCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "run",
        abstract: "Run a build command; if it fails with a known error, say which and how to fix it.",
        discussion: HelpText.prose(
            """
            The command's output streams through as it comes (values of secret variables
            such as GITHUB_TOKEN are masked) and is kept. If the command fails, the output is
            matched against the known errors and the diagnosis goes to standard error after
            it. The command's exit status is always beads' exit status, --fix or not.

            With --fix, the recommended fix (or --recipe NAME) then runs through the recipe
            runner, as `beads fix --run` would: shown first, asked for unless --yes.

            Examples:
              beads run -- docker build -t api .
              beads run --fix --yes -- make images
            """))

    @OptionGroup var kb: KnowledgeBaseOptions
    @OptionGroup var recording: HitRecordingOptions
    @Flag(help: "When a known error matched, run its recommended fix.")
    var fix = false
    @Option(help: ArgumentHelp("With --fix: run this recipe instead of the recommended one.", valueName: "NAME"))
    var recipe: String?
    @Flag(name: [.customShort("y"), .long], help: "With --fix: run the fix without asking.")
    var yes = false
    @Option(help: "End the command after this many seconds (exit 124).")
    var timeout: Int?
    @Argument(parsing: .allUnrecognized, help: "The command and its arguments (after --).")
    var command: [String] = []

    var arguments: [String] { command.first == "--" ? Array(command.dropFirst()) : command }

    func validate() throws {
        if arguments.isEmpty { throw ValidationError("name the command to run, after --: beads run -- docker build .") }
        if !fix, recipe != nil || yes { throw ValidationError("--recipe and --yes go with --fix") }
        if let timeout, timeout <= 0 { throw ValidationError("--timeout must be a positive number of seconds") }
    }

    /// Keeps a failed command's captured (masked) output in a private file, so the
    /// suggested `create --from-error --error-file` names a file that exists.
    static func save(_ output: String) -> String? {
        var template = Array((NSTemporaryDirectory() + "beads-run-XXXXXX.log").utf8CString)
        let fd = mkstemps(&template, 4)
        guard fd >= 0 else { return nil }
        let handle = FileHandle(fileDescriptor: fd, closeOnDealloc: true)
        handle.write(Data(output.utf8))
        return String(cString: template)
    }

    func run() async throws {
        let argv = arguments
        // The knowledge base is opened before the build, so a broken one is said up front,
        // but a missing one does not stop the build: it runs, undiagnosed.
        let base: KnowledgeBase?
        do { base = try kb.open() } catch {
            Terminal.standardError.write("beads run: \(error) — running `\(argv[0])` without diagnosis\n")
            base = nil
        }
        let outcome = try await StreamedChild.run(argv, timeout: timeout.map { .seconds($0) })
        guard outcome.exitCode != 0 else { return }
        let err = Terminal.standardError
        let described = outcome.timedOut ? "timed out" : outcome.interrupted ? "was interrupted" : "failed (exit \(outcome.exitCode))"
        guard let base else { throw ExitCode(outcome.exitCode) }
        let diagnosis = try KnownErrorFinder(store: base.store).diagnose(outcome.output)
        let env = try EnvironmentCheck.probe()
        HitRecording.record(diagnosis, paste: outcome.output, source: "run", env: env, in: base, disabled: recording.disabled)
        var report = Terminal.standardError
        guard let best = diagnosis.matches.first else {
            err.write("\nbeads run: `\(argv[0])` \(described); no known error in its output.\n")
            if let saved = Self.save(outcome.output) {
                err.write(
                    "Its output (secrets masked) is in \(saved). If you know this failure, record it so it is recognised next time:\n")
                err.write("  beads create --from-error --error-file \(ShellWords.quote(saved))\(kb.repeated)\n")
            }
            throw ExitCode(outcome.exitCode)
        }
        err.write("\nbeads run: `\(argv[0])` \(described) with a known error:\n")
        FixReport.write(diagnosis, env: env, runHint: FixReport.recipeRunHint(kb: kb), to: &report)
        if fix {
            let chosen = try RecipeExecution.choose(for: best, named: recipe, env: env, base: base)
            err.write("\n")
            _ = try await RecipeExecution(
                base: base, recipe: chosen, beadID: best.beadID, paste: outcome.output, assumeYes: yes, dryRun: false, timeout: nil
            ).perform()
        }
        throw ExitCode(outcome.exitCode)
    }
}
