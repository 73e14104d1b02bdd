/// How well one signature matches a paste, and where.
public struct SignatureAlignment: Sendable, Equatable {
    /// 0...1: the weight of the signature's tokens found, in order, minus a small cost
    /// for each stray token inside a part of the signature that has no wildcard,
    /// divided by the weight of all its tokens.
    public var score: Double
    /// Index into the paste's lines of the first and last matched token.
    public var firstLine: Int
    public var lastLine: Int
    /// For each signature token (wildcards excluded): whether it was found.
    public var matched: [Bool]
    public var matchedWeight: Double
    public var totalWeight: Double
    public var strayTokens: Int
    /// The weight of signature tokens the paste holds something else in place of (`cc`
    /// where the paste says `link.exe`): evidence that it is another error of the same shape.
    public var substitutedWeight: Double = 0
    /// Which signature tokens (wildcards excluded) those are.
    public var substitutedTokens: [Int] = []
}

/// Scores signatures against a paste by ordered token overlap with wildcards: a local
/// alignment (Smith-Waterman style) of the signature's tokens against a window of the
/// paste's tokens.
public enum SignatureMatcher {
    /// An alignment this strong means two texts say the same thing: the linter's test
    /// for a signature that ordinary build output, or another doc's signature, holds.
    /// (Whether a paste is a known error is the scorer's to say: `MatchModel`.)
    public static let sameText = 0.7
    /// What a stray token inside a wildcard-free stretch of the signature costs, in
    /// the same units as a distinctive word (1.0).
    public static let strayCost = 0.15
    /// How many lines around a line that shares a word with the signature are
    /// aligned; wider when the signature has wildcards, which may span lines.
    static let windowLines = 4
    static let wildcardWindowLines = 30
    static let maxWindows = 6

    /// The best alignment of `pattern` anywhere in the paste, or nil if the paste shares
    /// no word with it.
    /// - Parameter atLeast: windows that cannot reach this score (even if every
    ///   signature token found in them lined up) are not aligned at all.
    public static func align(_ pattern: [LogToken], in paste: PasteIndex, atLeast: Double = 0) -> SignatureAlignment? {
        let literals = pattern.filter { $0 != .wildcard }
        guard !literals.isEmpty else { return nil }
        let hasWildcard = literals.count != pattern.count
        // Anchor lines: those holding one of the signature's words, distinctive ones
        // preferred.
        var anchorWords = literals.compactMap(\.searchTerm)
        if anchorWords.isEmpty {
            anchorWords = literals.compactMap { if case let .word(w) = $0 { return w } else { return nil } }
        }
        var hitsPerLine: [Int: Int] = [:]
        for word in Set(anchorWords) {
            for line in paste.linesByWord[word] ?? [] { hitsPerLine[line, default: 0] += 1 }
        }
        guard !hitsPerLine.isEmpty else { return nil }
        let reach = hasWildcard ? wildcardWindowLines : windowLines
        let windows = mergedWindows(hitsPerLine, reach: reach, lineCount: paste.lines.count)
        // The signature as token numbers of this paste (-1: a token the paste lacks),
        // with the wildcard positions kept apart.
        var sig: [Int32] = []
        var weights: [Double] = []
        var freeGapBefore: [Bool] = []
        var pendingWildcard = false
        for token in pattern {
            if token == .wildcard {
                pendingWildcard = true
                continue
            }
            sig.append(paste.tokenNumbers[token] ?? -1)
            weights.append(token.weight)
            freeGapBefore.append(pendingWildcard)
            pendingWildcard = false
        }
        let total = weights.reduce(0, +)
        var best: SignatureAlignment?
        for window in windows {
            // Upper bound: the weight of the signature tokens present in the window.
            var present = Set<Int32>()
            for n in window.range { present.formUnion(paste.lineTokenNumbers[n]) }
            let bound = zip(sig, weights).reduce(0) { $0 + (present.contains($1.0) ? $1.1 : 0) } / total
            if bound < atLeast || bound <= (best?.score ?? -1) { continue }
            let candidate = alignWindow(sig, weights: weights, freeGapBefore: freeGapBefore, paste: paste, window: window.range)
            if let c = candidate, c.score > (best?.score ?? -1) { best = c }
        }
        return best
    }

    struct Window {
        var range: ClosedRange<Int>
        var hits: Int
    }

    static func mergedWindows(_ hits: [Int: Int], reach: Int, lineCount: Int) -> [Window] {
        var windows: [Window] = []
        for line in hits.keys.sorted() {
            let range = max(0, line - reach)...min(lineCount - 1, line + reach)
            if var last = windows.last, range.lowerBound <= last.range.upperBound,
                range.upperBound - last.range.lowerBound <= 4 * reach
            {
                last.range = last.range.lowerBound...range.upperBound
                last.hits += hits[line]!
                windows[windows.count - 1] = last
            } else {
                windows.append(Window(range: range, hits: hits[line]!))
            }
        }
        if windows.count > maxWindows {
            windows = Array(windows.sorted { $0.hits > $1.hits }.prefix(maxWindows))
        }
        return windows
    }

    /// The weight of unmatched signature tokens that stand between two matched ones with
    /// paste tokens between those too: replaced, not missing. Where a wildcard allows
    /// anything, nothing counts; a run counts at most as many tokens as the paste put there.
    static func substituted(
        matched: [Bool], position: [Int], weights: [Double], freeGapBefore: [Bool],
        lineOf: [Int]
    ) -> (weight: Double, tokens: [Int]) {
        var replaced: [Int] = []
        // The heaviest `count` of `run`: as many tokens as the paste holds there instead.
        func heaviest(_ run: Range<Int>, _ count: Int) -> [Int] {
            Array(run.sorted { weights[$0] != weights[$1] ? weights[$0] > weights[$1] : $0 < $1 }.prefix(count))
        }
        // Before the first and after the last matched token: what the same line holds there
        // instead (`linker `cc` not found` against `linker `link.exe` not found` at the end).
        if let firstMatched = matched.firstIndex(of: true), let lastMatched = matched.lastIndex(of: true) {
            let line = lineOf[position[lastMatched]]
            var after = 0
            var j = position[lastMatched] + 1
            while j < lineOf.count, lineOf[j] == line {
                after += 1
                j += 1
            }
            let tail = (lastMatched + 1)..<matched.count
            if after > 0, !tail.isEmpty, !tail.contains(where: { freeGapBefore[$0] }) {
                replaced += heaviest(tail, after)
            }
            let firstLine = lineOf[position[firstMatched]]
            var before = 0
            j = position[firstMatched] - 1
            while j >= 0, lineOf[j] == firstLine {
                before += 1
                j -= 1
            }
            let head = 0..<firstMatched
            if before > 0, !head.isEmpty, !freeGapBefore[firstMatched] {
                replaced += heaviest(head, before)
            }
        }
        var previous: Int?
        for i in matched.indices where matched[i] {
            defer { previous = i }
            guard let a = previous, i - a > 1 else { continue }
            let run = (a + 1)..<i
            guard !run.contains(where: { freeGapBefore[$0] }), !freeGapBefore[i] else { continue }
            let gap = position[i] - position[a] - 1
            guard gap > 0 else { continue }
            replaced += heaviest(run, gap)
        }
        return (replaced.reduce(0) { $0 + weights[$1] }, replaced.sorted())
    }

    /// Local alignment with traceback, over token numbers.
    static func alignWindow(
        _ sig: [Int32], weights: [Double], freeGapBefore: [Bool], paste: PasteIndex,
        window: ClosedRange<Int>
    ) -> SignatureAlignment? {
        var tokens: [Int32] = []
        var lineOf: [Int] = []
        for n in window {
            tokens += paste.lineTokenNumbers[n]
            lineOf += Array(repeating: n, count: paste.lineTokenNumbers[n].count)
        }
        let m = sig.count, n = tokens.count
        guard m > 0, n > 0 else { return nil }
        let total = weights.reduce(0, +)
        // dp[i][j]: best score with i signature tokens and j paste tokens consumed.
        // Moves: match (i+1, j+1), skip a signature token (i+1, j), skip a paste token
        // (i, j+1) which is free before the start, after the end and at a wildcard.
        let width = n + 1
        var dp = [Double](repeating: -.infinity, count: (m + 1) * width)
        var move = [UInt8](repeating: 0, count: (m + 1) * width)  // 1 match, 2 skip sig, 3 skip paste
        dp[0] = 0
        for i in 0...m {
            for j in 0...n {
                let here = i * width + j
                if i == 0, j == 0 { continue }
                var best = -Double.infinity
                var how: UInt8 = 0
                if i > 0, j > 0, sig[i - 1] >= 0, sig[i - 1] == tokens[j - 1] {
                    let v = dp[(i - 1) * width + j - 1] + weights[i - 1]
                    if v > best {
                        best = v
                        how = 1
                    }
                }
                if i > 0 {
                    let v = dp[(i - 1) * width + j]
                    if v > best {
                        best = v
                        how = 2
                    }
                }
                if j > 0 {
                    let free = i == 0 || i == m || freeGapBefore[i]
                    let v = dp[i * width + j - 1] - (free ? 0 : strayCost)
                    if v > best {
                        best = v
                        how = 3
                    }
                }
                dp[here] = best
                move[here] = how
            }
        }
        // Traceback for which tokens matched, where, and how many strays were paid for.
        var matched = [Bool](repeating: false, count: m)
        var position = [Int](repeating: -1, count: m)
        var i = m, j = n
        var first = Int.max, last = -1, strays = 0
        while i > 0 || j > 0 {
            switch move[i * width + j] {
            case 1:
                matched[i - 1] = true
                position[i - 1] = j - 1
                first = min(first, lineOf[j - 1])
                last = max(last, lineOf[j - 1])
                i -= 1
                j -= 1
            case 2:
                i -= 1
            default:
                if !(i == 0 || i == m || freeGapBefore[i]) { strays += 1 }
                j -= 1
            }
        }
        guard last >= 0 else { return nil }
        let matchedWeight = zip(matched, weights).reduce(0) { $0 + ($1.0 ? $1.1 : 0) }
        let score = max(0, min(1, dp[m * width + n] / total))
        let replaced = substituted(
            matched: matched, position: position, weights: weights, freeGapBefore: freeGapBefore,
            lineOf: lineOf)
        return SignatureAlignment(
            score: score, firstLine: first, lastLine: last, matched: matched,
            matchedWeight: matchedWeight, totalWeight: total, strayTokens: strays,
            substitutedWeight: replaced.weight, substitutedTokens: replaced.tokens)
    }
}
