import BeadsTestSupport
import Foundation
import Testing

@testable import BeadsStore

/// A `git pull` that replaces issues.jsonl after a command read it and before it writes:
/// the write must keep the pulled beads, not export them away from a store that never
/// saw them.
@Suite struct PulledFileTests {
    let dir = TemporaryDirectory()
    var db: String { dir.path + "/beads.db" }
    var jsonl: String { dir.path + "/issues.jsonl" }

    func bead(_ id: String, _ title: String) -> Bead {
        Bead(id: id, title: title, createdAt: "2026-02-04T00:00:00Z", updatedAt: "2026-02-04T00:00:00Z")
    }

    /// The file replaced as git replaces it: a new file renamed over the old one.
    func pull(_ text: String) throws {
        let incoming = dir.path + "/.incoming"
        try text.write(toFile: incoming, atomically: false, encoding: .utf8)
        #expect(rename(incoming, jsonl) == 0)
    }

    @Test(arguments: ["create", "update", "upsert", "delete"])
    func aWriteAfterAPullKeepsThePulledBeads(write: String) throws {
        let store = try BeadStore(databasePath: db, jsonlPath: jsonl)
        try store.insert(bead("mo-a1", "mine"))
        try store.insert(bead("mo-b2", "to be removed by mine"))
        // A teammate's bead arrives; this process has not synced since.
        let pulled = try String(contentsOfFile: jsonl, encoding: .utf8) + bead("mo-t9", "a teammate's").jsonLine() + "\n"
        try pull(pulled)
        switch write {
        case "create": try store.insert(bead("mo-c3", "written after the pull"))
        case "update": try store.update("mo-a1") { $0.title = "mine, renamed" }
        case "upsert": try store.upsert([bead("mo-c3", "imported after the pull")])
        default: _ = try store.delete(["mo-b2"], cascade: false)
        }
        let file = try String(contentsOfFile: jsonl, encoding: .utf8)
        #expect(file.contains("a teammate's"), "the pulled bead is still in the file after \(write)")
        #expect(try store.bead("mo-t9") != nil, "and in the store")
        #expect(Data(file.utf8) == Data(try store.exportText().utf8), "the file is the store's whole export")
        switch write {
        case "create": #expect(file.contains("written after the pull"))
        case "update": #expect(file.contains("mine, renamed"))
        case "upsert": #expect(file.contains("imported after the pull"))
        default: #expect(!file.contains("to be removed by mine"))
        }
    }
}
