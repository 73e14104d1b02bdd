import BeadsTestSupport
import Foundation
import Testing

@testable import BeadsStore

@Suite struct ReadinessTests {
    let dir = TemporaryDirectory()

    func bead(
        _ id: String, status: BeadStatus = .open, priority: Int = 2, type: String = "task",
        _ extra: [(String, JSONValue)] = []
    ) -> Bead {
        Bead(
            id: id, title: id, status: status, priority: priority, issueType: type,
            createdAt: "2026-02-04T00:00:00Z", updatedAt: "2026-02-04T00:00:00Z", extra: extra)
    }

    func dependsOn(_ issue: String, _ target: String, _ type: String = "blocks") -> (String, JSONValue) {
        (
            "dependencies",
            .array([
                .object([
                    ("issue_id", .string(issue)), ("depends_on_id", .string(target)), ("type", .string(type)),
                    ("created_at", .string("2026-02-04T00:00:00Z")), ("created_by", .string("t")),
                ])
            ])
        )
    }

    func store() throws -> BeadStore {
        let store = try BeadStore(databasePath: dir.path + "/beads.db", jsonlPath: dir.path + "/issues.jsonl")
        try store.upsert([
            bead("t-a"),
            bead("t-b", [dependsOn("t-b", "t-a")]),
            bead("t-d", status: .closed),
            bead("t-c", [dependsOn("t-c", "t-d")]),
            bead("t-e", type: "epic", [dependsOn("t-e", "t-a")]),
            bead("t-f", [dependsOn("t-f", "t-e", "parent-child")]),
            bead("t-g", status: .deferred),
            bead("t-h", [dependsOn("t-h", "t-g", "parent-child")]),
            bead("t-i", [("defer_until", .string("2999-01-01T00:00:00Z"))]),
            bead("t-j", [("defer_until", .string("2000-01-01T00:00:00Z"))]),
            bead("t-k", [("ephemeral", .bool(true))]),
            bead("t-l", [("pinned", .bool(true))]),
            bead("t-m", type: "gate"),
            bead("t-n", status: .inProgress, priority: 0),
            bead("t-o", [dependsOn("t-o", "t-a", "waits-for")]),
            bead("t-p", [("parent", .string("t-g"))]),
            bead("t-q", [dependsOn("t-q", "t-a", "related")]),
            bead("t-r", [dependsOn("t-r", "t-missing")]),
        ])
        return store
    }

    @Test func readyIsWhatBdWouldOffer() throws {
        let ready = try store().readyBeads(now: "2026-11-22T00:00:00Z", limit: 0).map(\.bead.id)
        // As bd 1.0.5: in_progress is taken, not ready (t-n); only a parent deferred with
        // defer_until holds its children back, not status deferred (t-h, t-p); waits-for a
        // spawner with no children waits for nothing (t-o).
        #expect(ready == ["t-a", "t-c", "t-h", "t-j", "t-o", "t-p", "t-q", "t-r"])
    }

    @Test func blockedSaysByWhom() throws {
        let blocked = try store().blockedBeads(now: "2026-11-22T00:00:00Z")
        let byID = Dictionary(uniqueKeysWithValues: blocked.map { ($0.bead.id, $0.blockedBy) })
        #expect(byID == ["t-b": ["t-a"], "t-e": ["t-a"], "t-f": ["t-e"]])
    }

    @Test func closingTheBlockerFreesTheChain() throws {
        let store = try store()
        try store.update("t-a") { $0.status = .closed }
        let ready = try store.readyBeads(now: "2026-11-22T00:00:00Z", limit: 0).map(\.bead.id)
        #expect(Set(["t-b", "t-e", "t-f", "t-o"]).isSubset(of: Set(ready)))
        #expect(try store.blockedBeads(now: "2026-11-22T00:00:00Z").isEmpty)
    }

    @Test func theLimitCounts() throws {
        #expect(try store().readyBeads(now: "2026-11-22T00:00:00Z", limit: 2).map(\.bead.id) == ["t-a", "t-c"])
    }
}
