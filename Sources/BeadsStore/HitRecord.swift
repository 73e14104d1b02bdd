import Foundation

/// One diagnosis as it happened: which known error a paste showed (or none), how well it
/// matched, where and when. Never the paste itself: only a fingerprint of it, so the
/// same log diagnosed twice can be told from two failures.
///
/// A line of `beads/hits.jsonl`; a compacted line stands for `count` hits of one bead on
/// one day (`source` "compacted").
public struct HitRecord: Sendable, Equatable {
    /// Unique across clones, so a line that two branches both carry is counted once.
    public var id: String
    public var at: String
    public var beadID: String?
    public var score: Double?
    /// The signature that matched, masked as the docs quote it.
    public var signature: String?
    /// fix, run, safe-build, mcp, serve, or compacted.
    public var source: String
    /// The environment verdict (devpod, host).
    public var environment: String?
    public var host: String?
    /// The CI job it came from (`github:owner/repo/run/job`), when it ran in CI.
    public var ciJob: String?
    /// SHA-256 (first 16 hex digits) of the paste, secrets masked first.
    public var fingerprint: String?
    public var count: Int

    public init(
        id: String, at: String, beadID: String?, score: Double? = nil, signature: String? = nil, source: String,
        environment: String? = nil, host: String? = nil, ciJob: String? = nil, fingerprint: String? = nil, count: Int = 1
    ) {
        self.id = id
        self.at = at
        self.beadID = beadID
        self.score = score
        self.signature = signature
        self.source = source
        self.environment = environment
        self.host = host
        self.ciJob = ciJob
        self.fingerprint = fingerprint
        self.count = count
    }

    public static let compactedSource = "compacted"
    /// The most hits one line may stand for. The file arrives through git's union merge,
    /// and every count is summed: a line claiming Int.max made each sum overflow, and
    /// every command that counts hits fail.
    public static let maxCount = 1_000_000_000
    /// The fields a line is written with; a line holding others is kept as it is.
    static let knownFields: Set<String> = ["id", "at", "bead", "score", "signature", "source", "env", "host", "ci", "paste", "count"]

    /// A fresh id: 12 random bytes as hex. Random rather than derived, so that two
    /// machines diagnosing the same paste in the same second still make two hits.
    public static func newID() -> String {
        var generator = SystemRandomNumberGenerator()
        return "h-" + (0..<12).map { _ in String(format: "%02x", UInt8.random(in: 0...255, using: &generator)) }.joined()
    }

    /// The line as written: fixed key order, absent values left out.
    public var jsonValue: JSONValue {
        var fields: [(String, JSONValue)] = [("id", .string(id)), ("at", .string(at))]
        if let beadID { fields.append(("bead", .string(beadID))) }
        if let score { fields.append(("score", JSONValue(score))) }
        if let signature { fields.append(("signature", .string(signature))) }
        fields.append(("source", .string(source)))
        if let environment { fields.append(("env", .string(environment))) }
        if let host { fields.append(("host", .string(host))) }
        if let ciJob { fields.append(("ci", .string(ciJob))) }
        if let fingerprint { fields.append(("paste", .string(fingerprint))) }
        if count != 1 { fields.append(("count", JSONValue(count))) }
        return .object(fields)
    }

    /// Reads one line; the error names the field that is wrong.
    public init(json: JSONValue) throws(BeadDecodingError) {
        guard case .object = json else { throw BeadDecodingError(field: nil, reason: "a hit must be a JSON object") }
        func string(_ key: String) throws(BeadDecodingError) -> String? {
            guard let value = json[key], value != .null else { return nil }
            guard let text = value.stringValue else { throw BeadDecodingError(field: key, reason: "must be a string") }
            return text
        }
        guard let id = try string("id"), !id.isEmpty else { throw BeadDecodingError(field: "id", reason: "is missing") }
        guard let at = try string("at"), Bead.isTimestamp(at) else {
            throw BeadDecodingError(field: "at", reason: "must be an RFC 3339 time (e.g. 2026-02-04T15:30:00Z)")
        }
        var score: Double?
        if let value = json["score"], value != .null {
            guard case let .number(text) = value, let number = Double(text), (0...1).contains(number) else {
                throw BeadDecodingError(field: "score", reason: "must be a number from 0 to 1")
            }
            score = number
        }
        var count = 1
        if let value = json["count"], value != .null {
            guard let number = value.intValue, (1...Self.maxCount).contains(number) else {
                throw BeadDecodingError(field: "count", reason: "must be a whole number from 1 to \(Self.maxCount)")
            }
            count = number
        }
        self.init(
            id: id, at: at, beadID: try string("bead"), score: score, signature: try string("signature"),
            source: try string("source") ?? "fix", environment: try string("env"), host: try string("host"),
            ciJob: try string("ci"), fingerprint: try string("paste"), count: count)
    }
}

/// How often a known error was hit lately.
public struct HitSummary: Sendable, Equatable {
    public var day = 0
    public var week = 0
    public var month = 0
    public var total = 0
    public var lastSeen: String?
    /// Hits after the bead was closed (0 while it is open).
    public var sinceClosed = 0

    public init() {}
}

/// The cut-off instants of the windows hits are counted in, from one `now`.
public struct HitWindows: Sendable {
    public var now: Date
    public var day: String
    public var week: String
    public var month: String

    public init(now: Date) {
        self.now = now
        day = StoreClock.timestamp(now.addingTimeInterval(-86_400))
        week = StoreClock.timestamp(now.addingTimeInterval(-7 * 86_400))
        month = StoreClock.timestamp(now.addingTimeInterval(-30 * 86_400))
    }

    /// The last `count` calendar days (UTC) up to today, oldest first, as `YYYY-MM-DD`.
    public func days(_ count: Int) -> [String] {
        (0..<count).reversed().map { String(StoreClock.timestamp(now.addingTimeInterval(-Double($0) * 86_400)).prefix(10)) }
    }
}
