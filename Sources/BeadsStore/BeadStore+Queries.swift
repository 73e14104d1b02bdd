import GRDB

/// Counts for `beads stats`.
public struct BeadStatistics: Sendable {
    public var total: Int
    public var byStatus: [(String, Int)]
    public var byPriority: [(Int, Int)]
    public var byType: [(String, Int)]
    public var ready: Int
    public var blocked: Int
}

extension BeadStore {
    /// Full-text search over titles and descriptions (FTS5), best match first. Every
    /// word must appear, as a word or a word's start.
    public func search(_ query: String, limit: Int) throws(StoreError) -> [Bead] {
        // User text reaches MATCH only through GRDB's pattern type.
        guard let pattern = FTS5Pattern(matchingAllPrefixesIn: query) else { return [] }
        return try read { db in
            try Row.fetchAll(
                db,
                sql: """
                    SELECT \(Self.beadColumns.split(separator: ",").map { "b." + $0.trimmingCharacters(in: .whitespaces) }.joined(separator: ", "))
                    FROM bead_fts f JOIN bead b ON b.rowid = f.rowid
                    WHERE bead_fts MATCH ? ORDER BY bm25(bead_fts), b.priority LIMIT ?
                    """, arguments: [pattern, limit > 0 ? limit : -1]
            ).map(Self.bead(from:))
        }
    }

    /// Beads that depend on `id`, with the dependency type.
    public func dependents(of id: String) throws(StoreError) -> [(String, String)] {
        try read { db in
            try Row.fetchAll(db, sql: "SELECT issue_id, type FROM dependency WHERE depends_on_id = ? ORDER BY issue_id", arguments: [id])
                .map { ($0["issue_id"], $0["type"]) }
        }
    }

    /// Every label with the number of beads carrying it.
    public func labelCounts() throws(StoreError) -> [(String, Int)] {
        try read { db in
            try Row.fetchAll(
                db,
                sql: """
                    SELECT j.value AS label, count(*) AS n FROM bead, json_each(bead.labels) j GROUP BY j.value ORDER BY j.value
                    """
            ).map { ($0["label"], $0["n"]) }
        }
    }

    public func statistics(now: String) throws(StoreError) -> BeadStatistics {
        let (ready, blocked) = try readinessCounts(now: now)
        return try read { db in
            BeadStatistics(
                total: try Int.fetchOne(db, sql: "SELECT count(*) FROM bead") ?? 0,
                byStatus: try Row.fetchAll(db, sql: "SELECT status, count(*) n FROM bead GROUP BY status ORDER BY n DESC").map {
                    ($0["status"], $0["n"])
                },
                byPriority: try Row.fetchAll(
                    db,
                    sql:
                        "SELECT priority, count(*) n FROM bead WHERE status NOT IN ('closed','tombstone') GROUP BY priority ORDER BY priority"
                ).map { ($0["priority"], $0["n"]) },
                byType: try Row.fetchAll(db, sql: "SELECT issue_type, count(*) n FROM bead GROUP BY issue_type ORDER BY n DESC").map {
                    ($0["issue_type"], $0["n"])
                },
                ready: ready, blocked: blocked)
        }
    }
}
