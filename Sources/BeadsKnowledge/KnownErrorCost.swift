import BeadsStore

/// What a known error cost a team lately: how often it was hit, how often its fixes
/// failed, and whether it came back after it was closed as fixed.
public struct KnownErrorCost: Sendable, Equatable {
    public var beadID: String
    public var bead: Bead?
    public var hits: HitSummary
    /// Recipe runs for it that did not succeed, in the last 30 days.
    public var failedRuns: Int
    /// Hits a day, oldest first, over `days`.
    public var daily: [Int]
    /// hits in 30 days × (1 + failed runs in 30 days): an error that is hit often and
    /// whose fixes fail costs most.
    public var cost: Int { hits.month * (1 + failedRuns) }
    public var isRegression: Bool { bead.map { RegressionRule.isRegression($0, hits: hits) } ?? false }

    /// Every bead with hits, costliest first (ties: most recent, then id).
    public static func ranked(in store: BeadStore, windows: HitWindows, days: Int = 30) throws(StoreError) -> [KnownErrorCost] {
        let summaries = try store.hitSummaries(windows)
        let failed = try store.failedRuns(since: windows.month)
        let series = try store.dailyHits(windows.days(days))
        let beads = try store.beads(ids: Array(summaries.keys))
        return summaries.map { id, summary in
            KnownErrorCost(
                beadID: id, bead: beads[id], hits: summary, failedRuns: failed[id] ?? 0,
                daily: series[id] ?? Array(repeating: 0, count: days))
        }.sorted { a, b in
            if a.cost != b.cost { return a.cost > b.cost }
            if a.hits.lastSeen != b.hits.lastSeen { return (a.hits.lastSeen ?? "") > (b.hits.lastSeen ?? "") }
            return a.beadID < b.beadID
        }
    }
}

/// A bead closed as fixed that keeps being hit has come back. A bead closed because
/// its error is documented (a workaround, not a fix), or as another bead's duplicate
/// (its close reason names that bead), is expected to be hit: its hits are not a
/// regression.
public enum RegressionRule {
    /// Close reasons that say the error stays and is only worked around (lowercase).
    static let workaroundWords = [
        "document", "workaround", "work around", "worked around", "won't fix", "wontfix", "not a bug", "by design",
        "known limitation", "known issue", "duplicate", "not fixable", "cannot fix", "can't fix",
    ]

    public static func isRegression(_ bead: Bead, hits: HitSummary) -> Bool {
        guard bead.isClosed, hits.sinceClosed > 0 else { return false }
        let reason = (bead.closeReason ?? "").lowercased()
        if BeadID.mentions(in: reason, prefixes: [bead.prefix]).contains(where: { $0 != bead.id }) { return false }
        return !workaroundWords.contains { reason.contains($0) }
    }

    /// The sentence `show`, `stats` and `doc lint` print.
    public static func sentence(_ bead: Bead, hits: HitSummary) -> String {
        "\(bead.id) was closed as fixed\(bead.closedAt.map { " on \($0.prefix(10))" } ?? "") but has been hit \(hits.sinceClosed) time\(hits.sinceClosed == 1 ? "" : "s") since (last \(hits.lastSeen ?? "?")): it is back — reopen it (`beads reopen \(bead.id)`), or say in its close reason that it is only worked around"
    }
}
