/// What ordinary build output says: the words every build prints, failing or not. A word
/// common here identifies no error, so it weighs as little as "the" in matching, and a
/// signature that matches these lines is too generic to tell failures apart (`doc lint`).
public enum OrdinaryBuildOutput {
    /// Every text of the corpus: successful builds (the corpus file) and the wrappers
    /// that failing builds print whatever the cause.
    public static var texts: [String] {
        corpus.map(\.text) + [ErrorVocabulary.genericFailureLines.joined(separator: "\n")]
    }

    /// The common words, from the list `derivedCommonWords()` gives, committed as
    /// `OrdinaryBuildOutput+CommonWords.swift`: deriving it on each start normalised the
    /// whole corpus, 6% of a `fix` (callgrind). OrdinaryBuildOutputTests checks the list is current.
    public static let commonWords: Set<String> = Set(commonWordList)

    /// Words found in at least `minimumTexts` texts of the corpus, or in the failure
    /// wrappers and errno strings at all.
    public static func derivedCommonWords() -> Set<String> {
        let minimumTexts = 2
        var counts: [String: Int] = [:]
        for entry in corpus {
            var seen = Set<String>()
            for line in LogNormalizer.lines(of: entry.text) {
                for case let .word(w) in line.tokens where seen.insert(w).inserted { counts[w, default: 0] += 1 }
            }
        }
        var common = Set(counts.filter { $0.value >= minimumTexts }.keys)
        for text in ErrorVocabulary.genericFailureLines + ErrorVocabulary.errnoMessages {
            for line in LogNormalizer.lines(of: text) {
                for case let .word(w) in line.tokens { common.insert(w) }
            }
        }
        return common
    }

    /// Every line of the corpus, normalised, for checking that a signature does not
    /// match ordinary output.
    public static let index: PasteIndex = PasteIndex(text: texts.joined(separator: "\n"))
}
