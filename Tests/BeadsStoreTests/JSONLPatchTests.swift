import BeadsTestSupport
import Foundation
import Testing

@testable import BeadsStore

/// A patched export (the old file with the changed lines swapped in) must be the whole
/// export, byte for byte, after any sequence of writes; and it must be what is done.
@Suite struct JSONLPatchTests {
    let dir = TemporaryDirectory()
    var db: String { dir.path + "/beads.db" }
    var jsonl: String { dir.path + "/issues.jsonl" }

    func bead(_ id: String, _ title: String, status: BeadStatus = .open) -> Bead {
        Bead(id: id, title: title, status: status, createdAt: "2026-02-04T00:00:00Z", updatedAt: "2026-02-04T00:00:00Z")
    }

    func expectFileIsTheWholeExport(_ store: BeadStore, _ step: String) throws {
        let file = try Data(contentsOf: URL(fileURLWithPath: jsonl))
        let whole = Data(try store.exportText().utf8)
        #expect(file == whole, "after \(step)")
    }

    /// Ids that sort in awkward places: children (`.` sorts before digits and letters),
    /// prefixes of one another, first and last of the file.
    static func randomID(_ random: inout some RandomNumberGenerator) -> String {
        let alphabet = Array("0a9zbk")
        let stem = String((0..<Int.random(in: 1...3, using: &random)).map { _ in alphabet.randomElement(using: &random)! })
        let child = Int.random(in: 0..<4, using: &random) == 0 ? ".\(Int.random(in: 1...12, using: &random))" : ""
        return "mo-" + stem + child
    }

    @Test func randomWritesLeaveTheFileAWholeExportAndMostArePatched() throws {
        var random = SystemRandomNumberGenerator()
        let store = try BeadStore(databasePath: db, jsonlPath: jsonl)
        var ids = Set<String>()
        while ids.count < 80 { ids.insert(Self.randomID(&random)) }
        _ = try store.upsert(ids.map { bead($0, "seed \($0)") })
        try expectFileIsTheWholeExport(store, "seeding")
        var writes = 0
        for step in 0..<250 {
            let existing = Array(ids)
            let description: String
            do {
                switch Int.random(in: 0..<7, using: &random) {
                case 0:
                    var id = Self.randomID(&random)
                    while ids.contains(id) { id = Self.randomID(&random) }
                    description = "insert \(id)"
                    try store.insert(bead(id, "new \(step)"))
                    ids.insert(id)
                case 1, 2:
                    let id = existing.randomElement(using: &random)!
                    description = "update \(id)"
                    _ = try store.update(id) { $0.title = "retitled \(step) with \"quotes\" and <tags>" }
                case 3:
                    let id = existing.randomElement(using: &random)!
                    description = "close \(id)"
                    _ = try store.update(id) { $0.setStatus(.closed, at: "2026-02-05T00:00:00Z", reason: "done") }
                case 4:
                    let victims = [existing.randomElement(using: &random)!]
                    description = "delete \(victims)"
                    let plan = try store.delete(victims, cascade: true)
                    ids.subtract(plan.ids)
                case 5:
                    let a = existing.randomElement(using: &random)!, b = existing.randomElement(using: &random)!
                    description = "dep \(a) -> \(b)"
                    _ = try store.addDependency(a, on: b, type: "blocks", at: "2026-02-05T00:00:00Z")
                default:
                    var batch = (0..<Int.random(in: 1...4, using: &random)).map { _ in Self.randomID(&random) }
                    batch += existing.shuffled(using: &random).prefix(2)
                    description = "upsert \(batch)"
                    _ = try store.upsert(Set(batch).map { bead($0, "upserted \(step)") })
                    ids.formUnion(batch)
                }
                writes += 1
            } catch {
                // Refused writes (a taken id, a cycle, a self-dependency) change nothing.
                try expectFileIsTheWholeExport(store, "a refused write at step \(step): \(error)")
                continue
            }
            try expectFileIsTheWholeExport(store, "step \(step): \(description)")
            if ids.isEmpty { break }
        }
        // The first write after seeding may export whole; the rest patch.
        #expect(store.patchedExports.current >= writes - 1, "\(store.patchedExports.current) of \(writes) writes patched")
        #expect(writes > 100)
    }

    @Test func aLargeChangeOrAForeignFileIsExportedWhole() throws {
        let store = try BeadStore(databasePath: db, jsonlPath: jsonl)
        _ = try store.upsert([bead("mo-a", "a"), bead("mo-b", "b")])
        _ = try store.update("mo-a") { $0.title = "A" }
        #expect(store.patchedExports.current == 1)
        // More changes than a patch is worth.
        _ = try store.upsert((0...BeadStore.patchLimit).map { bead("mo-n\($0)", "n") })
        #expect(store.patchedExports.current == 1)
        try expectFileIsTheWholeExport(store, "a large upsert")

        // Another tool's file: same beads, keys in another order. Imported, it is not
        // this store's export, so the next write rewrites the file whole.
        let foreign =
            #"{"title":"x","id":"mo-x","status":"open","priority":2,"issue_type":"task","created_at":"2026-02-04T00:00:00Z","updated_at":"2026-02-04T00:00:00Z"}"#
            + "\n"
        try foreign.write(toFile: jsonl, atomically: true, encoding: .utf8)
        #expect(try store.syncFromJSONL(now: "2026-02-05T00:00:00Z") == .imported(count: 1))
        _ = try store.update("mo-x") { $0.title = "y" }
        #expect(store.patchedExports.current == 1)
        try expectFileIsTheWholeExport(store, "a write after a foreign import")
        // From then on the file is the store's own, and patched.
        _ = try store.update("mo-x") { $0.title = "z" }
        #expect(store.patchedExports.current == 2)
        try expectFileIsTheWholeExport(store, "the next write")
    }

    /// A line appended without the store knowing (no sync in between, as in a race with
    /// a git pull): the write imports the file first and keeps the line; a line that
    /// cannot be read stops the write, named, with the file as it was.
    @Test func aFileChangedBehindTheStoresBackIsImportedBeforeTheWrite() throws {
        let store = try BeadStore(databasePath: db, jsonlPath: jsonl)
        _ = try store.upsert([bead("mo-a", "a"), bead("mo-b", "b")])
        func append(_ line: String) throws {
            let handle = try FileHandle(forWritingTo: URL(fileURLWithPath: jsonl))
            try handle.seekToEnd()
            try handle.write(contentsOf: Data((line + "\n").utf8))
            try handle.close()
        }
        try append(bead("mo-c", "appended behind its back").jsonLine())
        _ = try store.update("mo-a") { $0.title = "A" }
        #expect(try store.bead("mo-c")?.title == "appended behind its back")
        try expectFileIsTheWholeExport(store, "a write after an edit behind its back")

        try append("{\"id\":\"mo-d\"}")
        let edited = try Data(contentsOf: URL(fileURLWithPath: jsonl))
        #expect(throws: StoreError.self) { _ = try store.update("mo-a") { $0.title = "AA" } }
        #expect(try Data(contentsOf: URL(fileURLWithPath: jsonl)) == edited, "the file is as it was")
        #expect(try store.bead("mo-a")?.title == "A", "and so is the store")
    }
}
