import GRDB

// Beads are searched through bead_fts, an FTS5 table kept by triggers on bead. Row by
// row that is cheap for one write, but each bead statement inside a long transaction
// opens a statement savepoint, and FTS5 flushes its pending terms to disk at every
// savepoint: an import of 10k beads wrote 10k tiny segments and merged them (the sqlite3
// CLI: 10k inserts with the trigger 1.18 s, without it 0.23 s, and the search index
// filled in one statement afterwards 0.12 s). So a write of many beads drops the index
// and its triggers and builds them again once, at the end of the same transaction.

extension BeadStore {
    /// The search index and the triggers that keep it, filled from the bead table.
    /// Migration v4 ran exactly this: a change here needs a migration of its own.
    static let beadSearchIndexSQL = """
        CREATE VIRTUAL TABLE bead_fts USING fts5(id UNINDEXED, title, description, tokenize = "unicode61 tokenchars '_'");
        INSERT INTO bead_fts(rowid, id, title, description) SELECT rowid, id, title, description FROM bead;
        CREATE TRIGGER bead_fts_insert AFTER INSERT ON bead BEGIN
            INSERT INTO bead_fts(rowid, id, title, description) VALUES (new.rowid, new.id, new.title, new.description);
        END;
        CREATE TRIGGER bead_fts_update AFTER UPDATE OF title, description ON bead BEGIN
            UPDATE bead_fts SET title = new.title, description = new.description WHERE rowid = old.rowid;
        END;
        CREATE TRIGGER bead_fts_delete AFTER DELETE ON bead BEGIN
            DELETE FROM bead_fts WHERE rowid = old.rowid;
        END;
        """

    /// Fewer beads than this are indexed row by row.
    static let bulkIndexThreshold = 200

    /// Runs `body`, which writes `count` beads into a table of `existing`, with the search
    /// index rebuilt once afterwards when that is cheaper than row by row: many beads,
    /// and not a small part of a large table (rebuilding costs the whole table). Inside
    /// the caller's transaction: if `body` throws, the index is back as it was.
    static func writingMany<T>(_ count: Int, into existing: Int, in db: Database, _ body: () throws -> T) throws -> T {
        guard count >= bulkIndexThreshold, count * 4 >= existing else { return try body() }
        try db.execute(sql: """
            DROP TRIGGER bead_fts_insert;
            DROP TRIGGER bead_fts_update;
            DROP TRIGGER bead_fts_delete;
            DROP TABLE bead_fts;
            """)
        let result = try body()
        try db.execute(sql: beadSearchIndexSQL)
        return result
    }
}
