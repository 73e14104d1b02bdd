import Testing

@testable import BeadsMarkdown

@Suite struct MarkdownBudgetTests {
    /// Ordinary nesting, code and separators pass through as they are, uncopied.
    @Test func ordinaryDocsAreNotTouched() {
        let doc = """
            > quoted
            > > quoted twice
            - item
              - nested item
                1. numbered
            ----------------------------------------------------------------------------
            ```
            \(String(repeating: "> ", count: 200))inside a fence is code
            ```
            """
        let (text, cuts) = MarkdownBudget.bounded(doc)
        #expect(cuts.isEmpty)
        #expect(text == doc)
    }

    /// A line opening more containers than any doc needs is cut where the limit is, and
    /// named; what follows is text.
    @Test func aLineOfTooManyMarkersIsCutAndNamed() throws {
        let hostile = "# n\n\n" + String(repeating: ">", count: 100_000) + " q\n" + String(repeating: "[", count: 1000) + "a"
        let (text, cuts) = MarkdownBudget.bounded(hostile)
        #expect(cuts == [MarkdownBudget.Cut(line: 3, markers: 100_000)])
        let line = try #require(text.split(separator: "\n").dropFirst(1).first)
        #expect(line.hasPrefix(String(repeating: ">", count: MarkdownBudget.maxMarkers) + "\\>"))
        // Bounding twice changes nothing, and the parser sees no deeper nesting.
        #expect(MarkdownBudget.bounded(text).cuts.isEmpty)
        let (_, _, reported) = MarkdownParser.parseReporting(hostile)
        #expect(reported.count == 1)
        let lists = String(repeating: "- ", count: 5000) + "x"
        #expect(MarkdownBudget.bounded(lists).cuts.first?.markers == 5000)
    }
}
