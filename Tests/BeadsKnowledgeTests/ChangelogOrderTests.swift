import Testing

@testable import BeadsKnowledge

@Suite struct ChangelogOrderTests {
    @Test func theEntriesOffTheLongestRunAreOutOfPlace() {
        // A newer line left at the top of an oldest-first log (the seed's shape).
        #expect(DocLinter.outOfOrder(["2026-02-05", "2026-02-04", "2026-02-05", "2026-02-05"], ascending: true) == [0])
        #expect(DocLinter.outOfOrder(["2026-02-06", "2026-02-05", "2026-02-01", "2026-02-04"], ascending: false) == [3])
        #expect(DocLinter.outOfOrder(["2026-01-01", "2026-01-02"], ascending: true).isEmpty)
    }
}
