import BeadsMarkdown
import BeadsStore
import Foundation

/// What the linter checks docs against: the store's beads, which of them have error
/// signatures, and what commands exist here.
public struct LintContext: Sendable {
    /// The knowledge base root (the repository), for resolving paths.
    public var root: String
    public var prefixes: Set<String>
    /// Ids the tracker holds that the id grammar does not take (`sf-k7`).
    public var heldIDs: Set<String> = []
    public var beads: [String: Bead]
    public var beadsWithSignatures: Set<String>
    /// `beads` subcommand names, so a recipe calling `beads frobnicate` is caught.
    public var beadsSubcommands: Set<String>
    public var commandExists: @Sendable (String) -> Bool
    /// Signatures in the store sharing words with a text, for finding overlaps between
    /// docs; nil skips that rule.
    public var signatureCandidates: (@Sendable ([String]) -> [SignatureRecord])?
    /// Where each recipe name is defined across the knowledge base (`docs/x.md:12`), so
    /// a name used twice is caught; empty skips that rule.
    public var recipeLocations: [String: [String]] = [:]
    /// Recorded hits of each bead (`beads/hits.jsonl`), for the regression rule; empty
    /// skips it.
    public var hits: [String: HitSummary] = [:]

    public init(
        root: String, prefixes: Set<String>, beads: [String: Bead], beadsWithSignatures: Set<String>,
        beadsSubcommands: Set<String>, commandExists: @escaping @Sendable (String) -> Bool,
        signatureCandidates: (@Sendable ([String]) -> [SignatureRecord])? = nil
    ) {
        self.signatureCandidates = signatureCandidates
        self.root = root
        self.prefixes = prefixes
        self.beads = beads
        self.beadsWithSignatures = beadsWithSignatures
        self.beadsSubcommands = beadsSubcommands
        self.commandExists = commandExists
    }
}

/// `beads doc lint`: finds what went stale in solution docs. Each rule reports a
/// defect once, on the line to change, with what to change.
public struct DocLinter: Sendable {
    public var context: LintContext

    public init(context: LintContext) {
        self.context = context
    }

    /// Everything wrong with one doc. `path` is how findings name it (relative to the root).
    public func lint(path: String, text: String) -> [LintFinding] {
        let doc = ParsedDoc(path: path, text: text, analyzer: DocumentAnalyzer(prefixes: context.prefixes, heldIDs: context.heldIDs))
        var findings: [LintFinding] = []
        findings += mojibake(in: doc)
        findings += unknownBeads(in: doc)
        findings += claims(in: doc)
        findings += links(in: doc)
        findings += signatures(in: doc)
        findings += errorSections(in: doc)
        findings += genericSignatures(in: doc)
        findings += overlappingSignatures(in: doc)
        findings += unfilledScaffold(in: doc)
        findings += recipeCommands(in: doc)
        findings += duplicateRecipes(in: doc)
        findings += changelogOrder(in: doc)
        findings += regressions(in: doc)
        return findings.sorted { ($0.line, $0.rule.rawValue) < ($1.line, $1.rule.rawValue) }
    }

    /// Open P0/P1 beads that no doc mentions, named at their line of the JSONL.
    public func uncoveredBeads(mentioned: Set<String>, jsonlPath: String, jsonlText: String) -> [LintFinding] {
        var lineOf: [String: Int] = [:]
        for (k, line) in jsonlText.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            guard let start = line.range(of: #""id":""#) else { continue }
            lineOf[String(line[start.upperBound...].prefix { $0 != "\"" })] = k + 1
        }
        return context.beads.values
            .filter { $0.priority <= 1 && !$0.isClosed && $0.status != .tombstone && !mentioned.contains($0.id) }
            .sorted { $0.id < $1.id }
            .map { bead in
                LintFinding(
                    rule: .uncoveredBead, path: jsonlPath, line: lineOf[bead.id] ?? 1,
                    message:
                        "\(bead.id) (P\(bead.priority), \(bead.status.rawValue)) \"\(bead.title)\" is in no doc: write one with `beads doc new \(bead.id)`"
                )
            }
    }

    // MARK: - Rules on the text

    func mojibake(in doc: ParsedDoc) -> [LintFinding] {
        var out: [LintFinding] = []
        for (k, line) in doc.lines.enumerated() {
            for found in MojibakeDetector.find(in: line) {
                out.append(
                    LintFinding(
                        rule: .mojibake, path: doc.path, line: k + 1,
                        message: "\"\(found.garbled)\" is UTF-8 read as \(found.encoding); it should read \"\(found.intended)\"",
                        edit: LintEdit(line: k + 1, original: found.garbled, replacement: found.intended)))
            }
        }
        return out
    }

    func unknownBeads(in doc: ParsedDoc) -> [LintFinding] {
        var lines: [String: [Int]] = [:]
        var order: [String] = []
        for mention in doc.indexed.mentions where context.beads[mention.beadID] == nil {
            if lines[mention.beadID] == nil { order.append(mention.beadID) }
            if lines[mention.beadID]?.last != mention.line { lines[mention.beadID, default: []].append(mention.line) }
        }
        return order.map { id in
            let at = lines[id]!
            let also =
                at.count > 1 ? " (also on line\(at.count > 2 ? "s" : "") \(at.dropFirst().map(String.init).joined(separator: ", ")))" : ""
            return LintFinding(
                rule: .unknownBead, path: doc.path, line: at[0],
                message: "\(id) is not a bead in the store\(also): correct the id, or create the bead")
        }
    }

    func signatures(in doc: ParsedDoc) -> [LintFinding] {
        let own = Set(doc.indexed.signatures.map(\.beadID))
        return doc.declaredBeads.compactMap { id, line in
            guard context.beads[id] != nil, !own.contains(id), !context.beadsWithSignatures.contains(id) else { return nil }
            return LintFinding(
                rule: .noSignature, path: doc.path, line: line,
                message:
                    "the doc is about \(id), but neither it nor the bead gives an error signature: put the error text in a fenced block under an \"## Error\" heading, so `beads fix` can recognise it"
            )
        }
    }

    /// A bead the doc is about, closed as fixed, whose error is being hit again: the
    /// doc's fix did not hold, or the bead should not have been closed.
    func regressions(in doc: ParsedDoc) -> [LintFinding] {
        guard !context.hits.isEmpty else { return [] }
        var seen = Set<String>()
        return doc.indexed.mentions.compactMap { mention in
            guard seen.insert(mention.beadID).inserted, let bead = context.beads[mention.beadID], let hits = context.hits[mention.beadID],
                RegressionRule.isRegression(bead, hits: hits)
            else { return nil }
            return LintFinding(rule: .regression, path: doc.path, line: mention.line, message: RegressionRule.sentence(bead, hits: hits))
        }
    }

    func changelogOrder(in doc: ParsedDoc) -> [LintFinding] {
        var dated: [(line: Int, date: String)] = []
        for span in doc.spans where !span.isCode {
            let text = span.text.trimmingCharacters(in: .whitespaces)
            guard let match = text.range(of: #"^Updated\s*:\s*\d{4}-\d{2}-\d{2}"#, options: [.regularExpression, .caseInsensitive]) else {
                continue
            }
            dated.append((span.line, String(text[match].suffix(10))))
        }
        guard dated.count > 1 else { return [] }
        // Logs run either way; the entries off the longest run in one direction are the
        // ones out of place (a newer "Updated" line left at the top of an oldest-first log).
        let ascending = Self.outOfOrder(dated.map(\.date), ascending: true)
        let descending = Self.outOfOrder(dated.map(\.date), ascending: false)
        let (chosen, order) = descending.count < ascending.count ? (descending, "newest first") : (ascending, "oldest first")
        return chosen.map { k in
            LintFinding(
                rule: .changelogOrder, path: doc.path, line: dated[k].line,
                message:
                    "\"Updated: \(dated[k].date)\" is out of date order: the other \(dated.count - chosen.count) entries run \(order); move the line or correct its date"
            )
        }
    }

    /// Indexes not on a longest monotone subsequence of `dates`.
    static func outOfOrder(_ dates: [String], ascending: Bool) -> [Int] {
        let inOrder = { (a: String, b: String) in ascending ? a <= b : a >= b }
        var length = Array(repeating: 1, count: dates.count)
        var previous = Array(repeating: -1, count: dates.count)
        for i in dates.indices {
            // On a tie the later predecessor wins, so an early stray line (a newer
            // "Updated" left in a header) is the one reported, not the log it precedes.
            for j in 0..<i where inOrder(dates[j], dates[i]) && length[j] + 1 >= length[i] {
                length[i] = length[j] + 1
                previous[i] = j
            }
        }
        var keep: Set<Int> = []
        var k = length.indices.max { length[$0] < length[$1] || (length[$0] == length[$1] && $0 > $1) } ?? -1
        while k >= 0 {
            keep.insert(k)
            k = previous[k]
        }
        return dates.indices.filter { !keep.contains($0) }
    }
}

/// One doc read once for every rule.
struct ParsedDoc {
    var path: String
    var lines: [String]
    var root: MarkdownNode
    var sections: [DocumentAnalyzer.Section]
    var spans: [TextSpan]
    var indexed: IndexedDoc
    /// Beads the doc declares itself about (front matter or `Bead:` lines), with the line.
    var declaredBeads: [(String, Int)]
    var analyzer: DocumentAnalyzer
    /// Error texts that name no bead.
    var unlinked: [(line: Int, text: String)]

    init(path: String, text: String, analyzer: DocumentAnalyzer) {
        self.path = path
        self.analyzer = analyzer
        lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        let reading = analyzer.read(path: path, text: text, fingerprint: FileFingerprint(size: 0, mtimeNanoseconds: 0), hash: "")
        root = reading.root
        sections = reading.sections
        spans = reading.spans
        indexed = reading.doc
        declaredBeads = reading.declaredBeads.map { id in (id, reading.doc.mentions.first { $0.beadID == id }?.line ?? 1) }
        unlinked = reading.unlinked
    }

    /// The beads a line's section is about: ids in its heading or its parents'
    /// headings, else the doc's own.
    func sectionBeads(forLine line: Int) -> [String] {
        let ordinal = DocumentAnalyzer.sectionOrdinal(forLine: line, in: sections)
        for section in DocumentAnalyzer.chain(ordinal, in: sections) where !section.headingBeads.isEmpty {
            return section.headingBeads
        }
        return declaredBeads.map(\.0)
    }

    func isHeadingLine(_ line: Int) -> Bool {
        sections.contains { $0.record.lineStart == line && $0.record.level > 0 }
    }
}
