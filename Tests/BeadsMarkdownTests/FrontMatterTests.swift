import Testing

@testable import BeadsMarkdown

@Suite struct FrontMatterTests {
    @Test func frontMatterIsBlankedLineForLine() {
        let split = FrontMatterSplit.split("---\nbeads: [mo-jgo]\n---\n# Title\n")
        #expect(split.yaml == "beads: [mo-jgo]")
        #expect(split.body == "\n\n\n# Title\n")
        #expect(MarkdownParser.parse(split.body).all(.heading).first?.startLine == 4)
    }

    @Test func unterminatedFrontMatterIsReported() {
        let split = FrontMatterSplit.split("---\nbeads: x\n# Title\n")
        #expect(split.isUnterminated)
        #expect(split.yaml == nil)
    }

    @Test func noFrontMatter() {
        let split = FrontMatterSplit.split("# Title\n---\n")
        #expect(split.yaml == nil)
        #expect(!split.isUnterminated)
    }
}
