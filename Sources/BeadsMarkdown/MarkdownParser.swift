import CCmarkGFM
import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// GitHub Flavored Markdown through cmark-gfm. This is the only file that sees C.
///
/// Every parse attaches the table, strikethrough, autolink and tasklist extensions,
/// copies the tree into `MarkdownNode` values and frees the C tree before returning.
public enum MarkdownParser {
    /// The GitHub extensions every document is parsed with.
    public static let extensionNames = ["table", "strikethrough", "autolink", "tasklist"]

    /// Registration is process-wide in cmark-gfm; a Swift `static let` runs it once,
    /// thread-safely, before any extension is looked up.
    private static let registered: Bool = {
        cmark_gfm_core_extensions_ensure_registered()
        return true
    }()

    /// How deep the Swift tree goes. Below this, a node's text is kept as one paragraph:
    /// every reader of the tree walks it recursively, on threads with small stacks, and a
    /// 10 KB doc of nested quotes or lists is thousands of levels deep.
    public static let maxDepth = 48

    /// Parses GitHub Markdown into a Swift tree.
    public static func parse(_ text: String) -> MarkdownNode {
        parseReporting(text).root
    }

    /// The tree; whether nesting deeper than `maxDepth` was flattened into text; and the
    /// lines whose markers were cut before parsing (`MarkdownBudget`).
    public static func parseReporting(_ text: String) -> (root: MarkdownNode, flattened: Bool, cuts: [MarkdownBudget.Cut]) {
        let (bounded, cuts) = MarkdownBudget.bounded(text)
        return withParser(bounded, options: CMARK_OPT_DEFAULT) { root, _ in
            var flattened = false
            let node = copy(root, depth: 0, flattened: &flattened)
            return (node, flattened, cuts)
        }
    }

    /// Renders GitHub Markdown to HTML with cmark-gfm's own renderer and extensions.
    public static func renderHTML(_ text: String) -> String {
        withParser(text, options: CMARK_OPT_DEFAULT) { root, parser in
            guard let html = cmark_render_html(root, CMARK_OPT_DEFAULT, cmark_parser_get_syntax_extensions(parser))
            else { return "" }
            defer { free(html) }
            return String(cString: html)
        }
    }

    /// cmark-gfm is not safe to use from two threads at once: attaching an extension
    /// adds its trigger characters (`~`, `|`) to a global table of the inline parser,
    /// and freeing the parser removes them again, under the feet of a parse running
    /// elsewhere. Every use of cmark goes through this lock.
    private static let lock = NSLock()

    private static func withParser<T>(
        _ text: String, options: Int32,
        _ body: (OpaquePointer, OpaquePointer) -> T
    ) -> T {
        // Every text cmark sees is bounded first (callers that report cuts bound it
        // themselves; bounding twice changes nothing).
        let text = MarkdownBudget.bounded(text).text
        lock.lock()
        defer { lock.unlock() }
        _ = registered
        guard let parser = cmark_parser_new(options) else {
            fatalError("cmark-gfm could not allocate a parser (out of memory)")
        }
        defer { cmark_parser_free(parser) }
        for name in extensionNames {
            if let ext = cmark_find_syntax_extension(name) {
                cmark_parser_attach_syntax_extension(parser, ext)
            }
        }
        var bytes = Array(text.utf8)
        if bytes.isEmpty { bytes = [0x0A] }
        bytes.withUnsafeBufferPointer { buffer in
            buffer.baseAddress!.withMemoryRebound(to: CChar.self, capacity: buffer.count) { chars in
                cmark_parser_feed(parser, chars, buffer.count)
            }
        }
        guard let root = cmark_parser_finish(parser) else {
            fatalError("cmark-gfm returned no document")
        }
        defer { cmark_node_free(root) }
        return body(root, parser)
    }

    private static func string(_ pointer: UnsafePointer<CChar>?) -> String? {
        pointer.map { String(cString: $0) }
    }

    /// Copies a C node and its subtree, to `maxDepth` levels; deeper subtrees become a
    /// paragraph of their text, gathered with cmark's own (iterative) walker.
    private static func copy(_ node: OpaquePointer, depth: Int, flattened: inout Bool) -> MarkdownNode {
        let typeName = string(cmark_node_get_type_string(node)) ?? ""
        var result = MarkdownNode(kind: kind(for: typeName, node: node))
        result.startLine = Int(cmark_node_get_start_line(node))
        result.endLine = Int(cmark_node_get_end_line(node))
        result.startColumn = Int(cmark_node_get_start_column(node))
        switch result.kind {
        case .text, .code, .htmlInline, .htmlBlock, .codeBlock:
            result.literal = string(cmark_node_get_literal(node))
        case .heading:
            result.headingLevel = Int(cmark_node_get_heading_level(node))
        case .link, .image:
            result.destination = string(cmark_node_get_url(node))
        case .tableRow:
            result.isHeaderRow = cmark_gfm_extensions_get_table_row_is_header(node) != 0
        case .list:
            if cmark_node_get_list_type(node) == CMARK_ORDERED_LIST { result.listStart = Int(cmark_node_get_list_start(node)) }
        case .table:
            let columns = Int(cmark_gfm_extensions_get_table_columns(node))
            if let alignments = cmark_gfm_extensions_get_table_alignments(node) {
                result.columnAlignments = (0..<columns).map { alignments[$0] == 0 ? "" : String(UnicodeScalar(alignments[$0])) }
            }
        default:
            break
        }
        if result.kind == .codeBlock {
            let info = string(cmark_node_get_fence_info(node)) ?? ""
            result.fenceInfo = info
        }
        if typeName == "tasklist" {
            result.taskChecked = cmark_gfm_extensions_get_tasklist_item_checked(node)
        }
        if depth >= maxDepth, cmark_node_first_child(node) != nil {
            flattened = true
            var text = MarkdownNode(kind: .text, literal: subtreeText(node))
            text.startLine = result.startLine
            var paragraph = MarkdownNode(kind: .paragraph, children: [text])
            paragraph.startLine = result.startLine
            paragraph.endLine = result.endLine
            return paragraph
        }
        var child = cmark_node_first_child(node)
        while let current = child {
            result.children.append(copy(current, depth: depth + 1, flattened: &flattened))
            child = cmark_node_next(current)
        }
        return result
    }

    /// The literal text under a node, without recursion.
    private static func subtreeText(_ node: OpaquePointer) -> String {
        guard let iter = cmark_iter_new(node) else { return "" }
        defer { cmark_iter_free(iter) }
        var out = ""
        while true {
            let event = cmark_iter_next(iter)
            if event == CMARK_EVENT_DONE { break }
            guard event == CMARK_EVENT_ENTER, let current = cmark_iter_get_node(iter) else { continue }
            if let literal = cmark_node_get_literal(current) {
                if !out.isEmpty { out += " " }
                out += String(cString: literal)
            }
        }
        return out
    }

    /// Maps cmark's type names (extension types are only reachable this way).
    private static func kind(for typeName: String, node: OpaquePointer) -> MarkdownNode.Kind {
        switch typeName {
        case "document": return .document
        case "block_quote": return .blockQuote
        case "list": return .list
        case "item", "tasklist": return .item
        case "code_block": return .codeBlock
        case "html_block": return .htmlBlock
        case "paragraph": return .paragraph
        case "heading": return .heading
        case "thematic_break": return .thematicBreak
        case "footnote_definition": return .footnoteDefinition
        case "text": return .text
        case "softbreak": return .softBreak
        case "linebreak": return .lineBreak
        case "code": return .code
        case "html_inline": return .htmlInline
        case "emph": return .emphasis
        case "strong": return .strong
        case "link": return .link
        case "image": return .image
        case "footnote_reference": return .footnoteReference
        case "table": return .table
        case "table_header", "table_row": return .tableRow
        case "table_cell": return .tableCell
        case "strikethrough": return .strikethrough
        default: return .other
        }
    }
}
