import Foundation
import GRDB

/// Which beads `list` returns.
/// How a new bead gets its id.
public enum NewBeadID: Sendable {
    /// This id, refused if taken.
    case given(String)
    /// bd's hash id from the bead's content, lengthened and re-nonced past collisions.
    case hashed(BeadID.Seed)
    /// The next free `PARENT.N`.
    case child(of: String)
}

public struct BeadFilter: Sendable {
    /// nil: every status except closed (and old tombstones).
    public var statuses: Set<BeadStatus>?
    public var includeClosed = false
    public var priority: Int?
    public var issueType: String?
    public var assignee: String?
    public var label: String?
    /// Substring of title or description, case-insensitive.
    public var text: String?
    /// 0 for no limit.
    public var limit = 0
    public var sort: BeadSort = .priority
    public var reverse = false

    public init() {}
}

/// The orders `beads list --sort` offers (bd's fields). Ties fall back to
/// priority, newest first, then id, so the order is always total.
public enum BeadSort: String, Sendable, CaseIterable {
    case priority, created, updated, closed, status, id, title, type, assignee

    var column: String {
        switch self {
        case .priority: "priority"
        case .created: "created_at"
        case .updated: "updated_at"
        case .closed: "closed_at"
        case .status: "status"
        case .id: "id"
        case .title: "title"
        case .type: "issue_type"
        case .assignee: "assignee"
        }
    }

    /// Dates sort newest first, the rest ascending; `reverse` flips the primary key.
    func orderBy(reverse: Bool) -> String {
        let newestFirst = [.created, .updated, .closed].contains(self)
        let direction = newestFirst != reverse ? "DESC" : "ASC"
        let primary = "\(column) \(direction)"
        return self == .priority ? "\(primary), created_at DESC, id" : "\(primary), priority, created_at DESC, id"
    }
}

extension BeadStore {
    static let beadColumns =
        "id, title, description, status, priority, issue_type, assignee, labels, created_at, updated_at, closed_at, close_reason, extra"

    static func bead(from row: Row) -> Bead {
        var labels: [String] = []
        if case let .array(items)? = try? JSONValue.parse(row["labels"] as String) {
            labels = items.compactMap(\.stringValue)
        }
        let extra = extraFields(row["extra"])
        return Bead(
            id: row["id"], title: row["title"], description: row["description"],
            status: BeadStatus(rawValue: row["status"]), priority: row["priority"], issueType: row["issue_type"],
            assignee: row["assignee"], labels: labels, createdAt: row["created_at"], updatedAt: row["updated_at"],
            closedAt: row["closed_at"], closeReason: row["close_reason"], extra: extra)
    }

    static func extraFields(_ json: String) -> [(String, JSONValue)] {
        if case let .object(fields)? = try? JSONValue.parse(json) { return fields }
        return []
    }

    /// Rewrites the derived dependency rows of one bead from its bd keys.
    static func saveDependencies(of bead: Bead, in db: Database) throws {
        try db.cachedStatement(sql: "DELETE FROM dependency WHERE issue_id = ?").execute(arguments: [bead.id])
        var edges: [(String, String, String?)] = []
        if case let .array(items)? = bead.extraValue("dependencies") {
            for item in items {
                guard let target = item["depends_on_id"]?.stringValue, !target.isEmpty else { continue }
                // bd writes metadata as a JSON string; an object is taken as it is.
                let metadata: String? =
                    switch item["metadata"] {
                    case let .string(text)?: text
                    case let .object(fields)?: JSONValue.object(fields).encoded()
                    default: nil
                    }
                edges.append((target, DependencyType(stored: item["type"]?.stringValue).rawValue, metadata))
            }
        }
        if let parent = bead.extraValue("parent")?.stringValue, !parent.isEmpty {
            edges.append((parent, DependencyType.parentChild.rawValue, nil))
        }
        for (target, type, metadata) in edges {
            try db.cachedStatement(sql: "INSERT OR IGNORE INTO dependency (issue_id, depends_on_id, type, metadata) VALUES (?, ?, ?, ?)")
                .execute(arguments: [bead.id, target, type, metadata])
        }
    }

    static func save(_ bead: Bead, in db: Database) throws {
        // Cached statements: an import saves thousands of beads, and compiling each
        // statement anew (with GRDB's authorizer) was most of its time.
        try db.cachedStatement(
            sql: """
                INSERT INTO bead (\(beadColumns), line) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?)
                ON CONFLICT(id) DO UPDATE SET title=excluded.title, description=excluded.description,
                  status=excluded.status, priority=excluded.priority, issue_type=excluded.issue_type,
                  assignee=excluded.assignee, labels=excluded.labels, created_at=excluded.created_at,
                  updated_at=excluded.updated_at, closed_at=excluded.closed_at,
                  close_reason=excluded.close_reason, extra=excluded.extra, line=excluded.line
                """
        ).execute(arguments: [
            bead.id, bead.title, bead.description, bead.status.rawValue, bead.priority, bead.issueType,
            bead.assignee, JSONValue.array(bead.labels.map(JSONValue.string)).encoded(), bead.createdAt,
            bead.updatedAt, bead.closedAt, bead.closeReason, JSONValue.object(bead.extra).encoded(), bead.jsonLine(),
        ])
        try saveDependencies(of: bead, in: db)
        try saveErrorSignatures(of: bead, in: db)
    }

    /// Signatures recorded on the bead itself (`create --from-error`) travel in the JSONL
    /// as `error_signatures: [{text, pattern, terms}]`; the index rows are derived.
    static func saveErrorSignatures(of bead: Bead, in db: Database) throws {
        try db.cachedStatement(sql: "DELETE FROM signature WHERE bead_id = ? AND origin = 'bead'").execute(arguments: [bead.id])
        guard case let .array(items)? = bead.extraValue("error_signatures") else { return }
        for item in items {
            guard let text = item["text"]?.stringValue, let pattern = item["pattern"]?.stringValue, !pattern.isEmpty else { continue }
            try insertSignature(
                SignatureRecord(
                    beadID: bead.id, docPath: nil, sectionAnchor: "", line: 0, origin: "bead", text: text,
                    pattern: pattern, terms: item["terms"]?.stringValue ?? ""), docPath: nil, in: db)
        }
    }

    public func bead(_ id: String) throws(StoreError) -> Bead? {
        try read { db in try Self.fetchBead(id, in: db) }
    }

    public func beads(ids: [String]) throws(StoreError) -> [String: Bead] {
        guard !ids.isEmpty else { return [:] }
        return try read { db in
            let marks = Array(repeating: "?", count: ids.count).joined(separator: ",")
            let rows = try Row.fetchAll(
                db, sql: "SELECT \(Self.beadColumns) FROM bead WHERE id IN (\(marks))",
                arguments: StatementArguments(ids))
            return Dictionary(rows.map { (($0["id"] as String), Self.bead(from: $0)) }, uniquingKeysWith: { a, _ in a })
        }
    }

    public func beads(matching filter: BeadFilter) throws(StoreError) -> [Bead] {
        let (condition, arguments) = Self.condition(filter)
        var sql = "SELECT \(Self.beadColumns) FROM bead WHERE \(condition)"
        sql += " ORDER BY " + filter.sort.orderBy(reverse: filter.reverse)
        if filter.limit > 0 { sql += " LIMIT \(filter.limit)" }
        let finalSQL = sql
        return try read { db in
            try Row.fetchAll(db, sql: finalSQL, arguments: StatementArguments(arguments)).map(Self.bead(from:))
        }
    }

    /// The ids `beads(matching:)` would list, without decoding the beads (the board
    /// places thousands of them in columns by id).
    public func beadIDs(matching filter: BeadFilter) throws(StoreError) -> Set<String> {
        let (condition, arguments) = Self.condition(filter)
        return try read { db in
            Set(try String.fetchAll(db, sql: "SELECT id FROM bead WHERE \(condition)", arguments: StatementArguments(arguments)))
        }
    }

    /// The issue types and assignees in use, each once, in order.
    public func typesAndAssignees() throws(StoreError) -> (types: [String], assignees: [String]) {
        try read { db in
            (
                try String.fetchAll(db, sql: "SELECT DISTINCT issue_type FROM bead ORDER BY issue_type"),
                try String.fetchAll(
                    db, sql: "SELECT DISTINCT assignee FROM bead WHERE assignee IS NOT NULL AND assignee != '' ORDER BY assignee")
            )
        }
    }

    /// The filter as an SQL condition and its arguments.
    static func condition(_ filter: BeadFilter) -> (String, [(any DatabaseValueConvertible)?]) {
        var clauses: [String] = []
        var arguments: [(any DatabaseValueConvertible)?] = []
        if let statuses = filter.statuses {
            clauses.append("status IN (\(Array(repeating: "?", count: statuses.count).joined(separator: ",")))")
            arguments += statuses.map(\.rawValue).sorted()
        } else if !filter.includeClosed {
            clauses.append("status NOT IN ('closed', 'tombstone')")
        }
        if let p = filter.priority {
            clauses.append("priority = ?")
            arguments.append(p)
        }
        if let t = filter.issueType {
            clauses.append("issue_type = ?")
            arguments.append(t)
        }
        if let a = filter.assignee {
            clauses.append("assignee = ?")
            arguments.append(a)
        }
        if let l = filter.label {
            clauses.append("EXISTS (SELECT 1 FROM json_each(bead.labels) WHERE json_each.value = ?)")
            arguments.append(l)
        }
        if let text = filter.text {
            clauses.append("(instr(lower(title), lower(?)) > 0 OR instr(lower(description), lower(?)) > 0 OR instr(id, ?) > 0)")
            arguments += [text, text, text]
        }
        return (clauses.isEmpty ? "1" : clauses.joined(separator: " AND "), arguments)
    }

    // MARK: - Writes (each one transaction, each re-exporting the JSONL)

    /// Stores a new bead under its own id, refused if the id is taken.
    public func insert(_ bead: Bead) throws(StoreError) {
        try create(.given(bead.id)) { _ in bead }
    }

    /// Creates a bead whose id is settled inside the write transaction, so two
    /// processes creating at once never pick the same id: `make` is given the id and
    /// returns the bead to store.
    @discardableResult
    public func create(_ id: NewBeadID, _ make: (String) throws -> Bead) throws(StoreError) -> Bead {
        try write { db in
            let chosen = try Self.settle(id, in: db)
            let bead = try make(chosen)
            try Self.save(bead, in: db)
            try recordChanges(from: nil, to: bead, in: db)
            try exportJSONL(db)
            return bead
        }
    }

    static func settle(_ id: NewBeadID, in db: Database) throws -> String {
        let exists = { (id: String) throws -> Bool in
            try Bool.fetchOne(db.cachedStatement(sql: "SELECT 1 FROM bead WHERE id = ?"), arguments: [id]) == true
        }
        switch id {
        case let .given(id):
            if try exists(id) { throw StoreError.beadExists(id) }
            return id
        case let .hashed(seed):
            let count = try Int.fetchOne(db, sql: "SELECT count(*) FROM bead") ?? 0
            for candidate in BeadID.candidates(seed, existing: count) where try !exists(candidate) {
                return candidate
            }
            throw StoreError.invalidField(field: "id", reason: "every candidate id is taken; try again")
        case let .child(parent):
            guard try exists(parent) else { throw StoreError.beadNotFound(parent) }
            guard parent.split(separator: ".").count <= 3 else {
                throw StoreError.invalidField(field: "parent", reason: "\(parent) is already three levels deep")
            }
            // Children sort between "PARENT." and "PARENT/" ('/' follows '.').
            let children = try String.fetchAll(
                db, sql: "SELECT id FROM bead WHERE id > ? AND id < ?",
                arguments: [parent + ".", parent + "/"])
            let numbers = children.compactMap { Int($0.dropFirst(parent.count + 1)) }
            return "\(parent).\((numbers.max() ?? 0) + 1)"
        }
    }

    /// Applies a change to one bead and stores it. Returns the bead as stored.
    @discardableResult
    public func update(_ id: String, _ change: (inout Bead) throws -> Void) throws(StoreError) -> Bead {
        try update([id], change)[0]
    }

    /// Applies one change to several beads in a single transaction: if any id is
    /// unknown, none of them changes.
    @discardableResult
    public func update(_ ids: [String], _ change: (inout Bead) throws -> Void) throws(StoreError) -> [Bead] {
        try write { db in
            var done: [Bead] = []
            for id in ids {
                guard
                    let row = try Row.fetchOne(
                        db.cachedStatement(sql: "SELECT \(Self.beadColumns) FROM bead WHERE id = ?"), arguments: [id])
                else { throw StoreError.beadNotFound(id) }
                let before = Self.bead(from: row)
                var bead = before
                try change(&bead)
                // The one place `updated_at` moves: a write that changed the bead.
                if !bead.sameContent(as: before), bead.updatedAt == before.updatedAt { bead.updatedAt = StoreClock.timestamp() }
                try Self.save(bead, in: db)
                try recordChanges(from: before, to: bead, in: db)
                done.append(bead)
            }
            try exportJSONL(db)
            return done
        }
    }

    /// Inserts or replaces the given beads (bd's import). Returns (created, updated, unchanged).
    @discardableResult
    public func upsert(_ beads: [Bead]) throws(StoreError) -> (created: Int, updated: Int, unchanged: Int) {
        try write { db in
            var counts = (created: 0, updated: 0, unchanged: 0)
            var changes: [(before: Bead?, after: Bead)] = []
            for bead in beads {
                var before: Bead?
                if let row = try Row.fetchOne(
                    db.cachedStatement(sql: "SELECT \(Self.beadColumns) FROM bead WHERE id = ?"), arguments: [bead.id])
                {
                    before = Self.bead(from: row)
                    if before == bead {
                        counts.unchanged += 1
                        continue
                    }
                    counts.updated += 1
                } else {
                    counts.created += 1
                }
                changes.append((before, bead))
            }
            try SearchIndex.beads.writingMany(changes.count, into: try Int.fetchOne(db, sql: "SELECT count(*) FROM bead") ?? 0, in: db) {
                for (before, bead) in changes {
                    try Self.save(bead, in: db)
                    try recordChanges(from: before, to: bead, in: db)
                }
            }
            try exportJSONL(db)
            return counts
        }
    }
}
