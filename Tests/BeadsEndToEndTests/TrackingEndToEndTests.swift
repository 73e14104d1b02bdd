import Foundation
import Testing

@Suite struct TrackingEndToEndTests {
    @Test func createUpdateCloseReopenAreWrittenToTheJSONL() throws {
        let kb = ScratchKnowledgeBase()
        let created = try kb.run("create", "Kaniko pushes fail with UNAUTHORIZED", "-p", "1", "-t", "bug", "-l", "kaniko,ci", "--json")
        #expect(created.status == 0)
        let bead = try #require(try json(created.stdout) as? [String: Any])
        let id = try #require(bead["id"] as? String)
        #expect(id.hasPrefix("mo-"))
        #expect(bead["priority"] as? Int == 1)
        #expect(bead["labels"] as? [String] == ["kaniko", "ci"])
        #expect(kb.read("beads/issues.jsonl").contains(#""id":"\#(id)""#))

        #expect(try kb.run("update", id, "--status", "in_progress", "--assignee", "sam").status == 0)
        var shown = try #require(try json(try kb.run("show", id, "--json").stdout) as? [String: Any])
        #expect(shown["status"] as? String == "in_progress")
        #expect(shown["assignee"] as? String == "sam")

        let closed = try kb.run("close", id, "--reason", "secret recreated")
        #expect(closed.stdout == "Closed \(id): Kaniko pushes fail with UNAUTHORIZED\n")
        shown = try #require(try json(try kb.run("show", id, "--json").stdout) as? [String: Any])
        #expect(shown["status"] as? String == "closed")
        #expect(shown["close_reason"] as? String == "secret recreated")
        #expect(shown["closed_at"] is String)

        #expect(try kb.run("reopen", id).status == 0)
        let line = try #require(kb.read("beads/issues.jsonl").split(separator: "\n").first { $0.contains(id) })
        #expect(line.contains(#""status":"open""#))
        #expect(!line.contains("closed_at"))
    }

    @Test func listAndShowSpeakBdShapes() throws {
        let kb = ScratchKnowledgeBase()
        let open = try kb.run("list", "--json")
        #expect(try json(open.stdout) as? [Any] != nil)
        #expect((try json(open.stdout) as? [Any])?.isEmpty == true)
        let all = try #require(try json(try kb.run("list", "--all", "--json").stdout) as? [[String: Any]])
        #expect(all.count == 5)
        #expect(Set(all.compactMap { $0["id"] as? String }) == ["mo-jgo", "mo-1na", "mo-1nh", "mo-3bol", "mo-3t8p"])
        let show = try #require(try json(try kb.run("show", "mo-1na", "--json").stdout) as? [String: Any])
        #expect(show["title"] as? String == "GitHub Actions workflow failures")
        // Keys beads does not model survive: bd's dependencies.
        #expect((show["dependencies"] as? [[String: Any]])?.first?["depends_on_id"] as? String == "mo-jgo")
        #expect((show["signatures"] as? [[String: Any]])?.isEmpty == false)
        let text = try kb.run("show", "mo-jgo")
        #expect(text.stdout.contains("Error signatures:"))
        #expect(text.stdout.contains("kaniko-build  (in a devpod; needs kubectl)"))
    }

    @Test func aMissingBeadIsAClearError() throws {
        let kb = ScratchKnowledgeBase()
        let run = try kb.run("show", "mo-nope")
        #expect(run.status == 1)
        #expect(run.stderr.contains("no bead has the id mo-nope"))
    }

    @Test func oneCommandIsOneTransaction() throws {
        let kb = ScratchKnowledgeBase()
        let before = kb.read("beads/issues.jsonl")
        let run = try kb.run("reopen", "mo-jgo", "mo-nope")
        #expect(run.status == 1)
        #expect(run.stderr.contains("mo-nope"))
        #expect(kb.read("beads/issues.jsonl") == before)
        #expect(try kb.run("show", "mo-jgo").stdout.contains("Status: closed"))
    }

    @Test func aMalformedImportNamesTheLineAndImportsNothing() throws {
        let kb = ScratchKnowledgeBase()
        kb.write(
            "incoming.jsonl",
            """
            {"id":"mo-new1","title":"fine","status":"open","priority":2,"issue_type":"task","created_at":"2026-02-06T00:00:00Z","updated_at":"2026-02-06T00:00:00Z"}
            {"id":"mo-new2","title":"broken","priority":"high"}

            """)
        let before = kb.read("beads/issues.jsonl")
        let run = try kb.run("import", "incoming.jsonl")
        #expect(run.status == 1)
        #expect(run.stderr.contains("incoming.jsonl:2"))
        #expect(run.stderr.contains("priority"))
        #expect(kb.read("beads/issues.jsonl") == before)
        #expect(try kb.run("show", "mo-new1").status == 1)
    }

    @Test func importThenExportRoundTripsUnknownKeys() throws {
        let kb = ScratchKnowledgeBase()
        let line =
            #"{"id":"mo-x9z","title":"From bd","description":"a \u003cb\u003e","notes":"kept","status":"hooked","priority":0,"issue_type":"task","owner":"o@example.com","created_at":"2026-01-21T01:37:13Z","created_by":"mayor","updated_at":"2026-01-21T01:37:13Z","dependencies":[{"issue_id":"mo-x9z","depends_on_id":"mo-jgo","type":"blocks","created_at":"2026-01-23T23:16:08Z","created_by":"import","metadata":"{}"}],"work_type":"mutex"}"#
        kb.write("bd.jsonl", line + "\n")
        #expect(try kb.run("import", "bd.jsonl").stdout.contains("1 new"))
        let exported = try kb.run("export").stdout
        #expect(exported.split(separator: "\n").contains { $0 == line })
        #expect(try kb.run("import", "bd.jsonl").stdout.contains("1 unchanged"))
    }

    @Test func readyAndBlockedSpeakBdShapes() throws {
        let kb = ScratchKnowledgeBase()
        kb.write(
            "deps.jsonl",
            """
            {"id":"mo-aaa","title":"Blocker","status":"open","priority":1,"issue_type":"task","created_at":"2026-02-06T00:00:00Z","updated_at":"2026-02-06T00:00:00Z"}
            {"id":"mo-bbb","title":"Waits","status":"open","priority":0,"issue_type":"task","created_at":"2026-02-06T00:00:00Z","updated_at":"2026-02-06T00:00:00Z","dependencies":[{"issue_id":"mo-bbb","depends_on_id":"mo-aaa","type":"blocks","created_at":"2026-02-06T00:00:00Z","created_by":"t"}]}

            """)
        #expect(try kb.run("import", "deps.jsonl").status == 0)
        let ready = try #require(try json(try kb.run("ready", "--json").stdout) as? [[String: Any]])
        #expect(ready.map { $0["id"] as? String } == ["mo-aaa"])
        let blocked = try #require(try json(try kb.run("blocked", "--json").stdout) as? [[String: Any]])
        #expect(blocked.map { $0["id"] as? String } == ["mo-bbb"])
        #expect(blocked.first?["blocked_by"] as? [String] == ["mo-aaa"])
        #expect(try kb.run("close", "mo-aaa").status == 0)
        #expect(try kb.run("ready").stdout.hasPrefix("mo-bbb  P0"))
    }

    @Test func theDatabaseIsAWorkingCopy() throws {
        let kb = ScratchKnowledgeBase()
        let id = try #require(try json(try kb.run("create", "Survives a rebuild", "--json").stdout) as? [String: Any])["id"] as? String
        for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: kb.path + "/beads/beads.db" + suffix) }
        #expect(try kb.run("show", id!).stdout.contains("Survives a rebuild"))
        // A pull that brings a newer JSONL is imported by the next command.
        var lines = kb.read("beads/issues.jsonl").split(separator: "\n").map(String.init)
        lines = lines.map { $0.contains(#""id":"mo-jgo""#) ? $0.replacingOccurrences(of: #""priority":1"#, with: #""priority":0"#) : $0 }
        kb.write("beads/issues.jsonl", lines.joined(separator: "\n") + "\n")
        #expect(try kb.run("show", "mo-jgo").stdout.contains("P0"))
    }

    @Test func brokenFrontMatterWarnsAndTheRestStillWorks() throws {
        let kb = ScratchKnowledgeBase()
        kb.write(
            "docs/broken.md",
            "---\nbeads: [mo-jgo\n---\n# Broken\n\n**Bead**: mo-1na\n\n## Error\n\n```\nthe workflow exploded in a brand new way\n```\n")
        let run = try kb.run("fix", "the workflow exploded in a brand new way")
        #expect(run.stderr.contains("docs/broken.md:2"))
        #expect(run.stderr.contains("front matter"))
        #expect(run.status == 0)
        #expect(run.stdout.contains("mo-1na"))
    }

    @Test func withoutAKnowledgeBaseItSaysWhatToDo() throws {
        let empty = NSTemporaryDirectory() + "beads-empty-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: empty, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: empty) }
        let run = try BeadsBinary.run(["list"], in: empty)
        #expect(run.status == 2)
        #expect(run.stderr.contains("beads init"))
        #expect(try BeadsBinary.run(["init", "--prefix", "zz"], in: empty).status == 0)
        let created = try BeadsBinary.run(["create", "First", "--json"], in: empty)
        #expect((try json(created.stdout) as? [String: Any])?["id"].flatMap { $0 as? String }?.hasPrefix("zz-") == true)
    }

    @Test func theKnowledgeBaseIsFoundFromASubfolderOrNamed() throws {
        let kb = ScratchKnowledgeBase()
        let sub = kb.path + "/docs"
        #expect(try BeadsBinary.run(["list", "--all"], in: sub).stdout.contains("mo-jgo"))
        #expect(try BeadsBinary.run(["list", "--all", "--kb", kb.path], in: "/").stdout.contains("mo-jgo"))
        #expect(try BeadsBinary.run(["list", "--all"], in: "/", environment: ["BEADS_DIR": kb.path]).stdout.contains("mo-jgo"))
    }

    @Test func badArgumentsExitTwo() throws {
        let kb = ScratchKnowledgeBase()
        #expect(try kb.run("create", "x", "-p", "7").status == 2)
        #expect(try kb.run("update", "mo-jgo", "--status", "done").status == 2)
        #expect(try kb.run("update", "mo-jgo").status == 2)
    }
}
