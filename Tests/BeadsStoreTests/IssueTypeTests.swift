import Testing

@testable import BeadsStore

@Suite struct IssueTypeTests {
    @Test(arguments: [
        ("enhancement", "feature"), ("FEAT", "feature"), ("adr", "decision"), ("dec", "decision"),
        ("timebox", "spike"), ("investigation", "spike"), ("user-story", "story"), ("user_story", "story"),
        ("ms", "milestone"), ("Bug", "bug"), ("molecule", "molecule"),
    ])
    func aliasesMapToBdsNames(alias: String, canonical: String) throws {
        #expect(try IssueType.validated(alias) == canonical)
    }

    @Test func unknownTypesAreRefusedUnlessTheTeamAddsThem() throws {
        #expect(throws: StoreError.self) { try IssueType.validated("incident") }
        #expect(try IssueType.validated("incident", custom: ["incident"]) == "incident")
    }
}
