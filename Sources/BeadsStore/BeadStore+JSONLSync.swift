import Foundation
import GRDB
import GRDBSQLite

/// What `syncFromJSONL` did.
public enum JSONLSyncResult: Sendable, Equatable {
    case upToDate
    /// The file changed on disk (a git pull, a hand edit) and was imported whole.
    case imported(count: Int)
    /// There was no file: it was written from the store.
    case exported
}

extension BeadStore {
    static let jsonlFingerprintKey = "jsonl.fingerprint"

    /// Brings the store up to date with `beads/issues.jsonl` when the file is newer
    /// than the last sync. The file wins: it is what git merged.
    @discardableResult
    public func syncFromJSONL(now: String) throws(StoreError) -> JSONLSyncResult {
        let onDisk = FileFingerprint(path: jsonlPath)
        // Fast path, a read only: nothing changed since this store last wrote or read it.
        let stored = try read { db in try meta(db, Self.jsonlFingerprintKey) }
        if let onDisk, stored == onDisk.description { return .upToDate }

        return try write { db -> JSONLSyncResult in
            // Re-check under the write lock: another process may have synced meanwhile.
            let current = FileFingerprint(path: jsonlPath)
            if let current, try meta(db, Self.jsonlFingerprintKey) == current.description { return .upToDate }
            guard let current else {
                // Nothing to import, and nowhere to write one: an empty record.
                if recordIsReadOnly { return .upToDate }
                try exportJSONL(db)
                return .exported
            }
            let data: Data
            do {
                data = try Data(contentsOf: URL(fileURLWithPath: jsonlPath))
            } catch {
                throw StoreError.io(path: jsonlPath, reason: "cannot be read (\(error.localizedDescription))")
            }
            // Touched but not changed (a checkout that rewrote it, a `touch`): the store
            // already holds exactly this. Compared with the store's own export rather than
            // a hash kept from the last write, so no write pays for hashing the file (it
            // was two thirds of a `create` at 10k beads).
            if try Self.renderedJSONL(db, capacity: data.count) == data {
                try setMeta(db, Self.jsonlFingerprintKey, current.description)
                try setMeta(db, Self.jsonlCanonicalKey, "1")
                return .upToDate
            }
            let beads = try JSONLFile.read(data, path: jsonlPath, now: now)
            // Everything is replaced: rebuilding the index costs no more than the new beads.
            let existing = try Int.fetchOne(db, sql: "SELECT count(*) FROM bead") ?? 0
            try SearchIndex.beads.writingMany(max(beads.count, existing), into: 0, in: db) {
                try db.execute(sql: "DELETE FROM bead")
                for bead in beads { try Self.save(bead, in: db) }
            }
            _ = try takeChangedIDs(db)
            try setMeta(db, Self.jsonlFingerprintKey, current.description)
            // A file another tool wrote may differ from this store's export of it (key
            // order, spacing): then a later write exports whole rather than patching it.
            try setMeta(db, Self.jsonlCanonicalKey, try Self.renderedJSONL(db, capacity: data.count) == data ? "1" : "0")
            return .imported(count: beads.count)
        }
    }

    /// Rewrites the JSONL from the store inside the caller's transaction: if the file
    /// cannot be written, the transaction rolls back and the store stays as it was.
    func exportJSONL(_ db: Database) throws {
        if recordIsReadOnly {
            throw StoreError.readOnly(
                path: (jsonlPath as NSString).deletingLastPathComponent,
                reason: "this process may not write there; read commands work from a private copy")
        }
        // Under the write lock: the file must be the one this store last read or wrote.
        // If a `git pull` replaced it since, writing now would drop the pulled beads:
        // the transaction is abandoned, the file imported, and the write done again.
        let known = try meta(db, Self.jsonlFingerprintKey)
        if let onDisk = FileFingerprint(path: jsonlPath), onDisk.description != known {
            throw StoreError.fileMoved(path: jsonlPath)
        }
        let changed = try takeChangedIDs(db)
        if let changed, try patchJSONL(db, changed: changed) {
            patchedExports.withLock { $0 += 1 }
        } else {
            // The file as it is now is about the size it will be: one buffer, no regrowing.
            let bytes = try Self.renderedJSONL(db, capacity: Int(FileFingerprint(path: jsonlPath)?.size ?? 0) + 64 << 10)
            try JSONLFile.writeAtomically(bytes, to: jsonlPath, unchangedSince: known, keepingPreviousAt: jsonlBackupPath)
            jsonlReplaced.withLock { $0 = true }
            try setMeta(db, Self.jsonlCanonicalKey, "1")
        }
        guard let written = FileFingerprint(path: jsonlPath) else {
            throw StoreError.io(path: jsonlPath, reason: "vanished right after it was written")
        }
        try setMeta(db, Self.jsonlFingerprintKey, written.description)
    }

    /// Each bead's JSONL line is kept ready in the table (written on save), so an export
    /// is a concatenation, not a decode and re-encode of every bead. The lines are copied
    /// as bytes into one buffer (built as a String and converted, half of a `create` at
    /// 10k beads went to growing and copying it), sized from `capacity` rather than by a
    /// first pass over every line.
    static func renderedJSONL(_ db: Database, capacity: Int) throws -> Data {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(capacity)
        // Straight from SQLite's row buffer: through GRDB's Row each line cost half again
        // as much as SQLite's own step (a Data wrapper and an existential per row).
        let statement = try db.makeStatement(sql: "SELECT line FROM bead ORDER BY id")
        let raw = statement.sqliteStatement
        while true {
            let code = sqlite3_step(raw)
            if code == SQLITE_DONE { break }
            guard code == SQLITE_ROW else {
                throw DatabaseError(
                    resultCode: ResultCode(rawValue: code), message: String(cString: sqlite3_errmsg(db.sqliteConnection)),
                    sql: statement.sql)
            }
            let count = Int(sqlite3_column_bytes(raw, 0))
            if count > 0, let text = sqlite3_column_text(raw, 0) {
                bytes.append(contentsOf: UnsafeBufferPointer(start: text, count: count))
            }
            bytes.append(0x0A)
        }
        return Data(bytes)
    }

    /// The export text of the whole store, for `beads export`.
    public func exportText() throws(StoreError) -> String {
        try read { db in
            String(decoding: try Self.renderedJSONL(db, capacity: Int(FileFingerprint(path: jsonlPath)?.size ?? 0)), as: UTF8.self)
        }
    }
}
