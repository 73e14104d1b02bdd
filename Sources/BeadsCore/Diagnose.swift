import BeadsKnowledge
import BeadsRemedy
import BeadsStore
import Foundation

/// Diagnoses a pasted error: its secrets masked, matched against the knowledge base, the
/// place it runs probed (the fixes are ranked for it), and the diagnosis recorded as a
/// hit. The one path for `beads fix`, the page's paste box, POST /api/fix and MCP's
/// diagnose_error; each front door only presents the outcome.
public struct Diagnose: Sendable {
    public struct Outcome: Sendable {
        /// The paste as it was matched and recorded: secrets masked.
        public var paste: String
        public var diagnosis: Diagnosis
        public var environment: EnvironmentReport
        /// Why the hit was not recorded, when something stopped it (the diagnosis stands).
        public var recordingProblem: String?
    }

    let base: KnowledgeBase
    /// The process environment the request runs under: the secrets to mask, `BEADS_ENV`,
    /// the CI job's identity.
    let environment: [String: String]

    public init(base: KnowledgeBase, environment: [String: String]) {
        self.base = base
        self.environment = environment
    }

    /// - Parameter source: who asked, as hits record it (fix, serve, mcp).
    public func callAsFunction(_ paste: String, source: String, record: Bool = true, now: Date = Date()) throws -> Outcome {
        let masked = SecretMasker(environment: environment).mask(paste)
        let diagnosis = try KnownErrorFinder(store: base.store).diagnose(masked)
        let report = try Self.probe(environment)
        let problem =
            record
            ? HitRecorder.record(
                diagnosis, paste: masked, source: source, env: report, in: base,
                environment: environment, now: now) : nil
        return Outcome(paste: masked, diagnosis: diagnosis, environment: report, recordingProblem: problem)
    }

    /// Where this runs: a `BEADS_ENV` that names no place is the caller's to fix, before
    /// any fix is ranked by it.
    public static func probe(_ environment: [String: String]) throws -> EnvironmentReport {
        try checked(EnvironmentProbe.current(environment: environment).probe())
    }

    /// A report, unless its `BEADS_ENV` names no place (a deep probe's too).
    public static func checked(_ report: EnvironmentReport) throws -> EnvironmentReport {
        if let value = report.invalidOverride {
            throw Failure(
                .usage,
                "BEADS_ENV=\(value) is not a place beads knows: set BEADS_ENV=devpod or BEADS_ENV=host, or unset it to let the probe decide"
            )
        }
        return report
    }
}
