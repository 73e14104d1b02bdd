import BeadsMarkdown
import BeadsStore
import Foundation
import Yams

/// A line of visible doc text, with where it is.
struct TextSpan {
    var line: Int
    var text: String
    var sectionOrdinal: Int
    var isCode: Bool
}

/// Reads one solution doc (GitHub Markdown, optional YAML front matter) into what the
/// index keeps: sections, bead mentions, signatures and recipes.
///
/// Docs are written the way people write them: no front matter is required. What a
/// section is about comes from the bead ids in its heading (or its parents'), else
/// from the doc's own bead (`**Bead**: mo-jgo`, front matter `beads:`).
public struct DocumentAnalyzer: Sendable {
    /// Bumped whenever docs are read differently (other signatures, ids or examples from
    /// the same text), so that existing indexes are rebuilt.
    public static let version = 7

    /// Prefixes of bead ids to recognise (`mo` for `mo-jgo`).
    public var prefixes: Set<String>
    /// Ids the tracker holds that the id grammar does not take (`sf-k7`): recognised too.
    public var heldIDs: Set<String>

    public init(prefixes: Set<String>, heldIDs: Set<String> = []) {
        self.prefixes = prefixes
        self.heldIDs = heldIDs
    }

    public func analyze(path: String, text: String, fingerprint: FileFingerprint, hash: String) -> IndexedDoc {
        read(path: path, text: text, fingerprint: fingerprint, hash: hash).doc
    }

    /// A doc as read: what the index keeps, and the parse it came from, for readers
    /// such as the linter that need more than the index without parsing again.
    public struct Reading {
        public var doc: IndexedDoc
        var root: MarkdownNode
        var sections: [Section]
        var spans: [TextSpan]
        /// The beads the doc declares itself about (front matter or `Bead:` lines under
        /// the title), not the fallback of its first mention.
        var declaredBeads: [String]
        /// Example pastes and look-alikes the doc gives, for `beads doc test`.
        public var examples: [DocExample]
        /// Error texts that could not become signatures because no bead is named for them.
        var unlinked: [(line: Int, text: String)]
    }

    public func read(path: String, text: String, fingerprint: FileFingerprint, hash: String) -> Reading {
        var warnings: [String] = []
        let split = FrontMatterSplit.split(text)
        var front: [String: Any] = [:]
        if split.isUnterminated {
            warnings.append("\(path):1: front matter opened with --- is never closed; the file was read as plain Markdown")
        }
        if let yaml = split.yaml, let refusal = Self.frontMatterRefusal(yaml) {
            warnings.append("\(path):\(split.yamlFirstLine): front matter \(refusal); it was ignored, the rest of the doc was indexed")
        } else if let yaml = split.yaml {
            do {
                if let loaded = try Yams.load(yaml: yaml) {
                    if let map = loaded as? [String: Any] {
                        front = map
                    } else {
                        warnings.append("\(path):\(split.yamlFirstLine): front matter must be a YAML mapping (key: value); it was ignored")
                    }
                }
            } catch {
                warnings.append(
                    "\(path):\(split.yamlFirstLine + YAMLErrorText.line(error)): front matter is not valid YAML (\(YAMLErrorText.reason(error))); it was ignored, the rest of the doc was indexed"
                )
            }
        }
        // cmark-gfm appends each table cell to the end of a linked list: a row of ten
        // thousand cells costs seconds. Such a doc is not read at all, and says so.
        var body = split.body
        if let wide = Self.overWideRow(body) {
            warnings.append(
                "\(path):\(wide.line): a table row of \(wide.cells) cells (more than \(Self.maxTableColumns)); the doc was not read")
            body = ""
        }
        // MkDocs and Docusaurus admonitions are read first: cmark knows neither.
        let (markdown, admonitions) = Admonitions.read(body)
        let (root, flattened, cuts) = MarkdownParser.parseReporting(markdown)
        for cut in cuts.prefix(3) { warnings.append("\(path): \(cut.description)") }
        if flattened {
            warnings.append("\(path): lists or quotes nested more than \(MarkdownParser.maxDepth) levels deep were read as plain text")
        }
        var sections = Self.sections(of: root)
        for k in sections.indices { sections[k].headingBeads = beadIDs(in: sections[k].record.title) }
        let spans = Self.textSpans(of: root, sections: sections, source: markdown)
        var mentions = self.mentions(in: spans, sections: sections)

        // Front matter names beads under any key (`issue:`, `tags: [ci, ops-7]`, a link):
        // the declaring keys and tag lists declare the doc's beads.
        let frontMentions = frontMatterMentions(front)
        let inFrontMatter = Self.unique(frontMentions.filter { $0.strength == 3 }.map(\.id))
        var declared = inFrontMatter.isEmpty ? declaredBeads(in: spans, sections: sections) : inFrontMatter
        declared = Self.unique(declared)
        // A bead named only in front matter is as much the doc's as one named in its text:
        // `show` and `doc links` find it through a mention of the whole doc.
        let mentioned = Set(mentions.map(\.beadID))
        for id in Self.unique(frontMentions.map(\.id)) where !mentioned.contains(id) {
            mentions.insert(MentionRecord(beadID: id, line: split.yamlFirstLine, sectionAnchor: "", context: "front matter"), at: 0)
        }
        var primary = declared
        if primary.isEmpty, let first = mentions.first { primary = [first.beadID] }

        let title =
            (front["title"] as? String) ?? sections.first(where: { $0.record.level == 1 })?.record.title
            ?? URL(fileURLWithPath: path).deletingPathExtension().lastPathComponent
        var extraction = Extraction(path: path, sections: sections, primary: primary, analyzer: self, admonitions: admonitions)
        for (id, strength) in frontMentions { extraction.scopes.mention(id, strength: strength, line: split.yamlFirstLine, in: 0) }
        extraction.collect(from: root)
        extraction.collectFrontMatter(front, yamlLine: split.yamlFirstLine)
        extraction.finish()
        let doc = IndexedDoc(
            path: path, title: title, fingerprint: fingerprint, hash: hash, primaryBeads: primary,
            warnings: warnings + extraction.warnings, sections: sections.map(\.record), mentions: mentions,
            signatures: extraction.signatures, recipes: extraction.recipes)
        return Reading(
            doc: doc, root: root, sections: sections, spans: spans, declaredBeads: declared,
            examples: extraction.examples, unlinked: extraction.unlinked)
    }

    // MARK: - Sections

    struct Section {
        var record: SectionRecord
        /// Bead ids written in this heading's own text.
        var headingBeads: [String] = []
    }

    static func sections(of root: MarkdownNode) -> [Section] {
        var anchors = HeadingAnchorGenerator()
        var sections = [
            Section(
                record: SectionRecord(
                    ordinal: 0, anchor: "", title: "", level: 0, lineStart: 1,
                    lineEnd: Int.max, parentOrdinal: nil, summary: ""))
        ]
        // The open sections, one per level at most: a heading's parent is the nearest of
        // a lower level. A stack keeps this linear in the number of headings.
        var open: [Int] = [0]
        for block in root.children {
            if block.kind == .heading {
                let title = block.plainText.trimmingCharacters(in: .whitespaces)
                sections[sections.count - 1].record.lineEnd = block.startLine - 1
                while let top = open.last, sections[top].record.level >= block.headingLevel { open.removeLast() }
                let parent = open.last
                open.append(sections.count)
                sections.append(
                    Section(
                        record: SectionRecord(
                            ordinal: sections.count, anchor: anchors.anchor(for: title), title: title, level: block.headingLevel,
                            lineStart: block.startLine, lineEnd: Int.max, parentOrdinal: parent, summary: "")))
            } else if block.kind == .paragraph, sections[sections.count - 1].record.summary.isEmpty {
                sections[sections.count - 1].record.summary = block.plainText
                    .replacingOccurrences(of: "\n", with: " ").trimmingCharacters(in: .whitespaces)
            }
        }
        if let last = root.children.last {
            sections[sections.count - 1].record.lineEnd = max(last.endLine, sections[sections.count - 1].record.lineStart)
        }
        return sections
    }

    /// The section a line is in: the last one starting at or before it (binary search;
    /// sections are in line order).
    static func sectionOrdinal(forLine line: Int, in sections: [Section]) -> Int {
        var low = 0, high = sections.count - 1, found = 0
        while low <= high {
            let mid = (low + high) / 2
            if sections[mid].record.lineStart <= line {
                found = mid
                low = mid + 1
            } else {
                high = mid - 1
            }
        }
        return sections.isEmpty ? 0 : sections[found].record.ordinal
    }

    /// The section and its ancestors, nearest first.
    static func chain(_ ordinal: Int, in sections: [Section]) -> [Section] {
        var out: [Section] = []
        var current: Int? = ordinal
        while let c = current {
            out.append(sections[c])
            current = sections[c].record.parentOrdinal
        }
        return out
    }

    // MARK: - Text and mentions

    /// Every piece of visible text with its source line: paragraphs and headings line by
    /// line (soft breaks counted), table cells on their row's line, code line by line.
    static func textSpans(of root: MarkdownNode, sections: [Section], source: String) -> [TextSpan] {
        var spans: [TextSpan] = []
        let sourceLines = source.split(separator: "\n", omittingEmptySubsequences: false)
        func inline(_ node: MarkdownNode, line: inout Int, buffer: inout String, flush: (Int, String) -> Void) {
            switch node.kind {
            case .softBreak, .lineBreak:
                flush(line, buffer)
                buffer = ""
                line += 1
            case .text, .code, .htmlInline:
                buffer += node.literal ?? ""
            default:
                for child in node.children { inline(child, line: &line, buffer: &buffer, flush: flush) }
            }
        }
        func block(_ node: MarkdownNode) {
            switch node.kind {
            case .paragraph, .heading, .tableCell:
                var line = node.startLine
                var buffer = ""
                let flush: (Int, String) -> Void = { l, t in
                    if !t.isEmpty {
                        spans.append(TextSpan(line: l, text: t, sectionOrdinal: sectionOrdinal(forLine: l, in: sections), isCode: false))
                    }
                }
                for child in node.children { inline(child, line: &line, buffer: &buffer, flush: flush) }
                flush(line, buffer)
            case .tableRow:
                for cell in node.children {
                    var c = cell
                    c.startLine = node.startLine
                    block(c)
                }
            case .codeBlock, .htmlBlock:
                let fenced =
                    node.kind == .codeBlock && node.startLine - 1 < sourceLines.count
                    && {
                        let t = sourceLines[node.startLine - 1].drop(while: { $0 == " " })
                        return t.hasPrefix("```") || t.hasPrefix("~~~")
                    }()
                let first = node.startLine + (fenced ? 1 : 0)
                for (k, text) in (node.literal ?? "").split(separator: "\n", omittingEmptySubsequences: false).enumerated()
                where !text.isEmpty {
                    spans.append(
                        TextSpan(
                            line: first + k, text: String(text), sectionOrdinal: sectionOrdinal(forLine: first + k, in: sections),
                            isCode: true))
                }
            default:
                for child in node.children { block(child) }
            }
        }
        block(root)
        return spans
    }

    /// Bead ids with known prefixes, by the store's own grammar (`BeadID`), and ids of
    /// other shapes that the tracker holds.
    func beadIDs(in text: String) -> [String] {
        BeadID.mentions(in: text, prefixes: prefixes, held: heldIDs)
    }

    func mentions(in spans: [TextSpan], sections: [Section]) -> [MentionRecord] {
        var out: [MentionRecord] = []
        for span in spans {
            for id in beadIDs(in: span.text) {
                out.append(
                    MentionRecord(
                        beadID: id, line: span.line, sectionAnchor: sections[span.sectionOrdinal].record.anchor,
                        context: String(span.text.trimmingCharacters(in: .whitespaces).prefix(200))))
            }
        }
        return out
    }

    /// Keys that say which bead a doc is about, in a `Key: id` line under the title, a
    /// two-column metadata table, or front matter.
    static let declaringKeys = [
        "bead", "beads", "issue", "issues", "ticket", "tickets", "tracked in", "tracking",
        "tracking issue", "bead id", "issue id", "id",
    ]

    /// Phrases in prose that say which bead a doc is about: the id follows.
    static let trackingPhrases = ["tracked in ", "tracked as ", "tracking bead", "tracking issue", "tracked by "]

    /// Beads a doc declares itself about, the way people write it: `**Bead**: mo-jgo`,
    /// `Issue: mo-jgo - …`, `Beads: mo-a, mo-b`, under the title (before any `##`).
    func declaredBeads(in spans: [TextSpan], sections: [Section]) -> [String] {
        var out: [String] = []
        let top = spans.filter { !$0.isCode && sections[$0.sectionOrdinal].record.level <= 1 }
        // A metadata table (`| Ticket | ops-7 |`): cells of one row share a line.
        for (_, row) in Dictionary(grouping: top, by: \.line).sorted(by: { $0.key < $1.key }) where row.count >= 2 {
            let key = row[0].text.lowercased().trimmingCharacters(in: CharacterSet(charactersIn: " *_:"))
            if Self.declaringKeys.contains(key) { out += row.dropFirst().flatMap { beadIDs(in: $0.text) } }
        }
        // "Tracked in ops-7", "tracking bead: ops-7", in the prose under the title.
        for span in top {
            let lower = span.text.lowercased()
            for phrase in Self.trackingPhrases {
                guard let range = lower.range(of: phrase) else { continue }
                if let first = beadIDs(in: String(lower[range.upperBound...].prefix(40))).first { out.append(first) }
            }
        }
        for span in top {
            let text = span.text.trimmingCharacters(in: .whitespaces)
            let lower = text.lowercased()
            guard let colon = lower.firstIndex(of: ":") else { continue }
            let key = lower[..<colon].trimmingCharacters(in: .whitespaces)
            guard Self.declaringKeys.contains(key) else { continue }
            // "mo-jgo (see also mo-1na)": what is in parentheses is not the doc's bead.
            let value = text[colon...].prefix { $0 != "(" }
            out += beadIDs(in: String(value))
        }
        return out
    }

    /// Every bead id in front matter, under any key, with how firmly the key names it:
    /// declaring keys and tag lists declare, `related:` and the like name in passing.
    func frontMatterMentions(_ front: [String: Any]) -> [(id: String, strength: Int)] {
        var out: [(String, Int)] = []
        func visit(_ value: Any, strength: Int) {
            if let text = value as? String {
                for id in beadIDs(in: text) { out.append((id, strength)) }
            } else if let list = value as? [Any] {
                for item in list { visit(item, strength: strength) }
            } else if let map = value as? [String: Any] {
                for (key, item) in map.sorted(by: { $0.key < $1.key }) {
                    visit(item, strength: min(strength, Self.frontMatterStrength(key)))
                }
            }
        }
        for (key, value) in front.sorted(by: { $0.key < $1.key }) where key != "signatures" {
            visit(value, strength: Self.frontMatterStrength(key))
        }
        return out
    }

    static func frontMatterStrength(_ key: String) -> Int {
        let k = key.lowercased().replacingOccurrences(of: "_", with: " ").replacingOccurrences(of: "-", with: " ")
        if declaringKeys.contains(k) || MentionStrength.declaringKeys.contains(k) || ["tags", "labels", "tag", "bead ids"].contains(k) {
            return 3
        }
        if MentionStrength.passingPhrases.contains(where: k.contains) { return 0 }
        return 1
    }

    // MARK: - Helpers

    /// The widest table a doc may have.
    static let maxTableColumns = 500

    /// The first line with more cell separators than a table may have, if any.
    static func overWideRow(_ text: String) -> (line: Int, cells: Int)? {
        var line = 1, pipes = 0
        for b in text.utf8 {
            if b == 0x0A {
                if pipes > maxTableColumns { return (line, pipes - 1) }
                line += 1
                pipes = 0
            } else if b == UInt8(ascii: "|") {
                pipes += 1
            }
        }
        return pipes > maxTableColumns ? (line, pipes - 1) : nil
    }

    /// Front matter beads does not read, and why: YAML anchors and aliases (a few
    /// hundred bytes of them expand to gigabytes), or more text than front matter needs.
    static func frontMatterRefusal(_ yaml: String) -> String? {
        if yaml.utf8.count > 64 * 1024 { return "is over 64 KB" }
        let bytes = Array(yaml.utf8)
        for k in bytes.indices where bytes[k] == UInt8(ascii: "&") || bytes[k] == UInt8(ascii: "*") {
            // `&anchor` or `*alias` where a YAML token starts, followed by a name.
            let before = k == 0 ? 0x20 : bytes[k - 1]
            guard [0x20, 0x0A, 0x5B, 0x7B, 0x2C, 0x3A, 0x2D, 0x09].contains(before), k + 1 < bytes.count else { continue }
            let next = bytes[k + 1]
            if (next | 0x20) >= 0x61 && (next | 0x20) <= 0x7A || (next >= 0x30 && next <= 0x39) || next == 0x5F {
                return "uses YAML anchors or aliases (`&name`, `*name`), which beads does not expand"
            }
        }
        return nil
    }

    static func stringList(_ value: Any?) -> [String] {
        if let s = value as? String { return s.split(whereSeparator: { $0 == "," || $0 == " " }).map(String.init) }
        if let list = value as? [Any] { return list.compactMap { $0 as? String } }
        return []
    }

    static func unique(_ items: [String]) -> [String] {
        var seen = Set<String>()
        return items.filter { seen.insert($0).inserted }
    }
}
