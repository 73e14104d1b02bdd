import GRDB

/// What adding a dependency did.
public enum DependencyAddition: Sendable, Equatable {
    case added
    case alreadyThere
}

extension BeadStore {
    /// Makes `issue` depend on `target`, checking inside the write transaction that the
    /// target exists and that a dependency which holds work back closes no cycle: two
    /// processes adding the two halves of a cycle at once cannot both succeed.
    @discardableResult
    public func addDependency(_ issue: String, on target: String, type: DependencyType, at time: String) throws(StoreError)
        -> DependencyAddition
    {
        guard issue != target else { throw StoreError.invalidField(field: "dependency", reason: "a bead cannot depend on itself") }
        return try write { db in
            guard var bead = try Self.fetchBead(issue, in: db) else { throw StoreError.beadNotFound(issue) }
            // `external:` targets live in other trackers: bd keeps them without a bead.
            if !target.hasPrefix("external:"), try Self.fetchBead(target, in: db) == nil { throw StoreError.beadNotFound(target) }
            if type.holdsWork, try Self.reaches(from: target, to: issue, in: db) {
                throw StoreError.invalidField(
                    field: "dependency", reason: "\(target) already depends on \(issue); adding this would make a cycle")
            }
            let before = bead
            guard bead.addDependency(on: target, type: type, at: time, by: actor) else { return .alreadyThere }
            bead.updatedAt = time
            try Self.save(bead, in: db)
            try recordChanges(from: before, to: bead, in: db)
            try exportJSONL(db)
            return .added
        }
    }

    /// Whether `from` waits on `to`, directly or through others, by a type that holds
    /// work back. The walk visits each bead once, however long the chain.
    static func reaches(from: String, to: String, in db: Database) throws -> Bool {
        let types = DependencyRules.holdingSQL
        return try Bool.fetchOne(
            db,
            sql: """
                WITH RECURSIVE reach(id) AS (
                  SELECT ?
                  UNION
                  SELECT d.depends_on_id FROM reach r JOIN dependency d ON d.issue_id = r.id WHERE d.type IN (\(types))
                )
                SELECT EXISTS (SELECT 1 FROM reach WHERE id = ?)
                """, arguments: [from, to]) ?? false
    }
}
