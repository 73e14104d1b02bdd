import Foundation
import GRDB

// A write changes a bead or a few; the JSONL holds every bead. Rebuilding the file from
// the table read every line back out of SQLite on each write (a third of a `create` at
// 10k beads, most of one at 100k). When the file on disk is known to be the store's own
// export, the new file is instead the old one with the changed lines replaced, inserted
// or dropped: unchanged runs of the old file are written as they are.
//
// Which beads changed is SQLite's to say, not each write path's: temporary triggers on
// the writer connection note every id inserted, updated or deleted in `jsonl_dirty`, a
// temporary table that rolls back with the transaction. Any doubt (triggers not yet in
// place, a file edited behind the store's back, a file not written by this store, many
// changes, a line that does not begin with its id) means the whole export, as before.

extension BeadStore {
    /// "1" while the file is byte for byte the store's own export (every line its bead's
    /// stored `line`, in id order). A migration that rewrites stored lines must clear it.
    static let jsonlCanonicalKey = "jsonl.canonical"
    /// More changed beads than this and the whole export is as cheap as a patch.
    static let patchLimit = 256

    /// Puts the change-noting triggers on the writer connection, once per store, outside
    /// any transaction (created inside one that rolled back, they would vanish unnoticed).
    func trackBeadChanges() throws(StoreError) {
        guard !changesTracked.withLock({ $0 }) else { return }
        do {
            try pool.writeWithoutTransaction { db in
                try db.execute(
                    sql: """
                        CREATE TEMP TABLE IF NOT EXISTS jsonl_dirty (id TEXT NOT NULL);
                        CREATE TEMP TRIGGER IF NOT EXISTS jsonl_dirty_insert AFTER INSERT ON main.bead
                          BEGIN INSERT INTO jsonl_dirty (id) VALUES (new.id); END;
                        CREATE TEMP TRIGGER IF NOT EXISTS jsonl_dirty_update AFTER UPDATE ON main.bead
                          BEGIN INSERT INTO jsonl_dirty (id) VALUES (old.id), (new.id); END;
                        CREATE TEMP TRIGGER IF NOT EXISTS jsonl_dirty_delete AFTER DELETE ON main.bead
                          BEGIN INSERT INTO jsonl_dirty (id) VALUES (old.id); END;
                        """)
            }
        } catch {
            throw storeError(error)
        }
        changesTracked.withLock { $0 = true }
    }

    /// The ids noted since the last export, in SQLite's order (bytes), and forgets them.
    func takeChangedIDs(_ db: Database) throws -> [String]? {
        guard changesTracked.withLock({ $0 }) else { return nil }
        // No key on the table: a trigger's INSERT OR IGNORE takes the outer statement's
        // conflict rule, and an upsert's made it fail. Repeats are dropped here.
        let ids = try String.fetchAll(db, sql: "SELECT DISTINCT id FROM temp.jsonl_dirty ORDER BY id")
        try db.execute(sql: "DELETE FROM temp.jsonl_dirty")
        return ids
    }

    /// Writes the JSONL as the old file with `changed` beads' lines swapped in, and says
    /// whether it could. Inside the caller's transaction, like the whole export.
    func patchJSONL(_ db: Database, changed: [String]) throws -> Bool {
        guard changed.count <= Self.patchLimit, try meta(db, Self.jsonlCanonicalKey) == "1",
            let onDisk = FileFingerprint(path: jsonlPath), try meta(db, Self.jsonlFingerprintKey) == onDisk.description
        else { return false }
        let fd = open(jsonlPath, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { return false }
        defer { close(fd) }
        var info = stat()
        guard fstat(fd, &info) == 0, FileFingerprint(info) == onDisk else { return false }
        let size = Int(info.st_size)
        guard size > 0 else { return false }
        // Read, not mapped: a file another program truncates in place while it is mapped
        // kills the reader with SIGBUS. A read that comes up short means it changed.
        let buffer = UnsafeMutableRawBufferPointer.allocate(byteCount: size, alignment: 1)
        defer { buffer.deallocate() }
        var filled = 0
        while filled < size {
            let count = pread(fd, buffer.baseAddress! + filled, size - filled, off_t(filled))
            if count < 0, errno == EINTR { continue }
            guard count > 0 else { return false }
            filled += count
        }
        let old = UnsafeRawBufferPointer(buffer)
        guard let oldLines = JSONLLineIndex(old) else { return false }

        // The changed beads' lines, one after another in one buffer the pieces point into.
        var lines: [(id: [UInt8], range: Range<Int>?)] = []
        var added: [UInt8] = []
        for id in changed {
            let bytes = Array(id.utf8)
            // An id the encoder escapes is not found in the file by its bytes: export whole.
            guard JSONValue.string(id).encoded().utf8.count == bytes.count + 2 else { return false }
            guard let line = try String.fetchOne(db, sql: "SELECT line FROM bead WHERE id = ?", arguments: [id]) else {
                lines.append((bytes, nil))
                continue
            }
            let start = added.count
            added.append(contentsOf: line.utf8)
            added.append(0x0A)
            lines.append((bytes, start..<added.count))
        }
        return try added.withUnsafeBytes { added throws -> Bool in
            var pieces: [UnsafeRawBufferPointer] = []
            var cursor = 0
            for (id, range) in lines {
                let (line, present) = oldLines.position(of: id)
                let start = oldLines.start(of: line)
                guard start >= cursor else { return false }
                pieces.append(UnsafeRawBufferPointer(rebasing: old[cursor..<start]))
                if let range { pieces.append(UnsafeRawBufferPointer(rebasing: added[range])) }
                cursor = present ? oldLines.start(of: line + 1) : start
            }
            pieces.append(UnsafeRawBufferPointer(rebasing: old[cursor..<size]))
            try JSONLFile.writeAtomically(
                pieces: pieces, to: jsonlPath, unchangedSince: try meta(db, Self.jsonlFingerprintKey),
                keepingPreviousAt: jsonlBackupPath)
            jsonlReplaced.withLock { $0 = true }
            return true
        }
    }
}

/// Where each line of an export begins, and the id each begins with (`{"id":"…"`).
struct JSONLLineIndex {
    let bytes: UnsafeRawBufferPointer
    /// Line starts, and the file's size last, so line i is starts[i]..<starts[i+1].
    private var starts: [Int] = [0]

    static let prefix = Array(#"{"id":""#.utf8)

    /// Nil when the text is not an export this index can read: not ending in a newline,
    /// or a line that does not open with its id.
    init?(_ bytes: UnsafeRawBufferPointer) {
        self.bytes = bytes
        guard bytes.last == 0x0A else { return nil }
        var offset = 0
        while offset < bytes.count {
            guard let newline = memchr(bytes.baseAddress! + offset, 0x0A, bytes.count - offset) else { return nil }
            offset = bytes.baseAddress!.distance(to: UnsafeRawPointer(newline)) + 1
            starts.append(offset)
        }
        for line in 0..<(starts.count - 1) where id(of: line) == nil { return nil }
    }

    var count: Int { starts.count - 1 }

    func start(of line: Int) -> Int { starts[line] }

    func id(of line: Int) -> UnsafeRawBufferPointer? {
        let start = starts[line], end = starts[line + 1]
        let prefix = Self.prefix
        guard end - start > prefix.count,
            UnsafeRawBufferPointer(rebasing: bytes[start..<(start + prefix.count)]).elementsEqual(prefix)
        else { return nil }
        let from = start + prefix.count
        guard let quote = memchr(bytes.baseAddress! + from, 0x22, end - from) else { return nil }
        return UnsafeRawBufferPointer(rebasing: bytes[from..<bytes.baseAddress!.distance(to: UnsafeRawPointer(quote))])
    }

    /// The first line whose id is not below `id` (bytewise, SQLite's BINARY order), and
    /// whether its id is `id`.
    func position(of id: [UInt8]) -> (Int, Bool) {
        var low = 0, high = count
        while low < high {
            let middle = (low + high) / 2
            if self.id(of: middle)!.lexicographicallyPrecedes(id) { low = middle + 1 } else { high = middle }
        }
        return (low, low < count && self.id(of: low)!.elementsEqual(id))
    }
}
