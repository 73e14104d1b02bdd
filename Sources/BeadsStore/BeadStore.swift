import Foundation
import GRDB
import Synchronization

/// The SQLite store: beads and the docs index in one database file in WAL mode.
///
/// The database is a working copy. `beads/issues.jsonl` is the record a team shares
/// through git: every write re-exports it inside the write's transaction, and a file
/// newer than the last sync is imported before anything is read.
public final class BeadStore: Sendable {
    public let databasePath: String
    public let jsonlPath: String
    /// Who the changes made through this store are recorded as (history), worked out
    /// the first time a change needs it: reads never pay for finding git's user name.
    public var actor: String {
        actorName.withLock { name in
            if let name { return name }
            let resolved = resolveActor()
            name = resolved
            return resolved
        }
    }
    private let actorName = Mutex<String?>(nil)
    private let resolveActor: @Sendable () -> String
    let pool: DatabasePool
    /// Whether the writer connection notes changed beads for patched exports.
    let changesTracked = Locked(false)
    /// How many exports this store patched rather than wrote whole (the tests check
    /// that the short way is taken, not only that its result is right).
    let patchedExports = Locked(0)
    /// Whether the write under way has replaced issues.jsonl (its previous version kept
    /// at `jsonlBackupPath` until the transaction commits).
    let jsonlReplaced = Locked(false)
    let writeGate = NSLock()

    /// Seconds a write waits for another process's lock.
    public let lockTimeout: Int
    /// The JSONL lives in a folder this process cannot write (a read-only checkout or
    /// mount): the database is then a private copy, reads are served from it, and every
    /// change to beads is refused before anything is written.
    public let recordIsReadOnly: Bool

    public convenience init(
        databasePath: String, jsonlPath: String, actor: String = "beads",
        lockTimeout: Int = BeadStore.defaultLockTimeout, recordIsReadOnly: Bool = false
    ) throws(StoreError) {
        try self.init(
            databasePath: databasePath, jsonlPath: jsonlPath, resolveActor: { actor },
            lockTimeout: lockTimeout, recordIsReadOnly: recordIsReadOnly)
    }

    public init(
        databasePath: String, jsonlPath: String, resolveActor: @escaping @Sendable () -> String,
        lockTimeout: Int = BeadStore.defaultLockTimeout, recordIsReadOnly: Bool = false
    ) throws(StoreError) {
        self.databasePath = databasePath
        self.jsonlPath = jsonlPath
        self.resolveActor = resolveActor
        self.lockTimeout = lockTimeout
        self.recordIsReadOnly = recordIsReadOnly
        var config = Configuration()
        // Several beads processes may write at once (agents, hooks): wait for the lock
        // instead of failing. (GRDB's pool writes take the lock up front, IMMEDIATE, so
        // two writers never deadlock on a read-to-write upgrade.)
        config.busyMode = .timeout(TimeInterval(lockTimeout))
        config.prepareDatabase { db in
            try db.execute(sql: "PRAGMA synchronous = NORMAL")
            // Statement journals (each insert under triggers and foreign keys keeps one so
            // it can be undone alone) stay in memory instead of a file in /var/tmp.
            try db.execute(sql: "PRAGMA temp_store = MEMORY")
            try db.execute(sql: "PRAGMA foreign_keys = ON")
        }
        let hits = (jsonlPath as NSString).deletingLastPathComponent + "/hits.jsonl"
        try Self.refuseLinks([jsonlPath, hits, databasePath, databasePath + "-wal", databasePath + "-shm"])
        pool = try Self.openPool(path: databasePath, configuration: config, lockTimeout: lockTimeout)
    }

    /// beads never follows a symbolic link for its own files: one planted in beads/ (a
    /// checkout can carry links) would have had writes land wherever it points.
    static func refuseLinks(_ paths: [String]) throws(StoreError) {
        for path in paths {
            var info = stat()
            guard lstat(path, &info) == 0, (info.st_mode & S_IFMT) == S_IFLNK else { continue }
            throw StoreError.io(
                path: path,
                reason: "is a symbolic link; beads does not follow links for its own files (put the file itself there, or remove the link)")
        }
    }

    /// Opens (creating and migrating when new) the database. Switching a new file to
    /// WAL and migrating it take locks that SQLite's busy handler does not wait for:
    /// two commands started at once on a fresh clone (agents do this) would see one
    /// fail at once. So a busy open is tried again until the lock time-out.
    static func openPool(path: String, configuration: Configuration, lockTimeout: Int) throws(StoreError) -> DatabasePool {
        let deadline = ContinuousClock.now + .seconds(lockTimeout)
        var pause = 5_000 as UInt32
        while true {
            do {
                // Creating the database (a new clone) and migrating it (a new beads) are
                // rare: only then is the folder locked exclusively, so that of commands
                // started together one creates the file, switches it to WAL and makes the
                // tables, and the others open what it made. A file already there is opened
                // under a shared lock: a pool opened while another process was still
                // migrating kept a writer that saw tables vanish ("no such table: doc",
                // SQLITE_SCHEMA) in 3 of 150 fresh clones with six commands started at once.
                var info = stat()
                let exists = stat(path, &info) == 0 && info.st_size > 0
                if exists {
                    var opened: DatabasePool?
                    try withFileLock(path, exclusive: false, until: deadline) {
                        let pool = try DatabasePool(path: path, configuration: configuration)
                        if try pool.read({ try migrator.hasCompletedMigrations($0) }) { opened = pool }
                    }
                    if let opened { return opened }
                }
                var made: DatabasePool?
                try withFileLock(path, exclusive: true, until: deadline) {
                    let pool = try DatabasePool(path: path, configuration: configuration)
                    try migrator.migrate(pool)
                    made = pool
                }
                if let made { return made }
                throw StoreError.database("the database could not be opened")
            } catch {
                let failure = storeError(error, path: path, lockTimeout: lockTimeout)
                guard case .busy = failure, ContinuousClock.now < deadline else { throw failure }
                usleep(pause)
                pause = min(pause * 2, 200_000)
            }
        }
    }

    /// Runs `body` holding an flock on the database's folder (shared, or exclusive for
    /// creating and migrating), waiting for another process's until `deadline`. Not on
    /// the database file itself: closing any descriptor of it would drop the POSIX
    /// locks SQLite holds on it in this process.
    static func withFileLock(_ path: String, exclusive: Bool, until deadline: ContinuousClock.Instant, _ body: () throws -> Void) throws {
        let fd = open((path as NSString).deletingLastPathComponent, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        guard fd >= 0 else {
            try body()
            return
        }
        defer { close(fd) }
        while flock(fd, (exclusive ? LOCK_EX : LOCK_SH) | LOCK_NB) != 0 {
            guard errno == EWOULDBLOCK || errno == EINTR, ContinuousClock.now < deadline else {
                throw DatabaseError(resultCode: .SQLITE_BUSY, message: "another beads process is creating the database")
            }
            usleep(10_000)
        }
        defer { flock(fd, LOCK_UN) }
        try body()
    }

    /// How long a command waits for another one's write lock: BEADS_LOCK_TIMEOUT
    /// seconds, 30 by default.
    public static var defaultLockTimeout: Int {
        ProcessInfo.processInfo.environment["BEADS_LOCK_TIMEOUT"].flatMap(Int.init).map { max(0, $0) } ?? 30
    }

    /// What went wrong, said as what it is: a lock held too long, a read-only folder, a
    /// damaged file (the only case where rebuilding is the advice), or anything else.
    func storeError(_ error: Error) -> StoreError { Self.storeError(error, path: databasePath, lockTimeout: lockTimeout) }

    static func storeError(_ error: Error, path: String, lockTimeout: Int) -> StoreError {
        if let error = error as? StoreError { return error }
        guard let db = error as? DatabaseError else { return .database("\(error)") }
        switch db.resultCode {
        case .SQLITE_BUSY, .SQLITE_LOCKED: return .busy(path: path, seconds: lockTimeout)
        case .SQLITE_READONLY, .SQLITE_CANTOPEN, .SQLITE_PERM, .SQLITE_AUTH:
            return .readOnly(path: path, reason: db.message ?? "\(db.resultCode)")
        case .SQLITE_CORRUPT, .SQLITE_NOTADB: return .corrupt(path: path, reason: db.message ?? "\(db.resultCode)")
        default: return .database("\(error)")
        }
    }

    /// Runs one write transaction. Everything in it lands or nothing does.
    /// When the JSONL moved under it (a `git pull` between this command's read and its
    /// write), the transaction rolls back, the file is imported, and the write is done
    /// again on top of it: the pulled beads are kept, not exported away.
    func write<T>(_ body: (Database) throws -> T) throws(StoreError) -> T {
        try trackBeadChanges()
        var attempt = 0
        while true {
            // Held from the transaction to settling its file: another thread's write must
            // not replace the kept previous version in between.
            writeGate.lock()
            do {
                let result = try pool.write(body)
                settleJSONL(committed: true)
                writeGate.unlock()
                return result
            } catch StoreError.fileMoved where attempt < 5 {
                settleJSONL(committed: false)
                writeGate.unlock()
                attempt += 1
                try syncFromJSONL(now: StoreClock.timestamp())
            } catch {
                settleJSONL(committed: false)
                writeGate.unlock()
                throw storeError(error)
            }
        }
    }

    var jsonlBackupPath: String {
        let url = URL(fileURLWithPath: jsonlPath)
        return url.deletingLastPathComponent().appendingPathComponent(".\(url.lastPathComponent).\(getpid()).bak").path
    }

    /// After a write: a committed one drops the previous file; one that failed after
    /// replacing it (a full disk refusing the commit) puts it back, so the file and the
    /// store agree and "nothing was changed" is true.
    func settleJSONL(committed: Bool) {
        guard
            jsonlReplaced.withLock({ replaced in
                defer { replaced = false }
                return replaced
            })
        else { return }
        if committed || rename(jsonlBackupPath, jsonlPath) != 0 { unlink(jsonlBackupPath) }
    }

    func read<T>(_ body: (Database) throws -> T) throws(StoreError) -> T {
        do {
            return try pool.read(body)
        } catch {
            throw storeError(error)
        }
    }

    // MARK: - Meta

    func meta(_ db: Database, _ key: String) throws -> String? {
        try String.fetchOne(db, sql: "SELECT value FROM meta WHERE key = ?", arguments: [key])
    }

    func setMeta(_ db: Database, _ key: String, _ value: String) throws {
        try db.execute(
            sql: "INSERT INTO meta(key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value",
            arguments: [key, value])
    }

    public func metaValue(_ key: String) throws(StoreError) -> String? {
        try read { db in try meta(db, key) }
    }
}

extension BeadStore {
    public func setMetaValue(_ key: String, _ value: String) throws(StoreError) {
        try write { db in try setMeta(db, key, value) }
    }

    /// The id prefixes in use (`mo` for `mo-jgo`). Every command asks, so this skips
    /// through the primary-key index, one look-up per prefix, instead of scanning every
    /// bead: all ids `P-…` sort before `P.`, so the next prefix starts at or after it.
    public func beadPrefixes() throws(StoreError) -> Set<String> {
        try read { db in
            var prefixes = Set<String>()
            let atOrAfter = try db.cachedStatement(sql: "SELECT id FROM bead WHERE id >= ? ORDER BY id LIMIT 1")
            let after = try db.cachedStatement(sql: "SELECT id FROM bead WHERE id > ? ORDER BY id LIMIT 1")
            var id = try String.fetchOne(atOrAfter, arguments: [""])
            while let current = id {
                guard let dash = current.firstIndex(of: "-"), dash > current.startIndex else {
                    // Not an id with a prefix: step past just this one.
                    id = try String.fetchOne(after, arguments: [current])
                    continue
                }
                let prefix = String(current[..<dash])
                prefixes.insert(prefix)
                id = try String.fetchOne(atOrAfter, arguments: [prefix + "."])
            }
            return prefixes
        }
    }
}

/// RFC 3339 UTC timestamps with seconds, as bd writes them (`2026-02-04T09:12:00Z`).
/// Formatted by hand: Foundation's ISO8601DateFormatter loads ICU, which costs more
/// than the rest of a command's start-up.
public enum StoreClock {
    public static func timestamp(_ date: Date = Date()) -> String {
        var seconds = time_t(date.timeIntervalSince1970.rounded(.down))
        var parts = tm()
        gmtime_r(&seconds, &parts)
        // Digits placed by hand too: String(format:) goes through CoreFoundation, and an
        // import stamps every history event.
        var text = [UInt8](repeating: 0, count: 20)
        func put(_ value: Int32, _ width: Int, at offset: Int) {
            var value = value
            for position in stride(from: offset + width - 1, through: offset, by: -1) {
                text[position] = UInt8(ascii: "0") + UInt8(value % 10)
                value /= 10
            }
        }
        put(parts.tm_year + 1900, 4, at: 0)
        put(parts.tm_mon + 1, 2, at: 5)
        put(parts.tm_mday, 2, at: 8)
        put(parts.tm_hour, 2, at: 11)
        put(parts.tm_min, 2, at: 14)
        put(parts.tm_sec, 2, at: 17)
        for (offset, byte) in [(4, "-"), (7, "-"), (10, "T"), (13, ":"), (16, ":"), (19, "Z")] as [(Int, Unicode.Scalar)] {
            text[offset] = UInt8(ascii: byte)
        }
        return String(decoding: text, as: UTF8.self)
    }
}
