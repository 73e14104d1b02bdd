import BeadsTestSupport
import Foundation
import GRDB
import Testing

@testable import BeadsStore

@Suite struct BeadStoreTests {
    let dir = TemporaryDirectory()
    var db: String { dir.path + "/beads.db" }
    var jsonl: String { dir.path + "/issues.jsonl" }

    func bead(_ id: String, _ title: String = "t", status: BeadStatus = .open, priority: Int = 2) -> Bead {
        Bead(id: id, title: title, status: status, priority: priority, createdAt: "2026-02-04T00:00:00Z", updatedAt: "2026-02-04T00:00:00Z")
    }

    @Test func opensInWALModeWithMigrationsRecorded() throws {
        let store = try BeadStore(databasePath: db, jsonlPath: jsonl)
        let mode = try store.pool.read { try String.fetchOne($0, sql: "PRAGMA journal_mode") }
        #expect(mode == "wal")
        let migrations = try store.pool.read { try String.fetchAll($0, sql: "SELECT identifier FROM grdb_migrations") }
        #expect(migrations == BeadStore.migrator.migrations)
        #expect(migrations.first == "v1-beads-and-docs")
    }

    /// A lock held past the wait is contention, not a broken database: the error says so
    /// (it used to advise deleting the database), and nothing was written.
    @Test func aLockHeldTooLongIsReportedAsContention() throws {
        let store = try BeadStore(databasePath: db, jsonlPath: jsonl, lockTimeout: 1)
        try store.insert(bead("mo-a", "first"))
        // Another process's write transaction, left open across accesses on purpose.
        var holding = Configuration()
        holding.allowsUnsafeTransactions = true
        let holder = try DatabaseQueue(path: db, configuration: holding)
        try holder.inDatabase { try $0.execute(sql: "BEGIN IMMEDIATE") }
        #expect(throws: StoreError.busy(path: db, seconds: 1)) { try store.insert(bead("mo-b", "second")) }
        try holder.inDatabase { try $0.execute(sql: "ROLLBACK") }
        #expect(try store.bead("mo-b") == nil)
        #expect(StoreError.busy(path: db, seconds: 1).description.contains("another beads process held"))
        #expect(!StoreError.busy(path: db, seconds: 1).description.contains("delete"))
    }

    @Test func aDamagedDatabaseIsToldToBeRebuilt() throws {
        try "not a database, whatever its name".write(toFile: db, atomically: true, encoding: .utf8)
        #expect {
            _ = try BeadStore(databasePath: db, jsonlPath: jsonl)
        } throws: { error in
            guard case .corrupt = error as? StoreError else { return false }
            return "\(error)".contains("delete it")
        }
    }

    @Test func everyWriteReExportsTheJSONL() throws {
        let store = try BeadStore(databasePath: db, jsonlPath: jsonl)
        try store.insert(bead("mo-b", "second"))
        try store.insert(bead("mo-a", "first"))
        try store.update("mo-b") { $0.status = .inProgress }
        let lines = try String(contentsOfFile: jsonl, encoding: .utf8).split(separator: "\n")
        #expect(lines.count == 2)
        #expect(lines[0].contains(#""id":"mo-a""#))
        #expect(lines[1].contains(#""status":"in_progress""#))
        #expect(throws: StoreError.beadExists("mo-a")) { try store.insert(bead("mo-a")) }
    }

    @Test func aJSONLChangedOnDiskIsImportedWhole() throws {
        let store = try BeadStore(databasePath: db, jsonlPath: jsonl)
        try store.insert(bead("mo-old"))
        // As if git pulled a new version of the file.
        let pulled = JSONLFile.render([bead("mo-x1", "pulled"), bead("mo-x2", "also pulled", status: .closed)])
        try pulled.write(toFile: jsonl, atomically: true, encoding: .utf8)
        #expect(try store.syncFromJSONL(now: "n") == .imported(count: 2))
        #expect(try store.bead("mo-old") == nil)
        #expect(try store.bead("mo-x1")?.title == "pulled")
        #expect(try store.syncFromJSONL(now: "n") == .upToDate)
    }

    /// A checkout or `touch` gives the file a new time but the same bytes: nothing to
    /// import. Other bytes of the same length are imported.
    @Test func aTouchedJSONLIsNotImportedAgainButAnEditOfTheSameSizeIs() throws {
        let store = try BeadStore(databasePath: db, jsonlPath: jsonl)
        try store.insert(bead("mo-a", "first"))
        let text = try String(contentsOfFile: jsonl, encoding: .utf8)
        let later = Date().addingTimeInterval(5)
        try FileManager.default.setAttributes([.modificationDate: later], ofItemAtPath: jsonl)
        #expect(try store.syncFromJSONL(now: "n") == .upToDate)
        let edited = text.replacingOccurrences(of: "first", with: "FIRST")
        #expect(edited.utf8.count == text.utf8.count)
        try edited.write(toFile: jsonl, atomically: true, encoding: .utf8)
        try FileManager.default.setAttributes([.modificationDate: later.addingTimeInterval(5)], ofItemAtPath: jsonl)
        #expect(try store.syncFromJSONL(now: "n") == .imported(count: 1))
        #expect(try store.bead("mo-a")?.title == "FIRST")
    }

    @Test func aMissingDatabaseIsRebuiltFromTheJSONL() throws {
        do {
            let store = try BeadStore(databasePath: db, jsonlPath: jsonl)
            try store.insert(bead("mo-keep", "kept"))
        }
        for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: db + suffix) }
        let store = try BeadStore(databasePath: db, jsonlPath: jsonl)
        #expect(try store.syncFromJSONL(now: "n") == .imported(count: 1))
        #expect(try store.bead("mo-keep")?.title == "kept")
    }

    @Test func aBrokenJSONLOnDiskLeavesTheStoreAsItWas() throws {
        let store = try BeadStore(databasePath: db, jsonlPath: jsonl)
        try store.insert(bead("mo-a"))
        try (JSONLFile.render([bead("mo-b")]) + "{not json\n").write(toFile: jsonl, atomically: true, encoding: .utf8)
        #expect(throws: StoreError.self) { try store.syncFromJSONL(now: "n") }
        #expect(try store.bead("mo-a") != nil)
        #expect(try store.bead("mo-b") == nil)
    }

    @Test func aFailedExportRollsTheWriteBack() throws {
        let store = try BeadStore(databasePath: db, jsonlPath: dir.path + "/no-such-folder/issues.jsonl")
        #expect(throws: StoreError.self) { try store.insert(bead("mo-a")) }
        #expect(try store.bead("mo-a") == nil)
    }

    @Test func listFiltersAndOrders() throws {
        let store = try BeadStore(databasePath: db, jsonlPath: jsonl)
        var labelled = bead("mo-l", "has label", priority: 3)
        labelled.labels = ["devpod"]
        try store.upsert([bead("mo-p0", "urgent", priority: 0), bead("mo-c", "done", status: .closed, priority: 1), labelled])
        var filter = BeadFilter()
        #expect(try store.beads(matching: filter).map(\.id) == ["mo-p0", "mo-l"])
        filter.includeClosed = true
        #expect(try store.beads(matching: filter).map(\.id) == ["mo-p0", "mo-c", "mo-l"])
        filter.label = "devpod"
        #expect(try store.beads(matching: filter).map(\.id) == ["mo-l"])
        var text = BeadFilter()
        text.text = "URGENT"
        #expect(try store.beads(matching: text).map(\.id) == ["mo-p0"])
    }

    @Test func upsertCountsAndKeepsUnknownKeys() throws {
        let store = try BeadStore(databasePath: db, jsonlPath: jsonl)
        var b = bead("mo-a")
        b.extra = [("owner", .string("x@example.com")), ("dependencies", .array([]))]
        #expect(try store.upsert([b]) == (1, 0, 0))
        #expect(try store.upsert([b]) == (0, 0, 1))
        b.title = "changed"
        #expect(try store.upsert([b]) == (0, 1, 0))
        #expect(try store.bead("mo-a") == b)
    }
}
