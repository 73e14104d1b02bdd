import Foundation
import GRDB

/// Hits live in `beads/hits.jsonl`, one line each, so a team shares them through git:
/// two branches that both append merge line by line (`merge=union` in .gitattributes,
/// which `beads init` writes). The `hit` table is rebuilt from the file whenever git
/// or anyone else changed it, as the beads are from issues.jsonl.
extension BeadStore {
    static let hitsFingerprintKey = "hits.fingerprint"
    static let hitsBadLineKey = "hits.bad_line"

    public var hitsPath: String { (jsonlPath as NSString).deletingLastPathComponent + "/hits.jsonl" }

    /// Brings the `hit` table up to date with the file. A line that cannot be read (a
    /// hand edit, a conflict marker) is skipped and remembered (`hitsFileProblem`):
    /// hits are history, and a bad one must not stop `fix`.
    public func syncHits() throws(StoreError) {
        let onDisk = FileFingerprint(path: hitsPath)
        let stored = try read { db in try meta(db, Self.hitsFingerprintKey) }
        if onDisk?.description == stored || (onDisk == nil && stored == nil) { return }
        try write { db in
            let current = FileFingerprint(path: hitsPath)
            if current?.description == (try meta(db, Self.hitsFingerprintKey)) { return }
            try db.execute(sql: "DELETE FROM hit")
            try db.execute(sql: "DELETE FROM meta WHERE key IN (?, ?)", arguments: [Self.hitsFingerprintKey, Self.hitsBadLineKey])
            guard let current else { return }
            let data: Data
            do { data = try Data(contentsOf: URL(fileURLWithPath: hitsPath)) } catch {
                throw StoreError.io(path: hitsPath, reason: "cannot be read (\(error.localizedDescription))")
            }
            try self.load(data, into: db)
            try setMeta(db, Self.hitsFingerprintKey, current.description)
        }
    }

    /// Fills the (empty) `hit` table from the file's bytes, remembering the first line
    /// that cannot be read.
    func load(_ data: Data, into db: Database) throws {
        var lineNumber = 0
        for line in data.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false) {
            lineNumber += 1
            guard !line.allSatisfy({ $0 == 0x20 || $0 == 0x0D }) else { continue }
            do {
                try Self.insert(try HitRecord(json: try JSONValue.parse(bytes: Array(line))), in: db)
            } catch {
                if try meta(db, Self.hitsBadLineKey) == nil {
                    try setMeta(db, Self.hitsBadLineKey, "\(lineNumber): \(error)")
                }
            }
        }
    }

    /// The first line of hits.jsonl that could not be read, as "LINE: why".
    public func hitsFileProblem() throws(StoreError) -> String? {
        try read { db in try meta(db, Self.hitsBadLineKey) }
    }

    /// Records hits: the rows and the lines land together or not at all.
    public func recordHits(_ hits: [HitRecord]) throws(StoreError) {
        guard !hits.isEmpty else { return }
        if recordIsReadOnly {
            throw StoreError.readOnly(path: (hitsPath as NSString).deletingLastPathComponent, reason: "hits cannot be recorded here")
        }
        try write { db in
            for hit in hits { try Self.insert(hit, in: db) }
            let text = hits.map { $0.jsonValue.encoded() + "\n" }.joined()
            try Self.append(text, to: hitsPath)
            if let written = FileFingerprint(path: hitsPath) { try setMeta(db, Self.hitsFingerprintKey, written.description) }
        }
    }

    /// Folds the single hits older than `cutoff` into one line per day and bead, and
    /// rewrites the file. Returns how many lines went.
    @discardableResult
    public func compactHits(before cutoff: String) throws(StoreError) -> Int {
        if recordIsReadOnly { return 0 }
        // The usual answer, from the index and without the write lock: nothing to fold.
        let due = try read { db in
            try Bool.fetchOne(
                db, sql: "SELECT EXISTS (SELECT 1 FROM hit WHERE at < ? AND source != ?)",
                arguments: [cutoff, HitRecord.compactedSource]) ?? false
        }
        guard due else { return 0 }
        return try write { db in
            // The file is the record: its lines are folded, not the table's rows, so that
            // a line beads cannot read, or one with fields it does not know (a newer
            // beads's, a teammate's tool's), is kept as it was instead of vanishing.
            let data: Data
            do { data = try Data(contentsOf: URL(fileURLWithPath: hitsPath)) } catch {
                throw StoreError.io(path: hitsPath, reason: "cannot be read (\(error.localizedDescription))")
            }
            var kept: [Data] = []
            var days: [String: Int] = [:]
            var foldedLines = 0
            for line in data.split(separator: UInt8(ascii: "\n")) where !line.allSatisfy({ $0 == 0x20 || $0 == 0x0D }) {
                guard let json = try? JSONValue.parse(bytes: Array(line)), case let .object(fields) = json,
                    fields.allSatisfy({ HitRecord.knownFields.contains($0.0) }),
                    let hit = try? HitRecord(json: json), hit.at < cutoff
                else {
                    kept.append(Data(line))
                    continue
                }
                let key = "\(hit.at.prefix(10))\u{0}\(hit.beadID ?? "")"
                days[key] = min(HitRecord.maxCount, days[key, default: 0] + hit.count)
                foldedLines += 1
            }
            var text = ""
            for key in days.keys.sorted() {
                let parts = key.split(separator: "\u{0}", omittingEmptySubsequences: false).map(String.init)
                let bead = parts[1].isEmpty ? nil : parts[1]
                text +=
                    HitRecord(
                        id: "d-\(parts[0])-\(bead ?? "none")", at: parts[0] + "T00:00:00Z", beadID: bead,
                        source: HitRecord.compactedSource, count: days[key]!
                    ).jsonValue.encoded() + "\n"
            }
            for line in kept { text += String(decoding: line, as: UTF8.self) + "\n" }
            try JSONLFile.writeAtomically(text, to: hitsPath)
            try db.execute(sql: "DELETE FROM hit")
            try db.execute(sql: "DELETE FROM meta WHERE key = ?", arguments: [Self.hitsBadLineKey])
            try self.load(Data(text.utf8), into: db)
            if let written = FileFingerprint(path: hitsPath) { try setMeta(db, Self.hitsFingerprintKey, written.description) }
            return foldedLines - days.count
        }
    }

    /// Hits, newest first: of one bead, or (`unmatched`) those that matched none.
    public func hits(beadID: String? = nil, unmatched: Bool = false, since: String? = nil, limit: Int = 50) throws(StoreError)
        -> [HitRecord]
    {
        try read { db in
            var sql = "SELECT * FROM hit WHERE 1"
            var arguments: StatementArguments = []
            if let beadID {
                sql += " AND bead_id = ?"
                arguments += [beadID]
            }
            if unmatched { sql += " AND bead_id IS NULL" }
            if let since {
                sql += " AND at >= ?"
                arguments += [since]
            }
            sql += " ORDER BY at DESC, id DESC"
            if limit > 0 {
                sql += " LIMIT ?"
                arguments += [limit]
            }
            return try Row.fetchAll(db, sql: sql, arguments: arguments).map(Self.hit(from:))
        }
    }

    /// Every bead's hit counts over the windows, and how many came after it was closed.
    public func hitSummaries(_ windows: HitWindows, beadID: String? = nil) throws(StoreError) -> [String: HitSummary] {
        try read { db in
            var sql = """
                SELECT h.bead_id AS bead,
                       SUM(CASE WHEN h.at >= ? THEN h.count ELSE 0 END) AS day,
                       SUM(CASE WHEN h.at >= ? THEN h.count ELSE 0 END) AS week,
                       SUM(CASE WHEN h.at >= ? THEN h.count ELSE 0 END) AS month,
                       SUM(h.count) AS total, MAX(h.at) AS last,
                       SUM(CASE WHEN b.closed_at IS NOT NULL AND b.status IN ('closed', 'tombstone') AND h.at >= b.closed_at
                                THEN h.count ELSE 0 END) AS since_closed
                FROM hit h LEFT JOIN bead b ON b.id = h.bead_id
                WHERE h.bead_id IS NOT NULL
                """
            var arguments: StatementArguments = [windows.day, windows.week, windows.month]
            if let beadID {
                sql += " AND h.bead_id = ?"
                arguments += [beadID]
            }
            sql += " GROUP BY h.bead_id"
            var summaries: [String: HitSummary] = [:]
            for row in try Row.fetchAll(db, sql: sql, arguments: arguments) {
                var summary = HitSummary()
                summary.day = row["day"]
                summary.week = row["week"]
                summary.month = row["month"]
                summary.total = row["total"]
                summary.lastSeen = row["last"]
                summary.sinceClosed = row["since_closed"]
                summaries[row["bead"]] = summary
            }
            return summaries
        }
    }

    /// Hits that matched no known error, over the same windows.
    public func unmatchedHits(_ windows: HitWindows) throws(StoreError) -> HitSummary {
        try read { db in
            var summary = HitSummary()
            if let row = try Row.fetchOne(
                db,
                sql: """
                    SELECT SUM(CASE WHEN at >= ? THEN count ELSE 0 END) AS day, SUM(CASE WHEN at >= ? THEN count ELSE 0 END) AS week,
                           SUM(CASE WHEN at >= ? THEN count ELSE 0 END) AS month, SUM(count) AS total, MAX(at) AS last
                    FROM hit WHERE bead_id IS NULL
                    """, arguments: [windows.day, windows.week, windows.month])
            {
                summary.day = row["day"] ?? 0
                summary.week = row["week"] ?? 0
                summary.month = row["month"] ?? 0
                summary.total = row["total"] ?? 0
                summary.lastSeen = row["last"]
            }
            return summary
        }
    }

    /// Hits a day per bead over `days` (oldest first), for sparklines and charts.
    public func dailyHits(_ days: [String]) throws(StoreError) -> [String: [Int]] {
        guard let first = days.first else { return [:] }
        let position = Dictionary(uniqueKeysWithValues: days.enumerated().map { ($1, $0) })
        return try read { db in
            var series: [String: [Int]] = [:]
            for row in try Row.fetchAll(
                db,
                sql: """
                    SELECT bead_id, substr(at, 1, 10) AS day, SUM(count) AS n FROM hit
                    WHERE bead_id IS NOT NULL AND at >= ? GROUP BY bead_id, day
                    """, arguments: [first])
            {
                guard let k = position[row["day"]] else { continue }
                series[row["bead_id"], default: Array(repeating: 0, count: days.count)][k] = row["n"]
            }
            return series
        }
    }

    /// Failed recipe runs per bead since an instant: what a known error cost besides
    /// the failure itself.
    public func failedRuns(since: String) throws(StoreError) -> [String: Int] {
        try read { db in
            Dictionary(
                uniqueKeysWithValues: try Row.fetchAll(
                    db,
                    sql: """
                        SELECT bead_id, COUNT(*) AS n FROM recipe_run
                        WHERE bead_id IS NOT NULL AND outcome != 'succeeded' AND started_at >= ? GROUP BY bead_id
                        """, arguments: [since]
                ).map { ($0["bead_id"] as String, $0["n"] as Int) })
        }
    }

    static func insert(_ hit: HitRecord, in db: Database) throws {
        try db.execute(
            sql: """
                INSERT OR IGNORE INTO hit (id, at, bead_id, score, signature, source, environment, host, ci_job, fingerprint, count)
                VALUES (?,?,?,?,?,?,?,?,?,?,?)
                """,
            arguments: [
                hit.id, hit.at, hit.beadID, hit.score, hit.signature, hit.source, hit.environment, hit.host,
                hit.ciJob, hit.fingerprint, hit.count,
            ])
    }

    static func hit(from row: Row) -> HitRecord {
        HitRecord(
            id: row["id"], at: row["at"], beadID: row["bead_id"], score: row["score"], signature: row["signature"],
            source: row["source"], environment: row["environment"], host: row["host"], ciJob: row["ci_job"],
            fingerprint: row["fingerprint"], count: row["count"])
    }

    /// Appends with O_APPEND: a concurrent writer's line is never overwritten.
    static func append(_ text: String, to path: String) throws(StoreError) {
        let fd = open(path, O_WRONLY | O_APPEND | O_CREAT | O_NOFOLLOW | O_CLOEXEC, 0o644)
        guard fd >= 0 else {
            throw StoreError.io(path: path, reason: "cannot be opened for appending (\(String(cString: strerror(errno))))")
        }
        defer { close(fd) }
        let bytes = Array(text.utf8)
        let written = bytes.withUnsafeBytes { Foundation.write(fd, $0.baseAddress, $0.count) }
        guard written == bytes.count else {
            throw StoreError.io(path: path, reason: "could not be appended to (\(String(cString: strerror(errno))))")
        }
    }
}
