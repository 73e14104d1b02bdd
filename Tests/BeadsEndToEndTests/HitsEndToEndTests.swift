import BeadsTestSupport
import Foundation
import Testing

/// Every diagnosis is a hit: recorded by each entry point in beads/hits.jsonl, counted
/// by `show` and `stats`, ranked by `stats --errors`, and a closed bead's error coming
/// back is called a regression.
@Suite struct HitsEndToEndTests {
    static let overlay =
        #"#5 ERROR: mount source: "overlay", target: "/var/lib/docker/overlay2/z/merged", fstype: overlay, flags: 0, data: "x", err: invalid argument"#

    func hits(_ kb: ScratchKnowledgeBase) throws -> [JSONTree] {
        try JSONTree.parse(try kb.run("hits", "--json", "--limit", "0").stdout).array ?? []
    }

    @Test func everyEntryPointRecordsAHit() throws {
        let kb = ScratchKnowledgeBase()
        #expect(try kb.run("fix", Self.overlay).status == 0)
        #expect(try kb.run("fix", "the frobnicator jammed on widget 7").status == 1)
        let run = try kb.run("run", "--", "sh", "-c", "echo 'npm ERR! code ENOTEMPTY' >&2; exit 4", environment: ["BEADS_ENV": "host"])
        #expect(run.status == 4)
        #expect(try kb.run("safe-build", "--", "true", environment: ["BEADS_ENV": "devpod"]).status == 3)
        let session = try MCPSession(kb: kb)
        #expect(try session.call("diagnose_error", ["text": Self.overlay])["isError"] as? Bool == false)

        let recorded = try hits(kb)
        let bySource = Dictionary(grouping: recorded) { $0["source"]?.string ?? "?" }
        #expect(bySource["fix"]?.count == 2)
        #expect(bySource["fix"]?.contains { $0["bead"] == nil } == true, "the unmatched paste is a hit with no bead")
        #expect(bySource["run"]?.first?["bead"] == .string("mo-3bol"))
        #expect(bySource["safe-build"]?.first?["bead"] == .string("mo-jgo"))
        #expect(bySource["mcp"]?.first?["bead"] == .string("mo-jgo"))
        for hit in recorded where hit["bead"] != nil {
            #expect(hit["score"] != nil && hit["signature"] != nil && hit["paste"]?.string?.count == 16, "\(hit)")
        }
        // The paste itself is never kept.
        let file = try String(contentsOfFile: kb.path + "/beads/hits.jsonl", encoding: .utf8)
        #expect(!file.contains("frobnicator") && !file.contains("overlay2/z/merged"))
    }

    @Test func recordingCanBeTurnedOffAndCIJobsAreNamed() throws {
        let kb = ScratchKnowledgeBase()
        #expect(try kb.run("fix", "--no-record", Self.overlay).status == 0)
        #expect(try hits(kb).isEmpty)
        let ci = ["GITHUB_ACTIONS": "true", "GITHUB_REPOSITORY": "acme/app", "GITHUB_RUN_ID": "991", "GITHUB_JOB": "build"]
        #expect(try kb.run(["fix", Self.overlay], environment: ci).status == 0)
        #expect(try hits(kb).first?["ci"] == .string("github:acme/app/991/build"))

        let config = kb.path + "/beads/config.yaml"
        try (try String(contentsOfFile: config, encoding: .utf8) + "\nhits:\n  record: false\n").write(
            toFile: config, atomically: true, encoding: .utf8)
        #expect(try kb.run("fix", Self.overlay).status == 0)
        #expect(try hits(kb).count == 1)
        try (try String(contentsOfFile: config, encoding: .utf8) + "  keep_days: soon\n").write(
            toFile: config, atomically: true, encoding: .utf8)
        let bad = try kb.run("hits")
        #expect(bad.status != 0 && bad.stderr.contains("keep_days"), "\(bad.stderr)")
    }

    @Test func countsCostsAndRegressions() throws {
        let kb = ScratchKnowledgeBase()
        // A bead closed as fixed, whose error then comes back.
        let watchers = "Error: ENOSPC: System limit for number of file watchers reached, watch '/app/src/index.ts'"
        let created = try kb.run("create", "--from-error", watchers, "-t", "bug", "--json")
        let id = try #require(try JSONTree.parse(created.stdout)["id"]?.string)
        #expect(try kb.run("close", id, "-r", "Fixed: the dev container raises fs.inotify.max_user_watches").status == 0)
        try "# File watchers\n\n**Bead**: \(id)\n\nThe container's inotify limit was too low.\n".write(
            toFile: kb.path + "/docs/watchers.md", atomically: true, encoding: .utf8)
        #expect(try kb.run("fix", watchers).status == 0)
        for _ in 0..<3 { #expect(try kb.run("fix", Self.overlay).status == 0) }

        let shown = try JSONTree.parse(try kb.run("show", id, "--json").stdout)
        #expect(shown["regression"] == .bool(true))
        #expect(shown["hits"]?["day"] == .integer(1) && shown["hits"]?["since_closed"] == .integer(1))
        #expect(try kb.run("show", id).stdout.contains("Regression: "))
        // mo-jgo was closed as documented: its hits are expected, not a regression.
        #expect(try JSONTree.parse(try kb.run("show", "mo-jgo", "--json").stdout)["regression"] == .bool(false))

        let stats = try JSONTree.parse(try kb.run("stats", "--json").stdout)
        #expect(stats["hits"]?["day"] == .integer(4))
        #expect(stats["regressions"] == .array([.string(id)]))

        let costs = try #require(try JSONTree.parse(try kb.run("stats", "--errors", "--json").stdout).array)
        #expect(costs.map { $0["bead"]?.string } == ["mo-jgo", id])
        #expect(costs.first?["daily"]?.array?.count == 30 && costs.first?["daily"]?.array?.last == .integer(3))
        let table = try kb.run("stats", "--errors").stdout
        #expect(table.contains("REGRESSION") && table.contains("█"), "\(table)")

        // prime names the known errors hit most first.
        let prime = try kb.run("prime").stdout
        let jgo = try #require(prime.range(of: "- mo-jgo "))
        #expect(prime.contains("(hit 3× in 30 days)"), "\(prime)")
        #expect(prime.range(of: "- \(id) ").map { jgo.lowerBound < $0.lowerBound } == true, "\(prime)")

        let lint = try kb.run("doc", "lint", "--json")
        let rules = try JSONTree.parse(lint.stdout).array?.compactMap { $0["rule"]?.string } ?? []
        #expect(rules.contains("regression"), "\(lint.stdout)")
    }

    @Test func oldHitsAreFoldedIntoOneLineADayAndBead() throws {
        let kb = ScratchKnowledgeBase()
        let old = (0..<6).map { k in
            #"{"id":"h-old\#(k)","at":"2026-01-0\#(k % 2 + 1)T10:00:0\#(k)Z","bead":"mo-jgo","score":0.9,"source":"fix"}"#
        }
        try (old.joined(separator: "\n") + "\n").write(toFile: kb.path + "/beads/hits.jsonl", atomically: true, encoding: .utf8)
        #expect(try kb.run("fix", Self.overlay).status == 0)
        let lines = try String(contentsOfFile: kb.path + "/beads/hits.jsonl", encoding: .utf8).split(separator: "\n")
        #expect(lines.count == 3, "two days folded, one new hit: \(lines)")
        let recorded = try hits(kb)
        #expect(recorded.reduce(0) { $0 + ($1["count"].flatMap { if case let .integer(n) = $0 { n } else { nil } } ?? 1) } == 7)
        #expect(recorded.filter { $0["source"] == .string("compacted") }.count == 2)
    }

    @Test func aBadLineIsSkippedAndNamed() throws {
        let kb = ScratchKnowledgeBase()
        try "<<<<<<< HEAD\n{\"id\":\"h-1\",\"at\":\"2026-12-01T10:00:00Z\",\"bead\":\"mo-jgo\",\"source\":\"fix\"}\n"
            .write(toFile: kb.path + "/beads/hits.jsonl", atomically: true, encoding: .utf8)
        let listed = try kb.run("hits")
        #expect(listed.status == 0)
        #expect(listed.stderr.contains("beads/hits.jsonl:1:"), "\(listed.stderr)")
        #expect(listed.stdout.contains("mo-jgo"))
    }

    /// hits.jsonl arrives through git's union merge: a line whose count would overflow
    /// every sum is skipped and named, and the commands that count hits still answer.
    @Test func aLineClaimingTooManyHitsIsSkippedAndNothingFails() throws {
        let kb = ScratchKnowledgeBase()
        let lines = [
            #"{"id":"h-a","at":"2026-12-01T10:00:00Z","bead":"mo-jgo","source":"fix"}"#,
            #"{"id":"h-b","at":"2026-12-01T11:00:00Z","bead":"mo-jgo","source":"fix","count":9223372036854775807}"#,
            #"{"id":"h-c","at":"2026-12-01T12:00:00Z","bead":"mo-jgo","source":"fix","score":1e999}"#,
        ]
        kb.write("beads/hits.jsonl", lines.joined(separator: "\n") + "\n")
        for command in [["show", "mo-jgo"], ["stats"], ["prime"], ["hits"], ["doc", "lint", "--json"]] {
            let run = try kb.run(command)
            #expect(!run.stderr.contains("overflow") && (run.status == 0 || command.first == "doc"), "\(command): \(run.stderr)")
        }
        let listed = try kb.run("hits")
        #expect(listed.stderr.contains("beads/hits.jsonl:2:") && listed.stderr.contains("count"), "\(listed.stderr)")
    }

    /// Folding old hits rewrites the file from its own lines: a line beads cannot read,
    /// or one with fields it does not know, is kept as it was.
    @Test func compactionKeepsWhatItCannotFold() throws {
        let kb = ScratchKnowledgeBase()
        let unknown = #"{"id":"h-u","at":"2026-01-01T09:00:00Z","bead":"mo-jgo","source":"fix","team":"platform"}"#
        let lines = [
            #"{"id":"h-1","at":"2026-01-01T10:00:00Z","bead":"mo-jgo","source":"fix"}"#,
            #"{"id":"h-2","at":"2026-01-01T11:00:00Z","bead":"mo-jgo","source":"fix"}"#,
            unknown, "this line is not JSON",
        ]
        kb.write("beads/hits.jsonl", lines.joined(separator: "\n") + "\n")
        #expect(try kb.run("fix", Self.overlay).status == 0)
        let after = kb.read("beads/hits.jsonl").split(separator: "\n").map(String.init)
        #expect(after.contains(unknown) && after.contains("this line is not JSON"), "\(after)")
        #expect(after.contains { $0.contains(#""source":"compacted""#) && $0.contains(#""count":2"#) }, "\(after)")
        #expect(after.count == 4, "one folded day, two kept lines, the new hit: \(after)")
    }

    /// A week of a team's hits (the lines git brought): the costliest error first, each
    /// day's count in its series, the busiest day the tallest bar.
    @Test func aWeekOfHitsRanksTheCostliestKnownError() throws {
        let kb = ScratchKnowledgeBase()
        var lines: [String] = []
        let day: Double = 86_400
        for k in 0..<7 {
            let at = ISO8601DateFormatter().string(from: Date().addingTimeInterval(-Double(k) * day - 60))
            for n in 0..<(k == 2 ? 9 : 3) {
                lines.append(#"{"id":"h-jgo-\#(k)-\#(n)","at":"\#(at)","bead":"mo-jgo","score":1.00,"source":"fix"}"#)
            }
            lines.append(
                #"{"id":"h-bol-\#(k)","at":"\#(at)","bead":"mo-3bol","score":0.95,"source":"run","ci":"github:acme/app/\#(k)/build"}"#)
            lines.append(#"{"id":"h-none-\#(k)","at":"\#(at)","source":"fix"}"#)
        }
        try (lines.joined(separator: "\n") + "\n").write(toFile: kb.path + "/beads/hits.jsonl", atomically: true, encoding: .utf8)
        let costs = try #require(try JSONTree.parse(try kb.run("stats", "--errors", "--json").stdout).array)
        #expect(costs.map { $0["bead"]?.string } == ["mo-jgo", "mo-3bol"])
        #expect(costs[0]["hits"]?["week"] == .integer(27) && costs[1]["hits"]?["week"] == .integer(7))
        let daily = costs[0]["daily"]?.array ?? []
        #expect(daily.suffix(7).allSatisfy { $0 != .integer(0) } && daily.dropLast(7).allSatisfy { $0 == .integer(0) }, "\(daily)")
        let table = try kb.run("stats", "--errors").stdout
        #expect(table.contains("Unknown: 7 diagnoses"), "\(table)")
        let row = try #require(table.split(separator: "\n").first { $0.hasPrefix("mo-jgo") })
        #expect(row.contains("█") && row.contains("▃"), "\(row)")
    }
}
