import BeadsStore
import Foundation

/// A place in a doc: `docs/docker-build-devpod.md#root-cause`.
public struct DocReference: Sendable, Equatable, Hashable {
    public var path: String
    public var section: String
    public var title: String

    public var display: String { section.isEmpty ? path : "\(path)#\(section)" }
}

/// One known error found in a paste.
public struct KnownErrorMatch: Sendable {
    public var beadID: String
    /// nil when a doc names a bead the store does not have.
    public var bead: Bead?
    public var score: Double
    public var signature: SignatureRecord
    public var alignment: SignatureAlignment
    /// 1-based line of the paste where the match starts, and that line's text.
    public var lineNumber: Int
    public var lineText: String
    public var docs: [DocReference]
    public var rootCause: String?
    public var rootCauseRef: DocReference?
    /// The first paragraph of the doc's fix section (`## Fix`, `Solution`, `Workaround`…),
    /// for docs that say how to fix it in prose rather than in a recipe block.
    public var fixAdvice: String?
    public var fixRef: DocReference?
    public var recipes: [RecipeRecord]
    /// What the match rests on; when it does not suffice the match is only a candidate.
    public var evidence: MatchEvidence
    /// What the scorer weighed.
    public var features: MatchFeatures
}

public struct Diagnosis: Sendable {
    /// Matches at or above the threshold, best first, one per bead.
    public var matches: [KnownErrorMatch]
    /// The best ones below it, when nothing matched.
    public var nearest: [KnownErrorMatch]
    public var linesRead: Int
    public var candidatesScored: Int
    /// Beads that matched but were rejected for pastes of this shape (`fix --reject`).
    public var rejected: [String] = []
    /// Beads whose docs give this paste as a look-alike, another error than theirs.
    public var lookAlikes: [String] = []
    /// Every candidate scored, best first: what `beads match` lists.
    public var scored: [ScoredCandidate] = []
    /// The paste as it was read, for explaining the candidates.
    public var paste: PasteIndex? = nil
}

/// One candidate signature as the scorer saw it.
public struct ScoredCandidate: Sendable {
    public var signature: SignatureRecord
    public var pattern: [LogToken]
    public var alignment: SignatureAlignment
    public var features: MatchFeatures
    public var evidence: MatchEvidence
    /// The scorer's probability that the paste is this signature's bead's error.
    public var probability: Double
    /// Matched by the rule that a paste line equal to a doc's error line always matches.
    public var verbatim: Bool
}

/// Paste an error, get the known error. The stages, in order: read the paste (lines,
/// masks, stack traces: `PasteIndex`), retrieve candidate signatures (FTS5), align each
/// (`SignatureMatcher`), describe each alignment as features (`FeatureContext`), score
/// them (`MatchModel`), decide per bead, and explain the decision from the bead's docs.
public struct KnownErrorFinder: Sendable {
    public let store: BeadStore

    public init(store: BeadStore) {
        self.store = store
    }

    public func diagnose(_ text: String, nearestCount: Int = 3) throws(StoreError) -> Diagnosis {
        let paste = PasteIndex(text: text)
        let candidates = try store.signatureCandidates(terms: paste.searchTerms, focus: paste.focusTerms())
        let (scored, beads) = try score(candidates, against: paste)
        // A bead's score is its best candidate's, unless its docs give the paste as a
        // look-alike: one of their look-alikes explains more of it than any of its errors
        // (the USB stick's whole message, against the shared `failed to mount …: invalid
        // argument`).
        var best: [String: ScoredCandidate] = [:]
        var lookAlike: [String: Double] = [:], own: [String: Double] = [:]
        for candidate in scored {
            let id = candidate.signature.beadID
            if candidate.alignment.score >= Self.lookAlikeAlignment {
                let explained = candidate.alignment.matchedWeight
                if candidate.features["place_lookalike"] == 1 {
                    lookAlike[id] = max(lookAlike[id] ?? 0, explained)
                } else {
                    own[id] = max(own[id] ?? 0, explained)
                }
            }
            if candidate.probability > (best[id]?.probability ?? -1) { best[id] = candidate }
        }
        var lookAlikes: [String] = []
        for (id, explained) in lookAlike where explained > Self.lookAlikeMargin * (own[id] ?? 0) && best[id] != nil {
            best[id] = nil
            lookAlikes.append(id)
        }
        // A bead rejected for this shape of paste (`fix --reject`) does not match it.
        var rejected: [String] = []
        for (id, _) in best where beads[id].map({ MatchFeedback.isRejected($0, for: paste) }) == true {
            best[id] = nil
            rejected.append(id)
        }
        // Names are masked so that another team's paste matches; when several beads score
        // alike, the one whose signature names what the paste names wins (two beads for
        // `Unable to locate package <name>`, one for each package).
        var affinity: [String: Int] = [:]
        for (id, c) in best {
            let lines = (c.alignment.firstLine...c.alignment.lastLine).reduce(into: Set<String>()) {
                $0.formUnion(LogToken.corroboratingWords(in: paste.lines[$1].text, includingCommon: true))
            }
            let names = LogToken.hiddenWords(in: c.signature.text, tokens: c.pattern).filter { !LogToken.fragmentWords.contains($0) }
            affinity[id] = Set(names).intersection(lines).count
        }
        // The corpus the scorer is fitted on cannot teach this (other teams' pastes never
        // share a team's names), so names shared with the paste rank a bead up by a
        // hundredth each, eight at most, without changing whether it matches.
        let ranked = best.values.sorted { a, b in
            let sa = Self.rounded(a.probability) + 0.01 * Double(min(affinity[a.signature.beadID] ?? 0, 8))
            let sb = Self.rounded(b.probability) + 0.01 * Double(min(affinity[b.signature.beadID] ?? 0, 8))
            if abs(sa - sb) > 1e-9 { return sa > sb }
            let fa = affinity[a.signature.beadID] ?? 0, fb = affinity[b.signature.beadID] ?? 0
            if fa != fb { return fa > fb }
            // Of beads a doc gives the same text to, the one whose title says what the paste says.
            let ta = a.features["title_affinity"], tb = b.features["title_affinity"]
            if ta != tb { return ta > tb }
            let pa = beads[a.signature.beadID]?.priority ?? 9, pb = beads[b.signature.beadID]?.priority ?? 9
            return pa != pb ? pa < pb : a.signature.beadID < b.signature.beadID
        }
        // Scores are compared as shown (two decimals), so what is printed is what counted.
        let above = ranked.filter { Self.rounded($0.probability) >= MatchModel.threshold }
        let below = above.isEmpty ? Array(ranked.filter { $0.alignment.score >= 0.2 }.prefix(nearestCount)) : []
        var matches: [KnownErrorMatch] = []
        for item in above { matches.append(try explain(item, bead: beads[item.signature.beadID], paste: paste)) }
        var nearest: [KnownErrorMatch] = []
        for item in below { nearest.append(try explain(item, bead: beads[item.signature.beadID], paste: paste)) }
        return Diagnosis(
            matches: matches, nearest: nearest, linesRead: paste.lines.count, candidatesScored: candidates.count,
            rejected: rejected.sorted(), lookAlikes: lookAlikes.sorted(), scored: scored, paste: paste)
    }

    /// Alignments this good count in comparing a doc's look-alikes with its errors, and a
    /// look-alike must explain this much more of the paste (not the same line with its
    /// variable parts written otherwise).
    static let lookAlikeAlignment = 0.8
    static let lookAlikeMargin = 1.25

    /// Aligns, describes and scores every candidate, best first, with the beads they belong to.
    func score(_ candidates: [SignatureRecord], against paste: PasteIndex) throws(StoreError) -> ([ScoredCandidate], [String: Bead]) {
        var aligned: [(SignatureRecord, [LogToken], SignatureAlignment)] = []
        var words = Set<String>()
        for signature in candidates {
            let pattern = signature.pattern.split(separator: " ").map { LogToken(text: String($0)) }
            // Below 0.2 a candidate is not even shown as "nearest".
            guard let alignment = SignatureMatcher.align(pattern, in: paste, atLeast: 0.2) else { continue }
            aligned.append((signature, pattern, alignment))
            for token in pattern { if let w = token.searchTerm { words.insert(w) } }
        }
        guard !aligned.isEmpty else { return ([], [:]) }
        let (documents, total) = try store.signatureWordCounts(Array(words))
        let context = FeatureContext(paste: paste, documents: documents, signatureCount: total)
        let ids = Set(aligned.map(\.0.beadID))
        let beads = try store.beads(ids: Array(ids))
        // The bead's own words near a match corroborate it: read in one query.
        var vocabularies: [String: Set<String>] = [:]
        for (id, signatures) in try store.signatures(ofBeads: Array(ids).sorted()) {
            vocabularies[id] = Self.vocabulary(of: beads[id], signatures: signatures)
        }
        var evidences: [MatchEvidence] = []
        var features: [MatchFeatures] = []
        let lineWords = LineWords(paste)
        for (signature, pattern, alignment) in aligned {
            let evidence = self.evidence(
                signature: signature, pattern: pattern, vocabulary: vocabularies[signature.beadID] ?? [],
                alignment: alignment, paste: paste, lineWords: lineWords)
            evidences.append(evidence)
            features.append(
                context.features(
                    signature: signature, pattern: pattern, alignment: alignment, evidence: evidence,
                    bead: beads[signature.beadID]))
        }
        context.setBeadFeatures(&features, alignments: aligned.map(\.2), beads: aligned.map(\.0.beadID))
        FeatureContext.setOnlyBug(
            &features, signatures: aligned.map(\.0), bugs: Set(beads.values.filter { $0.issueType == "bug" }.map(\.id)))
        var out: [ScoredCandidate] = []
        for (k, (signature, pattern, alignment)) in aligned.enumerated() {
            var evidence = evidences[k]
            let features = features[k]
            var probability = MatchModel.probability(features)
            let verbatim = Self.alwaysMatches(features)
            if verbatim { probability = max(probability, MatchModel.threshold) }
            evidence.suffices = Self.rounded(probability) >= MatchModel.threshold
            out.append(
                ScoredCandidate(
                    signature: signature, pattern: pattern, alignment: alignment, features: features,
                    evidence: evidence, probability: probability, verbatim: verbatim))
        }
        let ranked = out.sorted { a, b in
            a.probability != b.probability
                ? a.probability > b.probability : (a.signature.beadID, a.signature.line) < (b.signature.beadID, b.signature.line)
        }
        return (ranked, beads)
    }

    /// A paste whose line that says what failed is a doc's own error line, variable parts
    /// aside, matches its bead whatever the score: every token found in order with nothing
    /// between, three or more distinctive words of which two tell errors apart (not the C
    /// library's `invalid argument`, which a USB stick prints too), written as the doc's
    /// error (its cause, not fallout after it, a look-alike or an example) and tied to its
    /// bead by the scope it is in (or the doc's only bead).
    static func alwaysMatches(_ f: MatchFeatures) -> Bool {
        // A shape a person recorded from a paste (`create --from-error`, `fix --confirm`)
        // is their word that it is this bead's error.
        if f["role_pasted"] == 1, f["verbatim"] == 1, f["length"] >= log1p(1), f["explains_primary"] == 1 { return true }
        return f["verbatim"] == 1 && f["length"] >= log1p(3) && f["weak_evidence"] == 0 && f["explains_primary"] == 1
            && f["fallout"] == 0 && f["clause"] == 0
            && f["place_lookalike"] == 0 && f["place_example"] == 0 && f["reason_missing"] == 0
            && (f["attr_nearest"] == 1 || f["attr_outer"] == 1 || (f["attr_elsewhere"] == 1 && f["share"] == 1))
    }

    public static func rounded(_ score: Double) -> Double { (score * 100).rounded() / 100 }

    func explain(_ scored: ScoredCandidate, bead: Bead?, paste: PasteIndex) throws(StoreError) -> KnownErrorMatch {
        let beadID = scored.signature.beadID, signature = scored.signature, alignment = scored.alignment
        var docs: [DocReference] = []
        var sectionsByDoc: [String: [SectionRecord]] = [:]
        func sections(_ path: String) throws(StoreError) -> [SectionRecord] {
            if let s = sectionsByDoc[path] { return s }
            let s = try store.sections(inDoc: path)
            sectionsByDoc[path] = s
            return s
        }
        func reference(_ path: String, _ anchor: String) throws(StoreError) -> DocReference {
            let title = try sections(path).first { $0.anchor == anchor }?.title ?? ""
            return DocReference(path: path, section: anchor, title: title)
        }
        if let path = signature.docPath { docs.append(try reference(path, signature.sectionAnchor)) }
        for (path, mention) in try store.mentions(ofBead: beadID) {
            let ref = try reference(path, mention.sectionAnchor)
            if !docs.contains(ref) { docs.append(ref) }
        }
        var rootCause: String?
        var rootCauseRef: DocReference?
        var fixAdvice: String?
        var fixRef: DocReference?
        let causeDoc = signature.docPath ?? docs.first?.path
        if let causeDoc {
            let all = try sections(causeDoc)
            let start = all.first { $0.anchor == signature.sectionAnchor }?.ordinal ?? 0
            if let cause = Self.nearestSection(to: start, in: all, where: Self.isCauseHeading) {
                rootCause = Self.firstSentences(cause.summary)
                rootCauseRef = DocReference(path: causeDoc, section: cause.anchor, title: cause.title)
            }
            if let fix = Self.nearestSection(to: start, in: all, where: Self.isFixHeading) {
                fixAdvice = Self.firstSentences(fix.summary, limit: 400)
                fixRef = DocReference(path: causeDoc, section: fix.anchor, title: fix.title)
            }
        }
        var recipes = try store.recipes(forBead: beadID)
        if let path = signature.docPath {
            for recipe in try store.recipes(inDoc: path) where !recipes.contains(where: { $0.id == recipe.id }) {
                recipes.append(recipe)
            }
        }
        // A draft's recipe only says the fix is not written: never offer it as one.
        recipes.removeAll { SolutionDocScaffold.Placeholder.appears(in: $0.body) }
        let line = paste.lines[alignment.firstLine]
        return KnownErrorMatch(
            beadID: beadID, bead: bead, score: Self.rounded(scored.probability), signature: signature, alignment: alignment,
            lineNumber: line.number, lineText: line.text, docs: docs, rootCause: rootCause, rootCauseRef: rootCauseRef,
            fixAdvice: fixAdvice, fixRef: fixRef, recipes: recipes, evidence: scored.evidence, features: scored.features)
    }

    static let causeWords = ["root cause", "cause", "why "]

    static func isCauseHeading(_ title: String) -> Bool {
        let t = title.lowercased() + " "
        return causeWords.contains { t.contains($0) }
    }

    /// Headings of the part of a runbook that says what to do, as whole words.
    static let fixWords: Set<String> = [
        "fix", "fixes", "fixing", "solution", "solutions", "resolution", "resolve",
        "workaround", "workarounds", "remedy", "remediation", "mitigation",
    ]

    static func isFixHeading(_ title: String) -> Bool {
        !fixWords.isDisjoint(with: title.lowercased().split { !$0.isLetter }.map(String.init))
    }

    /// The section of a kind that speaks for a place in a doc: the nearest one under the
    /// place's own heading or its parents (so a sub-problem's own cause wins), else the
    /// first in the doc. Sections without a paragraph of their own do not count.
    static func nearestSection(to ordinal: Int, in sections: [SectionRecord], where matches: (String) -> Bool) -> SectionRecord? {
        // A `doc new` draft's placeholder is no cause and no fix, whatever its heading.
        func wanted(_ s: SectionRecord) -> Bool {
            matches(s.title) && !s.summary.isEmpty && !SolutionDocScaffold.Placeholder.appears(in: s.summary)
        }
        var current: Int? = ordinal
        while let c = current, c < sections.count {
            let scope = sections[c]
            if wanted(scope) { return scope }
            // The subsections: those after it up to the next heading of its level or above.
            let inside = sections.dropFirst(c + 1).prefix { $0.level > scope.level }
            if let found = inside.first(where: wanted) { return found }
            current = scope.parentOrdinal
        }
        return sections.first(where: wanted)
    }

    /// The first sentence or two of a summary, at most about 220 characters.
    static func firstSentences(_ text: String, limit: Int = 220) -> String {
        var out = ""
        // ". " ends a sentence; a bare "." is a file name or a version.
        for sentence in text.components(separatedBy: ". ") where !sentence.isEmpty {
            let candidate = out.isEmpty ? sentence : out + ". " + sentence
            if candidate.count > limit { break }
            out = candidate
        }
        if out.isEmpty { return String(text.prefix(limit)) }
        out = out.trimmingCharacters(in: .whitespaces)
        while out.hasSuffix(":") || out.hasSuffix(";") || out.hasSuffix(",") { out.removeLast() }
        return out.hasSuffix(".") ? out : out + "."
    }
}
