-- The floors of bench/tracking.sh: for each read command, the query it needs, as the
-- sqlite3 CLI runs it on the same database. One query per section, separated by lines
-- of `-- name`; :id is replaced with a bead's id, and a line `:blockedset` with the
-- blockedset section: bd's blocked set (blocks and parent-child, as
-- BeadStore+Readiness.swift has it) as a WITH clause. Not a view: SQLite 3.40 plans
-- `NOT IN (SELECT id FROM view)` an order of magnitude slower than the inline CTE.
-- blockedset
WITH RECURSIVE
  direct(id) AS (
    SELECT d.issue_id FROM dependency d JOIN bead target ON target.id = d.depends_on_id
    WHERE d.type IN ('blocks','conditional-blocks') AND target.status NOT IN ('closed','pinned','tombstone')),
  blocked(id) AS (
    SELECT direct.id FROM direct JOIN bead u ON u.id = direct.id WHERE u.status NOT IN ('closed','pinned','tombstone')
    UNION
    SELECT d.issue_id FROM blocked b JOIN dependency d ON d.depends_on_id = b.id JOIN bead u ON u.id = d.issue_id
    WHERE d.type = 'parent-child' AND u.status NOT IN ('closed','pinned','tombstone'))
-- show
SELECT * FROM bead WHERE id = ':id';
SELECT * FROM dependency WHERE issue_id = ':id' OR depends_on_id = ':id';
-- ready
:blockedset
SELECT * FROM bead WHERE status = 'open' AND issue_type NOT IN ('epic') AND id NOT IN (SELECT id FROM blocked)
ORDER BY priority, created_at DESC, id LIMIT 100;
-- blocked
:blockedset
SELECT bead.*, (SELECT group_concat(depends_on_id) FROM dependency WHERE issue_id = bead.id) FROM bead
WHERE id IN (SELECT id FROM blocked) ORDER BY priority, created_at DESC, id;
-- list
SELECT * FROM bead WHERE status NOT IN ('closed','tombstone') ORDER BY priority, created_at DESC, id LIMIT 50;
-- search
SELECT bead.* FROM bead_fts JOIN bead ON bead.rowid = bead_fts.rowid WHERE bead_fts MATCH 'docker cache' ORDER BY rank LIMIT 50;
-- stats
SELECT status, count(*) FROM bead GROUP BY status;
SELECT priority, count(*) FROM bead WHERE status NOT IN ('closed','tombstone') GROUP BY priority;
SELECT issue_type, count(*) FROM bead GROUP BY issue_type;
:blockedset
SELECT count(*) FROM bead WHERE status = 'open' AND id NOT IN (SELECT id FROM blocked);
-- create
BEGIN;
INSERT INTO bead (id, title, created_at, updated_at, line) VALUES (':id-floor-' || abs(random()), 'bench bead', datetime('now'), datetime('now'), '{}');
COMMIT;
-- update
BEGIN;
UPDATE bead SET title = 'bench title ' || abs(random()), updated_at = datetime('now') WHERE id = ':id';
COMMIT;
