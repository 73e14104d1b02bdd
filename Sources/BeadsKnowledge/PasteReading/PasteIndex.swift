/// A normalised paste, indexed once so that every candidate signature can be aligned
/// against only the few lines that share a word with it.
public struct PasteIndex: Sendable {
    public let lines: [NormalizedLine]
    /// For each distinctive word, the indexes (into `lines`) of the lines holding it.
    let linesByWord: [String: [Int]]
    /// Each distinct token numbered, and every line's tokens as those numbers: the
    /// aligner compares integers, not strings.
    let tokenNumbers: [LogToken: Int32]
    let lineTokenNumbers: [[Int32]]
    /// What each line is, read as a person reads a log: its error lines, its stack
    /// traces' frames and context, and the lines that say what failed.
    public let reading: PasteReading

    public init(text: String) {
        self.init(lines: LogNormalizer.lines(of: text))
    }

    public init(lines: [NormalizedLine]) {
        self.lines = lines
        var index: [String: [Int]] = [:]
        var numbers: [LogToken: Int32] = [:]
        var lineNumbers: [[Int32]] = []
        lineNumbers.reserveCapacity(lines.count)
        for (n, line) in lines.enumerated() {
            var row: [Int32] = []
            row.reserveCapacity(line.tokens.count)
            for token in line.tokens {
                if let known = numbers[token] {
                    row.append(known)
                } else {
                    let next = Int32(numbers.count)
                    numbers[token] = next
                    row.append(next)
                }
                guard case let .word(w) = token else { continue }
                if index[w]?.last != n { index[w, default: []].append(n) }
            }
            lineNumbers.append(row)
        }
        linesByWord = index
        tokenNumbers = numbers
        lineTokenNumbers = lineNumbers
        reading = PasteReading(lines: lines)
    }

    /// Distinct searchable words of the paste, for candidate retrieval.
    /// With the names hidden in the masks of the lines that read like errors: among a
    /// thousand `Unable to locate package <name>` signatures, the one naming this
    /// package is found.
    public var searchTerms: [String] {
        var terms = Set(linesByWord.keys.filter { LogToken.word($0).searchTerm != nil })
        for line in lines where Self.readsLikeError(line.text) {
            terms.formUnion(LogToken.hiddenWords(in: line.message, tokens: line.tokens))
        }
        return terms.sorted()
    }

    /// The searchable words of the lines that read like errors, line by line: what a
    /// long build log's noise (package names, hashes) must not crowd out of retrieval.
    /// At most `limit` lines: the first few and the last ones, where builds report.
    public func focusTerms(limit: Int = 16) -> [[String]] {
        // The lines that say what failed first (a trace's exception line), then the rest.
        let errorLines = reading.rootLines + reading.errorLines.filter { !reading.rootLines.contains($0) }
        let chosen = errorLines.count <= limit ? errorLines : Array(errorLines.prefix(limit / 4)) + errorLines.suffix(limit - limit / 4)
        return chosen.map { n in
            var seen = Set<String>()
            // The names hidden in the line's masks too: a signature naming the same
            // package or host is found even among many of the same shape.
            let hidden = LogToken.hiddenWords(in: lines[n].message, tokens: lines[n].tokens)
            return (lines[n].tokens.compactMap(\.searchTerm) + hidden).filter { seen.insert($0).inserted }
        }.filter { !$0.isEmpty }
    }

    static func readsLikeError(_ text: String) -> Bool { ErrorVocabulary.readsLikeError(text) }

    /// Whether the paste holds any token at all (an empty or blank paste does not).
    public var isBlank: Bool { lines.allSatisfy { $0.tokens.isEmpty } }
}
