import ArgumentParser
import BeadsKnowledge
import BeadsStore
import Foundation

struct StatsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "stats",
        abstract: "Counts of beads by status, priority and type, and of the known errors hit lately.",
        discussion: HelpText.prose(
            """
            --errors ranks the known errors by what they cost: hits in 30 days × (1 + recipe runs
            for them that failed in 30 days), with a sparkline of the last 30 days' hits (oldest
            on the left) and regressions flagged: beads closed as fixed whose error is back.
            """))
    @OptionGroup var kb: KnowledgeBaseOptions
    @Flag(help: "Rank the known errors by cost, with their daily hits.") var errors = false
    @Option(help: "With --errors: at most this many (0: all).") var limit = 20
    @Flag(help: "Print JSON.") var json = false

    func validate() throws {
        if limit < 0 { throw ValidationError("--limit must be 0 (all) or more") }
        if limit != 20, !errors { throw ValidationError("--limit goes with --errors") }
    }

    func run() throws {
        let base = try kb.open()
        let windows = HitWindows(now: Date())
        if errors { return try writeErrors(base, windows) }
        let summary = try Self.summary(base.store, windows)
        let (s, all, unmatched, regressions) = (summary.counts, summary.hits, summary.unmatched, summary.regressions)
        let out = Terminal.standardOutput
        if json {
            out.write(summary.json.prettyEncoded() + "\n")
            return
        }
        out.write("\(s.total) beads · \(s.ready) ready · \(s.blocked) blocked\n")
        out.write("status:   " + s.byStatus.map { "\($0.0) \($0.1)" }.joined(separator: " · ") + "\n")
        out.write("open by priority: " + s.byPriority.map { "P\($0.0) \($0.1)" }.joined(separator: " · ") + "\n")
        out.write("type:     " + s.byType.map { "\($0.0) \($0.1)" }.joined(separator: " · ") + "\n")
        if all.total + unmatched.total > 0 {
            out.write(
                "hits:     known errors \(all.day) in 24 h · \(all.week) in 7 d · \(all.month) in 30 d; unknown \(unmatched.month) in 30 d")
            out.write(all.total == 0 ? "\n" : " (beads stats --errors)\n")
        }
        for c in regressions { out.write(Style.yellow("regression: ") + RegressionRule.sentence(c.bead!, hits: c.hits) + "\n") }
    }

    /// What `stats` counts, for text and JSON (here and from `beads serve`).
    struct Summary {
        var counts: BeadStatistics
        var hits: HitSummary
        var unmatched: HitSummary
        var regressions: [KnownErrorCost]

        var json: JSONValue {
            .object([
                ("total", JSONValue(counts.total)), ("ready", JSONValue(counts.ready)), ("blocked", JSONValue(counts.blocked)),
                ("by_status", .object(counts.byStatus.map { ($0.0, JSONValue($0.1)) })),
                ("open_by_priority", .object(counts.byPriority.map { ("P\($0.0)", JSONValue($0.1)) })),
                ("by_type", .object(counts.byType.map { ($0.0, JSONValue($0.1)) })),
                (
                    "hits",
                    .object([
                        ("day", JSONValue(hits.day)), ("week", JSONValue(hits.week)), ("month", JSONValue(hits.month)),
                        ("unmatched_month", JSONValue(unmatched.month)),
                    ])
                ),
                ("regressions", JSONValue(regressions.map(\.beadID))),
            ])
        }
    }

    static func summary(_ store: BeadStore, _ windows: HitWindows) throws -> Summary {
        let counts = try store.statistics(now: Timestamp.now())
        let costs = try KnownErrorCost.ranked(in: store, windows: windows)
        var all = HitSummary()
        for c in costs {
            all.day += c.hits.day
            all.week += c.hits.week
            all.month += c.hits.month
            all.total += c.hits.total
        }
        return Summary(counts: counts, hits: all, unmatched: try store.unmatchedHits(windows), regressions: costs.filter(\.isRegression))
    }

    func writeErrors(_ base: KnowledgeBase, _ windows: HitWindows) throws {
        var costs = try KnownErrorCost.ranked(in: base.store, windows: windows)
        if limit > 0 { costs = Array(costs.prefix(limit)) }
        let out = Terminal.standardOutput
        if json {
            out.write(JSONValue.array(costs.map(HitPresentation.cost)).prettyEncoded() + "\n")
            return
        }
        guard !costs.isEmpty else {
            out.write("No known error has been hit yet: fix, run, safe-build and the MCP server record each diagnosis.\n")
            let unmatched = try base.store.unmatchedHits(windows)
            if unmatched.total > 0 { out.write("\(unmatched.total) diagnoses matched nothing: `beads triage` groups such logs.\n") }
            return
        }
        let idWidth = max(4, costs.map(\.beadID.count).max() ?? 0)
        out.write(
            "bead".padding(toLength: idWidth, withPad: " ", startingAt: 0)
                + "   cost   24h    7d   30d  fails  last 30 days (oldest left)\n")
        for c in costs {
            let numbers = [c.cost, c.hits.day, c.hits.week, c.hits.month].map { String($0).leftPadded(5) }.joined(separator: " ")
            var line =
                c.beadID.padding(toLength: idWidth, withPad: " ", startingAt: 0) + " " + numbers + "  " + String(c.failedRuns).leftPadded(5)
            line += "  " + HitPresentation.sparkline(c.daily) + "  " + FixReport.clip(c.bead?.title ?? "(not in the store)", 50)
            if c.isRegression { line += "  " + Style.yellow("REGRESSION") }
            out.write(line + "\n")
        }
        let unmatched = try base.store.unmatchedHits(windows)
        if unmatched.month > 0 {
            out.write(
                "\nUnknown: \(unmatched.month) diagnoses in 30 days matched no known error; `beads hits --unmatched` lists them, `beads triage LOGS…` groups logs by their error.\n"
            )
        }
    }
}

extension String {
    func leftPadded(_ width: Int) -> String {
        count >= width ? self : String(repeating: " ", count: width - count) + self
    }
}
