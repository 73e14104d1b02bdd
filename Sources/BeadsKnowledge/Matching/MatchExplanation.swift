import Foundation

/// Why a signature scored what it did against a paste: the lines it matched, how
/// beads read them (prefixes stripped, values masked), which signature tokens were
/// found and what each weighed, and the arithmetic of the score.
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
    public var matchedWeight: Double
    public var totalWeight: Double
    public var strayTokens: Int
    public var strayCost: Double
    public var score: Double

    /// "(9.25 − 1 × 0.15) ÷ 10.00 = 0.91"
    public var arithmetic: String {
        let f = { (x: Double) in String(format: "%.2f", x) }
        return "(\(f(matchedWeight)) − \(strayTokens) × \(f(strayCost))) ÷ \(f(totalWeight)) = \(f(score))"
    }

    public init(pattern: [LogToken], alignment: SignatureAlignment, paste: PasteIndex) {
        let literal = pattern.filter { $0 != .wildcard }
        terms = zip(literal, alignment.matched).map { Term(token: $0, weight: $0.weight, found: $1) }
        lines = paste.lines[alignment.firstLine...alignment.lastLine].map { line in
            let explained = LogNormalizer.explain(line.text)
            return Line(number: line.number, text: line.text, strippedPrefix: explained.prefix.trimmingCharacters(in: .whitespaces),
                        tokens: explained.tokens.map(\.token),
                        masked: explained.tokens.filter { if case .mask = $0.token { true } else { false } }.map { ($0.token, $0.source) })
        }
        matchedWeight = alignment.matchedWeight
        totalWeight = alignment.totalWeight
        strayTokens = alignment.strayTokens
        strayCost = SignatureMatcher.strayCost
        score = alignment.score
    }
}
