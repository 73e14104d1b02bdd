/// One token of a normalised log line or signature.
///
/// Variable parts of a message (paths, hashes, numbers, quoted values …) become masks,
/// the way log-template miners (Drain) and error groupers (Sentry) generalise
/// messages, so that the same error from another machine still looks the same.
public enum LogToken: Hashable, Sendable, CustomStringConvertible {
    /// A lowercased word.
    case word(String)
    case mask(Mask)
    /// `...` or `…` in a signature: any run of tokens, including none.
    case wildcard

    public enum Mask: String, Sendable, CaseIterable {
        case path, url, quoted = "str", hash, number = "num", ip, id, name
    }

    public var description: String {
        switch self {
        case let .word(w): return w
        case let .mask(m): return "<\(m.rawValue)>"
        case .wildcard: return "<*>"
        }
    }

    /// Parses the text form written by `description` (patterns are stored as text).
    public init(text: String) {
        if text == "<*>" {
            self = .wildcard
            return
        }
        if text.hasPrefix("<"), text.hasSuffix(">"),
            let mask = Mask(rawValue: String(text.dropFirst().dropLast()))
        {
            self = .mask(mask)
            return
        }
        self = .word(text)
    }

    /// Words so common in error output that they say little about which error it is.
    static let weakWords: Set<String> = [
        "the", "an", "to", "of", "in", "on", "at", "for", "with", "by", "from", "and", "or", "is", "are",
        "was", "be", "been", "not", "no", "it", "as", "this", "that", "error", "errors", "err", "failed",
        "fail", "failure", "warn", "warning", "info", "debug", "fatal", "unable", "cannot", "can", "could",
        "code", "errno", "exit", "status", "message", "line", "file", "run", "step", "process", "command",
        "get", "set", "see", "please", "try", "while", "when", "using", "use", "has", "have", "had",
    ]

    /// How much a token counts towards a match: distinctive words most, masks least.
    /// Words that ordinary build output is full of (a successful build's, or the
    /// wrappers a failed one prints whatever the cause) weigh as little as "the".
    public var weight: Double {
        switch self {
        case .wildcard: return 0
        case .mask: return 0.3
        case let .word(w):
            if Self.weakWords.contains(w) || OrdinaryBuildOutput.commonWords.contains(w) { return 0.35 }
            return w.utf8.count <= 2 ? 0.5 : 1.0
        }
    }

    /// How many distinctive words (weighing 1.0) a signature's text holds.
    static func distinctiveCount(_ text: String) -> Int {
        Set(LogNormalizer.signatureTokens(text).filter { $0.weight >= 1 }).count
    }

    /// The word, for full-text retrieval; masks and wildcards are not searchable.
    public var searchTerm: String? {
        if case let .word(w) = self, w.utf8.count >= 3, !Self.weakWords.contains(w) { return w }
        return nil
    }
}
