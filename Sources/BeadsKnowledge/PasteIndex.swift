/// A normalised paste, indexed once so that every candidate signature can be aligned
/// against only the few lines that share a word with it.
public struct PasteIndex: Sendable {
    public let lines: [NormalizedLine]
    /// For each distinctive word, the indexes (into `lines`) of the lines holding it.
    let linesByWord: [String: [Int]]

    public init(text: String) {
        self.init(lines: LogNormalizer.lines(of: text))
    }

    public init(lines: [NormalizedLine]) {
        self.lines = lines
        var index: [String: [Int]] = [:]
        for (n, line) in lines.enumerated() {
            for token in line.tokens {
                guard case let .word(w) = token else { continue }
                if index[w]?.last != n { index[w, default: []].append(n) }
            }
        }
        linesByWord = index
    }

    /// Distinct searchable words of the paste, for candidate retrieval.
    public var searchTerms: [String] {
        linesByWord.keys.filter { LogToken.word($0).searchTerm != nil }.sorted()
    }

    /// Whether the paste holds any token at all (an empty or blank paste does not).
    public var isBlank: Bool { lines.allSatisfy { $0.tokens.isEmpty } }
}
