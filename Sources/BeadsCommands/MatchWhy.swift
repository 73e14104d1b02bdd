import BeadsKnowledge

/// Why a candidate was not taken for a known error, in words a doc writer can act on.
enum MatchWhy {
    static func sentence(_ m: KnownErrorMatch) -> String {
        let e = m.evidence
        let quoted = { (words: [String]) in words.prefix(6).map { "'\($0)'" }.joined(separator: ", ") }
        if m.score < SignatureMatcher.threshold {
            var text = "only \(Int((m.score * 100).rounded()))% of the signature was found in order"
            if !e.missingWords.isEmpty { text += "; missing \(quoted(e.missingWords))" }
            if !e.foundWords.isEmpty { text += "; found \(quoted(e.foundWords))" }
            return text + ". If this paste is the same error, add its wording to the doc's error section."
        }
        if e.reasonMissing {
            return "the wrapping matched, but not the reason at the end of the message"
                + (e.missingWords.isEmpty ? "" : " (\(quoted(e.missingWords)))") + ": it is another error in the same place"
        }
        if e.isFallout {
            return "the line matched is one the doc shows after its cause (fallout), and nothing of the cause is near it"
                + (e.corroboratingWords.isEmpty ? "" : " but \(quoted(e.corroboratingWords))")
                + ". If it can happen alone, list it on its own in the error section."
        }
        let found = e.foundWords.isEmpty ? "no distinctive word" : "only \(quoted(e.foundWords))"
        return "the signature matched, but \(found) of it tells errors apart (the rest is common to many failures)"
            + (e.corroboratingWords.isEmpty ? ", and no word of the bead's docs is near it" : "")
            + ". Quote more of the message in the doc."
    }
}
