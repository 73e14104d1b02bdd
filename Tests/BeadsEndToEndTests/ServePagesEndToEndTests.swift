import BeadsTestSupport
import Foundation
import Testing

/// The pages and the API of `beads serve` over real HTTP (curl) on a knowledge base with a
/// bit of everything: beads in every column, a dependency chain, a second doc with a
/// stale link that links to the shipped one, and hits.
@Suite struct ServePagesEndToEndTests {
    /// The scratch knowledge base and the ids of the beads made in it.
    struct Team {
        let kb = ScratchKnowledgeBase()
        var runner = "", node = "", runbook = ""

        init() throws {
            func create(_ arguments: String...) throws -> String {
                let made = try kb.run(["create"] + arguments + ["--json"])
                return try JSONTree.parse(made.stdout)["id"]?.string ?? ""
            }
            runner = try create("Upgrade the CI runner image", "-p", "0", "-t", "task", "-l", "ci", "--assignee", "ana")
            node = try create("Pin node to 20 in the frontend build", "-p", "2", "-t", "bug", "-l", "ci,frontend")
            runbook = try create("Write the CI runbook", "-p", "3", "-t", "task", "--assignee", "bo")
            _ = try kb.run("dep", "add", node, runner)
            _ = try kb.run("update", runbook, "--status", "in_progress")
            _ = try kb.run("comment", runner, "The *new* image is `ubuntu-24.04`.")
            try FileManager.default.createDirectory(atPath: kb.path + "/docs/runbooks", withIntermediateDirectories: true)
            try """
            # CI runner upgrades

            **Bead**: \(runner)

            The overlay trouble is explained in [the devpod doc](../docker-build-devpod.md#root-cause),
            and the old notes were in [notes](old-notes.md).

            ## Checklist

            - [x] pick the image
            - [ ] roll it out

            | Runner | Image |
            |--------|-------|
            | linux  | ubuntu-24.04 |

            <script>alert("raw HTML in a doc is not served")</script>
            """.write(toFile: kb.path + "/docs/runbooks/ci-runner.md", atomically: true, encoding: .utf8)
            _ = try kb.run("doc", "index")
        }
    }

    @Test func theBoardPutsEachBeadInItsColumnAndFilters() throws {
        let team = try Team()
        let server = try ServeProcess(kb: team.kb)
        let board = try server.get("/board")
        #expect(board.status == 200)
        func column(_ id: String, in html: String) -> String {
            guard let start = html.range(of: "<section class=\"column\" id=\"\(id)\"") else { return "" }
            let rest = html[start.upperBound...]
            return String(rest[..<(rest.range(of: "</section>")?.lowerBound ?? rest.endIndex)])
        }
        #expect(column("ready", in: board.body).contains(team.runner))
        #expect(!column("ready", in: board.body).contains(team.node))
        #expect(column("blocked", in: board.body).contains(team.node))
        #expect(column("blocked", in: board.body).contains("blocked by <a class=\"id\" href=\"/beads/\(team.runner)\">"))
        #expect(column("in-progress", in: board.body).contains(team.runbook))
        #expect(column("closed", in: board.body).contains("mo-jgo"))

        let p0 = try server.get("/board?priority=0")
        #expect(p0.body.contains(team.runner) && !p0.body.contains("Pin node to 20"))
        let search = try server.get("/board?q=node+to+20")
        #expect(search.body.contains("Pin node to 20") && !search.body.contains("Upgrade the CI runner"))
        let label = try server.get("/board?label=frontend")
        #expect(label.body.contains(team.node) && !label.body.contains("Write the CI runbook"))
        let bad = try server.get("/board?priority=9")
        #expect(bad.status == 400 && bad.body.contains("priority must be 0 (critical) to 4 (backlog)"))
        // The one priority grammar: P1 as every listing prints it, p1, or 1.
        let p1 = try server.get("/board?priority=p1"), one = try server.get("/board?priority=1")
        #expect(p1.status == 200 && p1.body == one.body)
    }

    @Test func aBeadPageDrawsItsDependenciesAndTellsItsStory() throws {
        let team = try Team()
        let server = try ServeProcess(kb: team.kb)
        let page = try server.get("/beads/\(team.runner)")
        #expect(page.status == 200)
        // The graph is inline SVG with both beads as links, and an arrow between them.
        let svg =
            page.body.range(of: "<svg class=\"graph\"").flatMap { start in
                page.body.range(of: "</svg>", range: start.upperBound..<page.body.endIndex).map {
                    String(page.body[start.lowerBound..<$0.upperBound])
                }
            } ?? ""
        #expect(svg.contains("href=\"/beads/\(team.node)\"") && svg.contains("href=\"/beads/\(team.runner)\""))
        #expect(svg.contains("<line") && svg.contains("marker-end"))
        #expect(page.body.contains("<em>new</em>"), "comments are Markdown")
        #expect(page.body.contains("assigned to ana"))
        #expect(page.body.contains("History ("))
        #expect(!page.body.contains("src=\"http"), "nothing is fetched from outside")

        let missing = try server.get("/beads/mo-nope")
        #expect(missing.status == 404 && missing.body.contains("No bead mo-nope"))
    }

    @Test func docsAreRenderedByCmarkWithTheirFindingsAndBacklinks() throws {
        let team = try Team()
        let server = try ServeProcess(kb: team.kb)
        let list = try server.get("/docs")
        #expect(list.body.contains("href=\"/docs/runbooks/ci-runner.md\"") && list.body.contains("href=\"/docs/docker-build-devpod.md\""))

        let doc = try server.get("/docs/runbooks/ci-runner.md")
        #expect(doc.status == 200)
        #expect(doc.body.contains("<h2 id=\"checklist\">Checklist</h2>"), "headings carry GitHub's anchors")
        #expect(doc.body.contains("<table>") && doc.body.contains("type=\"checkbox\""), "tables and task lists")
        #expect(!doc.body.contains("<script>alert"), "raw HTML in a doc is not passed through")
        #expect(doc.body.contains("broken-link") && doc.body.contains("old-notes.md"), "the stale link is reported beside the doc")
        #expect(doc.body.contains("href=\"/beads/\(team.runner)\""))

        let shipped = try server.get("/docs/docker-build-devpod.md")
        #expect(shipped.body.contains("<h2 id=\"root-cause\">"))
        #expect(shipped.body.contains("Linked from") && shipped.body.contains("href=\"/docs/runbooks/ci-runner.md\""), "backlinks")

        // Nothing outside the knowledge base's docs is served, however the path is spelled.
        for path in ["/docs/../beads/issues.jsonl", "/docs/%2e%2e/%2e%2e/etc/passwd", "/docs/../../../../etc/passwd", "/docs/nope.md"] {
            let answer = try server.get(path, ["--path-as-is"])
            #expect(answer.status == 404, "\(path)")
            #expect(!answer.body.contains("root:x:0:0") && !answer.body.contains("\"title\""), "\(path)")
        }
    }

    @Test func knownErrorsShowHitsPerDayAndTriageGroupsPastedLogs() throws {
        let team = try Team()
        let server = try ServeProcess(kb: team.kb)
        for _ in 0..<2 {
            _ = try server.postForm("fix", ["--data-urlencode", "text=" + ServeEndToEndTests.overlay])
        }
        let errors = try server.get("/errors")
        #expect(errors.status == 200)
        #expect(errors.body.contains("href=\"/beads/mo-jgo\""))
        #expect(errors.body.contains("<svg class=\"chart\"") && errors.body.contains("mo-jgo: 2 hits in 30 days"))

        let logs = [
            "step 3\n" + ServeEndToEndTests.overlay,
            "Error: Cannot find module 'left-pad' from '/app/src/index.js'",
            "Error: Cannot find module 'right-pad' from '/srv/lib/main.js'",
            "all good",
        ].joined(separator: "\n-- >8 --\n")
        let triage = try server.postForm("triage", ["--data-urlencode", "logs=" + logs])
        #expect(triage.status == 200)
        #expect(
            triage.body.contains("4 logs grouped") && triage.body.contains("1 known, 2 unknown in 1 family, 1 with no error line"),
            "\(triage.body.prefix(1500))")
        #expect(triage.body.contains("beads create --from-error"))
    }

    /// The event stream as curl receives it for `seconds`, while `change` runs.
    func events(from server: ServeProcess, for seconds: Int, during change: () throws -> Void) throws -> String {
        let events = Process()
        events.executableURL = URL(fileURLWithPath: "/usr/bin/curl")
        events.arguments = ["-sN", "--max-time", "\(seconds)", server.url + "events"]
        let received = Pipe()
        events.standardOutput = received
        try events.run()
        Thread.sleep(forTimeInterval: 1)
        try change()
        events.waitUntilExit()
        return String(decoding: received.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
    }

    @Test func thePageIsToldWhenTheStoreChanges() throws {
        let team = try Team()
        let server = try ServeProcess(kb: team.kb)
        let stream = try events(from: server, for: 5) { _ = try team.kb.run("update", team.node, "--priority", "1") }
        #expect(stream.hasPrefix("retry: 2000\n: connected\n\n"))
        #expect(stream.contains("event: change\ndata: "), "\(stream)")
    }

    @Test func aGitPullIsSeenToo() throws {
        let team = try Team()
        let server = try ServeProcess(kb: team.kb)
        // A teammate's bead arrives as a line of issues.jsonl, as a pull brings it.
        let elsewhere = ScratchKnowledgeBase()
        _ = try elsewhere.run("create", "Teammate's bead about the registry mirror", "--id", "mo-pull1")
        let line = elsewhere.read("beads/issues.jsonl").split(separator: "\n").first { $0.contains("\"mo-pull1\"") }.map(String.init) ?? ""
        #expect(!line.isEmpty)
        let stream = try events(from: server, for: 4) {
            let handle = try FileHandle(forWritingTo: URL(fileURLWithPath: team.kb.path + "/beads/issues.jsonl"))
            try handle.seekToEnd()
            try handle.write(contentsOf: Data((line + "\n").utf8))
            try handle.close()
        }
        #expect(stream.contains("event: change"), "\(stream)")
        let board = try server.get("/board")
        #expect(board.body.contains("Teammate&#39;s bead about the registry mirror"))
    }
}
