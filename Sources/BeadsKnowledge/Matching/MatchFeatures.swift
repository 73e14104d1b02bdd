import BeadsStore
import Foundation

/// The named features a (paste, candidate signature, bead) triple is scored on. One
/// scorer (`MatchModel`) weighs them all; its weights are fitted on the dev corpus
/// (`bench/fit-scorer.py`), not set by hand. Every feature is a number a person can
/// read in `beads match --explain`.
public struct MatchFeatures: Sendable, Equatable {
    /// The features, in the order of `values`.
    public static let names: [String] = [
        // How much of the signature the paste holds.
        "align", "coverage", "found_idf", "missing_idf", "substituted", "contradicted", "verbatim", "strays",
        // The signature itself.
        "length", "generic", "reason_missing",
        // Where in the paste it matched, and what else the paste says.
        "root_line", "error_line", "trace_only", "prefix", "corroboration", "weak_evidence", "hidden_found", "explains_primary",
        "explains_roots",
        // Where in its doc it was written.
        "role_block", "role_exception", "role_inline", "role_quote", "role_cell", "role_heading", "role_html",
        "role_prose", "role_declared", "role_pasted",
        "place_error", "place_neutral", "place_remedy", "place_example", "place_lookalike",
        "fallout", "after_command", "clause", "wording", "in_code", "beside_exception",
        // How firmly its doc ties it to this bead.
        "attr_nearest", "attr_outer", "attr_elsewhere", "attr_passing", "share", "strength", "first_named",
        // The bead, as the tracker has it.
        "bead_bug", "only_bug", "title_affinity",
    ]

    static let index: [String: Int] = Dictionary(uniqueKeysWithValues: names.enumerated().map { ($1, $0) })

    public var values: [Double]

    public init() {
        values = [Double](repeating: 0, count: Self.names.count)
    }

    public subscript(_ name: String) -> Double {
        get { values[Self.index[name]!] }
        set { values[Self.index[name]!] = newValue }
    }
}

/// Computes features for one paste: the paste's words and roles, the corpus's word
/// rarity (how many signatures hold each word), and what is known of each bead.
struct FeatureContext {
    let paste: PasteIndex
    /// Signatures holding each word (FTS5's vocabulary), and all signatures.
    let documents: [String: Int]
    let signatureCount: Int
    /// Every word of the paste (inside masks too), for the bead's title.
    let pasteWords: Set<String>

    init(paste: PasteIndex, documents: [String: Int], signatureCount: Int) {
        self.paste = paste
        self.documents = documents
        self.signatureCount = max(1, signatureCount)
        var words = Set(paste.linesByWord.keys)
        for line in paste.lines.prefix(PasteReading.maxLines) {
            words.formUnion(LogToken.corroboratingWords(in: line.message, includingCommon: true))
        }
        pasteWords = words
    }

    /// How rare a token is among signatures: a word's inverse document frequency; weak
    /// words and masks weigh little whatever their counts.
    func rarity(_ token: LogToken) -> Double {
        switch token {
        case .wildcard: return 0
        case .mask: return 0.2
        case let .word(w):
            guard token.searchTerm != nil else { return token.weight >= 0.5 ? 0.5 : 0.3 }
            let df = Double(documents[w] ?? 1)
            return log((Double(signatureCount) + 1) / (df + 0.5)) + 0.5
        }
    }

    func features(
        signature: SignatureRecord, pattern: [LogToken], alignment: SignatureAlignment, evidence: MatchEvidence,
        bead: Bead?
    ) -> MatchFeatures {
        var f = MatchFeatures()
        let literal = pattern.filter { $0 != .wildcard }
        let rarities = literal.map(rarity)
        let total = rarities.reduce(0, +)
        let found = zip(rarities, alignment.matched).reduce(0) { $0 + ($1.1 ? $1.0 : 0) }
        f["align"] = alignment.score
        f["coverage"] = total > 0 ? found / total : 0
        let distinctive = zip(literal, alignment.matched).filter { $0.0.searchTerm != nil }
        f["found_idf"] = log1p(distinctive.filter(\.1).reduce(0) { $0 + rarity($1.0) })
        f["missing_idf"] = log1p(distinctive.filter { !$0.1 }.reduce(0) { $0 + rarity($1.0) })
        f["substituted"] = alignment.substitutedWeight
        // Of those replaced, the words that say what went wrong rather than name a thing
        // (`Connection refused` where the paste says `Operation timed out`); names are
        // what the signature quotes (`No module named 'app'`): often the paster's own.
        let named = Self.quotedWords(signature.text)
        let contradicted = alignment.substitutedTokens.filter { k in
            guard k < literal.count, case let .word(w) = literal[k], literal[k].searchTerm != nil else { return false }
            // Only words: `0f3a` (a digest cut short, a version) is a value, not a verdict.
            return !named.contains(w) && w.utf8.allSatisfy { $0 >= 0x61 && $0 <= 0x7A }
        }
        f["contradicted"] = log1p(contradicted.reduce(0) { $0 + rarity(literal[$1]) })
        f["verbatim"] = alignment.score >= 0.999 && alignment.strayTokens == 0 ? 1 : 0
        f["strays"] = log1p(Double(alignment.strayTokens))
        f["length"] = log1p(Double(Set(distinctive.map(\.0)).count))
        let weak = literal.filter { $0.weight < 1 }.reduce(0) { $0 + $1.weight }
        f["generic"] = weak / max(0.01, literal.reduce(0) { $0 + $1.weight })
        f["reason_missing"] = evidence.reasonMissing ? 1 : 0
        let lines = alignment.firstLine...alignment.lastLine
        let roles = lines.map { paste.reading.roles[$0] }
        f["root_line"] = roles.contains(.root) ? 1 : 0
        f["error_line"] = roles.contains(.root) || roles.contains(.error) ? 1 : 0
        f["trace_only"] = roles.allSatisfy { $0 == .trace } ? 1 : 0
        f["prefix"] = evidence.corroboratingWords.contains { $0.hasSuffix("(the same tool's prefix)") } ? 1 : 0
        f["corroboration"] = Double(min(evidence.corroboratingWords.count, 2)) / 2
        // Fewer than two distinctive words found, counting the bead's own words nearby:
        // `failed to mount …: invalid argument` is also what a USB stick says.
        f["weak_evidence"] = evidence.foundWords.count + min(evidence.corroboratingWords.count, 2) < 2 ? 1 : 0
        // Names the signature hides in its masks (`composer` in `phar:///…/composer/…`):
        // the same ones in the paste say the same tool failed the same way.
        let hidden = LogToken.hiddenWords(in: signature.text, tokens: pattern).filter { !LogToken.fragmentWords.contains($0) }
        f["hidden_found"] = hidden.isEmpty ? 0 : Double(hidden.filter(pasteWords.contains).count) / Double(hidden.count)
        let traits = SignatureTraits(encoded: signature.traits)
        if signature.docPath == nil {
            f["role_pasted"] = 1
            f["place_error"] = 1
            f["attr_nearest"] = 1
        } else {
            f["role_" + traits.role.rawValue] = 1
            f["place_" + traits.place.rawValue] = 1
            f["attr_" + Self.attributionName(traits.attribution)] = 1
        }
        f["fallout"] = traits.fallout ? 1 : 0
        f["after_command"] = traits.afterCommand ? 1 : 0
        f["clause"] = traits.clause ? 1 : 0
        f["wording"] = traits.wording ? 1 : 0
        f["in_code"] = traits.inCode ? 1 : 0
        f["beside_exception"] = traits.besideException ? 1 : 0
        f["share"] = 1 / Double(max(1, traits.share))
        f["strength"] = Double(traits.strength) / 3
        f["first_named"] = traits.order == 0 ? 1 : 0
        f["bead_bug"] = bead?.issueType == "bug" ? 1 : 0
        let titleWords = LogToken.corroboratingWords(in: bead?.title ?? "", includingCommon: true)
        f["title_affinity"] = titleWords.isEmpty ? 0 : Double(titleWords.intersection(pasteWords).count) / Double(titleWords.count)
        return f
    }

    /// What a bead's candidates explain of the paste's own errors, set on each of them:
    /// whether one covers the line that says what failed, and the share of root lines
    /// covered. A look-alike shares a bead's wrapping while its own error is elsewhere.
    func setBeadFeatures(_ features: inout [MatchFeatures], alignments: [SignatureAlignment], beads: [String]) {
        let primary = paste.reading.primaryLine(in: paste.lines)
        let roots = Array(paste.reading.rootLines.suffix(Self.rootsConsidered))
        var explainsPrimary: [String: Bool] = [:]
        var explained: [String: Set<Int>] = [:]
        for (k, a) in alignments.enumerated() where a.score >= Self.explainingAlignment {
            let span = a.firstLine...a.lastLine
            if let primary, span.contains(primary) { explainsPrimary[beads[k]] = true }
            explained[beads[k], default: []].formUnion(roots.filter(span.contains))
        }
        for k in features.indices {
            features[k]["explains_primary"] = primary == nil || explainsPrimary[beads[k]] == true ? 1 : 0
            features[k]["explains_roots"] = roots.isEmpty ? 1 : Double(explained[beads[k]]?.count ?? 0) / Double(roots.count)
        }
    }

    /// The root lines looked at: the last ones, where builds report.
    static let rootsConsidered = 8
    /// An alignment this good explains the lines it spans.
    static let explainingAlignment = 0.6

    /// Whether a candidate's bead is the only bug among the beads its doc gives the same
    /// text to (a page that names an incident's bug and its follow-up tasks).
    static func setOnlyBug(_ features: inout [MatchFeatures], signatures: [SignatureRecord], bugs: Set<String>) {
        var groups: [String: [Int]] = [:]
        for (k, s) in signatures.enumerated() { groups["\(s.docPath ?? "")\u{0}\(s.line)\u{0}\(s.text)", default: []].append(k) }
        for members in groups.values {
            let bugMembers = members.filter { bugs.contains(signatures[$0].beadID) }
            for k in members { features[k]["only_bug"] = bugMembers == [k] ? 1 : 0 }
        }
    }

    /// The words a text holds inside quotes or backticks: the names it mentions. An
    /// apostrophe between letters (`doesn't`) opens and closes nothing.
    static func quotedWords(_ text: String) -> Set<String> {
        let chars = Array(text.prefix(LogNormalizer.maxLineBytes * 4))
        func isLetter(_ k: Int) -> Bool { k >= 0 && k < chars.count && (chars[k].isLetter || chars[k].isNumber) }
        var words = Set<String>()
        var closing: Character?
        var start = 0
        for (k, ch) in chars.enumerated() {
            if let q = closing {
                guard ch == q, q != "'" || !isLetter(k + 1) else { continue }
                words.formUnion(LogToken.corroboratingWords(in: String(chars[start..<k]), includingCommon: true))
                closing = nil
            } else if ch == "\"" || ch == "`" || ch == "‘" || (ch == "'" && !isLetter(k - 1)) {
                closing = ch == "‘" ? "’" : ch
                start = k + 1
            }
        }
        return words
    }

    static func attributionName(_ a: SignatureTraits.Attribution) -> String {
        switch a {
        case .nearest: return "nearest"
        case .outer: return "outer"
        case .elsewhere: return "elsewhere"
        case .passing: return "passing"
        }
    }
}
