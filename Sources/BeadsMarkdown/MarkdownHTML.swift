import Foundation

/// A doc as a web page shows it: cmark-gfm's own HTML (tables, task lists, autolinks,
/// strikethrough; raw HTML in the doc omitted, as cmark's safe default does), with each
/// heading given GitHub's anchor as its `id`, so `doc.md#root-cause` links land.
public enum MarkdownHTML {
    public struct Heading: Sendable, Equatable {
        public var level: Int
        public var text: String
        public var anchor: String
        public var line: Int
    }

    /// The headings in document order, with the anchors GitHub gives them.
    public static func headings(_ root: MarkdownNode) -> [Heading] {
        var generator = HeadingAnchorGenerator()
        return root.all(.heading).map { node in
            let text = node.plainText
            return Heading(level: node.headingLevel, text: text, anchor: generator.anchor(for: text), line: node.startLine)
        }
    }

    public static func render(_ text: String) -> (html: String, headings: [Heading]) {
        let headings = headings(MarkdownParser.parse(text))
        let html = MarkdownParser.renderHTML(text)
        // cmark writes a heading as a bare `<hN>`, and nothing else in safe mode can:
        // raw HTML is omitted and code is escaped. The nth such tag is the nth heading.
        var out = ""
        out.reserveCapacity(html.utf8.count + headings.count * 24)
        var rest = html[...]
        var next = headings.makeIterator()
        while let open = rest.range(of: "<h") {
            let after = rest[open.upperBound...]
            guard let level = after.first, ("1"..."6").contains(level), after.dropFirst().first == ">" else {
                out += rest[..<open.upperBound]
                rest = after
                continue
            }
            out += rest[..<open.lowerBound]
            if let heading = next.next() {
                out += "<h\(level) id=\"\(escapeAttribute(heading.anchor))\">"
            } else {
                out += "<h\(level)>"
            }
            rest = after.dropFirst(2)
        }
        out += rest
        return (out, headings)
    }

    static func escapeAttribute(_ text: String) -> String {
        text.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "\"", with: "&quot;")
            .replacingOccurrences(of: "<", with: "&lt;").replacingOccurrences(of: ">", with: "&gt;")
    }
}
