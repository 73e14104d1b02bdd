import BeadsStore

/// `beads doc test`: every example a doc gives, diagnosed against the whole knowledge
/// base, the way `beads fix` would diagnose the same paste.
public struct DocExampleRunner {
    public struct Outcome: Sendable {
        public var example: DocExample
        /// The bead matched first, nil when none did.
        public var matched: String?
        public var score: Double?
        /// The nearest candidate when nothing matched, with why it was not taken.
        public var nearest: KnownErrorMatch?
        public var passed: Bool

        /// What went wrong, in a sentence; nil when the example behaved.
        public var failure: String? {
            guard !passed else { return nil }
            let expected = example.beads.joined(separator: " or ")
            guard example.expectsMatch else {
                return
                    "look-alike matched \(matched ?? "?") (score \(Self.format(score))): it must match no bead; make that bead's signature more specific"
            }
            if let matched {
                return "matched \(matched) (score \(Self.format(score))) instead of \(expected.isEmpty ? "the doc's bead" : expected)"
            }
            var text = "matched no bead; expected \(expected.isEmpty ? "the doc's bead (the doc names none)" : expected)"
            if let nearest { text += "; nearest \(nearest.beadID) at \(Self.format(nearest.score))" }
            return text
        }

        static func format(_ score: Double?) -> String { score.map { String(format: "%.2f", $0) } ?? "-" }
    }

    public let finder: KnownErrorFinder

    public init(store: BeadStore) {
        finder = KnownErrorFinder(store: store)
    }

    public func run(_ examples: [DocExample]) throws(StoreError) -> [Outcome] {
        var outcomes: [Outcome] = []
        for example in examples {
            let diagnosis = try finder.diagnose(example.text)
            let top = diagnosis.matches.first
            let passed = example.expectsMatch ? (top.map { example.beads.contains($0.beadID) } ?? false) : top == nil
            outcomes.append(
                Outcome(
                    example: example, matched: top?.beadID, score: top?.score,
                    nearest: diagnosis.nearest.first, passed: passed))
        }
        return outcomes
    }
}
