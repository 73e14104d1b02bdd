import BeadsMarkdown
import BeadsStore
import Foundation

/// Where candidate signatures come from: every line that reads like an error in a block,
/// inline code, a quote, a table cell, raw HTML or a heading, wherever it is. What the
/// reader knows of each (its role, its place, its position in its block) goes into its
/// traits for the scorer to weigh; little is excluded here.
extension DocumentAnalyzer.Extraction {
    /// Fence languages of shell sessions: commands, and their output after them.
    static let shellLanguages: Set<String> = [
        "bash", "sh", "shell", "console", "zsh", "terminal", "powershell", "ps", "cmd",
        "fish", "shell-session", "shellsession", "bat",
    ]

    mutating func codeBlock(_ node: MarkdownNode, _ context: Context) {
        let info = RecipeInfo(node.fenceInfo ?? "")
        let body = node.literal ?? ""
        let first = node.startLine + ((node.fenceInfo != nil || body.isEmpty) ? 1 : 0)
        let ordinal = DocumentAnalyzer.sectionOrdinal(forLine: node.startLine, in: sections)
        if let name = info.attributes["recipe"] {
            guard !name.isEmpty, name != "true" else {
                warnings.append("\(path):\(node.startLine): recipe block has no name; write {recipe=NAME}")
                return
            }
            recipes.append(
                RecipeRecord(
                    docPath: path, name: name, sectionAnchor: sections[ordinal].record.anchor, line: node.startLine,
                    language: info.language.isEmpty ? "sh" : info.language, info: node.fenceInfo ?? "",
                    attributes: info.attributes, body: body, bodyHash: info.approvalHash(body: body),
                    beadIDs: DocumentAnalyzer.unique(subjectBeads(ofScope: context.scope) + primary)))
            return
        }
        for (k, line) in body.split(separator: "\n", omittingEmptySubsequences: false).enumerated() where line.contains("-") {
            mentions(in: String(line), line: first + k, scope: context.scope, strength: nil)
        }
        if let example = exampleKind(info: info, section: ordinal) {
            let text = body.trimmingCharacters(in: .newlines)
            guard !text.isEmpty else { return }
            let beads = info.attributes["bead"].map { analyzer.beadIDs(in: $0) } ?? subjectBeads(ofScope: context.scope)
            examples.append(DocExample(path: path, line: first, text: text, expectsMatch: example, beads: example ? beads : []))
            // A look-alike the doc gives is kept as one: a paste it explains better than the
            // doc's own error text is not this doc's bead's error.
            if !example {
                var traits = SignatureTraits()
                traits.place = .lookAlike
                for message in ErrorBlockReader.read(body).messages {
                    add(message.text, line: first + message.line, context: context, traits: traits)
                }
            }
            return
        }
        var traits = SignatureTraits()
        traits.place = place(line: node.startLine, context: context)
        if info.language == "signature" || info.attributes["signature"] != nil {
            // Written as a signature on purpose: each blank-line group is one, whole.
            traits.role = .declared
            for group in Self.groups(body) {
                add(group.text, line: first + group.line, context: context, traits: traits, quiet: false)
            }
            return
        }
        let language = info.language.lowercased()
        traits.inCode = !DocumentAnalyzer.outputLanguages.contains(language) && !Self.shellLanguages.contains(language)
        let (messages, listsWordings) = ErrorBlockReader.read(body)
        traits.wording = listsWordings || Self.contains(previousParagraph, anyOf: DocumentAnalyzer.alternateWordingPhrases)
        let titleWords = DocumentAnalyzer.chain(ordinal, in: sections).reduce(into: Set<String>()) {
            $0.formUnion(LogToken.corroboratingWords(in: $1.record.title))
        }
        var causeFound = false
        for message in messages {
            var own = traits
            own.role = message.isException ? .exception : .block
            own.afterCommand = message.afterCommand
            own.besideException = message.besideException
            // The first error of an incident is its cause; the errors after it are often
            // its fallout. The scorer weighs that; a message its heading names is a cause.
            // A stack trace's exception is the error itself, wherever it stands.
            own.fallout =
                causeFound && !traits.wording && !message.standsAlone && !message.isException
                && !Self.isNamed(message.text, by: titleWords)
            let line = first + message.line
            if add(message.text, line: line, context: context, traits: own) { causeFound = true }
            var clause = own
            clause.clause = true
            for tail in ErrorBlockReader.tailClauses(of: message.text)
            where ErrorVocabulary.readsLikeError(tail) || LogToken.distinctiveCount(tail) >= 2 {
                add(tail, line: line, context: context, traits: clause)
            }
        }
        guard messages.isEmpty, traits.place == .error, !traits.inCode else { return }
        // No line reads like an error: a short block under an error heading is taken as
        // written; a long one is an incident whose error this reader cannot tell, said so.
        let groups = Self.groups(body)
        if groups.count <= 3, groups.allSatisfy({ $0.text.split(separator: "\n").count <= 3 }) {
            for group in groups { add(group.text, line: first + group.line, context: context, traits: traits) }
        } else {
            warnings.append(
                "\(path):\(node.startLine): no line of this block reads like an error message; quote the error line itself, or mark the block ```signature"
            )
        }
    }

    /// A heading that quotes the error (`# CI fails with "Permission denied (publickey)"`,
    /// `### Why does it fail with `…`?`).
    mutating func heading(_ node: MarkdownNode) {
        let ordinal = DocumentAnalyzer.sectionOrdinal(forLine: node.startLine, in: sections)
        var quoted = node.all(.code).compactMap(\.literal)
        quoted += Self.doubleQuoted(node.plainText)
        let errors = quoted.filter { ErrorVocabulary.readsLikeError($0) && !ErrorVocabulary.readsLikeCommand($0) }
        let context = Context(scope: sectionScopes[ordinal], quote: nil)
        var traits = SignatureTraits()
        traits.role = .heading
        traits.place = place(line: node.startLine, context: context)
        // "### Is `ImportError: …` the same problem?" asks about a look-alike; the
        // answer under it says which.
        let title = node.plainText.lowercased()
        if title.contains("?"), ["same", "different", "related", "also"].contains(where: title.contains) {
            let answer = sections[ordinal].record.summary.lowercased()
            if answer.hasPrefix("no") {
                for text in errors {
                    examples.append(DocExample(path: path, line: node.startLine, text: text, expectsMatch: false, beads: []))
                }
                traits.place = .lookAlike
            } else if !answer.hasPrefix("yes") {
                return
            }
        }
        for text in errors { add(text, line: node.startLine, context: context, traits: traits) }
    }

    mutating func paragraph(_ node: MarkdownNode, _ context: Context) {
        mentions(in: node, scope: context.scope)
        let text = node.plainText
        let ordinal = DocumentAnalyzer.sectionOrdinal(forLine: node.startLine, in: sections)
        let codes = node.all(.code).compactMap(\.literal).filter { !$0.isEmpty }
        let here = place(line: node.startLine, context: context, paragraph: text)
        // "Not to be confused with `…`": look-alikes, which `doc test` checks match nothing.
        if here == .lookAlike {
            for code in codes where ErrorVocabulary.readsLikeError(code) || DocumentAnalyzer.isExampleSection(ordinal, in: sections) {
                examples.append(DocExample(path: path, line: node.startLine, text: code, expectsMatch: false, beads: []))
            }
        }
        if here == .example {
            for code in codes where !ErrorVocabulary.readsLikeCommand(code) {
                examples.append(
                    DocExample(
                        path: path, line: node.startLine, text: code, expectsMatch: true,
                        beads: subjectBeads(ofScope: context.scope)))
            }
            return
        }
        var traits = SignatureTraits()
        traits.place = here
        // A quoted chat message or alert: each line that reads like an error, as written.
        if context.quote != nil {
            traits.role = .quote
            for (k, line) in Self.lines(of: node).enumerated()
            where ErrorVocabulary.readsLikeError(line) && !ErrorVocabulary.readsLikeCommand(line) && !line.hasPrefix("[!") {
                add(Self.withoutSpeaker(line), line: node.startLine + k, context: context, traits: traits)
            }
        }
        traits.role = .prose
        for quoted in Self.doubleQuoted(text) where ErrorVocabulary.readsLikeError(quoted) && !ErrorVocabulary.readsLikeCommand(quoted) {
            add(quoted, line: node.startLine, context: context, traits: traits)
        }
        traits.role = .inline
        let commandContext = Self.contains(text, anyOf: DocumentAnalyzer.commandContextPhrases)
        for code in codes {
            // A command (`docker pull …`, `$ make`) is context for the error, not the error.
            if ErrorVocabulary.readsLikeCommand(code) { continue }
            let readsLikeError = ErrorVocabulary.readsLikeError(code)
            if commandContext, !readsLikeError { continue }
            // A `key: value` span reads like a message under an error heading only.
            guard readsLikeError || (code.contains(": ") && here == .error) else { continue }
            add(code, line: node.startLine, context: context, traits: traits)
            var clause = traits
            clause.clause = true
            for tail in ErrorBlockReader.tailClauses(of: code)
            where ErrorVocabulary.readsLikeError(tail) || LogToken.distinctiveCount(tail) >= 2 {
                add(tail, line: node.startLine, context: context, traits: clause)
            }
        }
    }

    /// `**maria** 10:42: getting this again: npm ERR! …` → the message after the speaker.
    static func withoutSpeaker(_ line: String) -> String {
        guard let colon = line.range(of: ": "), line.distance(from: line.startIndex, to: colon.lowerBound) <= 40 else { return line }
        let head = line[..<colon.lowerBound]
        // A speaker and a time (`maria 10:42`), not an error's own `Error:` prefix.
        guard head.contains(where: \.isNumber), head.split(separator: " ").count <= 4,
            !ErrorVocabulary.readsLikeError(String(head))
        else { return line }
        return String(line[colon.upperBound...])
    }

    /// A table: each row is a scope. A Bead (Ticket, Issue …) column declares the row's
    /// bead; error text is in a column headed Error (Message, Symptom …) or in inline
    /// code anywhere. A two-column `Key | Value` table declares for the scope it is in.
    mutating func table(_ node: MarkdownNode, _ context: Context) {
        let rows = node.children.filter { $0.kind == .tableRow }
        let header = rows.first { $0.isHeaderRow }?.children.map { $0.plainText.lowercased() } ?? []
        let beadColumns = Set(header.indices.filter { k in Self.beadColumnWords.contains { header[k].contains($0) } })
        let errorColumns = Set(header.indices.filter { k in Self.errorColumnWords.contains { header[k].contains($0) } })
        for row in rows {
            let cells = row.children.map(\.plainText)
            let key = cells.first?.lowercased().trimmingCharacters(in: CharacterSet(charactersIn: " *_:`")) ?? ""
            if cells.count == 2, DocumentAnalyzer.declaringKeys.contains(key) || MentionStrength.declaringKeys.contains(key) {
                for id in analyzer.beadIDs(in: cells[1]) { scopes.mention(id, strength: 3, line: row.startLine, in: context.scope) }
                continue
            }
            guard !row.isHeaderRow else { continue }
            noteWords(of: cells.joined(separator: " "), for: analyzer.beadIDs(in: cells.joined(separator: " ")))
            let scope = scopes.add(.row, parent: context.scope)
            let rowContext = Context(scope: scope, quote: context.quote)
            for (k, cell) in row.children.enumerated() {
                mentions(in: cell.plainText, line: row.startLine, scope: scope, strength: beadColumns.contains(k) ? 3 : nil)
            }
            var traits = SignatureTraits()
            traits.place = place(line: row.startLine, context: context, paragraph: cells.joined(separator: " "))
            if errorColumns.isEmpty, traits.place == .neutral, beadColumns.isEmpty == false { traits.place = .error }
            for (k, cell) in row.children.enumerated() {
                if errorColumns.contains(k), ErrorVocabulary.readsLikeError(cell.plainText),
                    !ErrorVocabulary.readsLikeCommand(cell.plainText)
                {
                    traits.role = .cell
                    var own = traits
                    if traits.place == .neutral { own.place = .error }
                    add(cell.plainText, line: row.startLine, context: rowContext, traits: own)
                }
                traits.role = .inline
                for code in cell.all(.code).compactMap(\.literal)
                where ErrorVocabulary.readsLikeError(code) && !ErrorVocabulary.readsLikeCommand(code) {
                    var own = traits
                    if errorColumns.contains(k), traits.place == .neutral { own.place = .error }
                    add(code, line: row.startLine, context: rowContext, traits: own)
                }
            }
        }
    }

    static let beadColumnWords = ["bead", "ticket", "issue", "jira", "tracker", "tracking", "bug"]
    static let errorColumnWords = [
        "error", "message", "symptom", "output", "what you see", "log", "you see", "signal",
        "fehler", "erreur", "erro", "meldung", "mensagem", "mensaje",
    ]

    /// Raw HTML: `<details>` opens a scope its `<summary>` names, until `</details>`; the
    /// text of a `<pre>` or of a details block that cmark kept as HTML is read line by line.
    mutating func html(_ node: MarkdownNode, _ context: Context, details: inout [Int]) {
        let literal = node.literal ?? ""
        var scope = context.scope
        if literal.contains("<details") {
            scope = scopes.add(.details, parent: context.scope)
            details.append(scope)
        }
        if let open = literal.range(of: "<summary>"), let close = literal.range(of: "</summary>"), open.upperBound <= close.lowerBound {
            mentions(in: String(literal[open.upperBound..<close.lowerBound]), line: node.startLine, scope: scope, strength: 3)
        }
        var traits = SignatureTraits()
        traits.role = .html
        traits.place = place(line: node.startLine, context: context)
        let text = Self.withoutTags(literal)
        let (messages, _) = ErrorBlockReader.read(text)
        for message in messages {
            add(message.text, line: node.startLine + message.line, context: Context(scope: scope, quote: context.quote), traits: traits)
        }
        for (k, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() where line.contains("-") {
            mentions(in: String(line), line: node.startLine + k, scope: scope)
        }
        if literal.contains("</details>"), !details.isEmpty { details.removeLast() }
    }

    /// HTML without its tags, entities for `<`, `>`, `&` and quotes read.
    static func withoutTags(_ html: String) -> String {
        var out = ""
        var inTag = false
        for ch in html {
            if ch == "<" {
                inTag = true
                continue
            }
            if ch == ">", inTag {
                inTag = false
                continue
            }
            if !inTag { out.append(ch) }
        }
        return out.replacingOccurrences(of: "&lt;", with: "<").replacingOccurrences(of: "&gt;", with: ">")
            .replacingOccurrences(of: "&quot;", with: "\"").replacingOccurrences(of: "&#39;", with: "'")
            .replacingOccurrences(of: "&amp;", with: "&")
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
        guard DocumentAnalyzer.isExampleSection(section, in: sections), DocumentAnalyzer.outputLanguages.contains(info.language) else {
            return nil
        }
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

    /// Text between straight or curly double quotes.
    static func doubleQuoted(_ text: String) -> [String] {
        var out: [String] = []
        var current: String?
        for ch in text {
            if ch == "\"" || ch == "\u{201C}" || ch == "\u{201D}" {
                if let open = current {
                    out.append(open)
                    current = nil
                } else {
                    current = ""
                }
            } else if current != nil {
                current!.append(ch)
            }
        }
        return out.filter { !$0.isEmpty }
    }
}
