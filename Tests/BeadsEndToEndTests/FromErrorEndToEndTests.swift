import Foundation
import Testing

@Suite struct FromErrorEndToEndTests {
    @Test func aRecordedErrorIsRecognisedNextTimeEvenAfterARebuild() throws {
        let kb = ScratchKnowledgeBase()
        let paste =
            "step 4/9\n2026-02-01T10:00:00Z ERROR: failed to push ghcr.io/ardenone/moltbook-api:latest: unexpected status from HEAD request to https://ghcr.io/v2/x: 403 Forbidden\n"
        #expect(try kb.run("fix", stdin: paste).status == 1)
        let created = try kb.run("create", "--from-error", "-p", "1", "--json", stdin: paste)
        #expect(created.status == 0)
        let bead = try #require(try json(created.stdout) as? [String: Any])
        let id = try #require(bead["id"] as? String)
        #expect((bead["title"] as? String)?.hasPrefix("Known error: ERROR: failed to push") == true)
        let signatures = try #require(bead["error_signatures"] as? [[String: Any]])
        #expect(
            signatures.first?["pattern"] as? String
                == "error failed to push <path> unexpected status from head request to <url> <num> forbidden")
        for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: kb.path + "/beads/beads.db" + suffix) }
        let other =
            "ERROR: failed to push ghcr.io/other/thing:v2: unexpected status from HEAD request to https://ghcr.io/v2/y: 403 Forbidden"
        let fix = try kb.run("fix", "--json", other)
        #expect(fix.status == 0)
        let first = try #require(((try json(fix.stdout) as? [String: Any])?["matches"] as? [[String: Any]])?.first)
        #expect(first["bead"] as? String == id)
    }
}
