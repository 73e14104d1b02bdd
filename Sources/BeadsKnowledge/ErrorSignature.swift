import BeadsStore

/// Turns a pasted error into a signature to record on a new bead: the first line that
/// reads like an error, with its variable parts masked, so the next paste of the same
/// shape matches.
public enum ErrorSignature {
    public struct Generalized: Sendable, Equatable {
        /// The message of the line (colours, timestamps and CI prefixes removed).
        public var text: String
        /// Normalised tokens, masks in place of variable parts.
        public var pattern: String
        public var terms: String
    }

    public static func generalize(_ paste: String) -> Generalized? {
        let lines = LogNormalizer.lines(of: paste).filter { line in
            line.tokens.contains { $0.searchTerm != nil } && line.tokens.reduce(0) { $0 + $1.weight } >= 1.3
        }
        let chosen = lines.first { ErrorVocabulary.readsLikeError($0.text) && !ErrorVocabulary.readsLikeCommand($0.text) } ?? lines.last
        guard let chosen else { return nil }
        var seen = Set<String>()
        let terms = chosen.tokens.compactMap(\.searchTerm).filter { seen.insert($0).inserted }
        return Generalized(text: chosen.message,
                           pattern: chosen.tokens.map(\.description).joined(separator: " "),
                           terms: terms.joined(separator: " "))
    }

    /// The JSONL form kept on the bead.
    public static func json(_ g: Generalized) -> JSONValue {
        .object([("text", .string(g.text)), ("pattern", .string(g.pattern)), ("terms", .string(g.terms))])
    }
}
