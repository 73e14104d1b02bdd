import BeadsMarkdown
import BeadsStore
import Foundation
import Yams

/// Where a knowledge base lives: the folder holding `beads/` (and usually `docs/`).
public struct KnowledgeBaseLocation: Sendable, Equatable {
    public var root: String

    public init(root: String) {
        self.root = (root as NSString).standardizingPath
    }

    public var beadsDirectory: String { root + "/beads" }
    public var docsDirectory: String { root + "/docs" }
    public var jsonlPath: String { beadsDirectory + "/issues.jsonl" }
    public var databasePath: String { beadsDirectory + "/beads.db" }
    public var configPath: String { beadsDirectory + "/config.yaml" }

    /// True when this process cannot write the store or the JSONL here (a read-only
    /// checkout or mount, another user's folder). Root passes `access` checks except on
    /// a read-only file system, which is the answer wanted.
    public var isReadOnly: Bool {
        if access(beadsDirectory, W_OK) != 0 { return true }
        return FileManager.default.fileExists(atPath: databasePath) && access(databasePath, W_OK) != 0
    }

    /// Where the database lives when the knowledge base is read-only: a private copy
    /// under the user's cache folder (`$XDG_CACHE_HOME/beads/`, else `~/.cache/beads/`,
    /// else the temporary folder), one per knowledge base, kept between commands so
    /// that only what changed is indexed again.
    public func privateDatabasePath(environment: [String: String]) throws(KnowledgeError) -> String {
        let key = String(ContentHash.sha256(root).prefix(16))
        var bases: [String] = []
        if let cache = environment["XDG_CACHE_HOME"], cache.hasPrefix("/") { bases.append(cache + "/beads") }
        if let home = environment["HOME"], home.hasPrefix("/") { bases.append(home + "/.cache/beads") }
        bases.append(NSTemporaryDirectory() + "beads-\(getuid())")
        for base in bases {
            let folder = base + "/" + key
            if (try? FileManager.default.createDirectory(
                atPath: folder, withIntermediateDirectories: true,
                attributes: [.posixPermissions: 0o700])) != nil,
                access(folder, W_OK) == 0
            {
                return folder + "/beads.db"
            }
        }
        throw KnowledgeError.store(
            .readOnly(path: beadsDirectory, reason: "read-only, and no cache or temporary folder is writable for a private copy"))
    }

    /// Finds a knowledge base the way git finds `.git`: `--kb DIR`, then `BEADS_DIR`,
    /// then the nearest folder upward from `start` holding `beads/`.
    public static func find(explicit: String?, environment: [String: String], start: String) throws(KnowledgeError) -> KnowledgeBaseLocation
    {
        if let dir = explicit ?? environment["BEADS_DIR"].flatMap({ $0.isEmpty ? nil : $0 }) {
            let absolute = dir.hasPrefix("/") ? dir : start + "/" + dir
            var isDir: ObjCBool = false
            guard FileManager.default.fileExists(atPath: absolute + "/beads", isDirectory: &isDir), isDir.boolValue else {
                throw KnowledgeError.notAKnowledgeBase(absolute)
            }
            return KnowledgeBaseLocation(root: absolute)
        }
        // As git's GIT_CEILING_DIRECTORIES: the search never climbs into these folders,
        // so a stray beads/ in /tmp or a home folder is not taken for this one's.
        let ceilings = Set(
            (environment["BEADS_CEILING_DIRECTORIES"] ?? "").split(separator: ":")
                .map { (String($0) as NSString).standardizingPath }.filter { $0.hasPrefix("/") })
        var current = (start as NSString).standardizingPath
        while true {
            var isDir: ObjCBool = false
            if FileManager.default.fileExists(atPath: current + "/beads", isDirectory: &isDir), isDir.boolValue {
                return KnowledgeBaseLocation(root: current)
            }
            let parent = (current as NSString).deletingLastPathComponent
            if parent == current || parent.isEmpty || ceilings.contains(parent) { throw KnowledgeError.noKnowledgeBase(start) }
            current = parent
        }
    }
}

/// `beads/config.yaml`.
public struct KnowledgeBaseConfig: Sendable, Equatable {
    /// The id prefix of new beads (`mo` gives `mo-jgo`).
    public var prefix: String
    /// The team's own issue types besides bd's (`types: {custom: [incident, spike]}`).
    public var customTypes: [String]

    /// `hits: {record: false}` turns the recording of diagnoses off for everyone.
    public var recordHits: Bool
    /// Single hits older than this many days are folded into one line per day and bead
    /// (`hits: {keep_days: 90}`); 0 keeps every line.
    public var hitsKeepDays: Int

    public init(prefix: String, customTypes: [String] = [], recordHits: Bool = true, hitsKeepDays: Int = 90) {
        self.prefix = prefix
        self.customTypes = customTypes
        self.recordHits = recordHits
        self.hitsKeepDays = hitsKeepDays
    }

    public static func load(path: String) throws(KnowledgeError) -> KnowledgeBaseConfig {
        guard let text = try? String(contentsOfFile: path, encoding: .utf8) else {
            return KnowledgeBaseConfig(prefix: "bd")
        }
        // compose() gives a typed node tree; load() would build `Any` values whose
        // dynamic casts cost milliseconds of protocol look-ups on every command.
        let node: Node?
        do {
            // The basic resolver: config values are plain strings, and the default one
            // compiles a dozen regular expressions first.
            node = try Yams.compose(yaml: text, .basic)
        } catch {
            throw KnowledgeError.badConfig(path: path, reason: YAMLErrorText.reason(error))
        }
        let prefix = node?["prefix"]?.string ?? node?["issue-prefix"]?.string ?? "bd"
        guard BeadID.isNewPrefix(prefix) else {
            throw KnowledgeError.badConfig(
                path: path, reason: "prefix \"\(prefix)\" must be lowercase letters and digits, starting with a letter")
        }
        // bd keeps `types.custom` as one comma-separated string; a YAML list works too.
        let custom = node?["types"]?["custom"]
        let customTypes =
            custom?.sequence?.compactMap(\.string)
            ?? (custom?.string ?? "").split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
        let hits = node?["hits"]
        var recordHits = true
        if let record = hits?["record"]?.string {
            switch record.lowercased() {
            case "true", "yes", "on": recordHits = true
            case "false", "no", "off": recordHits = false
            default: throw KnowledgeError.badConfig(path: path, reason: "hits.record must be true or false, not \"\(record)\"")
            }
        }
        var keepDays = 90
        if let days = hits?["keep_days"]?.string {
            guard let value = Int(days), value >= 0 else {
                throw KnowledgeError.badConfig(
                    path: path, reason: "hits.keep_days must be a whole number of days (0 keeps every hit), not \"\(days)\"")
            }
            keepDays = value
        }
        return KnowledgeBaseConfig(prefix: prefix, customTypes: customTypes, recordHits: recordHits, hitsKeepDays: keepDays)
    }

    public func yaml() -> String {
        """
        # beads configuration
        # prefix: the id prefix of new beads (mo gives mo-jgo)
        prefix: \(prefix)

        """
    }
}

public enum KnowledgeError: Error, Sendable, Equatable, CustomStringConvertible {
    case noKnowledgeBase(String)
    case notAKnowledgeBase(String)
    case badConfig(path: String, reason: String)
    case store(StoreError)

    public var description: String {
        switch self {
        case let .noKnowledgeBase(start):
            return
                "no knowledge base: no beads/ folder in \(start) or any folder above it (below BEADS_CEILING_DIRECTORIES, if set). Run `beads init` to make one here, or pass --kb DIR (or set BEADS_DIR)."
        case let .notAKnowledgeBase(dir):
            return "\(dir) is not a knowledge base: it has no beads/ folder. Run `beads init` there first."
        case let .badConfig(path, reason):
            return "\(path): \(reason)"
        case let .store(error):
            return error.description
        }
    }
}

/// An open knowledge base: the store, brought up to date with the JSONL and the docs.
public final class KnowledgeBase: Sendable {
    public let location: KnowledgeBaseLocation
    public let config: KnowledgeBaseConfig
    public let store: BeadStore
    /// What bringing the index up to date did (for `doc index` and progress output).
    public let refresh: DocsRefreshReport

    /// Opens the store (rebuilding it when missing), imports a JSONL newer than the
    /// database, and re-indexes changed docs. Cheap when nothing changed: a few stats
    /// and one query.
    /// `actor` is who changes are recorded as (`--actor`); nil follows `ActorIdentity`.
    public init(
        location: KnowledgeBaseLocation, actor: String? = nil, environment: [String: String] = ProcessInfo.processInfo.environment,
        now: String = Timestamp.now()
    ) throws(KnowledgeError) {
        self.location = location
        config = try KnowledgeBaseConfig.load(path: location.configPath)
        let readOnly = location.isReadOnly
        let databasePath =
            readOnly
            ? try location.privateDatabasePath(environment: environment)
            : location.databasePath
        do {
            let root = location.root
            store = try BeadStore(
                databasePath: databasePath, jsonlPath: location.jsonlPath,
                resolveActor: {
                    ActorIdentity.resolve(explicit: actor, environment: environment, repositoryRoot: root)
                }, recordIsReadOnly: readOnly)
            try store.syncFromJSONL(now: now)
            try store.syncHits()
            refresh = try DocsIndexer(location: location, store: store, configPrefix: config.prefix).refresh()
        } catch {
            throw KnowledgeError.store(error)
        }
    }

    /// A doc reader that knows this tracker's ids, as the index reads docs.
    public func docAnalyzer() throws(StoreError) -> DocumentAnalyzer {
        try DocsIndexer(location: location, store: store, configPrefix: config.prefix).analyzer()
    }
}

public enum Timestamp {
    /// RFC 3339 in UTC with seconds, as bd writes them (`2026-02-04T09:12:00Z`).
    public static func now(_ date: Date = Date()) -> String {
        StoreClock.timestamp(date)
    }
}
