import BeadsMarkdown
import BeadsStore
import Foundation

extension DocumentAnalyzer {
    /// One walk over a doc's tree: its scopes and the beads each names, the candidate
    /// signatures with their traits, recipes and examples. Candidates are tied to beads
    /// at the end (`finish`), when every scope's mentions are known: an FAQ answer names
    /// its ticket after the error it quotes.
    struct Extraction {
        let path: String
        let sections: [Section]
        let primary: [String]
        let analyzer: DocumentAnalyzer
        let admonitions: [Admonition]
        var scopes = DocScopes()
        var sectionScopes: [Int] = []
        var admonitionScopes: [Int] = []
        var candidates: [Candidate] = []
        var signatures: [SignatureRecord] = []
        var recipes: [RecipeRecord] = []
        var examples: [DocExample] = []
        var warnings: [String] = []
        /// The paragraph just before the block being read: it says what the block is.
        var previousParagraph = ""
        var warnedNoBead = false
        var warnedTooMany = false
        /// Error texts found that name no bead (each would have been a signature).
        var unlinked: [(line: Int, text: String)] = []
        /// The words written beside each bead's mentions: of beads a text is shared by, the
        /// one mentioned with its words (`… fails with Forbidden. Bead pay-w8r4n opened.`)
        /// comes first.
        var mentionWords: [String: Set<String>] = [:]

        /// Error text found, waiting to be tied to beads.
        struct Candidate {
            var text: String
            var line: Int
            var section: Int
            var scope: Int
            var traits: SignatureTraits
            /// For `signatures:` in front matter: the beads it names itself.
            var beads: [String]?
        }

        /// What encloses a block: the scope it is in, and the block quote around it.
        struct Context {
            var scope: Int
            /// The quote's GitHub alert kind (`warning` for `> [!WARNING]`), "" for a plain quote.
            var quote: String?
        }

        init(path: String, sections: [Section], primary: [String], analyzer: DocumentAnalyzer, admonitions: [Admonition]) {
            self.path = path
            self.sections = sections
            self.primary = primary
            self.analyzer = analyzer
            self.admonitions = admonitions
            for section in sections {
                guard let parent = section.record.parentOrdinal ?? (section.record.ordinal == 0 ? nil : 0) else {
                    sectionScopes.append(0)
                    continue
                }
                let scope = scopes.add(.section, parent: sectionScopes[parent])
                sectionScopes.append(scope)
                for id in section.headingBeads { scopes.mention(id, strength: 3, line: section.record.lineStart, in: scope) }
            }
            for admonition in admonitions {
                let scope = scopes.add(
                    .admonition, parent: sectionScopes[DocumentAnalyzer.sectionOrdinal(forLine: admonition.lines.lowerBound, in: sections)])
                admonitionScopes.append(scope)
                for id in analyzer.beadIDs(in: admonition.title) {
                    scopes.mention(id, strength: 3, line: admonition.lines.lowerBound, in: scope)
                }
            }
        }

        mutating func collect(from root: MarkdownNode) {
            visit(root.children, inside: nil, quote: nil)
        }

        /// The scope a top-level block at `line` is in: its admonition, else its section.
        func baseScope(_ line: Int) -> Int {
            if let k = admonitions.lastIndex(where: { $0.lines.contains(line) }) { return admonitionScopes[k] }
            return sectionScopes[DocumentAnalyzer.sectionOrdinal(forLine: line, in: sections)]
        }

        mutating func visit(_ nodes: [MarkdownNode], inside: Int?, quote: String?) {
            var details: [Int] = []
            for node in nodes {
                let context = Context(scope: details.last ?? inside ?? baseScope(node.startLine), quote: quote)
                switch node.kind {
                case .heading:
                    heading(node)
                    previousParagraph = ""
                case .paragraph:
                    paragraph(node, context)
                    previousParagraph = node.plainText
                case .codeBlock:
                    codeBlock(node, context)
                    previousParagraph = ""
                case .htmlBlock:
                    html(node, context, details: &details)
                case .list:
                    for item in node.children where item.kind == .item {
                        let scope = scopes.add(.item, parent: context.scope)
                        visit(item.children, inside: scope, quote: quote)
                    }
                case .blockQuote:
                    let scope = scopes.add(.quote, parent: context.scope)
                    visit(node.children, inside: scope, quote: Self.alertKind(node) ?? "")
                    previousParagraph = ""
                case .table:
                    table(node, context)
                    previousParagraph = ""
                default:
                    visit(node.children, inside: inside, quote: quote)
                }
            }
        }

        /// `warning` for a quote that opens with GitHub's `[!WARNING]`.
        static func alertKind(_ quote: MarkdownNode) -> String? {
            guard let first = quote.children.first, first.kind == .paragraph else { return nil }
            let text = first.plainText.trimmingBlanks()
            guard text.hasPrefix("[!"), let close = text.firstIndex(of: "]") else { return nil }
            return text[text.index(text.startIndex, offsetBy: 2)..<close].lowercased()
        }

        // MARK: - Mentions

        /// Records the ids in one line of a scope's own text, by how firmly it names them.
        mutating func mentions(in text: String, line: Int, scope: Int, strength fixed: Int? = nil) {
            let ids = analyzer.beadIDs(in: text)
            guard !ids.isEmpty else { return }
            noteWords(of: text, for: ids)
            for (id, strength) in MentionStrength.classify(text, ids: ids) {
                scopes.mention(id, strength: fixed ?? strength, line: line, in: scope)
            }
        }

        mutating func noteWords(of text: String, for ids: [String]) {
            let words = LogToken.corroboratingWords(in: text, includingCommon: true)
            for id in ids { mentionWords[id, default: []].formUnion(words) }
        }

        /// A paragraph's lines and link targets.
        mutating func mentions(in node: MarkdownNode, scope: Int) {
            for (k, line) in Self.lines(of: node).enumerated() { mentions(in: line, line: node.startLine + k, scope: scope) }
            for link in node.all(.link) {
                guard let destination = link.destination else { continue }
                let shown = Set(analyzer.beadIDs(in: link.plainText))
                for id in analyzer.beadIDs(in: destination) where !shown.contains(id) {
                    scopes.mention(id, strength: 1, line: link.startLine, in: scope)
                }
            }
        }

        /// A paragraph's text line by line (soft breaks end lines).
        static func lines(of node: MarkdownNode) -> [String] {
            var lines = [""]
            func walk(_ n: MarkdownNode) {
                switch n.kind {
                case .softBreak, .lineBreak: lines.append("")
                case .text, .code, .htmlInline: lines[lines.count - 1] += n.literal ?? ""
                default: for c in n.children { walk(c) }
                }
            }
            walk(node)
            return lines
        }

        // MARK: - Place

        /// What the text at `line` is about, by its paragraph, admonition, quote and section.
        func place(line: Int, context: Context, paragraph: String = "") -> SignatureTraits.Place {
            let ordinal = DocumentAnalyzer.sectionOrdinal(forLine: line, in: sections)
            if Self.contains(paragraph, anyOf: DocumentAnalyzer.lookAlikePhrases)
                || Self.contains(previousParagraph, anyOf: DocumentAnalyzer.lookAlikePhrases)
                || DocumentAnalyzer.sectionMatches(ordinal, in: sections, DocumentAnalyzer.lookAlikeHeadingWords)
            {
                return .lookAlike
            }
            if DocumentAnalyzer.isExampleSection(ordinal, in: sections) { return .example }
            if let admonition = admonitions.last(where: { $0.lines.contains(line) }) {
                if admonition.saysError { return .error }
                if ["tip", "success", "check", "done", "hint"].contains(admonition.kind) { return .remedy }
            }
            if let alert = context.quote, ["warning", "caution", "important"].contains(alert) { return .error }
            if let alert = context.quote, alert == "tip" { return .remedy }
            if DocumentAnalyzer.isErrorSection(ordinal, in: sections) { return .error }
            if DocumentAnalyzer.isRemedySection(ordinal, in: sections) { return .remedy }
            return .neutral
        }

        static func contains(_ text: String, anyOf phrases: [String]) -> Bool {
            let lower = text.lowercased()
            return phrases.contains { lower.contains($0) }
        }

        /// The beads a scope's text belongs to, nearest first.
        func subjectBeads(ofScope scope: Int) -> [String] {
            let attributed = scopes.attribution(of: scope)
            let nearest = attributed.filter { $0.attribution == attributed.first?.attribution }.map(\.beadID)
            return nearest.isEmpty ? primary : nearest
        }

        // MARK: - Candidates

        /// The most signatures one doc may give; past that it is cut short, said once.
        static let maxSignatures = 2_000

        /// Keeps one candidate: not a wrapper every failed build prints, and long enough to
        /// tell errors apart. Returns whether it was kept.
        @discardableResult
        mutating func add(
            _ text: String, line: Int, context: Context, traits: SignatureTraits, beads: [String]? = nil,
            quiet: Bool = true
        ) -> Bool {
            let tokens = LogNormalizer.signatureTokens(text)
            if !text.contains("\n"), let first = LogNormalizer.lines(of: text).first, ErrorBlockReader.isGeneric(first),
                !DocumentAnalyzer.namesTellApart(text, tokens: tokens)
            {
                return false
            }
            guard DocumentAnalyzer.tellsErrorsApart(text, tokens: tokens) else {
                if !quiet {
                    warnings.append(
                        "\(path):\(line): signature \"\(text.prefix(60))\" is too short to recognise anything; add more of the message")
                }
                return false
            }
            let section = DocumentAnalyzer.sectionOrdinal(forLine: line, in: sections)
            if candidates.contains(where: { $0.text == text && $0.scope == context.scope && $0.traits == traits }) { return true }
            candidates.append(Candidate(text: text, line: line, section: section, scope: context.scope, traits: traits, beads: beads))
            return true
        }

        /// Ties every candidate to its beads and makes the signatures: one per bead it is
        /// attributed to, each with how.
        mutating func finish() {
            for candidate in candidates {
                var attributed = scopes.attribution(of: candidate.scope)
                if let beads = candidate.beads {
                    attributed = beads.map { DocScopes.Attributed(beadID: $0, attribution: .nearest, strength: 3, share: beads.count) }
                }
                guard !attributed.isEmpty else {
                    // Text in a look-alike or example place is not this doc's error anyway.
                    guard candidate.traits.place != .lookAlike, candidate.traits.place != .example else { continue }
                    if !warnedNoBead {
                        warnings.append(
                            "\(path):\(candidate.line): error text \"\(candidate.text.prefix(60))\" names no bead, so it cannot be matched; name its bead in the doc (a `Bead: ID` line, front matter `issue: ID`, or the id in its heading or table row)"
                        )
                        warnedNoBead = true
                    }
                    unlinked.append((candidate.line, candidate.text))
                    continue
                }
                // Beads sharing an attribution, those mentioned beside the text's own words first.
                let words = LogToken.corroboratingWords(in: candidate.text)
                let beside = mentionWords
                let overlap = { (id: String) in words.intersection(beside[id] ?? []).count }
                attributed = attributed.enumerated().sorted { a, b in
                    a.element.attribution != b.element.attribution
                        ? a.element.attribution.rawValue < b.element.attribution.rawValue
                        : overlap(a.element.beadID) != overlap(b.element.beadID)
                            ? overlap(a.element.beadID) > overlap(b.element.beadID)
                            : a.offset < b.offset
                }.map(\.element)
                var seen: [SignatureTraits.Attribution: Int] = [:]
                for k in attributed.indices {
                    attributed[k].order = seen[attributed[k].attribution, default: 0]
                    seen[attributed[k].attribution, default: 0] += 1
                }
                let tokens = LogNormalizer.signatureTokens(candidate.text)
                let pattern = tokens.map(\.description).joined(separator: " ")
                let terms = DocumentAnalyzer.unique(
                    tokens.compactMap(\.searchTerm) + LogToken.hiddenWords(in: candidate.text, tokens: tokens)
                )
                .joined(separator: " ")
                for bead in attributed.prefix(Self.maxBeadsPerCandidate) {
                    guard signatures.count < Self.maxSignatures else {
                        if !warnedTooMany {
                            warnings.append(
                                "\(path):\(candidate.line): more than \(Self.maxSignatures) error signatures; the rest of the doc's error text was not read"
                            )
                            warnedTooMany = true
                        }
                        return
                    }
                    var traits = candidate.traits
                    traits.attribution = bead.attribution
                    traits.share = bead.share
                    traits.strength = bead.strength
                    traits.order = bead.order
                    let origin = candidate.beads != nil ? "front-matter" : (traits.fallout ? SignatureOrigin.fallout : SignatureOrigin.doc)
                    let record = SignatureRecord(
                        beadID: bead.beadID, docPath: path, sectionAnchor: sections[candidate.section].record.anchor,
                        line: candidate.line, origin: origin, text: candidate.text, pattern: pattern, terms: terms,
                        traits: traits.encoded)
                    // The same text quoted in two places is two signatures: each place says
                    // something of it (an Error section, a summary at the top).
                    if !signatures.contains(where: { $0.beadID == record.beadID && $0.line == record.line && $0.text == record.text }) {
                        signatures.append(record)
                    }
                }
            }
        }

        /// A candidate is tied to at most this many beads (a page naming many gives its
        /// unscoped text to all of them, each weakly).
        static let maxBeadsPerCandidate = 4

        /// `signatures:` in front matter: strings, or `{text:, bead:}` / `{text:, beads:}` maps.
        mutating func collectFrontMatter(_ front: [String: Any], yamlLine: Int) {
            guard let list = front["signatures"] else { return }
            guard let items = list as? [Any] else {
                warnings.append("\(path):\(yamlLine): front matter `signatures` must be a list")
                return
            }
            var traits = SignatureTraits()
            traits.role = .declared
            traits.place = .error
            let context = Context(scope: 0, quote: nil)
            for item in items {
                if let text = item as? String {
                    add(text, line: yamlLine, context: context, traits: traits, beads: primary, quiet: false)
                } else if let map = item as? [String: Any], let text = map["text"] as? String {
                    let beads = DocumentAnalyzer.stringList(map["beads"]) + DocumentAnalyzer.stringList(map["bead"])
                    add(text, line: yamlLine, context: context, traits: traits, beads: beads.isEmpty ? primary : beads, quiet: false)
                } else {
                    warnings.append("\(path):\(yamlLine): a front matter signature must be text or {text: …, bead: …}")
                }
            }
        }
    }
}
