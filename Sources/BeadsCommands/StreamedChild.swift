import BeadsRemedy
import Foundation

/// Runs a user's command with its output streaming to ours as it comes (secret values
/// masked) and captured for matching; shared by `run` and `safe-build`.
enum StreamedChild {
    static func run(_ argv: [String], timeout: Duration? = nil) async throws -> ChildOutcome {
        let processEnv = CommandContext.current.environment
        guard let executable = CommandLocator(environment: processEnv).find(argv[0]) else {
            throw CommandFailure("\(argv[0]): command not found on PATH", exitCode: 127)
        }
        let masker = SecretMasker(environment: processEnv)
        let stdoutWriter = MaskingLineWriter(masker: masker) { Terminal.rawStandardOutput.write($0) }
        let stderrWriter = MaskingLineWriter(masker: masker) { Terminal.rawStandardError.write($0) }
        defer {
            stdoutWriter.flush()
            stderrWriter.flush()
        }
        var child = ChildProcess(executable: executable, arguments: Array(argv.dropFirst()), environment: processEnv)
        child.timeout = timeout
        do {
            var outcome = try await child.run { data, isError in (isError ? stderrWriter : stdoutWriter).write(data) }
            // The captured copy is diagnosed and printed again (the matched line): masked too.
            outcome.output = masker.mask(outcome.output)
            return outcome
        } catch {
            throw CommandFailure("could not start \(argv[0]): \(error)", exitCode: 126)
        }
    }
}
