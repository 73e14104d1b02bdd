import BeadsMarkdown

/// Error text outside fenced blocks: in headings, block quotes, tables and prose.
extension DocumentAnalyzer.Extraction {
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
                for text in DocumentAnalyzer.unique(texts) where ErrorVocabulary.readsLikeError(text) && !ErrorVocabulary.readsLikeCommand(text) {
                    add(text, line: row.startLine, section: ordinal, origin: SignatureOrigin.doc, quiet: true)
                }
            }
        }
    }

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
}
