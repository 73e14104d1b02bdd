import Testing

@testable import BeadsKnowledge

@Suite struct MojibakeDetectorTests {
    @Test(arguments: [
        ("‚úÖ Documented", "✅", "Mac Roman"),
        ("\u{F8FF}üîÑ In progress", "🔄", "Mac Roman"),
        ("‚ö†Ô∏è failing", "⚠️", "Mac Roman"),
        ("âœ… done", "✅", "Windows-1252"),
        ("donâ€™t", "’", "Windows-1252"),
        ("cafÃ©", "é", "Windows-1252"),
        ("â\u{9C}\u{85} done", "✅", "Latin-1"),
    ])
    func garbledTextIsFoundWithWhatWasMeant(line: String, intended: String, encoding: String) {
        let found = MojibakeDetector.find(in: line)
        #expect(found.count == 1)
        #expect(found.first?.intended == intended)
        #expect(found.first?.encoding == encoding)
    }

    @Test(arguments: ["café crème", "Größe über Maß", "naïve — “quoted” – ‘single’", "✅ 🔄 ⚠️ ❌", "東京 ß ÿ", "£5 ± 2°"])
    func realTextIsLeftAlone(line: String) {
        #expect(MojibakeDetector.find(in: line).isEmpty)
    }

    @Test func repairReplacesEveryStretch() {
        #expect(MojibakeDetector.repair("‚úÖ ok, donâ€™t ‚ùå") == "✅ ok, don’t ❌")
    }
}
