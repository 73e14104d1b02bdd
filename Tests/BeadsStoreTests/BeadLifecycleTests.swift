import BeadsTestSupport
import Foundation
import Testing

@testable import BeadsStore

/// One set of rules for how a bead's status moves, whichever command moves it.
@Suite struct BeadLifecycleTests {
    func bead() -> Bead {
        Bead(id: "t-a", title: "A", createdAt: "2026-01-01T00:00:00Z", updatedAt: "2026-01-01T00:00:00Z")
    }

    @Test func closingStampsOnceAndReopeningClears() {
        var b = bead()
        b.setStatus(.closed, at: "2026-02-01T00:00:00Z", reason: "done")
        #expect(b.closedAt == "2026-02-01T00:00:00Z")
        #expect(b.closeReason == "done")
        // Closing again keeps the first stamp; a new reason replaces the old.
        b.setStatus(.closed, at: "2026-03-01T00:00:00Z", reason: "really done")
        #expect(b.closedAt == "2026-02-01T00:00:00Z")
        #expect(b.closeReason == "really done")
        b.setStatus(.open, at: "2026-04-01T00:00:00Z")
        #expect(b.closedAt == nil && b.closeReason == nil && b.status == .open)
    }

    @Test func aClaimIsRefusedWhenSomeoneElseHoldsAnOpenBead() throws {
        var b = bead()
        try b.claim(by: "alice", at: "2026-02-01T00:00:00Z")
        #expect(b.assignee == "alice" && b.status == .inProgress)
        #expect(throws: StoreError.self) { try b.claim(by: "bob", at: "2026-02-01T00:00:00Z") }
        try b.claim(by: "alice", at: "2026-02-02T00:00:00Z")
        b.setStatus(.closed, at: "2026-02-03T00:00:00Z")
        try b.claim(by: "bob", at: "2026-02-04T00:00:00Z")
        #expect(b.assignee == "bob" && b.closedAt == nil)
    }

    @Test func theStoreTouchesUpdatedAtOnlyWhenSomethingChanged() throws {
        let dir = TemporaryDirectory()
        let store = try BeadStore(databasePath: dir.path + "/beads.db", jsonlPath: dir.path + "/issues.jsonl")
        try store.insert(bead())
        let unchanged = try store.update("t-a") { $0.labels.removeAll { $0 == "absent" } }
        #expect(unchanged.updatedAt == "2026-01-01T00:00:00Z")
        let changed = try store.update("t-a") { $0.priority = 0 }
        #expect(changed.updatedAt > "2026-01-01T00:00:00Z")
        // A change that sets the time itself (an import, a merge) keeps it.
        let stamped = try store.update("t-a") {
            $0.title = "B"
            $0.updatedAt = "2026-05-05T05:05:05Z"
        }
        #expect(stamped.updatedAt == "2026-05-05T05:05:05Z")
    }
}
