import BeadsMarkdown
import BeadsStore
import Foundation

extension DocLinter {
    /// Status claims checked against the store (`status-mismatch`) and against each
    /// other (`contradiction`). A bead the store knows is settled by the store: a claim
    /// that disagrees with it is a mismatch, so the same sentence is not reported twice.
    func claims(in doc: ParsedDoc) -> [LintFinding] {
        let claims = Self.statusClaims(in: doc)
        var out: [LintFinding] = []
        for claim in claims {
            guard case let .bead(id) = claim.subject, let bead = context.beads[id] else { continue }
            let truth = ClaimedState(bead.status)
            guard claim.state != truth else { continue }
            var edit: LintEdit?
            if case let .tableCell(cell) = claim.source {
                edit = LintEdit(
                    line: claim.line, original: cell,
                    replacement: ClaimedState.cellText(for: bead.status, withEmoji: ClaimedState.hasMarker(cell)))
            }
            out.append(
                LintFinding(
                    rule: .statusMismatch, path: doc.path, line: claim.line,
                    message:
                        "says \(id) is \(claim.state.rawValue) (\"\(claim.wording)\"), but the store has it \(bead.status.rawValue): \(edit == nil ? "correct the text" : "`beads doc lint --fix` or `beads doc sync` rewrites the cell")",
                    edit: edit))
        }
        var firstClaim: [StatusClaim.Subject: StatusClaim] = [:]
        var reported: Set<StatusClaim.Subject> = []
        for claim in claims {
            if case let .bead(id) = claim.subject, context.beads[id] != nil { continue }
            guard let first = firstClaim[claim.subject] else {
                firstClaim[claim.subject] = claim
                continue
            }
            guard first.state != claim.state, !reported.contains(claim.subject) else { continue }
            reported.insert(claim.subject)
            let name = claim.name
            out.append(
                LintFinding(
                    rule: .contradiction, path: doc.path, line: claim.line,
                    message:
                        "says \(name) is \(claim.state.rawValue) (\"\(claim.wording)\"), but line \(first.line) says \(first.state.rawValue) (\"\(first.wording)\"): settle which is true and correct the other"
                ))
        }
        return out
    }

    /// Claims from tables with a Status column, `Status:` lines and lines marked ✅ 🔄 ⚠️ ❌.
    static func statusClaims(in doc: ParsedDoc) -> [StatusClaim] {
        var claims: [StatusClaim] = []
        var tableLines: Set<Int> = []
        doc.root.walk { node in
            guard node.kind == .table else { return .descend }
            claims += tableClaims(node, in: doc)
            for row in node.children { tableLines.insert(row.startLine) }
            return .skipChildren
        }
        for span in doc.spans where !span.isCode && !tableLines.contains(span.line) && !doc.isHeadingLine(span.line) {
            let text = span.text.trimmingCharacters(in: .whitespaces)
            let ids = doc.analyzer.beadIDs(in: text)
            if let match = text.range(of: #"^Status\s*:\s*"#, options: [.regularExpression, .caseInsensitive]) {
                let wording = String(text[match.upperBound...])
                guard let state = ClaimedState.classify(wording) else { continue }
                let beads = ids.isEmpty ? doc.sectionBeads(forLine: span.line) : ids
                for (subject, name) in beads.map({ (StatusClaim.Subject.bead($0), $0) }) + systemNames(in: wording) {
                    claims.append(
                        StatusClaim(
                            subject: subject, name: name, state: state, line: span.line, wording: clip(wording), source: .statusLine))
                }
            } else if ClaimedState.hasMarker(text), let state = ClaimedState.classify(text) {
                let subjects = ids.isEmpty ? systemNames(in: text) : ids.map { (StatusClaim.Subject.bead($0), $0) }
                for (subject, name) in subjects {
                    claims.append(
                        StatusClaim(subject: subject, name: name, state: state, line: span.line, wording: clip(text), source: .prose))
                }
            }
        }
        return claims.sorted { $0.line < $1.line }
    }

    static func tableClaims(_ table: MarkdownNode, in doc: ParsedDoc) -> [StatusClaim] {
        guard let header = table.children.first,
            let column = header.children.firstIndex(where: { cell in
                let title = cell.plainText.lowercased()
                return title.contains("status") || title.contains("state")
            })
        else { return [] }
        var claims: [StatusClaim] = []
        for row in table.children.dropFirst() where row.children.count > column {
            let cells = row.children.map { $0.plainText.trimmingCharacters(in: .whitespaces) }
            guard let state = ClaimedState.classify(cells[column]) else { continue }
            let ids = cells.enumerated().filter { $0.offset != column }.flatMap { doc.analyzer.beadIDs(in: $0.element) }
            let subject: StatusClaim.Subject = ids.first.map(StatusClaim.Subject.bead) ?? .system(normalizedName(cells[0]))
            let name = ids.first ?? cells[0]
            let source = sourceCells(doc.lines.indices.contains(row.startLine - 1) ? doc.lines[row.startLine - 1] : "")
            let cell = source.indices.contains(column) ? source[column] : cells[column]
            claims.append(
                StatusClaim(
                    subject: subject, name: name, state: state, line: row.startLine, wording: cells[column], source: .tableCell(cell: cell))
            )
        }
        return claims
    }

    /// The cells of a table row as written in the source, trimmed (`\|` is not a divider).
    static func sourceCells(_ line: String) -> [String] {
        var cells: [String] = []
        var current = ""
        var escaped = false
        for ch in line {
            if ch == "|", !escaped {
                cells.append(current)
                current = ""
                continue
            }
            escaped = ch == "\\" && !escaped
            current.append(ch)
        }
        cells.append(current)
        var trimmed = cells.map { $0.trimmingCharacters(in: .whitespaces) }
        if line.trimmingCharacters(in: .whitespaces).hasPrefix("|") { trimmed.removeFirst() }
        if line.trimmingCharacters(in: .whitespaces).hasSuffix("|"), trimmed.last == "" { trimmed.removeLast() }
        return trimmed
    }

    /// Names of systems a line talks about: two or more capitalised words in a row
    /// ("GitHub Actions", "Docker Hub"), without a leading article. Shouted words
    /// (DOCUMENTED) are status, not names.
    static func systemNames(in text: String) -> [(StatusClaim.Subject, String)] {
        let words = text.split(whereSeparator: { !$0.isLetter && !$0.isNumber && $0 != "-" }).map(String.init)
        var names: [(StatusClaim.Subject, String)] = []
        var run: [String] = []
        func isName(_ w: String) -> Bool {
            guard let first = w.first, first.isUppercase else { return false }
            return w.contains { $0.isLowercase }
        }
        func close() {
            while let first = run.first, ["The", "A", "An", "This", "That", "Our", "Use", "See"].contains(first) { run.removeFirst() }
            if run.count >= 2 {
                let name = run.joined(separator: " ")
                names.append((.system(normalizedName(name)), name))
            }
            run = []
        }
        for word in words {
            if isName(word) { run.append(word) } else { close() }
        }
        close()
        return names
    }

    static func normalizedName(_ text: String) -> String {
        text.lowercased().split(whereSeparator: { !$0.isLetter && !$0.isNumber }).joined(separator: " ")
    }

    static func clip(_ text: String) -> String {
        text.count <= 60 ? text : String(text.prefix(57)) + "…"
    }
}
