import GRDB

/// One recorded run of a recipe.
public struct RecipeRunRecord: Sendable, Equatable {
    public var id: Int64?
    public var recipe: String
    public var docPath: String
    public var beadID: String?
    public var actor: String
    public var startedAt: String
    public var endedAt: String
    public var exitCode: Int
    public var durationMilliseconds: Int
    public var outcome: String
    public var bodyHash: String
    public var output: String

    public init(
        id: Int64? = nil, recipe: String, docPath: String, beadID: String?, actor: String, startedAt: String,
        endedAt: String, exitCode: Int, durationMilliseconds: Int, outcome: String, bodyHash: String, output: String
    ) {
        self.id = id
        self.recipe = recipe
        self.docPath = docPath
        self.beadID = beadID
        self.actor = actor
        self.startedAt = startedAt
        self.endedAt = endedAt
        self.exitCode = exitCode
        self.durationMilliseconds = durationMilliseconds
        self.outcome = outcome
        self.bodyHash = bodyHash
        self.output = output
    }
}

extension BeadStore {
    @discardableResult
    public func recordRun(_ run: RecipeRunRecord) throws(StoreError) -> Int64 {
        try write { db in
            try db.execute(
                sql: """
                    INSERT INTO recipe_run (recipe, doc_path, bead_id, actor, started_at, ended_at, exit_code, duration_ms, outcome, body_hash, output)
                    VALUES (?,?,?,?,?,?,?,?,?,?,?)
                    """,
                arguments: [
                    run.recipe, run.docPath, run.beadID, run.actor, run.startedAt, run.endedAt, run.exitCode,
                    run.durationMilliseconds, run.outcome, run.bodyHash, run.output,
                ])
            return db.lastInsertedRowID
        }
    }

    static func run(from row: Row) -> RecipeRunRecord {
        RecipeRunRecord(
            id: row["id"], recipe: row["recipe"], docPath: row["doc_path"], beadID: row["bead_id"], actor: row["actor"],
            startedAt: row["started_at"], endedAt: row["ended_at"], exitCode: row["exit_code"],
            durationMilliseconds: row["duration_ms"], outcome: row["outcome"], bodyHash: row["body_hash"], output: row["output"])
    }

    /// Runs, newest first; of one bead when `beadID` is given.
    public func runs(beadID: String? = nil, limit: Int = 20) throws(StoreError) -> [RecipeRunRecord] {
        try read { db in
            if let beadID {
                return try Row.fetchAll(
                    db, sql: "SELECT * FROM recipe_run WHERE bead_id = ? ORDER BY id DESC LIMIT ?", arguments: [beadID, limit]
                ).map(Self.run(from:))
            }
            return try Row.fetchAll(db, sql: "SELECT * FROM recipe_run ORDER BY id DESC LIMIT ?", arguments: [limit]).map(Self.run(from:))
        }
    }

    public func run(id: Int64) throws(StoreError) -> RecipeRunRecord? {
        try read { db in try Row.fetchOne(db, sql: "SELECT * FROM recipe_run WHERE id = ?", arguments: [id]).map(Self.run(from:)) }
    }

    /// The body hash a recipe was last approved with, if any.
    public func approvedHash(recipe: String, docPath: String) throws(StoreError) -> String? {
        try read { db in
            try String.fetchOne(
                db, sql: "SELECT body_hash FROM recipe_approval WHERE recipe = ? AND doc_path = ?", arguments: [recipe, docPath])
        }
    }

    public func approve(recipe: String, docPath: String, bodyHash: String, actor: String, at time: String) throws(StoreError) {
        try write { db in
            try db.execute(
                sql: """
                    INSERT INTO recipe_approval (recipe, doc_path, body_hash, actor, approved_at) VALUES (?,?,?,?,?)
                    ON CONFLICT(recipe, doc_path) DO UPDATE SET body_hash = excluded.body_hash, actor = excluded.actor, approved_at = excluded.approved_at
                    """,
                arguments: [recipe, docPath, bodyHash, actor, time])
        }
    }
}
