import BeadsMarkdown
import BeadsStore
import Foundation

/// Where a signature came from.
public enum SignatureOrigin {
    /// A doc's error text: a message in an error section, inline or in a block.
    public static let doc = "doc"
    /// An error that followed the cause in a doc's incident paste: evidence only
    /// when the cause's own words are near it.
    public static let fallout = "doc-fallout"
}

/// A paste a doc says must match it, or a look-alike it says must not match anything.
public struct DocExample: Sendable, Equatable {
    public var path: String
    public var line: Int
    public var text: String
    /// true: must match one of `beads`; false: a look-alike that must match no bead.
    public var expectsMatch: Bool
    public var beads: [String]
}

extension DocumentAnalyzer {
    /// Headings under which code is taken for error text: what teams call the place
    /// where they show what went wrong.
    static let signatureSectionWords = ["problem", "error", "symptom", "signature", "fail", "known error", "what you see",
                                        "what it looks like", "how it looks", "shows up", "how to recognise",
                                        "how to recognize", "you will see", "you'll see", "what happens", "crash"]
    /// Headings of sections that hold example pastes.
    static let exampleSectionWords = ["example", "test case", "look-alike", "lookalike", "sample paste"]
    /// Fence languages that hold output rather than code.
    static let outputLanguages: Set<String> = ["", "text", "txt", "log", "console", "output", "plain", "plaintext", "error", "signature"]
    /// Words in a paragraph that make its quoted messages look-alikes: another error
    /// that must not be taken for this one.
    static let lookAlikePhrases = ["not to be confused", "don't confuse", "do not confuse", "not this", "unlike ",
                                   "different problem", "different error", "look-alike", "lookalike", "red herring",
                                   "must not match", "should not match", "does not match", "reads differently",
                                   "is not the same", "isn't the same", "not the same", "is a different", "not covered here"]
    /// Words in a paragraph that say its quoted text is what you type, not what you get.
    static let commandContextPhrases = ["when you run", "if you run", "running ", "you get:", "you'll get", "you will get",
                                        "run `", "type `", "execute `"]
    /// Words in the paragraph before a block that say it lists one error's wordings.
    static let alternateWordingPhrases = ["also seen", "other form", "other wording", "as other tools", "variant",
                                          "same error", "same refusal", "same failure", "also shows", "one of these",
                                          "any of these", "other versions", "older versions", "newer versions"]
    /// A signature must weigh at least this much (a distinctive word and a weak one) to be kept:
    /// shorter ones would match too much.
    static let minimumSignatureWeight = 1.3

    /// Whether a section's own heading (not a parent's) says it shows an error. A
    /// heading about signatures (`## Signatures in docs`) is not one.
    static func headingSaysError(_ title: String) -> Bool {
        let lower = title.lowercased()
        return signatureSectionWords.contains { $0 != "signature" && lower.contains($0) }
            && !exampleSectionWords.contains { lower.contains($0) }
    }

    static func sectionMatches(_ ordinal: Int, in sections: [Section], _ words: [String]) -> Bool {
        chain(ordinal, in: sections).contains { section in
            guard section.record.level >= 2 else { return false }
            let title = section.record.title.lowercased()
            return words.contains { title.contains($0) }
        }
    }

    /// Headings of sections about what to do or why, not what is seen.
    static let remedySectionWords = ["fix", "solution", "workaround", "resolution", "prevent", "cause", "why",
                                     "history", "changelog", "related", "link", "reference", "see also", "recipe",
                                     "how to", "wrapper", "recommended", "alternative", "mitigat", "cleanup", "clean up"]

    /// Whether a section or one of its parents (below the title) is about a remedy.
    static func isRemedySection(_ ordinal: Int, in sections: [Section]) -> Bool {
        sectionMatches(ordinal, in: sections, remedySectionWords)
    }

    /// Whether a section (or a parent below the doc's title) is about an error: its
    /// heading says so, or it is a `##` section named for a bead (`## Certificate
    /// (ops-8)`) that is not about a remedy. The `#` title is left out: "Docker builds
    /// fail …" names the whole doc's subject.
    static func isErrorSection(_ ordinal: Int, in sections: [Section]) -> Bool {
        guard !isExampleSection(ordinal, in: sections) else { return false }
        if sectionMatches(ordinal, in: sections, signatureSectionWords) { return true }
        let own = sections[ordinal].record
        guard own.level >= 2, !sections[ordinal].headingBeads.isEmpty else { return false }
        let title = own.title.lowercased()
        return !remedySectionWords.contains { title.contains($0) }
    }

    static func isExampleSection(_ ordinal: Int, in sections: [Section]) -> Bool {
        sectionMatches(ordinal, in: sections, exampleSectionWords)
    }

    /// Collects signatures, recipes and examples while walking the Markdown tree.
    struct Extraction {
        let path: String
        let sections: [Section]
        let primary: [String]
        let analyzer: DocumentAnalyzer
        var headingBeads: [[String]]
        var signatures: [SignatureRecord] = []
        var recipes: [RecipeRecord] = []
        var examples: [DocExample] = []
        var warnings: [String] = []
        /// The paragraph just before the block being read: it says what the block is.
        var previousParagraph = ""
        var warnedNoBead = false
        /// Error texts found that name no bead (each would have been a signature).
        var unlinked: [(line: Int, text: String)] = []

        init(path: String, sections: [Section], primary: [String], analyzer: DocumentAnalyzer) {
            self.path = path
            self.sections = sections
            self.primary = primary
            self.analyzer = analyzer
            headingBeads = sections.map(\.headingBeads)
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

        /// A heading that quotes the error (`# CI fails with "Permission denied
        /// (publickey)"`, `### Q: Why does it fail with `…`?`) names it for its section.
        mutating func heading(_ node: MarkdownNode) {
            let ordinal = DocumentAnalyzer.sectionOrdinal(forLine: node.startLine, in: sections)
            guard !DocumentAnalyzer.isRemedySection(ordinal, in: sections), !isExampleSection(ordinal) else { return }
            var quoted = node.all(.code).compactMap(\.literal)
            quoted += Self.doubleQuoted(node.plainText)
            let errors = quoted.filter { ErrorVocabulary.readsLikeError($0) && !ErrorVocabulary.readsLikeCommand($0) }
            // "### Q: Is `ImportError: …` the same problem?" asks about a look-alike; the
            // answer under it says which.
            let title = node.plainText.lowercased()
            if title.contains("?"), ["same", "different", "related", "also"].contains(where: title.contains) {
                let answer = sections[ordinal].record.summary.lowercased()
                if answer.hasPrefix("no") {
                    for text in errors {
                        examples.append(DocExample(path: path, line: node.startLine, text: text, expectsMatch: false, beads: []))
                    }
                }
                guard answer.hasPrefix("yes") else { return }
            }
            for text in errors {
                add(text, line: node.startLine, section: ordinal, origin: SignatureOrigin.doc, quiet: true)
            }
        }

        /// An error quoted as a block quote (`> npm ERR! code E401`) in an error section.
        mutating func blockQuote(_ node: MarkdownNode) {
            let ordinal = DocumentAnalyzer.sectionOrdinal(forLine: node.startLine, in: sections)
            guard isSignatureSection(ordinal) else { return }
            for paragraph in node.all(.paragraph) {
                let lines = paragraph.plainText.split(separator: "\n").map(String.init)
                for (k, line) in lines.enumerated() where ErrorVocabulary.readsLikeError(line) && !ErrorVocabulary.readsLikeCommand(line) {
                    add(line, line: paragraph.startLine + k, section: ordinal, origin: SignatureOrigin.doc, quiet: true)
                }
            }
        }

        /// A table of errors in an error section: cells of a column headed *Error*,
        /// *Message*, *Symptom* or *Output*, and error text in inline code in any cell.
        mutating func table(_ node: MarkdownNode) {
            let ordinal = DocumentAnalyzer.sectionOrdinal(forLine: node.startLine, in: sections)
            guard isSignatureSection(ordinal) else { return }
            let rows = node.children.filter { $0.kind == .tableRow }
            let header = rows.first { $0.isHeaderRow }?.children.map { $0.plainText.lowercased() } ?? []
            let errorColumns = Set(header.indices.filter { k in
                ["error", "message", "symptom", "output", "what you see", "log"].contains { header[k].contains($0) }
            })
            for row in rows where !row.isHeaderRow {
                for (k, cell) in row.children.enumerated() {
                    var texts = cell.all(.code).compactMap(\.literal)
                    if errorColumns.contains(k) { texts.append(cell.plainText) }
                    for text in Self.unique(texts) where ErrorVocabulary.readsLikeError(text) && !ErrorVocabulary.readsLikeCommand(text) {
                        add(text, line: row.startLine, section: ordinal, origin: SignatureOrigin.doc, quiet: true)
                    }
                }
            }
        }

        static func unique(_ items: [String]) -> [String] { DocumentAnalyzer.unique(items) }

        /// Text between straight or curly double quotes.
        static func doubleQuoted(_ text: String) -> [String] {
            var out: [String] = []
            var current: String?
            for ch in text {
                if ch == "\"" || ch == "\u{201C}" || ch == "\u{201D}" {
                    if let open = current { out.append(open); current = nil } else { current = "" }
                } else if current != nil {
                    current!.append(ch)
                }
            }
            return out.filter { !$0.isEmpty }
        }

        mutating func paragraph(_ node: MarkdownNode) {
            let ordinal = DocumentAnalyzer.sectionOrdinal(forLine: node.startLine, in: sections)
            let text = node.plainText
            let codes = node.all(.code).compactMap(\.literal).filter { !$0.isEmpty }
            guard !codes.isEmpty else { return }
            // "Not to be confused with `…`", "Not this: `…`": look-alikes, wherever they are.
            if Self.contains(text, anyOf: DocumentAnalyzer.lookAlikePhrases) {
                for code in codes where ErrorVocabulary.readsLikeError(code) || isExampleSection(ordinal) {
                    examples.append(DocExample(path: path, line: node.startLine, text: code, expectsMatch: false, beads: []))
                }
                return
            }
            if isExampleSection(ordinal) {
                for code in codes where !ErrorVocabulary.readsLikeCommand(code) {
                    examples.append(DocExample(path: path, line: node.startLine, text: code, expectsMatch: true,
                                               beads: subjectBeads(ofSection: ordinal)))
                }
                return
            }
            guard isSignatureSection(ordinal) else { return }
            // An error quoted in prose without code formatting: 'fails with "No space left on device"'.
            for quoted in Self.doubleQuoted(text) where ErrorVocabulary.readsLikeError(quoted) && !ErrorVocabulary.readsLikeCommand(quoted) {
                add(quoted, line: node.startLine, section: ordinal, origin: SignatureOrigin.doc, quiet: true)
            }
            let commandContext = Self.contains(text, anyOf: DocumentAnalyzer.commandContextPhrases)
            for code in codes {
                // A command (`docker pull …`, `$ make`) is context for the error, not the error.
                if ErrorVocabulary.readsLikeCommand(code) { continue }
                let readsLikeError = ErrorVocabulary.readsLikeError(code)
                if commandContext, !readsLikeError { continue }
                // A `key: value` span reads like a message under an error heading only.
                guard readsLikeError || (code.contains(": ") && !anywhere) else { continue }
                add(code, line: node.startLine, section: ordinal, origin: "doc", quiet: true)
                addClauses(of: code, line: node.startLine, section: ordinal)
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
