import Testing

@testable import BeadsKnowledge

@Suite struct ClaimedStateTests {
    @Test(arguments: [
        ("✅ Documented", ClaimedState.done), ("✅ **COMPLETED**", .done), ("RESOLVED - builds successfully", .done),
        ("⚠️ configured but failing", .open), ("❌", .open), ("not working yet ✅", .open),
        ("🔄 In Progress", .inProgress), ("in_progress", .inProgress), ("Closed", .done),
    ])
    func wordsOutrankEmoji(text: String, state: ClaimedState) {
        #expect(ClaimedState.classify(text) == state)
    }

    @Test func plainProseClaimsNothing() {
        #expect(ClaimedState.classify("Image builds run in the cluster") == nil)
    }
}
