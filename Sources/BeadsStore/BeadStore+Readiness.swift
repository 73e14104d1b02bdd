import GRDB

/// A bead that cannot be worked on yet, and what holds it.
public struct BlockedBead: Sendable {
    public var bead: Bead
    /// Unclosed beads it waits for directly, else the blocked parent it inherits from.
    public var blockedBy: [String]
}

/// A ready bead with the counts bd's `ready --json` adds to it.
public struct ReadyBead: Sendable {
    public var bead: Bead
    /// Its own `blocks` dependencies, and the `blocks` dependencies on it.
    public var dependencyCount: Int
    public var dependentCount: Int
    public var commentCount: Int
    /// Its parent through parent-child (the smallest id, when there are several).
    public var parent: String?
}

/// bd's orders for ready work (`bd ready --sort`).
public enum ReadySort: String, Sendable, CaseIterable {
    /// Most urgent first; newest first within a priority (bd's default).
    case priority
    /// The last 48 hours by priority, then everything older, oldest first.
    case hybrid
    /// Oldest first.
    case oldest
}

/// The dependency rules of readiness, in one place, as bd 1.0.5 computes them
/// (`internal/storage/issueops/blocked_state.go`).
/// Which types block is `DependencyType`'s; these are the same rules as SQL.
public enum DependencyRules {
    static let waitsFor = DependencyType.waitsFor.rawValue
    static let parentChild = DependencyType.parentChild.rawValue
    /// Statuses of beads that neither block nor are blocked.
    public static let finishedStatuses = ["closed", "pinned", "tombstone"]

    static var finishedSQL: String { finishedStatuses.map { "'\($0)'" }.joined(separator: ",") }
    static var blockingSQL: String { DependencyType.blocking.map { "'\($0)'" }.joined(separator: ",") }
    static var holdingSQL: String { DependencyType.holding.map { "'\($0)'" }.joined(separator: ",") }
}

extension BeadStore {
    /// The blocked set as bd computes it (`is_blocked`), for unfinished beads only:
    /// - an unfinished target through blocks or conditional-blocks;
    /// - waits-for a spawner some of whose children (parent-child) are unfinished,
    ///   unless the dependency's gate is `any-children` and one child is closed;
    /// - a blocked parent, transitively (an open parent does not block its children).
    /// `external:` targets are not beads here, so they never block, as in bd.
    ///
    /// "Unfinished" is a join on the bead, not `IN` a CTE of unfinished ids: SQLite 3.40
    /// scanned that CTE again for every row it tested, which made this 1.06 s at 10k beads
    /// and 8k dependencies; joined, 15 ms, with the same set.
    static let blockedSetSQL = """
        WITH RECURSIVE
          direct(id) AS (
            SELECT d.issue_id FROM dependency d JOIN bead target ON target.id = d.depends_on_id
            WHERE d.type IN (\(DependencyRules.blockingSQL)) AND target.status NOT IN (\(DependencyRules.finishedSQL))
            UNION
            SELECT d.issue_id FROM dependency d
            WHERE d.type = '\(DependencyRules.waitsFor)'
              AND EXISTS (SELECT 1 FROM dependency c JOIN bead child ON child.id = c.issue_id
                          WHERE c.depends_on_id = d.depends_on_id AND c.type = '\(DependencyRules.parentChild)'
                            AND child.status NOT IN (\(DependencyRules.finishedSQL)))
              AND NOT (coalesce(json_extract(CASE WHEN json_valid(d.metadata) THEN d.metadata END, '$.gate'), '') = 'any-children'
                       AND EXISTS (SELECT 1 FROM dependency c JOIN bead child ON child.id = c.issue_id
                                   WHERE c.depends_on_id = d.depends_on_id AND c.type = '\(DependencyRules.parentChild)'
                                     AND child.status = 'closed'))
          ),
          blocked(id, depth) AS (
            SELECT direct.id, 0 FROM direct JOIN bead u ON u.id = direct.id WHERE u.status NOT IN (\(DependencyRules.finishedSQL))
            UNION
            SELECT d.issue_id, b.depth + 1 FROM blocked b JOIN dependency d ON d.depends_on_id = b.id JOIN bead u ON u.id = d.issue_id
            WHERE d.type = '\(DependencyRules.parentChild)' AND u.status NOT IN (\(DependencyRules.finishedSQL)) AND b.depth < 50
          ),
          deferred_parent(id) AS (
            SELECT id FROM bead WHERE julianday(json_extract(extra, '$.defer_until')) > julianday(:now)
          )
        """

    static func readyOrder(_ sort: ReadySort) -> String {
        switch sort {
        // Times compared as instants (julianday): bd writes offsets (-08:00) and fractions.
        case .priority: return "ORDER BY priority ASC, julianday(created_at) DESC, id ASC"
        case .oldest: return "ORDER BY julianday(created_at) ASC, id ASC"
        case .hybrid:
            return """
                ORDER BY CASE WHEN julianday(created_at) >= julianday(:now) - 2 THEN 0 ELSE 1 END,
                  CASE WHEN julianday(created_at) >= julianday(:now) - 2 THEN priority ELSE 999 END, julianday(created_at) ASC, id ASC
                """
        }
    }

    /// Which beads are ready, after `blockedSetSQL`: shared by the list and the count.
    static var readyCondition: String {
        let types = IssueType.notReadyWork.map { "'\($0)'" }.joined(separator: ",")
        return """
            status = 'open'
              AND coalesce(json_extract(extra, '$.pinned'), 0) = 0
              AND coalesce(json_extract(extra, '$.ephemeral'), 0) = 0
              AND coalesce(json_extract(extra, '$.deleted_at'), '') = ''
              AND issue_type NOT IN (\(types))
              AND coalesce(julianday(json_extract(extra, '$.defer_until')) <= julianday(:now), 1)
              AND id NOT IN (SELECT id FROM blocked)
              AND id NOT IN (SELECT d.issue_id FROM dependency d JOIN deferred_parent p ON p.id = d.depends_on_id
                             WHERE d.type = '\(DependencyRules.parentChild)')
            """
    }

    /// Which blocked beads `blocked` lists: those whose block it can name, a blocker
    /// (unfinished, through blocks, conditional-blocks or waits-for) or a parent.
    static var nameableBlockCondition: String {
        """
        id IN (SELECT id FROM blocked)
          AND (EXISTS (SELECT 1 FROM dependency d JOIN bead target ON target.id = d.depends_on_id
                       WHERE d.issue_id = bead.id AND target.status NOT IN (\(DependencyRules.finishedSQL))
                         AND d.type IN (\(DependencyRules.blockingSQL), '\(DependencyRules.waitsFor)'))
               OR EXISTS (SELECT 1 FROM dependency d JOIN bead parent ON parent.id = d.depends_on_id
                          WHERE d.issue_id = bead.id AND d.type = '\(DependencyRules.parentChild)'))
        """
    }

    /// How many beads `readyBeads` and `blockedBeads` would list, counted in SQL: `stats`
    /// fetched and decoded every one of them (2 s at 100k beads).
    public func readinessCounts(now: String) throws(StoreError) -> (ready: Int, blocked: Int) {
        try read { db in
            let ready =
                try Int.fetchOne(
                    db, sql: Self.blockedSetSQL + "SELECT count(*) FROM bead WHERE \(Self.readyCondition)",
                    arguments: ["now": now]) ?? 0
            let blocked =
                try Int.fetchOne(
                    db, sql: Self.blockedSetSQL + "SELECT count(*) FROM bead WHERE \(Self.nameableBlockCondition)",
                    arguments: ["now": now]) ?? 0
            return (ready, blocked)
        }
    }

    /// The ids `readyBeads` would list, without decoding them.
    public func readyIDs(now: String) throws(StoreError) -> Set<String> {
        try read { db in
            Set(
                try String.fetchAll(
                    db, sql: Self.blockedSetSQL + "SELECT id FROM bead WHERE \(Self.readyCondition)", arguments: ["now": now]))
        }
    }

    /// Work that can start now, as `bd ready` offers it: status open; not pinned or
    /// ephemeral; not deferred (defer_until in the future), nor the direct child of a
    /// bead deferred so; not a type of bd's own machinery; not deleted; not blocked.
    /// `limit` 0 means all.
    public func readyBeads(now: String, limit: Int, sort: ReadySort = .priority) throws(StoreError) -> [ReadyBead] {
        let sql =
            Self.blockedSetSQL + """
                SELECT \(Self.beadColumns),
                  (SELECT count(*) FROM dependency d WHERE d.issue_id = bead.id AND d.type = 'blocks') AS dependency_count,
                  (SELECT count(*) FROM dependency d WHERE d.depends_on_id = bead.id AND d.type = 'blocks') AS dependent_count,
                  coalesce(json_array_length(json_extract(extra, '$.comments')), 0) AS comment_count,
                  (SELECT min(d.depends_on_id) FROM dependency d WHERE d.issue_id = bead.id AND d.type = 'parent-child') AS parent_id
                FROM bead
                WHERE \(Self.readyCondition)
                \(Self.readyOrder(sort))
                \(limit > 0 ? "LIMIT \(limit)" : "")
                """
        return try read { db in
            try Row.fetchAll(db, sql: sql, arguments: ["now": now]).map { row in
                ReadyBead(
                    bead: Self.bead(from: row), dependencyCount: row["dependency_count"], dependentCount: row["dependent_count"],
                    commentCount: row["comment_count"], parent: row["parent_id"])
            }
        }
    }

    /// What `bd blocked` lists: every unfinished bead in the blocked set, with the
    /// unfinished beads it waits for through blocks, conditional-blocks or waits-for;
    /// when it only inherits the block, its parent. Most urgent first, newest first
    /// within a priority.
    public func blockedBeads(now: String) throws(StoreError) -> [BlockedBead] {
        let sql =
            Self.blockedSetSQL + """
                SELECT \(Self.beadColumns),
                  (SELECT json_group_array(DISTINCT d.depends_on_id) FROM dependency d JOIN bead target ON target.id = d.depends_on_id
                     WHERE d.issue_id = bead.id AND target.status NOT IN (\(DependencyRules.finishedSQL))
                       AND d.type IN (\(DependencyRules.blockingSQL), '\(DependencyRules.waitsFor)')) AS blockers,
                  (SELECT max(d.depends_on_id) FROM dependency d JOIN bead parent ON parent.id = d.depends_on_id
                     WHERE d.issue_id = bead.id AND d.type = '\(DependencyRules.parentChild)') AS parent_id
                FROM bead
                WHERE \(Self.nameableBlockCondition)
                ORDER BY priority ASC, julianday(created_at) DESC, id ASC
                """
        return try read { db in
            // bd leaves out a bead whose block it cannot name (a gate whose spawner closed):
            // nameableBlockCondition, which the count shares.
            try Row.fetchAll(db, sql: sql, arguments: ["now": now]).map { row in
                var blockers = Self.stringArray(row["blockers"]).sorted()
                if blockers.isEmpty, let parent: String = row["parent_id"] { blockers = [parent] }
                return BlockedBead(bead: Self.bead(from: row), blockedBy: blockers)
            }
        }
    }
}
