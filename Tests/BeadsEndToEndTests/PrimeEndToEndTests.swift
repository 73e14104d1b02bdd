import Foundation
import Testing

@Suite struct PrimeEndToEndTests {
    @Test func primeIsShortAndSaysWhatToDoWithAFailingBuild() throws {
        let kb = ScratchKnowledgeBase()
        let text = try kb.run("prime")
        #expect(text.status == 0)
        #expect(text.stdout.contains("beads fix --json"))
        #expect(text.stdout.contains("## Known errors beads recognises"))
        #expect(text.stdout.utf8.count / 4 < 1500, "\(text.stdout.utf8.count) bytes")
        let hook = try #require(try json(try kb.run("prime", "--hook").stdout) as? [String: Any])
        let output = try #require(hook["hookSpecificOutput"] as? [String: Any])
        #expect(output["hookEventName"] as? String == "SessionStart")
        #expect(output["additionalContext"] as? String == text.stdout)
        kb.write("beads/PRIME.md", "# Our own words\nAlways run make check first.\n")
        let custom = try kb.run("prime")
        #expect(custom.stdout.hasPrefix("# Our own words\nAlways run make check first.\n"))
        #expect(custom.stdout.contains("## Ready now"))
    }
}
