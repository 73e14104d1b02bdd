import BeadsStore

/// How much a match rests on: the distinctive words of the signature that were found,
/// and the words around it in the paste that the bead's docs also use.
///
/// A signature can score 1.00 on words that many errors share: `failed to mount …:
/// invalid argument` is also what a USB stick says. A score says how much of the
/// signature was found; evidence says whether what was found tells this error apart.
/// Below `minimumEvidence` a match is only a candidate, shown with what it lacked.
public struct MatchEvidence: Sendable, Equatable {
    /// Distinctive words of the signature found in the paste (each weighing 1.0).
    public var foundWords: [String]
    /// Distinctive words of the signature missing from the paste.
    public var missingWords: [String]
    /// Words near the match that the bead's title and other signatures use too.
    public var corroboratingWords: [String]

    public var total: Double { Double(foundWords.count) + Double(min(corroboratingWords.count, MatchEvidence.maxCorroboration)) }
    public var suffices: Bool { total >= MatchEvidence.minimumEvidence }

    /// Two distinctive words, or one and a word of the bead's vocabulary nearby.
    public static let minimumEvidence = 2.0
    static let maxCorroboration = 2
    /// Lines around the match searched for corroborating words.
    static let corroborationReach = 15
}

extension KnownErrorFinder {
    func evidence(beadID: String, bead: Bead?, signature: SignatureRecord, alignment: SignatureAlignment,
                  paste: PasteIndex) throws(StoreError) -> MatchEvidence {
        let pattern = signature.pattern.split(separator: " ").map { LogToken(text: String($0)) }.filter { $0 != .wildcard }
        var found: [String] = [], missing: [String] = []
        for (token, wasFound) in zip(pattern, alignment.matched) {
            guard case let .word(w) = token, token.weight >= 1 else { continue }
            if wasFound { if !found.contains(w) { found.append(w) } } else if !missing.contains(w) { missing.append(w) }
        }
        guard Double(found.count) < MatchEvidence.minimumEvidence else {
            return MatchEvidence(foundWords: found, missingWords: missing, corroboratingWords: [])
        }
        // The bead's vocabulary: its title, and every word its signatures are written
        // with, those hidden in masks too (`/tmp/containerd-mount…` says containerd).
        var vocabulary = LogToken.corroboratingWords(in: bead?.title ?? "")
        for other in try store.signatures(ofBead: beadID) { vocabulary.formUnion(LogToken.corroboratingWords(in: other.text)) }
        vocabulary.subtract(pattern.compactMap { if case let .word(w) = $0 { return w } else { return nil } })
        let low = max(0, alignment.firstLine - MatchEvidence.corroborationReach)
        let high = min(paste.lines.count - 1, alignment.lastLine + MatchEvidence.corroborationReach)
        var nearby = Set<String>()
        // The whole lines, prefixes included: `npm ERR!` says npm as much as the message does.
        for n in low...high { nearby.formUnion(LogToken.corroboratingWords(in: paste.lines[n].text)) }
        let corroborating = vocabulary.intersection(nearby).sorted()
        return MatchEvidence(foundWords: found, missingWords: missing, corroboratingWords: corroborating)
    }
}

extension LogToken {
    /// The words of a text as written, inside paths and quotes too: letters (and
    /// digits) in runs of three or more, lowercased, without the weak words. Words
    /// common in build output count: `npm` next to `ENOTEMPTY` does say npm.
    public static func corroboratingWords(in text: String) -> Set<String> {
        var out = Set<String>()
        var word: [UInt8] = []
        func flush() {
            if word.count >= 3, word.contains(where: { $0 >= 0x61 }) {
                let w = String(decoding: word, as: UTF8.self)
                if !LogToken.weakWords.contains(w) { out.insert(w) }
            }
            word.removeAll(keepingCapacity: true)
        }
        for b in text.utf8.prefix(LogNormalizer.maxLineBytes * 4) {
            if (b >= 0x61 && b <= 0x7A) || (b >= 0x30 && b <= 0x39) || b == 0x5F { word.append(b) } else if b >= 0x41 && b <= 0x5A { word.append(b | 0x20) } else { flush() }
        }
        flush()
        return out
    }
}
