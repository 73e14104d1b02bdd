/// A bead: one issue in bd's (steveyegge/beads) format.
///
/// The fields beads works with are typed; every other key a bd export carries
/// (dependencies, comments, notes, owner, …) is kept verbatim in `extra`, in the
/// order it came, so an import/export round trip loses nothing.
public struct Bead: Sendable, Equatable {
    public var id: String
    public var title: String
    public var description: String
    public var status: BeadStatus
    public var priority: Int
    public var issueType: String
    public var assignee: String?
    public var labels: [String]
    /// RFC 3339 timestamps, kept as written (bd writes `Z` and sometimes fractions).
    public var createdAt: String
    public var updatedAt: String
    public var closedAt: String?
    public var closeReason: String?
    /// Keys beads does not model, with their values, in input order.
    public var extra: [(String, JSONValue)]

    public init(
        id: String, title: String, description: String = "", status: BeadStatus = .open,
        priority: Int = 2, issueType: String = "task", assignee: String? = nil, labels: [String] = [],
        createdAt: String, updatedAt: String, closedAt: String? = nil, closeReason: String? = nil,
        extra: [(String, JSONValue)] = []
    ) {
        self.id = id
        self.title = title
        self.description = description
        self.status = status
        self.priority = priority
        self.issueType = issueType
        self.assignee = assignee
        self.labels = labels
        self.createdAt = createdAt
        self.updatedAt = updatedAt
        self.closedAt = closedAt
        self.closeReason = closeReason
        self.extra = extra
    }

    public static func == (lhs: Bead, rhs: Bead) -> Bool {
        lhs.id == rhs.id && lhs.title == rhs.title && lhs.description == rhs.description
            && lhs.status == rhs.status && lhs.priority == rhs.priority && lhs.issueType == rhs.issueType
            && lhs.assignee == rhs.assignee && lhs.labels == rhs.labels && lhs.createdAt == rhs.createdAt
            && lhs.updatedAt == rhs.updatedAt && lhs.closedAt == rhs.closedAt
            && lhs.closeReason == rhs.closeReason && JSONValue.object(lhs.extra) == JSONValue.object(rhs.extra)
    }

    /// The id's prefix: `mo` for `mo-jgo`.
    public var prefix: String {
        guard let dash = id.firstIndex(of: "-") else { return id }
        return String(id[..<dash])
    }

    public var isClosed: Bool { status == .closed || status == .tombstone }
}

/// bd's statuses. Unknown strings from newer bd versions are kept, not rejected.
public struct BeadStatus: RawRepresentable, Hashable, Sendable, CustomStringConvertible {
    public var rawValue: String
    public init(rawValue: String) { self.rawValue = rawValue }
    public var description: String { rawValue }

    public static let open = BeadStatus(rawValue: "open")
    public static let inProgress = BeadStatus(rawValue: "in_progress")
    public static let blocked = BeadStatus(rawValue: "blocked")
    public static let deferred = BeadStatus(rawValue: "deferred")
    public static let closed = BeadStatus(rawValue: "closed")
    public static let pinned = BeadStatus(rawValue: "pinned")
    public static let hooked = BeadStatus(rawValue: "hooked")
    public static let tombstone = BeadStatus(rawValue: "tombstone")

    /// Every status bd writes.
    public static let known: Set<BeadStatus> = [.open, .inProgress, .blocked, .deferred, .closed, .pinned, .hooked, .tombstone]

    /// The statuses a user may set by hand.
    public static let settable: [BeadStatus] = [.open, .inProgress, .blocked, .deferred, .closed, .pinned, .hooked]
}
