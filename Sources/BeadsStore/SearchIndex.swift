import GRDB

// Beads and error signatures are searched through FTS5 tables kept by triggers. Row by
// row that is cheap for one write, but each statement inside a long transaction opens a
// statement savepoint, and FTS5 flushes its pending terms to disk at every savepoint: an
// import of 10k beads wrote 10k tiny segments and merged them (the sqlite3 CLI: 10k
// bead inserts with the trigger 1.18 s, without it 0.23 s, and the index then filled in
// one statement 0.12 s). So a write of many rows drops the index and its triggers and
// builds them again once, at the end of the same transaction.

/// One search index: the SQL that builds it (filled from its table) with the triggers
/// that keep it, and the SQL that drops what that made.
struct SearchIndex: Sendable {
    let build: String
    /// Read off `build`, so the two cannot drift apart: each trigger and table it
    /// creates, dropped in reverse order (triggers first, a vocabulary before its table).
    let drop: String

    init(build: String) {
        self.build = build
        drop = build.split(separator: "\n").compactMap { line -> String? in
            let words = line.split(separator: " ")
            if words.starts(with: ["CREATE", "TRIGGER"]), words.count > 2 { return "DROP TRIGGER \(words[2]);" }
            if words.starts(with: ["CREATE", "VIRTUAL", "TABLE"]), words.count > 3 { return "DROP TABLE \(words[3]);" }
            return nil
        }.reversed().joined(separator: "\n")
    }

    /// Migration v4 ran exactly this: a change needs a migration of its own.
    static let beads = SearchIndex(
        build: """
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
            """)

    /// Migration v1 ran exactly this: a change needs a migration of its own. The delete
    /// trigger fires for cascaded deletes too, so re-indexing a doc leaves no stale rows.
    static let signatures = SearchIndex(
        build: """
            CREATE VIRTUAL TABLE signature_fts USING fts5(terms, tokenize = "unicode61 tokenchars '_'");
            INSERT INTO signature_fts(rowid, terms) SELECT id, terms FROM signature;
            CREATE VIRTUAL TABLE signature_vocab USING fts5vocab(signature_fts, row);
            CREATE TRIGGER signature_fts_insert AFTER INSERT ON signature BEGIN
                INSERT INTO signature_fts(rowid, terms) VALUES (new.id, new.terms);
            END;
            CREATE TRIGGER signature_fts_delete AFTER DELETE ON signature BEGIN
                DELETE FROM signature_fts WHERE rowid = old.id;
            END;
            """)

    /// Fewer changed rows than this are indexed row by row.
    static let bulkThreshold = 200

    /// Runs `body`, which inserts or deletes `count` rows of a table of `existing`, with
    /// the index rebuilt once afterwards when that is cheaper than row by row: many rows,
    /// and not a small part of a large table (rebuilding costs the whole table). The
    /// table is counted only for a write that many rows. Inside the caller's
    /// transaction: if `body` throws, the index is back as it was.
    func writingMany<T>(_ count: Int, into existing: @autoclosure () throws -> Int, in db: Database, _ body: () throws -> T) throws -> T {
        guard count >= Self.bulkThreshold, try count * 4 >= existing() else { return try body() }
        try db.execute(sql: drop)
        let result = try body()
        try db.execute(sql: build)
        return result
    }
}
