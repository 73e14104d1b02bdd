import ArgumentParser
import BeadsKnowledge
import BeadsRemedy
import BeadsStore
import Foundation

struct SafeBuildCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "safe-build",
        abstract: "Run an image build only where it can work; in a devpod, refuse and say what to do instead.",
        discussion: HelpText.prose(
            """
            In a nested-overlay environment (see `beads env`) the command is not run: beads
            prints the known error, why it happens, and the fixes that work here, and exits 3.
            On a host the command runs with its output streaming, and its exit status is passed
            through; if it fails, its output is matched against the known errors.

            Example:  beads safe-build -- docker build -t ghcr.io/org/api:latest api/
            """))

    @OptionGroup var kb: KnowledgeBaseOptions
    @OptionGroup var recording: HitRecordingOptions
    @Argument(parsing: .allUnrecognized, help: "The build command and its arguments (after --).")
    var command: [String] = []

    /// The message the overlay refusal is known by, to find its bead in the docs.
    static let overlayError =
        #"ERROR: mount source: "overlay", target: "...", fstype: overlay, flags: 0, data: "...", err: invalid argument"#
    static let refusedExitCode: Int32 = 3

    func validate() throws {
        if command.first == "--" { return }
        if command.isEmpty { throw ValidationError("name the build command to run, after --: beads safe-build -- docker build .") }
    }

    var arguments: [String] { command.first == "--" ? Array(command.dropFirst()) : command }

    func run() async throws {
        let argv = arguments
        guard !argv.isEmpty else {
            throw CommandFailure.usage("name the build command to run, after --: beads safe-build -- docker build .")
        }
        let env = try EnvironmentCheck.probe()
        let err = Terminal.standardError
        let base = try kb.openIfPresent()
        if env.nestedOverlay {
            err.write(
                "beads safe-build: not running `\(argv.joined(separator: " "))`: this is a devpod, where a local image build nests overlayfs and the kernel refuses it.\n"
            )
            for reason in env.reasons { err.write("  - \(reason)\n") }
            if let base, let diagnosis = try? KnownErrorFinder(store: base.store).diagnose(Self.overlayError), !diagnosis.matches.isEmpty {
                // The error did not happen, because it was seen coming: still a hit of it.
                HitRecording.record(
                    diagnosis, paste: Self.overlayError, source: "safe-build", env: env, in: base, disabled: recording.disabled)
                var out = Terminal.standardError
                err.write("\n")
                FixReport.write(diagnosis, env: env, runHint: FixReport.recipeRunHint(kb: kb), to: &out)
            } else {
                err.write("Build in the cluster (Kaniko) or in CI (GitHub Actions) instead, or on a host.\n")
            }
            throw ExitCode(Self.refusedExitCode)
        }
        let outcome = try await StreamedChild.run(argv)
        guard outcome.exitCode != 0 else { return }
        if let base, let diagnosis = try? KnownErrorFinder(store: base.store).diagnose(outcome.output) {
            HitRecording.record(diagnosis, paste: outcome.output, source: "safe-build", env: env, in: base, disabled: recording.disabled)
            if !diagnosis.matches.isEmpty {
                var out = Terminal.standardError
                err.write("\nbeads safe-build: `\(argv[0])` failed (exit \(outcome.exitCode)) with a known error:\n")
                FixReport.write(diagnosis, env: env, runHint: FixReport.recipeRunHint(kb: kb), to: &out)
            }
        }
        throw ExitCode(outcome.exitCode)
    }
}
