import Testing

@testable import BeadsMarkdown

@Suite struct MarkdownParserTests {
    static let doc = """
        # Title with **mo-jgo**

        Text with `inline code` and a [link](other.md#part) and https://example.com/x.

        | Bead | Status |
        |------|--------|
        | mo-1na | ✅ Completed |

        - [x] done task
        - [ ] open task
        - ~~struck~~

        ```bash {recipe=kaniko-build when=devpod}
        beads kaniko build --all
        ```

        ## Second heading
        """

    @Test func headingsKeepLevelTextAndLine() {
        let root = MarkdownParser.parse(Self.doc)
        let headings = root.all(.heading)
        #expect(headings.map(\.headingLevel) == [1, 2])
        #expect(headings.map(\.plainText) == ["Title with mo-jgo", "Second heading"])
        #expect(headings.map(\.startLine) == [1, 17])
    }

    @Test func tablesBecomeRowsOfCells() {
        let root = MarkdownParser.parse(Self.doc)
        let tables = root.all(.table)
        #expect(tables.count == 1)
        let rows = tables[0].children.filter { $0.kind == .tableRow }
        #expect(rows.map(\.isHeaderRow) == [true, false])
        #expect(rows[1].children.map(\.plainText) == ["mo-1na", "✅ Completed"])
        #expect(rows[1].startLine == 7)
    }

    @Test func extensionsAreAttached() {
        let root = MarkdownParser.parse(Self.doc)
        let items = root.all(.item)
        #expect(items.map(\.taskChecked) == [true, false, nil])
        #expect(root.all(.strikethrough).map(\.plainText) == ["struck"])
        let links = root.all(.link).compactMap(\.destination)
        #expect(links == ["other.md#part", "https://example.com/x"])
        #expect(root.all(.code).map(\.literal) == ["inline code"])
    }

    @Test func fencedBlocksKeepTheWholeInfoString() {
        let blocks = MarkdownParser.parse(Self.doc).all(.codeBlock)
        #expect(blocks.map(\.fenceInfo) == ["bash {recipe=kaniko-build when=devpod}"])
        #expect(blocks.map(\.literal) == ["beads kaniko build --all\n"])
        #expect(blocks[0].startLine == 13)
    }

    @Test func htmlRendersTablesThroughCmarkGFM() {
        let html = MarkdownParser.renderHTML("| a | b |\n|---|---|\n| 1 | ~~2~~ |\n")
        #expect(html.contains("<table>"))
        #expect(html.contains("<del>2</del>"))
    }

    @Test func emptyAndBinaryInputDoNotCrash() {
        #expect(MarkdownParser.parse("").children.isEmpty)
        let weird = String(decoding: [0x00, 0xFF, 0x23, 0x20, 0x41, 0x0A], as: UTF8.self)
        #expect(MarkdownParser.parse(weird).kind == .document)
    }
}
