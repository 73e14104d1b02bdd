import BeadsKnowledge
import BeadsRemedy
import BeadsStore
import Foundation

/// Sorts failed builds' logs: each read from its end, its secrets masked, matched against
/// the known errors; the unknown ones grouped into families by their root error line.
/// What `beads triage` and the Known errors page's form do.
public struct Triage: Sendable {
    /// One log, read when its turn comes (a file need not be held in memory before).
    public struct Log: Sendable {
        public var name: String
        public var read: @Sendable () throws -> Data

        public init(name: String, read: @escaping @Sendable () throws -> Data) {
            self.name = name
            self.read = read
        }
    }

    public struct Outcome: Sendable {
        /// Known errors, and how many logs showed each.
        public var known: [String: Int]
        public var unknown: [(name: String, signature: ErrorSignature.Generalized, line: String)]
        /// Logs with no error line (or none that could be read).
        public var silent: Int
        /// The unknown ones grouped, the largest family first.
        public var families: [LogTriage.Family]
    }

    let base: KnowledgeBase
    let environment: [String: String]

    public init(base: KnowledgeBase, environment: [String: String]) {
        self.base = base
        self.environment = environment
    }

    /// - Parameter step: called once per log read, from any thread (a progress line).
    public func callAsFunction(_ logs: [Log], similarity: Double = 0.7, step: (@Sendable () -> Void)? = nil) throws -> Outcome {
        let triage = LogTriage(store: base.store)
        let masker = SecretMasker(environment: environment)
        let outcomes = Locked([LogTriage.Outcome?](repeating: nil, count: logs.count))
        let failure = Locked<Error?>(nil)
        // Logs are independent: as many at once as there are cores.
        DispatchQueue.concurrentPerform(iterations: logs.count) { k in
            do {
                let text = masker.mask(String(decoding: try logs[k].read(), as: UTF8.self))
                let outcome = try triage.classify(Data(text.utf8))
                outcomes.withLock { $0[k] = outcome }
            } catch {
                failure.withLock { $0 = $0 ?? error }
            }
            step?()
        }
        if let error = failure.current { throw error }
        let (known, unknown, silent) = Self.tally(zip(logs.map(\.name), outcomes.current).map { ($0, $1) })
        return Outcome(known: known, unknown: unknown, silent: silent, families: LogTriage.families(unknown, similarity: similarity))
    }

    /// Each log's outcome counted: known errors by bead, the unknown ones for grouping,
    /// and those with no error line (or none read).
    static func tally(_ outcomes: [(name: String, outcome: LogTriage.Outcome?)])
        -> (known: [String: Int], unknown: [(name: String, signature: ErrorSignature.Generalized, line: String)], silent: Int)
    {
        var known: [String: Int] = [:]
        var unknown: [(name: String, signature: ErrorSignature.Generalized, line: String)] = []
        var silent = 0
        for (name, outcome) in outcomes {
            switch outcome {
            case let .known(id)?: known[id, default: 0] += 1
            case let .unknown(signature, line)?: unknown.append((name, signature, line))
            case .noErrorLine?, nil: silent += 1
            }
        }
        return (known, unknown, silent)
    }
}
