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
}

/// Paste an error, get the known error: candidate signatures from FTS5, each aligned
/// against the paste, the best per bead kept and explained from its doc.
public struct KnownErrorFinder: Sendable {
    public let store: BeadStore

    public init(store: BeadStore) {
        self.store = store
    }

    public func diagnose(_ text: String, nearestCount: Int = 3) throws(StoreError) -> Diagnosis {
        let paste = PasteIndex(text: text)
        let candidates = try store.signatureCandidates(terms: paste.searchTerms, focus: paste.focusTerms())
        // Every alignment that could matter, per bead: the best one is not always the one
        // to keep, since a high score on fallout or common words may lack evidence that
        // another signature of the same bead has.
        var aligned: [String: [(SignatureRecord, SignatureAlignment)]] = [:]
        for signature in candidates {
            let pattern = signature.pattern.split(separator: " ").map { LogToken(text: String($0)) }
            // Below 0.2 nothing is shown, not even as "nearest"; once a bead matched, only
            // other matches of it are worth aligning: windows that cannot reach that are skipped.
            let matchedAlready = aligned[signature.beadID]?.contains { $0.1.score >= SignatureMatcher.threshold } == true
            let floor = matchedAlready ? SignatureMatcher.threshold : max(0.2, aligned[signature.beadID]?.first?.1.score ?? 0)
            guard let alignment = SignatureMatcher.align(pattern, in: paste, atLeast: floor) else { continue }
            var list = aligned[signature.beadID, default: []]
            list.append((signature, alignment))
            list.sort { $0.1.score > $1.1.score }
            aligned[signature.beadID] = Array(list.prefix(Self.alignmentsKeptPerBead))
        }
        let beads = try store.beads(ids: Array(aligned.keys))
        var best: [String: (SignatureRecord, SignatureAlignment)] = [:]
        var evidence: [String: MatchEvidence] = [:]
        var signaturesOfBead: [String: [SignatureRecord]] = [:]
        func signatures(of id: String) throws(StoreError) -> [SignatureRecord] {
            if let known = signaturesOfBead[id] { return known }
            let read = try store.signatures(ofBead: id)
            signaturesOfBead[id] = read
            return read
        }
        for (id, list) in aligned {
            var chosen = list[0]
            var chosenEvidence: MatchEvidence?
            for item in list where Self.rounded(item.1.score) >= SignatureMatcher.threshold {
                let e = self.evidence(bead: beads[id], signature: item.0, beadSignatures: try signatures(of: id),
                                      alignment: item.1, paste: paste)
                if chosenEvidence == nil { chosenEvidence = e }
                if e.suffices { chosen = item; chosenEvidence = e; break }
            }
            best[id] = chosen
            evidence[id] = chosenEvidence
        }
        // A bead rejected for this shape of paste (`fix --reject`) does not match it.
        var rejected: [String] = []
        for (id, _) in best where beads[id].map({ MatchFeedback.isRejected($0, for: paste) }) == true {
            best[id] = nil
            rejected.append(id)
        }
        // Names are masked so that another team's paste matches; when several beads match
        // alike, the one whose signature names what the paste names wins (two beads for
        // `Unable to locate package <name>`, one for each package).
        var affinity: [String: Int] = [:]
        for (id, value) in best {
            let lines = (value.1.firstLine...value.1.lastLine).reduce(into: Set<String>()) {
                $0.formUnion(LogToken.corroboratingWords(in: paste.lines[$1].text, includingCommon: true))
            }
            affinity[id] = LogToken.corroboratingWords(in: value.0.text, includingCommon: true).intersection(lines).count
        }
        let ranked = best.sorted { a, b in
            let sa = Self.rounded(a.value.1.score), sb = Self.rounded(b.value.1.score)
            if sa != sb { return sa > sb }
            if affinity[a.key] != affinity[b.key] { return affinity[a.key, default: 0] > affinity[b.key, default: 0] }
            let pa = beads[a.key]?.priority ?? 9, pb = beads[b.key]?.priority ?? 9
            return pa != pb ? pa < pb : a.key < b.key
        }
        // Scores are compared as shown (two decimals), so what is printed is what counted.
        let above = ranked.filter { Self.rounded($0.value.1.score) >= SignatureMatcher.threshold && evidence[$0.key]?.suffices == true }
        let below = above.isEmpty ? Array(ranked.filter { $0.value.1.score >= 0.2 }.prefix(nearestCount)) : []
        func explain(_ item: (key: String, value: (SignatureRecord, SignatureAlignment))) throws(StoreError) -> KnownErrorMatch {
            var match = try self.explain(beadID: item.key, bead: beads[item.key], signature: item.value.0, alignment: item.value.1, paste: paste)
            if let e = evidence[item.key] { match.evidence = e } else {
                match.evidence = self.evidence(bead: beads[item.key], signature: item.value.0,
                                               beadSignatures: try signatures(of: item.key), alignment: item.value.1, paste: paste)
            }
            return match
        }
        var matches: [KnownErrorMatch] = []
        for item in above { matches.append(try explain(item)) }
        var nearest: [KnownErrorMatch] = []
        for item in below { nearest.append(try explain(item)) }
        return Diagnosis(matches: matches, nearest: nearest, linesRead: paste.lines.count, candidatesScored: candidates.count,
                         rejected: rejected.sorted())
    }

    public static func rounded(_ score: Double) -> Double { (score * 100).rounded() / 100 }

    /// Alignments kept per bead while scoring, best first.
    static let alignmentsKeptPerBead = 8

    func explain(beadID: String, bead: Bead?, signature: SignatureRecord, alignment: SignatureAlignment, paste: PasteIndex) throws(StoreError) -> KnownErrorMatch {
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
            beadID: beadID, bead: bead, score: Self.rounded(alignment.score), signature: signature, alignment: alignment,
            lineNumber: line.number, lineText: line.text, docs: docs, rootCause: rootCause, rootCauseRef: rootCauseRef,
            fixAdvice: fixAdvice, fixRef: fixRef, recipes: recipes, evidence: MatchEvidence(foundWords: [], missingWords: [], corroboratingWords: []))
    }

    static let causeWords = ["root cause", "cause", "why "]

    static func isCauseHeading(_ title: String) -> Bool {
        let t = title.lowercased() + " "
        return causeWords.contains { t.contains($0) }
    }

    /// Headings of the part of a runbook that says what to do, as whole words.
    static let fixWords: Set<String> = ["fix", "fixes", "fixing", "solution", "solutions", "resolution", "resolve",
                                        "workaround", "workarounds", "remedy", "remediation", "mitigation"]

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
