import GRDB

/// A bead that cannot be worked on yet, and what holds it.
public struct BlockedBead: Sendable {
    public var bead: Bead
    /// Unclosed beads it waits for directly, or the blocked parent it inherits from.
    public var blockedBy: [String]
}

extension BeadStore {
    /// Issue types that are never work to pick up (bd's list).
    static let nonWorkTypes = ["merge-request", "gate", "molecule", "message", "agent", "role", "rig"]
    /// Dependency types through which an unclosed bead blocks another.
    static let blockingTypes = ["blocks", "conditional-blocks", "waits-for"]

    /// The blocked set as bd computes it: beads with an unclosed blocker through a
    /// blocking dependency, and, through parent-child, every descendant of those.
    static let blockedSetSQL = """
        WITH RECURSIVE
          direct(id) AS (
            SELECT DISTINCT d.issue_id FROM dependency d JOIN bead blocker ON blocker.id = d.depends_on_id
            WHERE d.type IN ('blocks', 'conditional-blocks', 'waits-for')
              AND blocker.status NOT IN ('closed', 'tombstone')
          ),
          blocked(id, depth) AS (
            SELECT id, 0 FROM direct
            UNION
            SELECT d.issue_id, b.depth + 1 FROM blocked b JOIN dependency d ON d.depends_on_id = b.id
            WHERE d.type = 'parent-child' AND b.depth < 50
          ),
          deferred(id, depth) AS (
            SELECT id, 0 FROM bead
            WHERE status = 'deferred' OR coalesce(json_extract(extra, '$.defer_until'), '') > :now
            UNION
            SELECT d.issue_id, f.depth + 1 FROM deferred f JOIN dependency d ON d.depends_on_id = f.id
            WHERE d.type = 'parent-child' AND f.depth < 50
          )
        """

    /// Work that can start now, most urgent first: open or in progress, not pinned,
    /// ephemeral, deferred (or under a deferred parent), not a non-work type, and with no
    /// unclosed blocker. `limit` 0 means all.
    public func readyBeads(now: String, limit: Int) throws(StoreError) -> [Bead] {
        let types = Self.nonWorkTypes.map { "'\($0)'" }.joined(separator: ",")
        let sql = Self.blockedSetSQL + """
            SELECT \(Self.beadColumns) FROM bead
            WHERE status IN ('open', 'in_progress')
              AND coalesce(json_extract(extra, '$.pinned'), 0) = 0
              AND coalesce(json_extract(extra, '$.ephemeral'), 0) = 0
              AND issue_type NOT IN (\(types))
              AND id NOT IN (SELECT id FROM blocked)
              AND id NOT IN (SELECT id FROM deferred)
            ORDER BY priority, created_at, id
            \(limit > 0 ? "LIMIT \(limit)" : "")
            """
        return try read { db in
            try Row.fetchAll(db, sql: sql, arguments: ["now": now]).map(Self.bead(from:))
        }
    }

    /// Unclosed beads in the blocked set, with what blocks each.
    public func blockedBeads(now: String) throws(StoreError) -> [BlockedBead] {
        let sql = Self.blockedSetSQL + """
            SELECT \(Self.beadColumns),
              (SELECT json_group_array(d.depends_on_id) FROM dependency d JOIN bead blocker ON blocker.id = d.depends_on_id
                 WHERE d.issue_id = bead.id AND blocker.status NOT IN ('closed', 'tombstone')
                   AND (d.type IN ('blocks', 'conditional-blocks', 'waits-for')
                        OR (d.type = 'parent-child' AND d.depends_on_id IN (SELECT id FROM blocked)))) AS blockers
            FROM bead
            WHERE id IN (SELECT id FROM blocked) AND status NOT IN ('closed', 'tombstone')
            ORDER BY priority, created_at, id
            """
        return try read { db in
            try Row.fetchAll(db, sql: sql, arguments: ["now": now]).map {
                BlockedBead(bead: Self.bead(from: $0), blockedBy: Self.stringArray($0["blockers"]).sorted())
            }
        }
    }
}
