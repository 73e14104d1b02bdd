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

    public init(location: KnowledgeBaseLocation, store: BeadStore, configPrefix: String) {
        self.location = location
        self.store = store
        self.configPrefix = configPrefix
    }

    /// Markdown files under docs/, as paths relative to the root (`docs/x.md`). Hidden
    /// files and folders are skipped. A plain readdir walk: Foundation's enumerator took
    /// tens of milliseconds over two thousand docs, on every command.
    public func markdownFiles() -> [String] {
        var files: [String] = []
        func walk(_ relative: String) {
            guard let dir = opendir(location.root + "/" + relative) else { return }
            defer { closedir(dir) }
            while let entry = readdir(dir) {
                let name = withUnsafeBytes(of: entry.pointee.d_name) { raw in
                    String(decoding: raw.prefix { $0 != 0 }, as: UTF8.self)
                }
                if name.hasPrefix(".") { continue }
                let path = relative + "/" + name
                var isDirectory = entry.pointee.d_type == UInt8(DT_DIR)
                if entry.pointee.d_type == UInt8(DT_UNKNOWN) || entry.pointee.d_type == UInt8(DT_LNK) {
                    var info = stat()
                    isDirectory = stat(location.root + "/" + path, &info) == 0 && (info.st_mode & S_IFMT) == S_IFDIR
                }
                if isDirectory {
                    walk(path)
                } else if name.lowercased().hasSuffix(".md") || name.lowercased().hasSuffix(".markdown") {
                    files.append(path)
                }
            }
        }
        walk("docs")
        return files.sorted()
    }

    /// - Parameter force: re-parse every doc, even unchanged ones.
    public func refresh(force: Bool = false) throws(StoreError) -> DocsRefreshReport {
        let files = markdownFiles()
        let states = try store.docStates()
        // Mentions depend on which prefixes are bead ids: when those change (a new
        // prefix imported), every doc is read again.
        let prefixes = try store.beadPrefixes().union([configPrefix])
        // The analyzer's version is part of the key: when it reads docs differently, every
        // doc is read again, not only the ones that changed.
        let prefixKey = "\(DocumentAnalyzer.version);" + prefixes.sorted().joined(separator: ",")
        let prefixesChanged = try store.metaValue(Self.prefixesKey) != prefixKey
        let analyzer = DocumentAnalyzer(prefixes: prefixes)
        var report = DocsRefreshReport()
        var replace: [IndexedDoc] = []
        var touch: [(path: String, fingerprint: FileFingerprint)] = []
        var pending: [(path: String, data: Data, fingerprint: FileFingerprint, hash: String)] = []
        for path in files {
            let full = location.root + "/" + path
            guard let fingerprint = FileFingerprint(path: full) else { continue }
            let state = states[path]
            if !force, !prefixesChanged, let state, state.fingerprint == fingerprint {
                report.unchanged += 1
                continue
            }
            guard let data = FileManager.default.contents(atPath: full) else {
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
        return report
    }

    static func analyzeConcurrently(_ docs: [(path: String, data: Data, fingerprint: FileFingerprint, hash: String)],
                                    with analyzer: DocumentAnalyzer) -> [IndexedDoc] {
        guard docs.count > 1 else {
            return docs.map { analyzer.analyze(path: $0.path, text: String(decoding: $0.data, as: UTF8.self), fingerprint: $0.fingerprint, hash: $0.hash) }
        }
        final class Results: @unchecked Sendable {
            var items: [IndexedDoc?]
            let lock = NSLock()
            init(_ count: Int) { items = Array(repeating: nil, count: count) }
        }
        let results = Results(docs.count)
        DispatchQueue.concurrentPerform(iterations: docs.count) { k in
            let doc = docs[k]
            // Lossy decoding: a stray invalid byte must not keep a whole doc out.
            let indexed = analyzer.analyze(path: doc.path, text: String(decoding: doc.data, as: UTF8.self),
                                           fingerprint: doc.fingerprint, hash: doc.hash)
            results.lock.lock()
            results.items[k] = indexed
            results.lock.unlock()
        }
        return results.items.compactMap { $0 }
    }
}
