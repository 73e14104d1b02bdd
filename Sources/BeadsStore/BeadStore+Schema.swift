import GRDB

extension BeadStore {
    /// Schema migrations, recorded in the database (grdb_migrations).
    static let migrator: DatabaseMigrator = {
        var migrator = DatabaseMigrator()
        migrator.registerMigration("v1-beads-and-docs") { db in
            try db.execute(
                sql: """
                    CREATE TABLE meta (key TEXT PRIMARY KEY NOT NULL, value TEXT NOT NULL) STRICT;

                    CREATE TABLE bead (
                        id TEXT PRIMARY KEY NOT NULL,
                        title TEXT NOT NULL,
                        description TEXT NOT NULL DEFAULT '',
                        status TEXT NOT NULL DEFAULT 'open',
                        priority INTEGER NOT NULL DEFAULT 2,
                        issue_type TEXT NOT NULL DEFAULT 'task',
                        assignee TEXT,
                        labels TEXT NOT NULL DEFAULT '[]',      -- JSON array, order kept
                        created_at TEXT NOT NULL,
                        updated_at TEXT NOT NULL,
                        closed_at TEXT,
                        close_reason TEXT,
                        extra TEXT NOT NULL DEFAULT '{}'        -- unmodelled bd keys, verbatim, in order
                    ) STRICT;
                    CREATE INDEX bead_by_status ON bead(status, priority, created_at);

                    CREATE TABLE doc (
                        path TEXT PRIMARY KEY NOT NULL,          -- relative to the knowledge base root
                        title TEXT NOT NULL,
                        size INTEGER NOT NULL,
                        mtime_ns INTEGER NOT NULL,
                        hash TEXT NOT NULL,                      -- SHA-256 of the bytes
                        primary_beads TEXT NOT NULL DEFAULT '[]',
                        warnings TEXT NOT NULL DEFAULT '[]'
                    ) STRICT;

                    CREATE TABLE doc_section (
                        doc_path TEXT NOT NULL REFERENCES doc(path) ON DELETE CASCADE,
                        ordinal INTEGER NOT NULL,
                        anchor TEXT NOT NULL,
                        title TEXT NOT NULL,
                        level INTEGER NOT NULL,
                        line_start INTEGER NOT NULL,
                        line_end INTEGER NOT NULL,
                        parent_ordinal INTEGER,
                        summary TEXT NOT NULL DEFAULT '',        -- first paragraph, for root causes
                        PRIMARY KEY (doc_path, ordinal)
                    ) STRICT;

                    CREATE TABLE doc_bead (
                        doc_path TEXT NOT NULL REFERENCES doc(path) ON DELETE CASCADE,
                        bead_id TEXT NOT NULL,
                        line INTEGER NOT NULL,
                        section_anchor TEXT NOT NULL,
                        context TEXT NOT NULL
                    ) STRICT;
                    CREATE INDEX doc_bead_by_bead ON doc_bead(bead_id);

                    CREATE TABLE signature (
                        id INTEGER PRIMARY KEY,
                        bead_id TEXT NOT NULL,
                        doc_path TEXT REFERENCES doc(path) ON DELETE CASCADE,   -- NULL: recorded from a paste
                        section_anchor TEXT NOT NULL DEFAULT '',
                        line INTEGER NOT NULL DEFAULT 0,
                        origin TEXT NOT NULL,                    -- doc | front-matter | paste
                        text TEXT NOT NULL,                      -- as written
                        pattern TEXT NOT NULL,                   -- normalised tokens, <*> for wildcards
                        terms TEXT NOT NULL                      -- the literal tokens, what FTS5 retrieves by
                    ) STRICT;
                    CREATE INDEX signature_by_bead ON signature(bead_id);
                    CREATE INDEX signature_by_doc ON signature(doc_path);

                    CREATE TABLE recipe (
                        id INTEGER PRIMARY KEY,
                        doc_path TEXT NOT NULL REFERENCES doc(path) ON DELETE CASCADE,
                        name TEXT NOT NULL,
                        section_anchor TEXT NOT NULL,
                        line INTEGER NOT NULL,
                        language TEXT NOT NULL,
                        info TEXT NOT NULL,
                        attributes TEXT NOT NULL,                -- JSON object, order kept
                        body TEXT NOT NULL,
                        body_hash TEXT NOT NULL
                    ) STRICT;
                    CREATE INDEX recipe_by_name ON recipe(name);
                    CREATE TABLE recipe_bead (
                        recipe_id INTEGER NOT NULL REFERENCES recipe(id) ON DELETE CASCADE,
                        bead_id TEXT NOT NULL,
                        PRIMARY KEY (recipe_id, bead_id)
                    ) STRICT;
                    CREATE INDEX recipe_bead_by_bead ON recipe_bead(bead_id);
                    """)
            try db.execute(sql: SearchIndex.signatures.build)
        }
        migrator.registerMigration("v2-recipe-runs") { db in
            try db.execute(
                sql: """
                    CREATE TABLE recipe_run (
                        id INTEGER PRIMARY KEY,
                        recipe TEXT NOT NULL,
                        doc_path TEXT NOT NULL,
                        bead_id TEXT,
                        actor TEXT NOT NULL,
                        started_at TEXT NOT NULL,
                        ended_at TEXT NOT NULL,
                        exit_code INTEGER NOT NULL,
                        duration_ms INTEGER NOT NULL,
                        outcome TEXT NOT NULL,                   -- succeeded | failed | timed out | interrupted
                        body_hash TEXT NOT NULL,
                        output TEXT NOT NULL                     -- secrets masked, the last 64 KiB
                    ) STRICT;
                    CREATE INDEX recipe_run_by_bead ON recipe_run(bead_id);

                    -- A recipe runs without asking only while its text is the one approved.
                    CREATE TABLE recipe_approval (
                        recipe TEXT NOT NULL,
                        doc_path TEXT NOT NULL,
                        body_hash TEXT NOT NULL,
                        actor TEXT NOT NULL,
                        approved_at TEXT NOT NULL,
                        PRIMARY KEY (recipe, doc_path)
                    ) STRICT;
                    """)
        }
        migrator.registerMigration("v3-dependencies") { db in
            // Derived from each bead's bd `dependencies` (and `parent`), which stay in
            // `extra` verbatim: this table is for answering ready/blocked fast.
            try db.execute(
                sql: """
                    CREATE TABLE dependency (
                        issue_id TEXT NOT NULL REFERENCES bead(id) ON DELETE CASCADE,
                        depends_on_id TEXT NOT NULL,
                        type TEXT NOT NULL,
                        PRIMARY KEY (issue_id, depends_on_id, type)
                    ) STRICT;
                    CREATE INDEX dependency_by_target ON dependency(depends_on_id, type);
                    """)
            // Filled from the beads by v6, which adds the last column the rows need.
        }
        migrator.registerMigration("v4-history-and-search") { db in
            try db.execute(
                sql: """
                    CREATE TABLE event (
                        id INTEGER PRIMARY KEY,
                        bead_id TEXT NOT NULL,
                        at TEXT NOT NULL,
                        actor TEXT NOT NULL,
                        field TEXT NOT NULL,                     -- a bd key, or "created" / "deleted"
                        old_value TEXT,                          -- JSON
                        new_value TEXT                           -- JSON
                    ) STRICT;
                    CREATE INDEX event_by_bead ON event(bead_id, id);
                    """)
            try db.execute(sql: SearchIndex.beads.build)
        }
        migrator.registerMigration("v5-stored-lines") { db in
            // The bead's JSONL line, kept so exports (one on every write) just concatenate.
            try db.execute(sql: "ALTER TABLE bead ADD COLUMN line TEXT NOT NULL DEFAULT ''")
            for row in try Row.fetchAll(db, sql: "SELECT \(BeadStore.beadColumns) FROM bead") {
                let bead = BeadStore.bead(from: row)
                try db.execute(sql: "UPDATE bead SET line = ? WHERE id = ?", arguments: [bead.jsonLine(), bead.id])
            }
        }
        migrator.registerMigration("v6-dependency-gates") { db in
            // A waits-for dependency's gate (`{"gate":"any-children"}`) lives in its bd
            // `metadata`; readiness needs it in the query.
            try db.execute(sql: "ALTER TABLE dependency ADD COLUMN metadata TEXT")
            for row in try Row.fetchAll(db, sql: "SELECT id, extra FROM bead") {
                let bead = Bead(id: row["id"], title: "", createdAt: "", updatedAt: "", extra: BeadStore.extraFields(row["extra"]))
                try BeadStore.saveDependencies(of: bead, in: db)
            }
        }
        migrator.registerMigration("v7-hits") { db in
            // Rebuilt from beads/hits.jsonl (BeadStore+Hits): the file is what git shares.
            try db.execute(
                sql: """
                    CREATE TABLE hit (
                        id TEXT PRIMARY KEY NOT NULL,
                        at TEXT NOT NULL,
                        bead_id TEXT,                            -- null: no known error matched
                        score REAL,
                        signature TEXT,
                        source TEXT NOT NULL,                    -- fix | run | safe-build | mcp | serve | compacted
                        environment TEXT,
                        host TEXT,
                        ci_job TEXT,
                        fingerprint TEXT,
                        count INTEGER NOT NULL DEFAULT 1
                    ) STRICT;
                    CREATE INDEX hit_by_bead ON hit(bead_id, at);
                    CREATE INDEX hit_by_time ON hit(at);
                    """)
        }
        migrator.registerMigration("v8-signature-traits") { db in
            // What the doc reader knew of a signature: its role, its place in the doc and
            // how firmly the doc ties it to its bead (`SignatureTraits`), as `key=value;…`.
            try db.execute(sql: "ALTER TABLE signature ADD COLUMN traits TEXT NOT NULL DEFAULT ''")
            // Ids of a shape the grammar does not take (`sf-k7`) are recognised in docs only
            // when the tracker holds them: this index finds them without a table scan.
            try db.execute(sql: "CREATE INDEX bead_loose_id ON bead(id) WHERE \(BeadStore.looseIDCondition)")
        }
        migrator.registerMigration("v9-hits-bounded") { db in
            // Hit lines are read with bounds now (a count up to HitRecord.maxCount, a score
            // from 0 to 1): forget the file's fingerprint so its rows are read again.
            try db.execute(sql: "DELETE FROM meta WHERE key IN ('hits.fingerprint', 'hits.bad_line')")
        }
        return migrator
    }()

    /// Ids whose last part is one or two characters: the only ones the id grammar may
    /// refuse while the tracker holds them.
    static let looseIDCondition = "id GLOB '*-[a-z0-9]' OR id GLOB '*-[a-z0-9][a-z0-9]'"

    /// Ids the store holds that the id grammar does not take, in order.
    public func looseBeadIDs() throws(StoreError) -> [String] {
        try read { db in
            try String.fetchAll(db, sql: "SELECT id FROM bead INDEXED BY bead_loose_id WHERE \(Self.looseIDCondition) ORDER BY id")
                .filter(BeadID.needsTracker)
        }
    }
}
