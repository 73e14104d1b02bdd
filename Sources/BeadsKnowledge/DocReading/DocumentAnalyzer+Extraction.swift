import BeadsMarkdown
import BeadsStore
import Foundation

extension DocumentAnalyzer {
    /// Collects signatures, recipes and examples while walking the Markdown tree.
    struct Extraction {
        let path: String
        let sections: [Section]
        let primary: [String]
        let analyzer: DocumentAnalyzer
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

        init(path: String, sections: [Section], primary: [String], analyzer: DocumentAnalyzer) {
            self.path = path
            self.sections = sections
            self.primary = primary
            self.analyzer = analyzer
        }

        /// The beads a place in the doc is about: the nearest heading naming beads, else
        /// the doc's own.
        func subjectBeads(ofSection ordinal: Int) -> [String] {
            var current: Int? = ordinal
            while let c = current {
                if !sections[c].headingBeads.isEmpty { return sections[c].headingBeads }
                current = sections[c].record.parentOrdinal
            }
            return primary
        }

        /// Set when a doc has no error section at all: then its error text is wherever
        /// it is, outside the sections about remedies.
        var anywhere = false

        func isSignatureSection(_ ordinal: Int) -> Bool {
            if anywhere {
                return !DocumentAnalyzer.isRemedySection(ordinal, in: sections) && !isExampleSection(ordinal)
            }
            return DocumentAnalyzer.isErrorSection(ordinal, in: sections)
        }

        func isExampleSection(_ ordinal: Int) -> Bool { DocumentAnalyzer.isExampleSection(ordinal, in: sections) }

        static func contains(_ text: String, anyOf phrases: [String]) -> Bool {
            let lower = text.lowercased()
            return phrases.contains { lower.contains($0) }
        }

        mutating func collect(from root: MarkdownNode) {
            walk(root)
            // A short note (a title, a line naming the bead, the error in a block) has no
            // error section: read it again taking error text from anywhere but remedies
            // (what its headings quote is kept).
            let headingLines = Set(sections.map(\.record.lineStart))
            if signatures.allSatisfy({ headingLines.contains($0.line) }), unlinked.isEmpty {
                let kept = (recipes, examples, warnings)
                anywhere = true
                walk(root)
                (recipes, examples, warnings) = kept
            }
        }

        mutating func walk(_ root: MarkdownNode) {
            previousParagraph = ""
            root.walk { node in
                switch node.kind {
                case .codeBlock:
                    codeBlock(node)
                    previousParagraph = ""
                    return .skipChildren
                case .paragraph:
                    paragraph(node)
                    previousParagraph = node.plainText
                    return .skipChildren
                case .heading:
                    heading(node)
                    previousParagraph = ""
                    return .skipChildren
                case .blockQuote:
                    blockQuote(node)
                    previousParagraph = ""
                    return .skipChildren
                case .table:
                    table(node)
                    previousParagraph = ""
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
                    attributes: info.attributes, body: body, bodyHash: info.approvalHash(body: body),
                    beadIDs: DocumentAnalyzer.unique(subjectBeads(ofSection: ordinal) + primary)))
                return
            }
            if let example = exampleKind(info: info, section: ordinal) {
                let text = body.trimmingCharacters(in: .newlines)
                guard !text.isEmpty else { return }
                let beads = info.attributes["bead"].map { analyzer.beadIDs(in: $0) } ?? subjectBeads(ofSection: ordinal)
                examples.append(DocExample(path: path, line: node.startLine + 1, text: text, expectsMatch: example,
                                           beads: example ? beads : []))
                return
            }
            let forced = info.language == "signature" || info.attributes["signature"] != nil
            if forced {
                // Written as a signature on purpose: each blank-line group is one, whole.
                for group in Self.groups(body) {
                    add(group.text, line: node.startLine + 1 + group.line, section: ordinal, origin: "doc")
                }
                return
            }
            guard DocumentAnalyzer.outputLanguages.contains(info.language), isSignatureSection(ordinal) else { return }
            let (messages, listsWordings) = ErrorBlockReader.read(body)
            // The first error of an incident is its cause; the errors after it are its
            // fallout (`rsync: connection unexpectedly closed` after any refused key),
            // which on their own say little about which error it was.
            // A block that lists wordings ("also seen as:") holds causes only; so does
            // any message the section's heading or the doc's title names.
            let wordings = listsWordings || Self.contains(previousParagraph, anyOf: DocumentAnalyzer.alternateWordingPhrases)
            let titleWords = DocumentAnalyzer.chain(ordinal, in: sections).reduce(into: Set<String>()) {
                $0.formUnion(LogToken.corroboratingWords(in: $1.record.title))
            }
            var causeFound = false
            for message in messages {
                let line = node.startLine + 1 + message.line
                let named = Self.isNamed(message.text, by: titleWords)
                let isFallout = causeFound && !wordings && !named && !message.standsAlone
                let origin = isFallout ? SignatureOrigin.fallout : SignatureOrigin.doc
                if add(message.text, line: line, section: ordinal, origin: origin, quiet: messages.count > 1) { causeFound = true }
                addClauses(of: message.text, line: line, section: ordinal, origin: origin)
            }
            if messages.isEmpty {
                // No line reads like an error: a short block is taken as written; a long one
                // is an incident paste whose error this reader cannot tell, said so.
                let groups = Self.groups(body)
                if groups.count <= 3, groups.allSatisfy({ !$0.text.contains("\n") || $0.text.split(separator: "\n").count <= 3 }) {
                    for group in groups { add(group.text, line: node.startLine + 1 + group.line, section: ordinal, origin: "doc") }
                } else {
                    warnings.append("\(path):\(node.startLine): no line of this block reads like an error message; quote the error line itself, or mark the block ```signature")
                }
            }
        }

        /// Whether a heading above a message names it: two of its distinctive words (or
        /// its only one) are in the heading.
        static func isNamed(_ message: String, by titleWords: Set<String>) -> Bool {
            let words = LogNormalizer.signatureTokens(message).compactMap { token -> String? in
                if case let .word(w) = token, token.weight >= 1 { return w } else { return nil }
            }
            guard !words.isEmpty else { return false }
            let named = Set(words.filter(titleWords.contains)).count
            return named >= min(2, Set(words).count)
        }

        /// true for a match example, false for a look-alike, nil for no example.
        func exampleKind(info: RecipeInfo, section: Int) -> Bool? {
            if let value = info.attributes["example"]?.lowercased() {
                return !["not", "no", "none", "lookalike", "look-alike", "false", "negative"].contains(value)
            }
            guard isExampleSection(section), DocumentAnalyzer.outputLanguages.contains(info.language) else { return nil }
            return !Self.contains(previousParagraph, anyOf: DocumentAnalyzer.lookAlikePhrases)
        }

        /// Lines separated by blank lines.
        static func groups(_ body: String) -> [(text: String, line: Int)] {
            var out: [(String, Int)] = []
            var group: [String] = []
            var start = 0
            let lines = body.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
            for (k, line) in (lines + [""]).enumerated() {
                if line.trimmingCharacters(in: .whitespaces).isEmpty {
                    if !group.isEmpty { out.append((group.joined(separator: "\n"), start)) }
                    group = []
                    start = k + 1
                } else {
                    group.append(line)
                }
            }
            return out
        }

        /// The last clause of a message's `a: b: c` chain, kept when it reads like an error
        /// or carries two distinctive words.
        mutating func addClauses(of message: String, line: Int, section: Int, origin: String = SignatureOrigin.doc) {
            for clause in ErrorBlockReader.tailClauses(of: message)
            where ErrorVocabulary.readsLikeError(clause) || LogToken.distinctiveCount(clause) >= 2 {
                add(clause, line: line, section: section, origin: origin, quiet: true)
            }
        }

        /// The most signatures one doc may give; past that it is cut short, said once.
        static let maxSignatures = 2_000

        @discardableResult
        mutating func add(_ text: String, line: Int, section: Int, origin: String, beads: [String]? = nil, quiet: Bool = false) -> Bool {
            // A wrapper a build prints whatever the cause says nothing of which error it is.
            if !text.contains("\n"), let line = LogNormalizer.lines(of: text).first, ErrorBlockReader.isGeneric(line) { return false }
            let tokens = LogNormalizer.signatureTokens(text)
            let weight = tokens.reduce(0) { $0 + $1.weight }
            guard weight >= DocumentAnalyzer.minimumSignatureWeight, tokens.contains(where: { $0.searchTerm != nil }),
                  tokens.contains(where: { $0.weight >= 1 }) else {
                if !quiet {
                    warnings.append("\(path):\(line): signature \"\(text.prefix(60))\" is too short to recognise anything; add more of the message")
                }
                return false
            }
            guard signatures.count < Self.maxSignatures else {
                if !warnedTooMany {
                    warnings.append("\(path):\(line): more than \(Self.maxSignatures) error signatures; the rest of the doc's error text was not read")
                    warnedTooMany = true
                }
                return false
            }
            let subjects = beads ?? subjectBeads(ofSection: section)
            if subjects.isEmpty {
                if !warnedNoBead {
                    warnings.append("\(path):\(line): error text \"\(text.prefix(60))\" names no bead, so it cannot be matched; write `**Bead**: ID` under the title, or put the id in the heading")
                    warnedNoBead = true
                }
                unlinked.append((line, text))
                return false
            }
            let pattern = tokens.map(\.description).joined(separator: " ")
            let terms = DocumentAnalyzer.unique(tokens.compactMap(\.searchTerm) + LogToken.hiddenWords(in: text, tokens: tokens))
                .joined(separator: " ")
            // The same shape written with other words hidden in its masks is kept: those
            // words (`containerd` in `/tmp/containerd-mount…`) corroborate a match.
            for bead in subjects where !signatures.contains(where: { $0.beadID == bead && $0.pattern == pattern && $0.text == text }) {
                signatures.append(SignatureRecord(
                    beadID: bead, docPath: path, sectionAnchor: sections[section].record.anchor, line: line,
                    origin: origin, text: text, pattern: pattern, terms: terms))
            }
            return true
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
