import BeadsTestSupport
import Foundation
import Testing

@testable import BeadsStore

@Suite struct DependencyGraphTests {
    let dir = TemporaryDirectory()

    func bead(_ id: String, _ targets: [(String, String)] = []) -> Bead {
        let deps = targets.map { target, type in
            JSONValue.object([
                ("issue_id", .string(id)), ("depends_on_id", .string(target)), ("type", .string(type)),
                ("created_at", .string("2026-02-04T00:00:00Z")), ("created_by", .string("t")),
            ])
        }
        return Bead(
            id: id, title: "title of \(id)", createdAt: "2026-02-04T00:00:00Z", updatedAt: "2026-02-04T00:00:00Z",
            extra: deps.isEmpty ? [] : [("dependencies", .array(deps))])
    }

    func store(_ beads: [Bead]) throws -> BeadStore {
        let store = try BeadStore(databasePath: dir.path + "/beads.db", jsonlPath: dir.path + "/issues.jsonl")
        try store.upsert(beads)
        return store
    }

    @Test func theTreeWalksDependenciesOnceEachAndMarksWhatItCut() throws {
        // a waits on b and c; both wait on d (a diamond); d waits on a missing bead.
        let store = try store([
            bead("t-a", [("t-b", "blocks"), ("t-c", "waits-for")]),
            bead("t-b", [("t-d", "blocks")]),
            bead("t-c", [("t-d", "blocks")]),
            bead("t-d", [("t-gone", "blocks")]),
        ])
        let tree = try store.dependencyTree(of: "t-a")
        #expect(tree.map(\.id) == ["t-a", "t-b", "t-d", "t-gone", "t-c", "t-d"])
        #expect(tree.map(\.depth) == [0, 1, 2, 3, 1, 2])
        #expect(tree.map(\.parentID) == [nil, "t-a", "t-b", "t-d", "t-a", "t-c"])
        #expect(tree[4].type == "waits-for")
        #expect(tree[3].bead == nil)
        // The second t-d is not expanded again, and says so; leaves are not marked.
        #expect(tree.map(\.truncated) == [false, false, false, false, false, true])

        let shallow = try store.dependencyTree(of: "t-a", maxDepth: 1)
        #expect(shallow.map(\.id) == ["t-a", "t-b", "t-c"])
        #expect(shallow.map(\.truncated) == [false, true, true])

        let reverse = try store.dependencyTree(of: "t-d", reverse: true)
        #expect(reverse.map(\.id) == ["t-d", "t-b", "t-a", "t-c", "t-a"])
        #expect(throws: StoreError.beadNotFound("t-zz")) { try store.dependencyTree(of: "t-zz") }
    }

    @Test func cyclesAreFoundAmongBlockingTypesOnly() throws {
        let store = try store([
            bead("t-a", [("t-b", "blocks")]),
            bead("t-b", [("t-c", "parent-child")]),
            bead("t-c", [("t-a", "waits-for")]),
            bead("t-x", [("t-y", "related")]),
            bead("t-y", [("t-x", "related")]),
            bead("t-s", [("t-s", "blocks")]),
            bead("t-p", [("t-q", "blocks")]),
            bead("t-q"),
        ])
        #expect(try store.dependencyCycles() == [["t-a", "t-b", "t-c", "t-a"], ["t-s", "t-s"]])
    }

    @Test func theShortestLoopIsReportedForATangledGroup() {
        // One strongly connected group with a long and a short way back to a.
        let graph = DependencyGraph(["a": ["b", "e"], "b": ["c"], "c": ["d"], "d": ["a"], "e": ["a"]])
        #expect(graph.cycles() == [["a", "e", "a"]])
        #expect(DependencyGraph(["a": ["b"], "b": ["c"]]).cycles().isEmpty)
    }

    @Test func aLongChainDoesNotOverflowTheStack() {
        var edges: [String: [String]] = [:]
        for n in 0..<100_000 { edges["n\(n)"] = ["n\(n + 1)"] }
        edges["n100000"] = ["n0"]
        let cycles = DependencyGraph(edges).cycles()
        #expect(cycles.count == 1)
        #expect(cycles.first?.count == 100_002)
    }
}
