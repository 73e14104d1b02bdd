/// What a doc's sections are about, by their headings: where errors are shown,
/// where examples are, where remedies are.
extension DocumentAnalyzer {
    /// Headings under which code is taken for error text: what teams call the place
    /// where they show what went wrong.
    static let signatureSectionWords = [
        "problem", "error", "symptom", "signature", "fail", "known error", "what you see",
        "what it looks like", "how it looks", "shows up", "how to recognise",
        "how to recognize", "you will see", "you'll see", "what happens", "crash",
    ]
    /// Headings of sections that hold example pastes.
    static let exampleSectionWords = ["example", "test case", "look-alike", "lookalike", "sample paste"]
    /// Fence languages that hold output rather than code.
    static let outputLanguages: Set<String> = ["", "text", "txt", "log", "console", "output", "plain", "plaintext", "error", "signature"]
    /// Words in a paragraph that make its quoted messages look-alikes: another error
    /// that must not be taken for this one.
    static let lookAlikePhrases = [
        "not to be confused", "don't confuse", "do not confuse", "not this", "unlike ",
        "different problem", "different error", "look-alike", "lookalike", "red herring",
        "must not match", "should not match", "does not match", "reads differently",
        "is not the same", "isn't the same", "not the same", "is a different", "not covered here",
        "is not a ", "is not an ", "isn't a ", "isn't an ", "not related", "unrelated",
        "that's a different", "that is a different", "something else",
    ]
    /// Headings of sections about other errors than the doc's own.
    static let lookAlikeHeadingWords = [
        "not this", "look-alike", "lookalike", "look alike", "not to be confused",
        "don't confuse", "do not confuse", "similar error", "similar-looking",
        "different error", "unrelated",
    ]
    /// Words in a paragraph that say its quoted text is what you type, not what you get.
    static let commandContextPhrases = [
        "when you run", "if you run", "running ", "you get:", "you'll get", "you will get",
        "run `", "type `", "execute `",
    ]
    /// Words in the paragraph before a block that say it lists one error's wordings.
    static let alternateWordingPhrases = [
        "also seen", "other form", "other wording", "as other tools", "variant",
        "same error", "same refusal", "same failure", "also shows", "one of these",
        "any of these", "other versions", "older versions", "newer versions",
    ]
    /// A signature must weigh at least this much (a distinctive word and a weak one) to be kept:
    /// shorter ones would match too much.
    static let minimumSignatureWeight = 1.3

    /// Whether a text can be a signature: a distinctive word and enough weight, or an
    /// error code written as a name (`error: externally-managed-environment`), whose
    /// words the mask hides from the alignment but not from retrieval and scoring.
    static func tellsErrorsApart(_ text: String, tokens: [LogToken]) -> Bool {
        let weight = tokens.reduce(0) { $0 + $1.weight }
        if weight >= minimumSignatureWeight, tokens.contains(where: { $0.searchTerm != nil }), tokens.contains(where: { $0.weight >= 1 }) {
            return true
        }
        return namesTellApart(text, tokens: tokens)
    }

    /// An error code written as a name: two or more words hidden in its masks.
    static func namesTellApart(_ text: String, tokens: [LogToken]) -> Bool {
        let hidden = LogToken.hiddenWords(in: text, tokens: tokens).filter { $0.count >= 4 && !LogToken.fragmentWords.contains($0) }
        return tokens.count >= 2 && hidden.count >= 2 && ErrorVocabulary.readsLikeError(text)
    }

    /// Whether a section's own heading (not a parent's) says it shows an error. A
    /// heading about signatures (`## Signatures in docs`) is not one.
    static func headingSaysError(_ title: String) -> Bool {
        let lower = title.lowercased()
        return signatureSectionWords.contains { $0 != "signature" && lower.contains($0) }
            && !exampleSectionWords.contains { lower.contains($0) }
    }

    static func sectionMatches(_ ordinal: Int, in sections: [Section], _ words: [String]) -> Bool {
        chain(ordinal, in: sections).contains { section in
            guard section.record.level >= 2 else { return false }
            let title = section.record.title.lowercased()
            return words.contains { title.contains($0) }
        }
    }

    /// Headings of sections about what to do or why, not what is seen.
    static let remedySectionWords = [
        "fix", "solution", "workaround", "resolution", "prevent", "cause", "why",
        "history", "changelog", "related", "link", "reference", "see also", "recipe",
        "how to", "wrapper", "recommended", "alternative", "mitigat", "cleanup", "clean up",
    ]

    /// Whether a section or one of its parents (below the title) is about a remedy.
    static func isRemedySection(_ ordinal: Int, in sections: [Section]) -> Bool {
        sectionMatches(ordinal, in: sections, remedySectionWords)
    }

    /// Whether a section (or a parent below the doc's title) is about an error: its
    /// heading says so, or it is a `##` section named for a bead (`## Certificate
    /// (ops-8)`) that is not about a remedy. The `#` title is left out: "Docker builds
    /// fail …" names the whole doc's subject.
    static func isErrorSection(_ ordinal: Int, in sections: [Section]) -> Bool {
        guard !isExampleSection(ordinal, in: sections) else { return false }
        if sectionMatches(ordinal, in: sections, signatureSectionWords) { return true }
        let own = sections[ordinal].record
        guard own.level >= 2, !sections[ordinal].headingBeads.isEmpty else { return false }
        let title = own.title.lowercased()
        return !remedySectionWords.contains { title.contains($0) }
    }

    static func isExampleSection(_ ordinal: Int, in sections: [Section]) -> Bool {
        sectionMatches(ordinal, in: sections, exampleSectionWords)
    }
}
