import BeadsStore

/// What a candidate rests on, in words: the distinctive words of the signature found
/// and missing, the words around it in the paste that the bead's docs also use, and
/// whether it cleared the scorer's threshold. `fix` shows it for the nearest candidates
/// when nothing matched.
public struct MatchEvidence: Sendable, Equatable {
    /// Distinctive words of the signature found in the paste.
    public var foundWords: [String]
    /// Distinctive words of the signature missing from the paste.
    public var missingWords: [String]
    /// Words near the match that the bead's title and other signatures use too.
    public var corroboratingWords: [String]
    /// The signature is an error that followed the cause in the doc's paste.
    public var isFallout = false
    /// The last clause of the signature's chain, its reason, was not found.
    public var reasonMissing = false
    /// The scorer's probability reached its threshold.
    public var suffices = false

    /// Lines around the match searched for corroborating words.
    static let corroborationReach = 15
}

/// Each paste line's corroborating words, read once however many candidates look
/// around the same lines (at 100k signatures a paste has hundreds of candidates).
final class LineWords {
    private let paste: PasteIndex
    private var memo: [Int: Set<String>] = [:]

    init(_ paste: PasteIndex) { self.paste = paste }

    subscript(_ n: Int) -> Set<String> {
        if let words = memo[n] { return words }
        let words = LogToken.corroboratingWords(in: paste.lines[n].text)
        memo[n] = words
        return words
    }
}

extension KnownErrorFinder {
    /// The evidence of one alignment. `vocabulary` is the bead's: its title and every
    /// word its signatures are written with (`containerd` in `/tmp/containerd-mount…`).
    func evidence(
        signature: SignatureRecord, pattern: [LogToken], vocabulary: Set<String>, alignment: SignatureAlignment,
        paste: PasteIndex, lineWords: LineWords
    ) -> MatchEvidence {
        let literal = pattern.filter { $0 != .wildcard }
        var found: [String] = [], missing: [String] = []
        for (token, wasFound) in zip(literal, alignment.matched) {
            guard case let .word(w) = token, token.weight >= 1 else { continue }
            if wasFound { if !found.contains(w) { found.append(w) } } else if !missing.contains(w) { missing.append(w) }
        }
        // In a chain (`listen tcp …: bind: address already in use`) the last clause is the
        // reason: when little of it was found, this is another error with the same wrapping.
        // A line cut off before its end is given the benefit of the doubt.
        let reasonMissing =
            !Self.isCutOff(paste.lines[alignment.lastLine].text)
            && (Self.lastClauseFound(signature.text, pattern: literal, matched: alignment.matched).map { $0 < 0.6 } ?? false)
        // The signature's own words do not corroborate it.
        var own = vocabulary
        own.subtract(literal.compactMap { if case let .word(w) = $0 { return w } else { return nil } })
        let low = max(0, alignment.firstLine - MatchEvidence.corroborationReach)
        let high = min(paste.lines.count - 1, alignment.lastLine + MatchEvidence.corroborationReach)
        var nearby = Set<String>()
        // The whole lines, prefixes included: `npm ERR!` says npm as much as the message does.
        for n in low...high { nearby.formUnion(lineWords[n]) }
        var corroborating = own.intersection(nearby)
        // The tool that printed it: `npm ERR! code ENOTEMPTY` in the doc and `npm ERR!`
        // before the matched line say the same program failed.
        corroborating.formUnion(
            Self.prefixWords(signature.text).intersection(
                (alignment.firstLine...alignment.lastLine).reduce(into: Set<String>()) {
                    $0.formUnion(Self.prefixWords(paste.lines[$1].text))
                }
            )
            .map { "\($0) (the same tool's prefix)" })
        return MatchEvidence(
            foundWords: found, missingWords: missing, corroboratingWords: corroborating.sorted(),
            isFallout: signature.origin == SignatureOrigin.fallout, reasonMissing: reasonMissing)
    }

    /// A bead's vocabulary: its title and the words of all its signatures, the errors that
    /// came after its cause included (`rsync: connection unexpectedly closed` corroborates
    /// a refused key).
    static func vocabulary(of bead: Bead?, signatures: [SignatureRecord]) -> Set<String> {
        var words = LogToken.corroboratingWords(in: bead?.title ?? "")
        for s in signatures { words.formUnion(LogToken.corroboratingWords(in: s.text)) }
        return words
    }
}

extension KnownErrorFinder {
    /// The share of the weight of a chain's last clause that the alignment found, nil
    /// when the signature is not a chain or its last clause is only masks.
    static func lastClauseFound(_ text: String, pattern: [LogToken], matched: [Bool]) -> Double? {
        guard let last = ErrorBlockReader.tailClauses(of: text).first else { return nil }
        let tail = LogNormalizer.signatureTokens(last).filter { $0 != .wildcard }
        guard tail.count >= 2, tail.contains(where: { if case .word = $0 { return true } else { return false } }),
            tail.count < pattern.count, tail.count <= matched.count,
            Array(pattern.suffix(tail.count)) == tail
        else { return nil }
        let weights = tail.map(\.weight)
        let found = zip(weights, matched.suffix(tail.count)).reduce(0) { $0 + ($1.1 ? $1.0 : 0) }
        return found / max(weights.reduce(0, +), 0.01)
    }

    /// A line that stops in the middle of a quoted value or a parenthesis: pasted cut
    /// off, so what it lacks at its end is not evidence against a match.
    static func isCutOff(_ line: String) -> Bool {
        var quotes = 0, open = 0, close = 0
        for b in line.utf8 {
            if b == UInt8(ascii: "\"") {
                quotes += 1
            } else if b == UInt8(ascii: "(") {
                open += 1
            } else if b == UInt8(ascii: ")") {
                close += 1
            }
        }
        return quotes % 2 == 1 || open > close
    }

    /// Words of the prefixes a line's message is wrapped in (`npm ERR!`, `yarn error`).
    static func prefixWords(_ text: String) -> Set<String> {
        LogNormalizer.lines(of: text).reduce(into: Set<String>()) { words, line in
            let prefix = String(decoding: line.text.utf8.prefix(line.messageStart), as: UTF8.self)
            words.formUnion(LogToken.corroboratingWords(in: prefix, includingCommon: true))
        }
    }
}

extension LogToken {
    /// Words a text carries inside its masks (`libkire` in `libkire-tokimi-dev`,
    /// `containerd` in `/tmp/containerd-mount…`): not compared when aligning, so that
    /// other names match, but searched and used to break ties, so that the same name wins.
    public static func hiddenWords(in text: String, tokens: [LogToken]) -> [String] {
        let visible = Set(tokens.compactMap { if case let .word(w) = $0 { return w } else { return nil } })
        return corroboratingWords(in: text, includingCommon: true).subtracting(visible).sorted()
    }

    /// Path and host fragments: every path and URL has them.
    static let fragmentWords: Set<String> = [
        "usr", "bin", "lib", "var", "tmp", "etc", "opt", "home", "root", "com", "org",
        "net", "www", "http", "https", "src", "local", "share", "node_modules",
    ]

    /// The words of a text as written, inside paths and quotes too: letters (and
    /// digits) in runs of three or more, lowercased, without weak words, path
    /// fragments, and (unless asked) the words common in ordinary build output.
    public static func corroboratingWords(in text: String, includingCommon: Bool = false) -> Set<String> {
        var out = Set<String>()
        var word: [UInt8] = []
        func flush() {
            if word.count >= 3, word.contains(where: { $0 >= 0x61 }) {
                let w = String(decoding: word, as: UTF8.self)
                if !LogToken.weakWords.contains(w), !fragmentWords.contains(w),
                    includingCommon || !OrdinaryBuildOutput.commonWords.contains(w)
                {
                    out.insert(w)
                }
            }
            word.removeAll(keepingCapacity: true)
        }
        for b in text.utf8.prefix(LogNormalizer.maxLineBytes * 4) {
            if (b >= 0x61 && b <= 0x7A) || (b >= 0x30 && b <= 0x39) || b == 0x5F {
                word.append(b)
            } else if b >= 0x41 && b <= 0x5A {
                word.append(b | 0x20)
            } else {
                flush()
            }
        }
        flush()
        return out
    }
}
