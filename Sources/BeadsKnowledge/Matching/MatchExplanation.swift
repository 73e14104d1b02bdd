import Foundation

/// Why a signature scored what it did against a paste: the lines it matched, how
/// beads read them (prefixes stripped, values masked), which signature tokens were
/// found, and the scorer's arithmetic: each feature's value times its weight.
public struct MatchExplanation: Sendable {
    public struct Line: Sendable {
        public var number: Int
        public var text: String
        /// What was stripped before the message (timestamps, BuildKit steps, CI markers).
        public var strippedPrefix: String
        public var tokens: [LogToken]
        /// Masked values: the mask, and the text it stands for.
        public var masked: [(mask: LogToken, source: String)]
    }

    public struct Term: Sendable {
        public var token: LogToken
        public var weight: Double
        public var found: Bool
    }

    public var lines: [Line]
    public var terms: [Term]
    /// The alignment's share of the signature found in order.
    public var alignment: Double
    /// Each feature that is not zero: its value, its weight, largest effect first.
    public var contributions: [(name: String, value: Double, weight: Double)]
    public var bias: Double
    public var score: Double

    /// "−9.00 + 6.00×0.91 (align) + … = 1.23 → 0.77"
    public var arithmetic: String {
        let f = { (x: Double) in String(format: "%.2f", x) }
        let logit = contributions.reduce(bias) { $0 + $1.value * $1.weight }
        let parts = contributions.filter { $0.weight != 0 }.map { "\(f($0.weight))×\(f($0.value)) (\($0.name))" }
        return "\(f(bias)) + " + parts.joined(separator: " + ") + " = \(f(logit)) → \(f(score))"
    }

    public init(_ candidate: ScoredCandidate, paste: PasteIndex) {
        let literal = candidate.pattern.filter { $0 != .wildcard }
        terms = zip(literal, candidate.alignment.matched).map { Term(token: $0, weight: $0.weight, found: $1) }
        lines = Self.lines(candidate.alignment, in: paste)
        alignment = candidate.alignment.score
        contributions = MatchModel.contributions(candidate.features)
        bias = MatchModel.bias
        score = candidate.probability
    }

    /// The lines an alignment spans, as the matcher read them.
    public static func lines(_ alignment: SignatureAlignment, in paste: PasteIndex) -> [Line] {
        paste.lines[alignment.firstLine...alignment.lastLine].map { line in
            let explained = LogNormalizer.explain(line.text)
            return Line(
                number: line.number, text: line.text, strippedPrefix: explained.prefix.trimmingCharacters(in: .whitespaces),
                tokens: explained.tokens.map(\.token),
                masked: explained.tokens.filter { if case .mask = $0.token { true } else { false } }.map { ($0.token, $0.source) })
        }
    }
}
