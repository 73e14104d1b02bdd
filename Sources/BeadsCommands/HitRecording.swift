import ArgumentParser
import BeadsCore
import BeadsKnowledge
import BeadsRemedy
import BeadsStore
import Foundation

/// `--no-record`, for every command that diagnoses.
struct HitRecordingOptions: ParsableArguments {
    @Flag(name: .customLong("no-record"), help: "Do not record this diagnosis in beads/hits.jsonl.")
    var disabled = false
}

/// Hits recorded for the commands that diagnose outside `Diagnose` (run, safe-build):
/// `HitRecorder` does it; a hit that could not be recorded is one line on stderr.
enum HitRecording {
    static func record(
        _ diagnosis: Diagnosis, paste: String, source: String, env: EnvironmentReport?, in base: KnowledgeBase,
        disabled: Bool = false, now: Date = Date()
    ) {
        guard !disabled else { return }
        if let problem = HitRecorder.record(
            diagnosis, paste: paste, source: source, env: env, in: base,
            environment: CommandContext.current.environment, now: now)
        {
            Terminal.standardError.write("beads: \(problem)\n")
        }
    }
}
