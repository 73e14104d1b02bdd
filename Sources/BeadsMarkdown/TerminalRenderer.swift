/// Renders a parsed doc for a terminal: headings underlined, paragraphs wrapped to the
/// width, lists with bullets or numbers, tables aligned in columns (wrapped inside
/// their cells when too wide), code blocks framed and never wrapped, links with their
/// targets. ANSI styles only when asked for (a terminal that is not NO_COLOR).
public struct TerminalRenderer: Sendable {
    public var width: Int
    public var styled: Bool

    public init(width: Int = 80, styled: Bool = false) {
        self.width = max(width, 20)
        self.styled = styled
    }

    public func render(_ root: MarkdownNode) -> String {
        var lines: [String] = []
        blocks(root.children, indent: "", into: &lines)
        while lines.last == "" { lines.removeLast() }
        return lines.joined(separator: "\n") + "\n"
    }

    // MARK: - Blocks

    func blocks(_ nodes: [MarkdownNode], indent: String, into lines: inout [String]) {
        for node in nodes {
            let before = lines.count
            block(node, indent: indent, into: &lines)
            if lines.count > before, node.kind != .htmlBlock { lines.append("") }
        }
        if lines.last == "" { lines.removeLast() }
    }

    func block(_ node: MarkdownNode, indent: String, into lines: inout [String]) {
        let room = width - TextWidth.of(indent)
        switch node.kind {
        case .heading:
            let text = inline(node.children)
            let rule: Character? =
                switch node.headingLevel {
                case 1: "═"
                case 2: "─"
                case 3: "┈"
                default: nil
                }
            lines += wrap(style(text, bold: true), width: room).map { indent + $0 }
            if let rule { lines.append(indent + String(repeating: rule, count: min(TextWidth.of(text), room))) }
        case .paragraph:
            lines += wrap(inline(node.children), width: room).map { indent + $0 }
        case .list:
            var number = node.listStart ?? 0
            for item in node.children {
                var marker = node.listStart == nil ? "• " : "\(number). "
                if let checked = item.taskChecked { marker += checked ? "[x] " : "[ ] " }
                number += 1
                let hang = String(repeating: " ", count: TextWidth.of(marker))
                // The item's blocks, wrapped to the room left after the marker.
                var inner: [String] = []
                TerminalRenderer(width: room - hang.count, styled: styled).blocks(item.children, indent: "", into: &inner)
                for (k, line) in inner.enumerated() {
                    lines.append(indent + (k == 0 ? marker : (line.isEmpty ? "" : hang)) + line)
                }
            }
        case .codeBlock:
            let info = node.fenceInfo?.trimmingCharacters(in: .whitespaces) ?? ""
            lines.append(indent + "╭─" + (info.isEmpty ? "" : " " + style(info, dim: true)))
            var code = node.literal ?? ""
            if code.hasSuffix("\n") { code.removeLast() }
            // Long lines are folded, each fold marked, so nothing runs past the width.
            let fold = max(room - 2, 10)
            for line in code.split(separator: "\n", omittingEmptySubsequences: false) {
                var rest = Substring(line)
                var first = true
                repeat {
                    var piece = ""
                    var pieceWidth = 0
                    while let ch = rest.first, pieceWidth + TextWidth.of(String(ch)) <= fold {
                        piece.append(ch)
                        pieceWidth += TextWidth.of(String(ch))
                        rest = rest.dropFirst()
                    }
                    if piece.isEmpty, let ch = rest.first {
                        piece = String(ch)
                        rest = rest.dropFirst()
                    }
                    lines.append(trimEnd(indent + (first ? "│ " : "┆ ") + piece))
                    first = false
                } while !rest.isEmpty
            }
            lines.append(indent + "╰─")
        case .blockQuote:
            var inner: [String] = []
            TerminalRenderer(width: room - 2, styled: styled).blocks(node.children, indent: "", into: &inner)
            lines += inner.map { indent + "│ " + $0 }
        case .table:
            lines += table(node, width: room).map { indent + $0 }
        case .thematicBreak:
            lines.append(indent + String(repeating: "─", count: room))
        case .htmlBlock:
            // Comments are notes to the doc's maintainers (and beads' markers).
            let html = (node.literal ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
            if !html.hasPrefix("<!--") {
                lines += html.split(separator: "\n").map { indent + style(String($0), dim: true) }
                lines.append("")
            }
        default:
            blocks(node.children, indent: indent, into: &lines)
        }
    }

    // MARK: - Tables

    func table(_ node: MarkdownNode, width room: Int) -> [String] {
        let rows = node.children.map { row in row.children.map { inline($0.children) } }
        let columns = rows.map(\.count).max() ?? 0
        guard columns > 0 else { return [] }
        var widths = (0..<columns).map { c in rows.map { c < $0.count ? TextWidth.of($0[c]) : 0 }.max() ?? 0 }
        // " │ " between columns; shrink the widest column until the table fits.
        let separators = 3 * (columns - 1)
        while widths.reduce(0, +) + separators > room, let widest = widths.indices.max(by: { widths[$0] < widths[$1] }), widths[widest] > 6
        {
            widths[widest] -= 1
        }
        func cellLines(_ text: String, _ c: Int) -> [String] { wrap(text, width: widths[c]) }
        func pad(_ text: String, _ c: Int) -> String {
            let gap = max(0, widths[c] - TextWidth.of(text))
            let alignment = c < node.columnAlignments.count ? node.columnAlignments[c] : ""
            switch alignment {
            case "r": return String(repeating: " ", count: gap) + text
            case "c": return String(repeating: " ", count: gap / 2) + text + String(repeating: " ", count: gap - gap / 2)
            default: return text + String(repeating: " ", count: gap)
            }
        }
        var out: [String] = []
        for (r, row) in rows.enumerated() {
            let wrapped = (0..<columns).map { c in c < row.count ? cellLines(r == 0 ? style(row[c], bold: true) : row[c], c) : [""] }
            let height = wrapped.map(\.count).max() ?? 1
            for k in 0..<height {
                let cells = (0..<columns).map { c in pad(k < wrapped[c].count ? wrapped[c][k] : "", c) }
                out.append(trimEnd(cells.joined(separator: " │ ")))
            }
            if r == 0 { out.append(widths.map { String(repeating: "─", count: $0) }.joined(separator: "─┼─")) }
        }
        return out
    }

    // MARK: - Inlines

    func inline(_ nodes: [MarkdownNode]) -> String {
        var out = ""
        for node in nodes {
            switch node.kind {
            case .text: out += node.literal ?? ""
            case .softBreak: out += " "
            case .lineBreak: out += "\n"
            case .code: out += styled ? "\u{1B}[36m\(node.literal ?? "")\u{1B}[0m" : "`\(node.literal ?? "")`"
            case .emphasis: out += styled ? "\u{1B}[3m\(inline(node.children))\u{1B}[0m" : inline(node.children)
            case .strong: out += style(inline(node.children), bold: true)
            case .strikethrough: out += styled ? "\u{1B}[9m\(inline(node.children))\u{1B}[0m" : "~\(inline(node.children))~"
            case .link, .image:
                let text = inline(node.children)
                let target = node.destination ?? ""
                let plainText = text.unicodeScalars.filter { $0 != "\u{1B}" }
                out +=
                    target.isEmpty || String(plainText) == target
                    ? style(text, underline: true)
                    : "\(style(text, underline: true)) <\(target)>"
            case .htmlInline: out += ""
            default: out += inline(node.children)
            }
        }
        return out
    }

    func style(_ text: String, bold: Bool = false, dim: Bool = false, underline: Bool = false) -> String {
        guard styled, !text.isEmpty else { return text }
        let code = bold ? "1" : dim ? "2" : underline ? "4" : "0"
        return "\u{1B}[\(code)m\(text)\u{1B}[0m"
    }

    /// Greedy word wrap by display width; hard breaks (`\n`) kept; a word longer than
    /// the width gets a line of its own rather than being cut.
    func wrap(_ text: String, width: Int) -> [String] {
        var lines: [String] = []
        for paragraph in text.split(separator: "\n", omittingEmptySubsequences: false) {
            var line = ""
            var lineWidth = 0
            for word in paragraph.split(separator: " ") {
                let w = TextWidth.of(String(word))
                if lineWidth > 0, lineWidth + 1 + w > width {
                    lines.append(line)
                    line = ""
                    lineWidth = 0
                }
                if lineWidth > 0 {
                    line += " "
                    lineWidth += 1
                }
                line += word
                lineWidth += w
            }
            lines.append(line)
        }
        return lines
    }

    func trimEnd(_ s: String) -> String {
        var s = s
        while s.last == " " { s.removeLast() }
        return s
    }
}
