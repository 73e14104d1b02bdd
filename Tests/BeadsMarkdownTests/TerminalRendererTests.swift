import Testing

@testable import BeadsMarkdown

@Suite struct TerminalRendererTests {
    func render(_ text: String, width: Int = 40) -> String {
        TerminalRenderer(width: width).render(MarkdownParser.parse(text))
    }

    @Test func paragraphsWrapAtTheWidthAndHeadingsAreUnderlined() {
        let out = render("# Title\n\nOne two three four five six seven eight nine ten eleven twelve.\n", width: 20)
        #expect(out == "Title\n═════\n\nOne two three four\nfive six seven eight\nnine ten eleven\ntwelve.\n")
    }

    @Test func listsNumberAndHangTheirLines() {
        let out = render("3. first item that is long enough to wrap\n4. second\n\n- [x] done\n- [ ] todo\n", width: 24)
        #expect(out == "3. first item that is\n   long enough to wrap\n4. second\n\n• [x] done\n• [ ] todo\n")
    }

    @Test func tableColumnsAlignByDisplayWidthAndHonourAlignment() {
        let out = render("| Bead | Status | Runs |\n|---|:---:|---:|\n| mo-1 | ✅ Closed | 3 |\n| mo-22 | Open | 12 |\n")
        #expect(
            out == """
                Bead  │  Status   │ Runs
                ──────┼───────────┼─────
                mo-1  │ ✅ Closed │    3
                mo-22 │   Open    │   12

                """)
    }

    @Test func codeIsFramedAndFoldedNeverWrappedAtSpaces() {
        let out = render("```bash {recipe=x}\necho 0123456789 0123456789 0123456789\n\nls\n```\n", width: 24)
        #expect(out == "╭─ bash {recipe=x}\n│ echo 0123456789 012345\n┆ 6789 0123456789\n│\n│ ls\n╰─\n")
    }

    @Test func commentsAreHiddenAndLinksKeepTheirTargets() {
        let out = render("<!-- beads:related-beads:start -->\n\nSee [the guide](docs/x.md#top) and <https://e.com>.\n")
        #expect(out == "See the guide <docs/x.md#top> and\nhttps://e.com.\n")
    }

    @Test func displayWidthCountsEmojiAsTwoAndEscapesAsNothing() {
        #expect(TextWidth.of("✅ ok") == 5)
        #expect(TextWidth.of("⚠️") == 2)
        #expect(TextWidth.of("\u{1B}[1mbold\u{1B}[0m") == 4)
        #expect(TextWidth.of("東京") == 4)
        #expect(TextWidth.of("é") == 1)
    }
}
