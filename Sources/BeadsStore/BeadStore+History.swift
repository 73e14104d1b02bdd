import GRDB

/// One recorded change to a bead.
public struct BeadEvent: Sendable, Equatable {
    public var beadID: String
    public var at: String
    public var actor: String
    /// A bd key (`status`, `labels`, `dependencies`, …), or `created` / `deleted`.
    public var field: String
    /// The values as JSON text; nil where there was none.
    public var oldValue: String?
    public var newValue: String?
}

extension BeadStore {
    /// Writes one event per key that differs between the two versions of a bead (a
    /// `created` event for a new one), inside the caller's transaction.
    func recordChanges(from old: Bead?, to new: Bead, in db: Database) throws {
        let at = StoreClock.timestamp()
        func insert(_ field: String, _ before: String?, _ after: String?) throws {
            try db.cachedStatement(sql: "INSERT INTO event (bead_id, at, actor, field, old_value, new_value) VALUES (?,?,?,?,?,?)")
                .execute(arguments: [new.id, at, actor, field, before, after])
        }
        guard let old else {
            try insert("created", nil, new.jsonLine())
            return
        }
        guard case let .object(before) = old.jsonValue, case let .object(after) = new.jsonValue else { return }
        let beforeByKey = Dictionary(before, uniquingKeysWith: { a, _ in a })
        let afterByKey = Dictionary(after, uniquingKeysWith: { a, _ in a })
        var keys: [String] = after.map(\.0)
        for (key, _) in before where afterByKey[key] == nil { keys.append(key) }
        for key in keys where key != "updated_at" && beforeByKey[key] != afterByKey[key] {
            try insert(key, beforeByKey[key]?.encoded(), afterByKey[key]?.encoded())
        }
    }

    /// A bead's changes, oldest first.
    public func history(of id: String) throws(StoreError) -> [BeadEvent] {
        try read { db in
            try Row.fetchAll(db, sql: "SELECT * FROM event WHERE bead_id = ? ORDER BY id", arguments: [id]).map {
                BeadEvent(
                    beadID: $0["bead_id"], at: $0["at"], actor: $0["actor"], field: $0["field"],
                    oldValue: $0["old_value"], newValue: $0["new_value"])
            }
        }
    }
}
