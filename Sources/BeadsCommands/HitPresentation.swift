import BeadsKnowledge
import BeadsStore

/// How hit counts are shown, as JSON and as text, the same in `show`, `stats` and
/// `stats --errors`.
enum HitPresentation {
    static func summary(_ s: HitSummary) -> JSONValue {
        .object([
            ("day", JSONValue(s.day)), ("week", JSONValue(s.week)), ("month", JSONValue(s.month)), ("total", JSONValue(s.total)),
            ("last_seen", JSONValue(s.lastSeen)), ("since_closed", JSONValue(s.sinceClosed)),
        ])
    }

    /// `3 in 24 h · 10 in 7 d · 25 in 30 d · last 2026-12-03T10:00:00Z`
    static func line(_ s: HitSummary) -> String {
        "\(s.day) in 24 h · \(s.week) in 7 d · \(s.month) in 30 d" + (s.lastSeen.map { " · last \($0)" } ?? "")
    }

    static let bars = Array("▁▂▃▄▅▆▇█")

    /// Daily counts as a sparkline: ' ' for none, the tallest bar for the busiest day.
    static func sparkline(_ daily: [Int]) -> String {
        let top = daily.max() ?? 0
        return String(
            daily.map { n in
                guard n > 0, top > 0 else { return " " }
                return bars[min(bars.count - 1, (n * bars.count - 1) / top)]
            })
    }

    static func cost(_ c: KnownErrorCost) -> JSONValue {
        .object([
            ("bead", .string(c.beadID)), ("title", JSONValue(c.bead?.title)), ("status", JSONValue(c.bead?.status.rawValue)),
            ("hits", summary(c.hits)), ("failed_runs", JSONValue(c.failedRuns)), ("cost", JSONValue(c.cost)),
            ("daily", .array(c.daily.map { JSONValue($0) })), ("regression", .bool(c.isRegression)),
        ])
    }
}
