import Testing

@testable import BeadsMarkdown

@Suite struct HeadingAnchorTests {
    @Test(arguments: [
        ("Root Cause", "root-cause"),
        ("✅ Solution: Use GitHub Actions", "-solution-use-github-actions"),
        ("Node_modules ENOTEMPTY Error (Bead mo-3bol)", "node_modules-enotempty-error-bead-mo-3bol"),
        ("What Doesn't Work in Devpod", "what-doesnt-work-in-devpod"),
    ])
    func slugsMatchGitHub(text: String, anchor: String) {
        #expect(HeadingAnchorGenerator.slug(text) == anchor)
    }

    @Test func repeatsAreNumbered() {
        var generator = HeadingAnchorGenerator()
        #expect(["Usage", "Usage", "Usage"].map { generator.anchor(for: $0) } == ["usage", "usage-1", "usage-2"])
    }
}
