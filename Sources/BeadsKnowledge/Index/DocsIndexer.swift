import BeadsStore
import Foundation

/// What one indexing pass did.
public struct DocsRefreshReport: Sendable, Equatable {
    public var indexed: [String] = []
    public var unchanged = 0
    public var removed: [String] = []
    public var warnings: [String] = []
}

/// Keeps the docs index in step with `docs/`: only files whose size or mtime moved are
/// read, and only those whose SHA-256 changed are parsed again.
public struct DocsIndexer {
    public let location: KnowledgeBaseLocation
    public let store: BeadStore
    public let configPrefix: String
    static let prefixesKey = "docs.prefixes"
    static let stampKey = "docs.stamp"

    public init(location: KnowledgeBaseLocation, store: BeadStore, configPrefix: String) {
        self.location = location
        self.store = store
        self.configPrefix = configPrefix
    }

    /// The most bytes one doc may have: a bigger file is skipped with a warning, so that
    /// one runaway file cannot hold up every command (each re-indexes what changed).
    public static let maxDocBytes = 1 << 20

    /// Markdown files under docs/, as paths relative to the root (`docs/x.md`).
    public func markdownFiles() -> [String] { scanDocs().files }

    public func scanDocs() -> (files: [String], skipped: [String]) {
        let scan = scanDocsWithFingerprints()
        return (scan.files.map(\.path), scan.skipped)
    }

    /// Markdown files under docs/, and what was passed over and why. Hidden files and
    /// folders are skipped. Links are followed, each folder once (by device and inode,
    /// so `ln -s . docs/self` cannot loop), and only within the knowledge base; a doc
    /// that is not a regular file (a FIFO, a device) is skipped, never read. A plain
    /// readdir walk: Foundation's enumerator took tens of milliseconds over two thousand
    /// docs, on every command. Each entry is stat'ed relative to its open folder (not by
    /// its whole path), once, and its size and time are kept for the caller.
    func scanDocsWithFingerprints() -> (files: [(path: String, fingerprint: FileFingerprint)], skipped: [String]) {
        Self.scan(location)
    }

    /// The scan itself, which needs no store (`beads serve` watches docs/ with it).
    public static func scan(_ location: KnowledgeBaseLocation) -> (files: [(path: String, fingerprint: FileFingerprint)], skipped: [String])
    {
        var files: [(path: String, fingerprint: FileFingerprint)] = []
        var skipped: [String] = []
        var visited = Set<[UInt64]>()
        let root = Self.realPath(location.root) ?? location.root
        func inside(_ path: String) -> Bool {
            guard let real = Self.realPath(path) else { return false }
            return real == root || real.hasPrefix(root + "/")
        }
        func walk(_ relative: String) {
            let full = location.root + "/" + relative
            var info = stat()
            guard stat(full, &info) == 0, visited.insert([UInt64(info.st_dev), UInt64(info.st_ino)]).inserted,
                let dir = opendir(full)
            else { return }
            defer { closedir(dir) }
            while let entry = readdir(dir) {
                let name = withUnsafeBytes(of: entry.pointee.d_name) { raw in
                    String(decoding: raw.prefix { $0 != 0 }, as: UTF8.self)
                }
                if name.hasPrefix(".") { continue }
                let path = relative + "/" + name
                let isLink = entry.pointee.d_type == UInt8(DT_LNK)
                var target = stat()
                guard fstatat(dirfd(dir), name, &target, 0) == 0 else { continue }
                let kind = target.st_mode & S_IFMT
                let markdown = name.lowercased().hasSuffix(".md") || name.lowercased().hasSuffix(".markdown")
                if isLink, !inside(location.root + "/" + path) {
                    if markdown || kind == S_IFDIR { skipped.append("\(path): links outside the knowledge base; skipped") }
                    continue
                }
                if kind == S_IFDIR {
                    walk(path)
                } else if markdown {
                    if kind != S_IFREG {
                        skipped.append("\(path): not a regular file (a FIFO, socket or device); skipped, not read")
                    } else if Int(target.st_size) > Self.maxDocBytes {
                        skipped.append("\(path): \(target.st_size) bytes, over the \(Self.maxDocBytes / 1024) KiB a doc may have; skipped")
                    } else {
                        files.append((path, FileFingerprint(target)))
                    }
                }
            }
        }
        walk("docs")
        return (files.sorted { $0.path < $1.path }, skipped.sorted())
    }

    static func realPath(_ path: String) -> String? {
        guard let resolved = realpath(path, nil) else { return nil }
        defer { free(resolved) }
        return String(cString: resolved)
    }

    /// The doc reader for this tracker: its prefixes, and the ids it holds that the id
    /// grammar does not take.
    public func analyzer() throws(StoreError) -> DocumentAnalyzer {
        DocumentAnalyzer(prefixes: try store.beadPrefixes().union([configPrefix]), heldIDs: Set(try store.looseBeadIDs()))
    }

    /// - Parameter force: re-parse every doc, even unchanged ones.
    public func refresh(force: Bool = false) throws(StoreError) -> DocsRefreshReport {
        let (scanned, skipped) = scanDocsWithFingerprints()
        let files = scanned.map(\.path)
        // Mentions depend on which prefixes are bead ids: when those change (a new
        // prefix imported), every doc is read again.
        let prefixes = try store.beadPrefixes().union([configPrefix])
        // Ids of a shape the grammar does not take count where the tracker holds them:
        // when those change, every doc is read again too.
        let held = try store.looseBeadIDs()
        // The analyzer's version is part of the key: when it reads docs differently, every
        // doc is read again, not only the ones that changed.
        let prefixKey =
            "\(DocumentAnalyzer.version);" + prefixes.sorted().joined(separator: ",")
            + (held.isEmpty ? "" : ";" + ContentHash.sha256(held.joined(separator: ",")))
        let prefixesChanged = try store.metaValue(Self.prefixesKey) != prefixKey
        // Nothing moved since the last pass: the same files with the same sizes and
        // times (one digest of them all), read by the same analyzer with the same
        // prefixes. Then the index is not even read: at 2,000 docs this check is the
        // scan alone.
        let stamp = ContentHash.sha256(scanned.map { "\($0.path)\t\($0.fingerprint)\n" }.joined())
        if !force, !prefixesChanged, try store.metaValue(Self.stampKey) == stamp {
            var report = DocsRefreshReport()
            report.warnings = skipped
            report.unchanged = scanned.count
            return report
        }
        let states = try store.docStates()
        let analyzer = DocumentAnalyzer(prefixes: prefixes, heldIDs: Set(held))
        var report = DocsRefreshReport()
        report.warnings += skipped
        var replace: [IndexedDoc] = []
        var touch: [(path: String, fingerprint: FileFingerprint)] = []
        var pending: [(path: String, data: Data, fingerprint: FileFingerprint, hash: String)] = []
        var unreadable = false
        for (path, fingerprint) in scanned {
            let full = location.root + "/" + path
            let state = states[path]
            if !force, !prefixesChanged, let state, state.fingerprint == fingerprint {
                report.unchanged += 1
                continue
            }
            guard let data = FileManager.default.contents(atPath: full) else {
                unreadable = true
                report.warnings.append("\(path): cannot be read; skipped")
                continue
            }
            let hash = ContentHash.sha256(data)
            if !force, !prefixesChanged, let state, state.hash == hash {
                touch.append((path, fingerprint))
                report.unchanged += 1
                continue
            }
            pending.append((path, data, fingerprint, hash))
        }
        // Reading docs is independent work: spread it over the cores (cmark itself is
        // serialised by the parser's lock; the analysis around it is not).
        let analyzed = DocsIndexer.analyzeConcurrently(pending, with: analyzer)
        for doc in analyzed {
            report.warnings += doc.warnings
            report.indexed.append(doc.path)
            replace.append(doc)
        }
        let present = Set(files)
        report.removed = states.keys.filter { !present.contains($0) }.sorted()
        try store.applyDocIndex(replace: replace, touch: touch, remove: report.removed)
        if prefixesChanged { try store.setMetaValue(Self.prefixesKey, prefixKey) }
        // Only a pass that read every changed doc vouches for the stamp.
        if !unreadable { try store.setMetaValue(Self.stampKey, stamp) }
        return report
    }

    static func analyzeConcurrently(
        _ docs: [(path: String, data: Data, fingerprint: FileFingerprint, hash: String)],
        with analyzer: DocumentAnalyzer
    ) -> [IndexedDoc] {
        guard docs.count > 1 else {
            return docs.map {
                analyzer.analyze(path: $0.path, text: String(decoding: $0.data, as: UTF8.self), fingerprint: $0.fingerprint, hash: $0.hash)
            }
        }
        let results = Locked([IndexedDoc?](repeating: nil, count: docs.count))
        DispatchQueue.concurrentPerform(iterations: docs.count) { k in
            let doc = docs[k]
            // Lossy decoding: a stray invalid byte must not keep a whole doc out.
            let indexed = analyzer.analyze(
                path: doc.path, text: String(decoding: doc.data, as: UTF8.self),
                fingerprint: doc.fingerprint, hash: doc.hash)
            results.withLock { $0[k] = indexed }
        }
        return results.current.compactMap { $0 }
    }
}
