import BeadsKnowledge
import Foundation

/// Why a candidate was not taken for a known error, in words a doc writer can act on:
/// the features that held its score down, most telling first.
enum MatchWhy {
    static func sentence(_ m: KnownErrorMatch) -> String {
        let e = m.evidence, f = m.features
        let quoted = { (words: [String]) in words.prefix(6).map { "'\($0)'" }.joined(separator: ", ") }
        var reasons: [String] = []
        if f["place_lookalike"] == 1 {
            reasons.append("its doc quotes this text as another error, not to be confused with this one")
        }
        if e.reasonMissing {
            reasons.append(
                "the wrapping matched, but not the reason at the end of the message"
                    + (e.missingWords.isEmpty ? "" : " (\(quoted(e.missingWords)))") + ": it is another error in the same place")
        } else if f["substituted"] > 0 {
            reasons.append(
                "the paste has other words where the signature has \(quoted(e.missingWords)): the same shape, naming something else")
        } else if f["align"] < 0.8 {
            var text = "only \(Int((f["align"] * 100).rounded()))% of the signature was found in order"
            if !e.missingWords.isEmpty { text += "; missing \(quoted(e.missingWords))" }
            reasons.append(text)
        }
        if f["attr_passing"] == 1 || (f["attr_elsewhere"] == 1 && f["share"] < 1) {
            reasons.append(
                "its doc does not say which bead this text belongs to (it names \(Int((1 / max(f["share"], 0.01)).rounded())) beads, none near the text)"
            )
        }
        if f["fallout"] == 1 { reasons.append("the doc shows this line after another error (fallout)") }
        if f["generic"] > 0.6 { reasons.append("most of its words are common to many failures") }
        let verdict = "scored \(String(format: "%.2f", m.score)) (a match needs \(MatchModel.threshold))"
        let found = e.foundWords.isEmpty ? "" : "; found \(quoted(e.foundWords))"
        let why = reasons.isEmpty ? verdict + found : reasons.joined(separator: "; ") + "; " + verdict
        return why + ". If this paste is the same error, quote its wording in the doc, under the bead it belongs to."
    }
}
