import Foundation
import GRDB

extension BeadStore {
    /// Fingerprint and content hash of every indexed doc, to decide what to re-index.
    public func docStates() throws(StoreError) -> [String: (fingerprint: FileFingerprint, hash: String)] {
        try read { db in
            var states: [String: (FileFingerprint, String)] = [:]
            for row in try Row.fetchAll(db, sql: "SELECT path, size, mtime_ns, hash FROM doc") {
                states[row["path"]] = (FileFingerprint(size: row["size"], mtimeNanoseconds: row["mtime_ns"]), row["hash"])
            }
            return states
        }
    }

    /// Applies one indexing pass in a single transaction: replaced docs, docs whose
    /// bytes are unchanged but whose fingerprint moved (a checkout), removed docs.
    public func applyDocIndex(
        replace: [IndexedDoc], touch: [(path: String, fingerprint: FileFingerprint)], remove: [String]
    ) throws(StoreError) {
        guard !replace.isEmpty || !touch.isEmpty || !remove.isEmpty else { return }
        try write { db in
            let leaving = remove + replace.map(\.path)
            // Signatures deleted (with their docs) and inserted: many of them, and the
            // signature index is rebuilt once instead of row by row.
            var changed = replace.reduce(0) { $0 + $1.signatures.count }
            for path in leaving {
                changed +=
                    try Int.fetchOne(db.cachedStatement(sql: "SELECT count(*) FROM signature WHERE doc_path = ?"), arguments: [path]) ?? 0
            }
            try SearchIndex.signatures.writingMany(changed, into: try Int.fetchOne(db, sql: "SELECT count(*) FROM signature") ?? 0, in: db)
            {
                for path in leaving {
                    try db.cachedStatement(sql: "DELETE FROM doc WHERE path = ?").execute(arguments: [path])
                }
                for item in touch {
                    try db.execute(
                        sql: "UPDATE doc SET size = ?, mtime_ns = ? WHERE path = ?",
                        arguments: [item.fingerprint.size, item.fingerprint.mtimeNanoseconds, item.path])
                }
                for doc in replace { try Self.insert(doc, in: db) }
            }
        }
    }

    static func jsonArray(_ strings: [String]) -> String {
        JSONValue.array(strings.map(JSONValue.string)).encoded()
    }

    static func stringArray(_ json: String) -> [String] {
        if case let .array(items)? = try? JSONValue.parse(json) { return items.compactMap(\.stringValue) }
        return []
    }

    static func insert(_ doc: IndexedDoc, in db: Database) throws {
        try db.cachedStatement(
            sql: "INSERT INTO doc (path, title, size, mtime_ns, hash, primary_beads, warnings) VALUES (?,?,?,?,?,?,?)"
        ).execute(
            arguments: [
                doc.path, doc.title, doc.fingerprint.size, doc.fingerprint.mtimeNanoseconds, doc.hash,
                jsonArray(doc.primaryBeads), jsonArray(doc.warnings),
            ])
        for s in doc.sections {
            try db.cachedStatement(
                sql: """
                    INSERT INTO doc_section (doc_path, ordinal, anchor, title, level, line_start, line_end, parent_ordinal, summary)
                    VALUES (?,?,?,?,?,?,?,?,?)
                    """
            ).execute(
                arguments: [doc.path, s.ordinal, s.anchor, s.title, s.level, s.lineStart, s.lineEnd, s.parentOrdinal, s.summary])
        }
        for m in doc.mentions {
            try db.cachedStatement(sql: "INSERT INTO doc_bead (doc_path, bead_id, line, section_anchor, context) VALUES (?,?,?,?,?)")
                .execute(arguments: [doc.path, m.beadID, m.line, m.sectionAnchor, m.context])
        }
        for s in doc.signatures {
            try insertSignature(s, docPath: doc.path, in: db)
        }
        for r in doc.recipes {
            let attributes = JSONValue.object(r.attributes.sorted { $0.key < $1.key }.map { ($0.key, .string($0.value)) }).encoded()
            try db.cachedStatement(
                sql: """
                    INSERT INTO recipe (doc_path, name, section_anchor, line, language, info, attributes, body, body_hash)
                    VALUES (?,?,?,?,?,?,?,?,?)
                    """
            ).execute(
                arguments: [doc.path, r.name, r.sectionAnchor, r.line, r.language, r.info, attributes, r.body, r.bodyHash])
            let recipeID = db.lastInsertedRowID
            for bead in Set(r.beadIDs) {
                try db.cachedStatement(sql: "INSERT INTO recipe_bead (recipe_id, bead_id) VALUES (?, ?)").execute(arguments: [
                    recipeID, bead,
                ])
            }
        }
    }

    static func insertSignature(_ s: SignatureRecord, docPath: String?, in db: Database) throws {
        try db.cachedStatement(
            sql: """
                INSERT INTO signature (bead_id, doc_path, section_anchor, line, origin, text, pattern, terms, traits)
                VALUES (?,?,?,?,?,?,?,?,?)
                """
        ).execute(
            arguments: [s.beadID, docPath, s.sectionAnchor, s.line, s.origin, s.text, s.pattern, s.terms, s.traits])
    }

    // MARK: - Reading the index

    public func docSummaries() throws(StoreError) -> [DocSummary] {
        try read { db in
            var byBead: [String: [(String, Int)]] = [:]
            for row in try Row.fetchAll(
                db,
                sql: """
                    SELECT doc_path, bead_id, count(*) AS n FROM signature WHERE doc_path IS NOT NULL
                    GROUP BY doc_path, bead_id ORDER BY doc_path, min(line)
                    """)
            {
                byBead[row["doc_path"], default: []].append((row["bead_id"], row["n"]))
            }
            return try Row.fetchAll(
                db,
                sql: """
                    SELECT d.path, d.title, d.primary_beads, d.warnings,
                           (SELECT count(*) FROM signature s WHERE s.doc_path = d.path) AS signatures,
                           (SELECT count(*) FROM recipe r WHERE r.doc_path = d.path) AS recipes
                    FROM doc d ORDER BY d.path
                    """
            ).map {
                DocSummary(
                    path: $0["path"], title: $0["title"], primaryBeads: Self.stringArray($0["primary_beads"]),
                    warnings: Self.stringArray($0["warnings"]), signatureCount: $0["signatures"],
                    recipeCount: $0["recipes"], signaturesByBead: byBead[$0["path"]] ?? [])
            }
        }
    }

    public func sections(inDoc path: String) throws(StoreError) -> [SectionRecord] {
        try read { db in
            try Row.fetchAll(db, sql: "SELECT * FROM doc_section WHERE doc_path = ? ORDER BY ordinal", arguments: [path]).map {
                SectionRecord(
                    ordinal: $0["ordinal"], anchor: $0["anchor"], title: $0["title"], level: $0["level"],
                    lineStart: $0["line_start"], lineEnd: $0["line_end"], parentOrdinal: $0["parent_ordinal"],
                    summary: $0["summary"])
            }
        }
    }

    /// Where docs mention a bead: (doc path, section anchor, line), in path and line order.
    public func mentions(ofBead id: String) throws(StoreError) -> [(path: String, mention: MentionRecord)] {
        try read { db in
            try Row.fetchAll(db, sql: "SELECT * FROM doc_bead WHERE bead_id = ? ORDER BY doc_path, line", arguments: [id]).map {
                (
                    $0["doc_path"],
                    MentionRecord(beadID: $0["bead_id"], line: $0["line"], sectionAnchor: $0["section_anchor"], context: $0["context"])
                )
            }
        }
    }

    static func signature(from row: Row) -> SignatureRecord {
        SignatureRecord(
            id: row["id"], beadID: row["bead_id"], docPath: row["doc_path"], sectionAnchor: row["section_anchor"],
            line: row["line"], origin: row["origin"], text: row["text"], pattern: row["pattern"], terms: row["terms"],
            traits: row["traits"])
    }

    /// Every signature, by doc and line.
    public func allSignatures() throws(StoreError) -> [SignatureRecord] {
        try read { db in
            try Row.fetchAll(db, sql: "SELECT * FROM signature ORDER BY doc_path, line, bead_id").map(Self.signature(from:))
        }
    }

    /// The signatures of several beads, in one query a few hundred ids at a time.
    public func signatures(ofBeads ids: [String]) throws(StoreError) -> [String: [SignatureRecord]] {
        try read { db in
            var out: [String: [SignatureRecord]] = [:]
            for start in stride(from: 0, to: ids.count, by: 500) {
                let chunk = Array(ids[start..<min(start + 500, ids.count)])
                let marks = Array(repeating: "?", count: chunk.count).joined(separator: ",")
                for row in try Row.fetchAll(
                    db, sql: "SELECT * FROM signature WHERE bead_id IN (\(marks))", arguments: StatementArguments(chunk))
                {
                    let s = Self.signature(from: row)
                    out[s.beadID, default: []].append(s)
                }
            }
            return out
        }
    }

    public func signatures(ofBead id: String) throws(StoreError) -> [SignatureRecord] {
        try read { db in
            try Row.fetchAll(db, sql: "SELECT * FROM signature WHERE bead_id = ? ORDER BY doc_path, line", arguments: [id])
                .map(Self.signature(from:))
        }
    }

    public func signatureCount() throws(StoreError) -> Int {
        try read { db in try Int.fetchOne(db, sql: "SELECT count(*) FROM signature") ?? 0 }
    }

    /// Candidate signatures for a paste: FTS5 retrieves those sharing its rarest words.
    /// Words no signature has are dropped first (through the FTS5 vocabulary), then at
    /// most `maxTerms` of the rarest are OR-ed, best BM25 first. Each of the `focus`
    /// lines (those that read like errors) is also queried on its own, so that in a long
    /// log the rare words of its noise do not push the error's signature out.
    public func signatureCandidates(
        terms: [String], focus: [[String]] = [], maxTerms: Int = 64, limit: Int = 200,
        perLine: Int = 25
    ) throws(StoreError) -> [SignatureRecord] {
        guard !terms.isEmpty else { return [] }
        return try read { db in
            var documents: [String: Int] = [:]
            for chunk in stride(from: 0, to: terms.count, by: 500).map({ Array(terms[$0..<min($0 + 500, terms.count)]) }) {
                let marks = Array(repeating: "?", count: chunk.count).joined(separator: ",")
                for row in try Row.fetchAll(
                    db, sql: "SELECT term, doc FROM signature_vocab WHERE term IN (\(marks))",
                    arguments: StatementArguments(chunk))
                {
                    documents[row["term"]] = row["doc"]
                }
            }
            guard !documents.isEmpty else { return [] }
            // A word in more than a twentieth of all signatures narrows nothing down, and
            // ranking every signature it appears in is what makes a query slow.
            let total = try Int.fetchOne(db, sql: "SELECT count(*) FROM signature") ?? 0
            let common = max(50, total / 20)
            func rarest(_ words: [String], _ count: Int) -> [String] {
                let ranked = words.filter { documents[$0] != nil }
                    .sorted { documents[$0]! != documents[$1]! ? documents[$0]! < documents[$1]! : $0 < $1 }
                let distinctive = ranked.filter { documents[$0]! <= common }
                return Array((distinctive.isEmpty ? Array(ranked.prefix(1)) : distinctive).prefix(count))
            }
            var seen = Set<Int64>()
            var found: [SignatureRecord] = []
            func query(_ words: [String], _ limit: Int) throws {
                // User text reaches MATCH only through GRDB's pattern type, which quotes each token.
                // The ranking runs on the index alone; only the rows kept are read from the
                // table (joined before the sort, every match's row was read: 3x the time at 100k).
                guard !words.isEmpty, let pattern = FTS5Pattern(matchingAnyTokenIn: words.joined(separator: " ")) else { return }
                let rows = try Row.fetchAll(
                    db.cachedStatement(
                        sql: """
                            SELECT s.* FROM (SELECT rowid, bm25(signature_fts) AS score FROM signature_fts
                                             WHERE signature_fts MATCH ? ORDER BY score LIMIT ?) f
                            JOIN signature s ON s.id = f.rowid ORDER BY f.score
                            """),
                    arguments: [pattern, limit])
                for row in rows where seen.insert(row["id"]).inserted { found.append(Self.signature(from: row)) }
            }
            try query(rarest(Array(documents.keys), maxTerms), limit)
            for line in focus { try query(rarest(line, 16), perLine) }
            return found
        }
    }

    /// How many signatures hold each word (FTS5's vocabulary), and how many there are:
    /// how rare a word is among known errors.
    public func signatureWordCounts(_ words: [String]) throws(StoreError) -> (counts: [String: Int], total: Int) {
        try read { db in
            var counts: [String: Int] = [:]
            for start in stride(from: 0, to: words.count, by: 500) {
                let chunk = Array(words[start..<min(start + 500, words.count)])
                let marks = Array(repeating: "?", count: chunk.count).joined(separator: ",")
                for row in try Row.fetchAll(
                    db, sql: "SELECT term, doc FROM signature_vocab WHERE term IN (\(marks))",
                    arguments: StatementArguments(chunk))
                {
                    counts[row["term"]] = row["doc"]
                }
            }
            return (counts, try Int.fetchOne(db, sql: "SELECT count(*) FROM signature") ?? 0)
        }
    }

    static func recipe(from row: Row, beads: [String]) -> RecipeRecord {
        var attributes: [String: String] = [:]
        if case let .object(fields)? = try? JSONValue.parse(row["attributes"] as String) {
            for (k, v) in fields { attributes[k] = v.stringValue ?? "" }
        }
        return RecipeRecord(
            id: row["id"], docPath: row["doc_path"], name: row["name"], sectionAnchor: row["section_anchor"],
            line: row["line"], language: row["language"], info: row["info"], attributes: attributes,
            body: row["body"], bodyHash: row["body_hash"], beadIDs: beads)
    }

    private func recipes(where clause: String, _ arguments: StatementArguments) throws(StoreError) -> [RecipeRecord] {
        try read { db in
            try Row.fetchAll(
                db,
                sql: """
                    SELECT r.*, (SELECT json_group_array(bead_id) FROM recipe_bead rb WHERE rb.recipe_id = r.id) AS beads
                    FROM recipe r WHERE \(clause) ORDER BY r.doc_path, r.line
                    """, arguments: arguments
            ).map { Self.recipe(from: $0, beads: Self.stringArray($0["beads"])) }
        }
    }

    public func recipes(forBead id: String) throws(StoreError) -> [RecipeRecord] {
        try recipes(where: "r.id IN (SELECT recipe_id FROM recipe_bead WHERE bead_id = ?)", [id])
    }

    public func recipes(inDoc path: String) throws(StoreError) -> [RecipeRecord] {
        try recipes(where: "r.doc_path = ?", [path])
    }

    public func recipes(named name: String) throws(StoreError) -> [RecipeRecord] {
        try recipes(where: "r.name = ?", [name])
    }

    public func allRecipes() throws(StoreError) -> [RecipeRecord] {
        try recipes(where: "1", [])
    }
}

extension BeadStore {
    /// Beads that at least one signature points at (from a doc or recorded on the bead).
    public func beadIDsWithSignatures() throws(StoreError) -> Set<String> {
        try read { db in Set(try String.fetchAll(db, sql: "SELECT DISTINCT bead_id FROM signature")) }
    }

    /// Beads that at least one indexed doc mentions.
    public func beadIDsMentionedInDocs() throws(StoreError) -> Set<String> {
        try read { db in Set(try String.fetchAll(db, sql: "SELECT DISTINCT bead_id FROM doc_bead")) }
    }
}

extension BeadStore {
    /// Every (doc, bead) pair the index knows, by doc then bead.
    public func docBeadLinks() throws(StoreError) -> [(path: String, beadID: String)] {
        try read { db in
            try Row.fetchAll(db, sql: "SELECT DISTINCT doc_path, bead_id FROM doc_bead ORDER BY doc_path, bead_id")
                .map { (path: $0["doc_path"], beadID: $0["bead_id"]) }
        }
    }
}
