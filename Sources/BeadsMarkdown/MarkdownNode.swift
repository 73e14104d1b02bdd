/// One node of a parsed Markdown document, copied out of cmark-gfm into Swift values.
///
/// Nothing here points into C memory: the parser frees its tree before returning, so
/// these values can be stored, sent across tasks and compared freely.
public struct MarkdownNode: Sendable, Equatable {
    public enum Kind: String, Sendable {
        case document, blockQuote, list, item, codeBlock, htmlBlock, paragraph, heading
        case thematicBreak, footnoteDefinition
        case text, softBreak, lineBreak, code, htmlInline, emphasis, strong, link, image
        case footnoteReference
        // GitHub extensions
        case table, tableRow, tableCell, strikethrough
        case other
    }

    public var kind: Kind
    public var children: [MarkdownNode]
    /// Text of a text/code/html node, or the content of a code block.
    public var literal: String?
    /// 1...6 for headings, 0 otherwise.
    public var headingLevel: Int
    /// The whole info string of a fenced code block (`bash {recipe=x}`).
    public var fenceInfo: String?
    /// Link or image destination.
    public var destination: String?
    /// True for the header row of a table.
    public var isHeaderRow: Bool
    /// For task list items: whether the box is ticked; nil for ordinary items.
    public var taskChecked: Bool?
    /// For lists: the first number of an ordered list, nil for a bullet list.
    public var listStart: Int?
    /// For tables: each column's alignment, "l", "c", "r" or "" (none).
    public var columnAlignments: [String] = []
    /// 1-based source positions as cmark reports them.
    public var startLine: Int
    public var endLine: Int
    public var startColumn: Int

    public init(
        kind: Kind, children: [MarkdownNode] = [], literal: String? = nil, headingLevel: Int = 0,
        fenceInfo: String? = nil, destination: String? = nil, isHeaderRow: Bool = false,
        taskChecked: Bool? = nil, startLine: Int = 0, endLine: Int = 0, startColumn: Int = 0
    ) {
        self.kind = kind
        self.children = children
        self.literal = literal
        self.headingLevel = headingLevel
        self.fenceInfo = fenceInfo
        self.destination = destination
        self.isHeaderRow = isHeaderRow
        self.taskChecked = taskChecked
        self.startLine = startLine
        self.endLine = endLine
        self.startColumn = startColumn
    }

    /// The text a reader sees: text, inline code and breaks of all descendants.
    public var plainText: String {
        var out = ""
        appendPlainText(to: &out)
        return out
    }

    private func appendPlainText(to out: inout String) {
        switch kind {
        case .text, .code, .htmlInline:
            out += literal ?? ""
        case .softBreak, .lineBreak:
            out += " "
        case .codeBlock:
            out += literal ?? ""
        default:
            for child in children { child.appendPlainText(to: &out) }
        }
    }

    /// What to do after visiting a node.
    public enum WalkAction: Sendable { case descend, skipChildren }

    /// Visits this node and its descendants depth-first, in document order.
    public func walk(_ visit: (MarkdownNode) throws -> WalkAction) rethrows {
        if try visit(self) == .descend {
            for child in children { try child.walk(visit) }
        }
    }

    /// All descendants (and self) of one kind, in document order.
    public func all(_ kind: Kind) -> [MarkdownNode] {
        var found: [MarkdownNode] = []
        walk { node in
            if node.kind == kind { found.append(node) }
            return .descend
        }
        return found
    }
}
