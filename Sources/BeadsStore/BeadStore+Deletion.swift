import GRDB

/// One dependency: `from` depends on `to`.
public struct DependencyEdge: Sendable, Equatable {
    public var from: String
    public var to: String
    public var type: String
}

/// What a delete takes away, shown before it is done (bd's preview).
public struct DeletionPlan: Sendable {
    /// The beads that go: those named, then with `cascade` everything that depends on
    /// them, transitively.
    public var ids: [String]
    /// The ones among `ids` that only the cascade added.
    public var cascaded: [String]
    /// Dependencies of beads that stay on beads that go: cut from the staying beads.
    public var cutLinks: [DependencyEdge]
}

extension BeadStore {
    /// What deleting `ids` would do. Unknown ids are an error, as for the delete itself.
    public func deletionPlan(_ ids: [String], cascade: Bool) throws(StoreError) -> DeletionPlan {
        try read { db in try Self.deletionPlan(ids, cascade: cascade, in: db) }
    }

    /// Deletes the beads of the plan and cuts the staying beads' dependencies on them,
    /// in one transaction (recomputed inside it, so a concurrent change cannot slip a
    /// new dependent past the cut). Each deleted bead's last line is kept in its history.
    @discardableResult
    public func delete(_ ids: [String], cascade: Bool) throws(StoreError) -> DeletionPlan {
        try write { db in
            let plan = try Self.deletionPlan(ids, cascade: cascade, in: db)
            let now = StoreClock.timestamp()
            for id in plan.ids {
                guard let bead = try Self.fetchBead(id, in: db) else { continue }
                try db.execute(sql: "DELETE FROM bead WHERE id = ?", arguments: [id])
                try db.execute(
                    sql: "INSERT INTO event (bead_id, at, actor, field, old_value, new_value) VALUES (?,?,?,?,?,NULL)",
                    arguments: [id, now, actor, "deleted", bead.jsonLine()])
            }
            let gone = Set(plan.ids)
            for (from, edges) in Dictionary(grouping: plan.cutLinks, by: \.from) {
                guard let before = try Self.fetchBead(from, in: db) else { continue }
                var bead = before
                for edge in edges {
                    _ = bead.removeDependency(on: edge.to, type: DependencyType(rawValue: edge.type))
                    if let parent = bead.extraValue("parent")?.stringValue, gone.contains(parent) { bead.setExtra("parent", nil) }
                }
                bead.updatedAt = now
                try Self.save(bead, in: db)
                try recordChanges(from: before, to: bead, in: db)
            }
            try exportJSONL(db)
            return plan
        }
    }

    static func deletionPlan(_ ids: [String], cascade: Bool, in db: Database) throws -> DeletionPlan {
        var order: [String] = []
        var set = Set<String>()
        for id in ids where !set.contains(id) {
            guard try Self.fetchBead(id, in: db) != nil else { throw StoreError.beadNotFound(id) }
            order.append(id)
            set.insert(id)
        }
        let dependents = try db.cachedStatement(
            sql: "SELECT issue_id, type FROM dependency WHERE depends_on_id = ? ORDER BY issue_id, type")
        var cascaded: [String] = []
        var cut: [DependencyEdge] = []
        var queue = order
        while !queue.isEmpty {
            let id = queue.removeFirst()
            for row in try Row.fetchAll(dependents, arguments: [id]) {
                let from: String = row["issue_id"]
                if set.contains(from) { continue }
                if cascade {
                    set.insert(from)
                    order.append(from)
                    cascaded.append(from)
                    queue.append(from)
                } else {
                    cut.append(DependencyEdge(from: from, to: id, type: row["type"]))
                }
            }
        }
        // A link found before its bead joined the cascade is not cut: the bead goes.
        return DeletionPlan(ids: order, cascaded: cascaded, cutLinks: cut.filter { !set.contains($0.from) })
    }
}
