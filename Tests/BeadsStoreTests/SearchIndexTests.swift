import BeadsTestSupport
import Foundation
import GRDB
import Testing

@testable import BeadsStore

/// Writes of many beads rebuild the search index once instead of row by row; searching
/// must not tell the difference, and the triggers must be back for the next small write.
@Suite struct SearchIndexTests {
    let dir = TemporaryDirectory()
    var db: String { dir.path + "/beads.db" }
    var jsonl: String { dir.path + "/issues.jsonl" }

    func bead(_ n: Int, _ words: String) -> Bead {
        Bead(
            id: "mo-\(n)", title: "bead \(n) \(words)", description: "about \(words)", createdAt: "2026-02-04T00:00:00Z",
            updatedAt: "2026-02-04T00:00:00Z")
    }

    func indexedRows(_ store: BeadStore) throws -> Int {
        try store.pool.read { try Int.fetchOne($0, sql: "SELECT count(*) FROM bead_fts") ?? -1 }
    }

    func triggers(_ store: BeadStore) throws -> [String] {
        try store.pool.read {
            try String.fetchAll($0, sql: "SELECT name FROM sqlite_master WHERE type = 'trigger' AND tbl_name = 'bead' ORDER BY name")
        }
    }

    /// The drop is read off the build: every trigger and table, newest first.
    @Test func theDropUndoesTheBuild() {
        #expect(
            SearchIndex.signatures.drop == """
                DROP TRIGGER signature_fts_delete;
                DROP TRIGGER signature_fts_insert;
                DROP TABLE signature_vocab;
                DROP TABLE signature_fts;
                """)
        #expect(SearchIndex.beads.drop.split(separator: "\n").count == 4)
    }

    @Test func aLargeImportIsSearchableAndLaterWritesStayIndexed() throws {
        let store = try BeadStore(databasePath: db, jsonlPath: jsonl)
        let before = try triggers(store)
        _ = try store.upsert([bead(0, "seed")])
        let many = (1...SearchIndex.bulkThreshold + 50).map { bead($0, $0 % 7 == 0 ? "kaniko overlay" : "plain") }
        #expect(try store.upsert(many).created == many.count)
        #expect(try triggers(store) == before)
        #expect(try indexedRows(store) == many.count + 1)
        #expect(try store.search("kaniko", limit: 0).count == many.count / 7)
        #expect(try store.search("seed", limit: 0).map(\.id) == ["mo-0"])
        // A small write afterwards goes through the triggers again.
        _ = try store.update("mo-3") { $0.title = "now about zanzibar" }
        #expect(try store.search("zanzibar", limit: 0).map(\.id) == ["mo-3"])
        _ = try store.delete(["mo-7"], cascade: false)
        #expect(try store.search("kaniko", limit: 0).count == many.count / 7 - 1)
        #expect(try indexedRows(store) == many.count)
    }

    @Test func aPulledFileReplacesTheIndexWhole() throws {
        let store = try BeadStore(databasePath: db, jsonlPath: jsonl)
        _ = try store.upsert((1...300).map { bead($0, "old words") })
        try JSONLFile.render((1000..<1300).map { bead($0, "pulled words") }).write(toFile: jsonl, atomically: true, encoding: .utf8)
        #expect(try store.syncFromJSONL(now: "n") == .imported(count: 300))
        #expect(try store.search("old", limit: 0).isEmpty)
        #expect(try store.search("pulled", limit: 0).count == 300)
        #expect(try indexedRows(store) == 300)
    }

    @Test func aFailedLargeWriteLeavesTheIndexAsItWas() throws {
        let store = try BeadStore(databasePath: db, jsonlPath: jsonl)
        _ = try store.upsert([bead(0, "kept")])
        let before = try triggers(store)
        // The file cannot be written, so the transaction rolls back after the rebuild.
        try FileManager.default.createDirectory(atPath: jsonl + ".blocker", withIntermediateDirectories: true)
        let blocked = try BeadStore(databasePath: db, jsonlPath: jsonl + ".blocker/x/issues.jsonl")
        #expect(throws: StoreError.self) { _ = try blocked.upsert((1...SearchIndex.bulkThreshold).map { bead($0, "lost") }) }
        #expect(try triggers(store) == before)
        #expect(try indexedRows(store) == 1)
        #expect(try store.search("kept", limit: 0).map(\.id) == ["mo-0"])
        #expect(try store.search("lost", limit: 0).isEmpty)
    }

    func doc(_ path: String, signatures: Int, word: String) -> IndexedDoc {
        IndexedDoc(
            path: path, title: path, fingerprint: FileFingerprint(size: 1, mtimeNanoseconds: 1), hash: path, primaryBeads: [],
            warnings: [], sections: [], mentions: [],
            signatures: (0..<signatures).map {
                SignatureRecord(
                    beadID: "mo-\($0)", docPath: path, sectionAnchor: "", line: $0, origin: "doc",
                    text: "\(word) failed \($0)", pattern: "\(word) failed <*>", terms: "\(word) failed n\($0)")
            }, recipes: [])
    }

    func signatureMatches(_ store: BeadStore, _ word: String) throws -> Int {
        try store.pool.read {
            try Int.fetchOne($0, sql: "SELECT count(*) FROM signature_fts WHERE signature_fts MATCH ?", arguments: [word]) ?? -1
        }
    }

    @Test func reindexingManySignaturesRebuildsTheirIndexOnce() throws {
        let store = try BeadStore(databasePath: db, jsonlPath: jsonl)
        try store.applyDocIndex(
            replace: [doc("docs/a.md", signatures: 300, word: "overlay"), doc("docs/b.md", signatures: 2, word: "kaniko")],
            touch: [], remove: [])
        #expect(try signatureMatches(store, "overlay") == 300)
        // Re-indexing the big doc with other words: the old rows leave the index too.
        try store.applyDocIndex(replace: [doc("docs/a.md", signatures: 250, word: "devpod")], touch: [], remove: [])
        #expect(try signatureMatches(store, "overlay") == 0)
        #expect(try signatureMatches(store, "devpod") == 250)
        // A small change afterwards goes through the triggers, and the vocabulary is back.
        try store.applyDocIndex(replace: [doc("docs/b.md", signatures: 1, word: "buildkit")], touch: [], remove: [])
        #expect(try signatureMatches(store, "kaniko") == 0)
        #expect(try signatureMatches(store, "buildkit") == 1)
        let vocabulary = try store.pool.read { try Int.fetchOne($0, sql: "SELECT doc FROM signature_vocab WHERE term = 'devpod'") }
        #expect(vocabulary == 250)
    }
}
