import Foundation
import GRDB

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
    static let jsonlHashKey = "jsonl.sha256"

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
            let hash = ContentHash.sha256(data)
            if try meta(db, Self.jsonlHashKey) == hash {
                try setMeta(db, Self.jsonlFingerprintKey, current.description)
                return .upToDate
            }
            let beads = try JSONLFile.read(data, path: jsonlPath, now: now)
            try db.execute(sql: "DELETE FROM bead")
            for bead in beads { try Self.save(bead, in: db) }
            try setMeta(db, Self.jsonlFingerprintKey, current.description)
            try setMeta(db, Self.jsonlHashKey, hash)
            return .imported(count: beads.count)
        }
    }

    /// Rewrites the JSONL from the store inside the caller's transaction: if the file
    /// cannot be written, the transaction rolls back and the store stays as it was.
    func exportJSONL(_ db: Database) throws {
        if recordIsReadOnly {
            throw StoreError.readOnly(path: (jsonlPath as NSString).deletingLastPathComponent,
                                      reason: "this process may not write there; read commands work from a private copy")
        }
        let bytes = try Self.renderedJSONL(db)
        try JSONLFile.writeAtomically(bytes, to: jsonlPath)
        guard let written = FileFingerprint(path: jsonlPath) else {
            throw StoreError.io(path: jsonlPath, reason: "vanished right after it was written")
        }
        try setMeta(db, Self.jsonlFingerprintKey, written.description)
        try setMeta(db, Self.jsonlHashKey, ContentHash.sha256(bytes))
    }

    /// Each bead's JSONL line is kept ready in the table (written on save), so an export
    /// is a concatenation, not a decode and re-encode of every bead. The lines are copied
    /// as bytes into one buffer sized up front: built as a String and converted, half of
    /// a `create` at 10k beads went to growing and copying it.
    static func renderedJSONL(_ db: Database) throws -> Data {
        let size = try Int.fetchOne(db, sql: "SELECT coalesce(sum(length(CAST(line AS BLOB))) + count(*), 0) FROM bead") ?? 0
        var bytes = Data(capacity: size)
        let rows = try Row.fetchCursor(db, sql: "SELECT line FROM bead ORDER BY id")
        while let row = try rows.next() {
            try row.withUnsafeData(atIndex: 0) { line in
                if let line { bytes.append(line) }
            }
            bytes.append(0x0A)
        }
        return bytes
    }

    /// The export text of the whole store, for `beads export`.
    public func exportText() throws(StoreError) -> String {
        try read { db in
            String(decoding: try Self.renderedJSONL(db), as: UTF8.self)
        }
    }
}
