import BeadsMarkdown
import BeadsStore
import Foundation

extension DocumentAnalyzer {
    /// Headings under which code is taken for error text.
    static let signatureSectionWords = ["problem", "error", "symptom", "signature", "fail", "known error"]
    /// Fence languages that hold output rather than code.
    static let outputLanguages: Set<String> = ["", "text", "txt", "log", "console", "output", "plain", "plaintext", "error", "signature"]
    /// Words that make an inline code span read as an error message rather than a command.
    static let errorWords = ["error", "err!", "failed", "fatal", "cannot", "can't", "unable", "denied", "invalid", "not permitted",
                             "not supported", "no such", "refused", "exception", "panic", "enotempty", "eacces", "unexpected"]
    /// A signature must weigh at least this much (a distinctive word and a weak one) to be kept:
    /// shorter ones would match too much.
    static let minimumSignatureWeight = 1.3

    /// Collects signatures and recipes while walking the Markdown tree.
    struct Extraction {
        let path: String
        let sections: [Section]
        let primary: [String]
        let analyzer: DocumentAnalyzer
        var headingBeads: [[String]]
        var signatures: [SignatureRecord] = []
        var recipes: [RecipeRecord] = []
        var warnings: [String] = []

        init(path: String, sections: [Section], primary: [String], analyzer: DocumentAnalyzer) {
            self.path = path
            self.sections = sections
            self.primary = primary
            self.analyzer = analyzer
            headingBeads = sections.map { analyzer.beadIDs(in: $0.record.title) }
        }

        /// The beads a place in the doc is about: the nearest heading naming beads, else
        /// the doc's own.
        func subjectBeads(ofSection ordinal: Int) -> [String] {
            var current: Int? = ordinal
            while let c = current {
                if !headingBeads[c].isEmpty { return headingBeads[c] }
                current = sections[c].record.parentOrdinal
            }
            return primary
        }

        /// Whether a section (or a parent below the doc's title) is about an error. The
        /// `#` title is left out: "Docker builds fail …" names the whole doc's subject.
        func isSignatureSection(_ ordinal: Int) -> Bool {
            DocumentAnalyzer.chain(ordinal, in: sections).contains { section in
                guard section.record.level >= 2 else { return false }
                let title = section.record.title.lowercased()
                return DocumentAnalyzer.signatureSectionWords.contains { title.contains($0) }
            }
        }

        mutating func collect(from root: MarkdownNode) {
            root.walk { node in
                switch node.kind {
                case .codeBlock:
                    codeBlock(node)
                    return .skipChildren
                case .paragraph:
                    let ordinal = DocumentAnalyzer.sectionOrdinal(forLine: node.startLine, in: sections)
                    if isSignatureSection(ordinal) {
                        for code in node.all(.code) { inlineCode(code.literal ?? "", line: node.startLine, section: ordinal) }
                    }
                    return .skipChildren
                case .heading, .table:
                    return .skipChildren
                default:
                    return .descend
                }
            }
        }

        mutating func codeBlock(_ node: MarkdownNode) {
            let info = RecipeInfo(node.fenceInfo ?? "")
            let ordinal = DocumentAnalyzer.sectionOrdinal(forLine: node.startLine, in: sections)
            let body = node.literal ?? ""
            if let name = info.attributes["recipe"] {
                guard !name.isEmpty, name != "true" else {
                    warnings.append("\(path):\(node.startLine): recipe block has no name; write {recipe=NAME}")
                    return
                }
                recipes.append(RecipeRecord(
                    docPath: path, name: name, sectionAnchor: sections[ordinal].record.anchor, line: node.startLine,
                    language: info.language.isEmpty ? "sh" : info.language, info: node.fenceInfo ?? "",
                    attributes: info.attributes, body: body, bodyHash: ContentHash.sha256(body),
                    beadIDs: DocumentAnalyzer.unique(subjectBeads(ofSection: ordinal) + primary)))
                return
            }
            let forced = info.language == "signature" || info.attributes["signature"] != nil
            guard forced || (DocumentAnalyzer.outputLanguages.contains(info.language) && isSignatureSection(ordinal)) else { return }
            // Each group of lines separated by a blank line is one signature, so a
            // message that wraps stays whole.
            var group: [String] = []
            var groupLine = node.startLine + 1
            let lines = body.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
            for (k, line) in (lines + [""]).enumerated() {
                if line.trimmingCharacters(in: .whitespaces).isEmpty {
                    if !group.isEmpty { add(group.joined(separator: "\n"), line: groupLine, section: ordinal, origin: "doc") }
                    group = []
                    groupLine = node.startLine + 2 + k
                } else {
                    group.append(line)
                }
            }
        }

        mutating func inlineCode(_ text: String, line: Int, section: Int) {
            let lower = text.lowercased()
            guard lower.contains(":") || DocumentAnalyzer.errorWords.contains(where: { lower.contains($0) }) else { return }
            add(text, line: line, section: section, origin: "doc", quiet: true)
        }

        mutating func add(_ text: String, line: Int, section: Int, origin: String, beads: [String]? = nil, quiet: Bool = false) {
            let tokens = LogNormalizer.signatureTokens(text)
            let weight = tokens.reduce(0) { $0 + $1.weight }
            guard weight >= DocumentAnalyzer.minimumSignatureWeight, tokens.contains(where: { $0.searchTerm != nil }) else {
                if !quiet {
                    warnings.append("\(path):\(line): signature \"\(text.prefix(60))\" is too short to recognise anything; add more of the message")
                }
                return
            }
            let subjects = beads ?? subjectBeads(ofSection: section)
            if subjects.isEmpty {
                warnings.append("\(path):\(line): signature has no bead: name one in the heading or in a `Bead:` line")
                return
            }
            let pattern = tokens.map(\.description).joined(separator: " ")
            let terms = DocumentAnalyzer.unique(tokens.compactMap(\.searchTerm)).joined(separator: " ")
            for bead in subjects where !signatures.contains(where: { $0.beadID == bead && $0.pattern == pattern }) {
                signatures.append(SignatureRecord(
                    beadID: bead, docPath: path, sectionAnchor: sections[section].record.anchor, line: line,
                    origin: origin, text: text, pattern: pattern, terms: terms))
            }
        }

        /// `signatures:` in front matter: strings, or `{text:, bead:}` / `{text:, beads:}` maps.
        mutating func collectFrontMatter(_ front: [String: Any], yamlLine: Int) {
            guard let list = front["signatures"] else { return }
            guard let items = list as? [Any] else {
                warnings.append("\(path):\(yamlLine): front matter `signatures` must be a list")
                return
            }
            for item in items {
                if let text = item as? String {
                    add(text, line: yamlLine, section: 0, origin: "front-matter", beads: primary)
                } else if let map = item as? [String: Any], let text = map["text"] as? String {
                    let beads = DocumentAnalyzer.stringList(map["beads"]) + DocumentAnalyzer.stringList(map["bead"])
                    add(text, line: yamlLine, section: 0, origin: "front-matter", beads: beads.isEmpty ? primary : beads)
                } else {
                    warnings.append("\(path):\(yamlLine): a front matter signature must be text or {text: …, bead: …}")
                }
            }
        }
    }
}

/// A fenced block's info string: `bash {recipe=kaniko-build when=devpod requires=kubectl}`.
public struct RecipeInfo: Sendable, Equatable {
    public var language: String
    public var attributes: [String: String]

    public init(_ info: String) {
        let trimmed = info.trimmingCharacters(in: .whitespaces)
        let brace = trimmed.firstIndex(of: "{")
        let head = trimmed[..<(brace ?? trimmed.endIndex)].trimmingCharacters(in: .whitespaces)
        language = head.split(separator: " ").first.map { $0.lowercased() } ?? ""
        attributes = [:]
        guard let brace, let close = trimmed.lastIndex(of: "}"), close > brace else { return }
        var key = "", value = "", inValue = false, quote: Character?
        func finish() {
            if !key.isEmpty { attributes[key] = inValue ? value : "true" }
            key = ""; value = ""; inValue = false
        }
        for ch in trimmed[trimmed.index(after: brace)..<close] {
            if let q = quote {
                if ch == q { quote = nil } else { value.append(ch) }
            } else if ch == " " {
                finish()
            } else if ch == "=", !inValue {
                inValue = true
            } else if inValue, value.isEmpty, ch == "\"" || ch == "'" {
                quote = ch
            } else if inValue {
                value.append(ch)
            } else {
                key.append(ch)
            }
        }
        finish()
    }
}
