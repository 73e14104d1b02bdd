import Foundation
import Testing

@Suite struct RecipeRunnerEndToEndTests {
    /// A doc with recipes that show what they were given.
    static let doc = """
        # Test recipes

        **Bead**: mo-jgo

        ```bash {recipe=show-input when=any}
        # Print what the runner passed in
        printf 'error=[%s]\\n' "$BEADS_ERROR"
        printf 'bead=[%s]\\n' "$BEADS_BEAD"
        printf 'file=[%s]\\n' "$(cat "$BEADS_ERROR_FILE" 2>/dev/null)"
        printf 'token=[%s]\\n' "$GITHUB_TOKEN"
        beads --version
        ```

        ```bash {recipe=leave-a-grandchild when=any}
        # Start a grandchild that would outlive a careless runner, then wait
        sleep 300 &
        echo $! > "$BEADS_DIR/grandchild.pid"
        sleep 300
        ```

        ```bash {recipe=fail-seven when=any}
        echo failing
        exit 7
        ```

        ```bash {recipe=escape-the-group when=any}
        # A child in a session of its own that ignores SIGTERM: out of the group's reach
        setsid sh -c 'trap "" TERM; echo $$ > "$BEADS_DIR/escaped.pid"; while :; do sleep 1; done' &
        trap "" TERM
        sleep 300
        ```

        ```bash {recipe=fork-storm when=any}
        # A session of its own that ignores SIGTERM and forks a child every 5 ms
        setsid sh -c 'trap "" TERM; while :; do (trap "" TERM; exec sleep 1001.25) & sleep 0.005; done' &
        trap "" TERM
        sleep 300
        ```

        ```bash {recipe=double-fork-away when=any}
        # A daemon made the usual way: the middle process exits, the daemon is orphaned
        cat > "$BEADS_DIR/daemon.sh" <<'EOS'
        trap "" TERM
        echo $$ > "$BEADS_DIR/orphan.pid"
        while :; do sleep 1; done
        EOS
        sh -c 'setsid sh "$BEADS_DIR/daemon.sh" </dev/null >/dev/null 2>&1 &'
        trap "" TERM
        sleep 300
        ```
        """

    /// Whether the process is gone within five seconds; killed if not, so no test
    /// leaves it behind.
    static func endsWithinFiveSeconds(_ pid: pid_t) -> Bool {
        for _ in 0..<50 {
            if kill(pid, 0) != 0 { return true }
            usleep(100_000)
        }
        kill(pid, SIGKILL)
        return false
    }

    func knowledgeBase() -> ScratchKnowledgeBase {
        let kb = ScratchKnowledgeBase()
        kb.write("docs/test-recipes.md", Self.doc)
        return kb
    }

    @Test func dryRunShowsTheScriptAndRunsNothing() throws {
        let kb = knowledgeBase()
        let run = try kb.run("recipe", "run", "fail-seven", "--dry-run")
        #expect(run.status == 0)
        #expect(run.stdout.contains("  │ exit 7"))
        #expect(run.stdout.contains("Dry run: nothing was run."))
        #expect(try kb.run("runs").stdout == "No recipe runs recorded.\n")
    }

    @Test func withoutATerminalItNeedsYes() throws {
        let kb = knowledgeBase()
        let run = try kb.run("recipe", "run", "fail-seven")
        #expect(run.status == 2)
        #expect(run.stderr.contains("pass --yes"))
        #expect(!run.stdout.contains("─── running"))
        #expect(try kb.run("runs").stdout == "No recipe runs recorded.\n")
    }

    @Test func aRunPassesTheExitCodeAndIsRecorded() throws {
        let kb = knowledgeBase()
        let run = try kb.run("recipe", "run", "fail-seven", "--yes")
        #expect(run.status == 7)
        #expect(run.stdout.contains("failing\n"))
        let runs = try #require(try json(try kb.run("runs", "--json").stdout) as? [[String: Any]])
        #expect(runs.count == 1)
        #expect(runs[0]["recipe"] as? String == "fail-seven")
        #expect(runs[0]["exit_code"] as? Int == 7)
        #expect(runs[0]["outcome"] as? String == "failed")
        #expect(runs[0]["bead"] as? String == "mo-jgo")
        #expect((runs[0]["output"] as? String)?.contains("failing") == true)
        let shown = try kb.run("show", "mo-jgo").stdout
        #expect(shown.contains("Recent runs:\n  #1  "))
        #expect(shown.contains("fail-seven  failed (exit 7)"))
    }

    @Test func approvalHoldsUntilTheTextChanges() throws {
        let kb = knowledgeBase()
        #expect(try kb.run("recipe", "run", "fail-seven", "--yes").status == 7)
        // Approved: runs without --yes now.
        #expect(try kb.run("recipe", "run", "fail-seven").status == 7)
        kb.write("docs/test-recipes.md", Self.doc.replacingOccurrences(of: "echo failing", with: "echo failing differently"))
        let changed = try kb.run("recipe", "run", "fail-seven")
        #expect(changed.status == 2)
        #expect(changed.stderr.contains("changed since it was approved"))
    }

    /// Approval covers what decides what runs, not only the body: the same text under
    /// another interpreter is another program.
    @Test func anotherInterpreterForTheSameTextAsksAgain() throws {
        let kb = knowledgeBase()
        #expect(try kb.run("recipe", "run", "fail-seven", "--yes").status == 7)
        let doc = kb.read("docs/test-recipes.md")
        let fence = try #require(doc.split(separator: "\n").first { $0.contains("recipe=fail-seven") })
        let language = String(fence.dropFirst(3).prefix { $0 != " " })
        kb.write(
            "docs/test-recipes.md",
            doc.replacingOccurrences(of: String(fence), with: String(fence).replacingOccurrences(of: "```" + language, with: "```zsh")))
        let changed = try kb.run("recipe", "run", "fail-seven")
        #expect(changed.status == 2)
        #expect(changed.stderr.contains("changed since it was approved"))
    }

    @Test func aPastedErrorIsDataNeverCode() throws {
        let kb = knowledgeBase()
        let marker = kb.path + "/pwned"
        let paste = "npm ERR! code ENOTEMPTY $(touch \(marker)) `touch \(marker)` ; touch \(marker) | touch \(marker)"
        let run = try kb.run(
            "fix", "--run", "--recipe", "show-input", "--yes", stdin: paste,
            environment: ["GITHUB_TOKEN": "ghp_abcdefghijklmnopqrstuvwxyz0123456789"])
        #expect(run.status == 0)
        #expect(!FileManager.default.fileExists(atPath: marker))
        #expect(run.stdout.contains("error=[npm ERR! code ENOTEMPTY $(touch \(marker))"))
        #expect(run.stdout.contains("file=[npm ERR! code ENOTEMPTY $(touch"))
        #expect(run.stdout.contains("bead=[mo-3bol]"))
        // The runner put its own folder first on PATH.
        #expect(run.stdout.contains("0.1.0"))
        // The token was masked on screen and in the run log.
        #expect(run.stdout.contains("token=[***]"))
        #expect(!run.stdout.contains("ghp_abcdefghijklmnopqrstuvwxyz0123456789"))
        #expect(!(try kb.run("runs", "--json").stdout).contains("ghp_abcdefghij"))
        let database = try Data(contentsOf: URL(fileURLWithPath: kb.path + "/beads/beads.db"))
        #expect(database.range(of: Data("ghp_abcdefghijklmnopqrstuvwxyz0123456789".utf8)) == nil)
    }

    @Test func aTimeoutEndsTheWholeProcessGroup() throws {
        let kb = knowledgeBase()
        let started = Date()
        let run = try kb.run("recipe", "run", "leave-a-grandchild", "--yes", "--timeout", "1")
        #expect(run.status == 124)
        #expect(Date().timeIntervalSince(started) < 30)
        let pid = try #require(Int32(kb.read("grandchild.pid").trimmingCharacters(in: .whitespacesAndNewlines)))
        // The grandchild was in the recipe's process group: it is gone too.
        #expect(Self.endsWithinFiveSeconds(pid))
        let runs = try #require(try json(try kb.run("runs", "--json").stdout) as? [[String: Any]])
        #expect(runs.first?["outcome"] as? String == "timed out")
    }

    /// A child that left the process group (setsid) and ignores SIGTERM used to survive
    /// the time-out: now every process the recipe started is noted first and killed after.
    @Test func aTimeoutEndsChildrenThatLeftTheGroup() throws {
        let kb = knowledgeBase()
        let run = try kb.run("recipe", "run", "escape-the-group", "--yes", "--timeout", "1")
        #expect(run.status == 124)
        let pid = try #require(Int32(kb.read("escaped.pid").trimmingCharacters(in: .whitespacesAndNewlines)))
        #expect(Self.endsWithinFiveSeconds(pid))
    }

    /// A loop in its own session, ignoring SIGTERM, forking every few milliseconds: killed
    /// one by one it always had new children; stopped first, then killed, none is left.
    @Test func aTimeoutEndsATreeThatKeepsForking() throws {
        let kb = knowledgeBase()
        let run = try kb.run("recipe", "run", "fork-storm", "--yes", "--timeout", "2")
        #expect(run.status == 124)
        usleep(300_000)
        // Every process whose command line is the storm's child, read from /proc.
        let left = ((try? FileManager.default.contentsOfDirectory(atPath: "/proc")) ?? []).filter { entry in
            guard Int32(entry) != nil, let line = FileManager.default.contents(atPath: "/proc/\(entry)/cmdline") else { return false }
            return String(decoding: line, as: UTF8.self).contains("1001.25")
        }
        #expect(left.isEmpty, "\(left.count) processes left behind")
    }

    /// A daemon that double-forked away (its parent exited, so it belonged to init, not
    /// to the recipe) used to survive the time-out: beads now adopts such orphans.
    @Test func aTimeoutEndsADaemonWhoseParentAlreadyExited() throws {
        let kb = knowledgeBase()
        let run = try kb.run("recipe", "run", "double-fork-away", "--yes", "--timeout", "1")
        #expect(run.status == 124)
        let pid = try #require(Int32(kb.read("orphan.pid").trimmingCharacters(in: .whitespacesAndNewlines)))
        #expect(Self.endsWithinFiveSeconds(pid))
    }

    /// Ctrl-C at the terminal sends SIGINT to beads: the recipe's group and the child that
    /// left it are ended, the run is recorded as interrupted, and beads exits 130.
    @Test func ctrlCEndsEveryProcessTheRecipeStartedAndIsRecorded() throws {
        let kb = knowledgeBase()
        let process = Process()
        process.executableURL = URL(fileURLWithPath: BeadsBinary.path)
        process.arguments = ["recipe", "run", "escape-the-group", "--yes"]
        process.currentDirectoryURL = URL(fileURLWithPath: kb.path)
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        process.standardInput = FileHandle.nullDevice
        try process.run()
        // Wait until the recipe has started the child that escapes the group.
        var escaped: Int32?
        for _ in 0..<100 where escaped == nil {
            escaped = Int32(kb.read("escaped.pid").trimmingCharacters(in: .whitespacesAndNewlines))
            if escaped == nil { usleep(50_000) }
        }
        let pid = try #require(escaped)
        kill(process.processIdentifier, SIGINT)
        process.waitUntilExit()
        #expect(process.terminationReason == .exit)
        #expect(process.terminationStatus == 130)
        #expect(Self.endsWithinFiveSeconds(pid))
        let runs = try #require(try json(try kb.run("runs", "--json").stdout) as? [[String: Any]])
        #expect(runs.first?["outcome"] as? String == "interrupted")
    }

    @Test func anUnknownRecipeSaysWhichExist() throws {
        let kb = knowledgeBase()
        let run = try kb.run("recipe", "run", "nope")
        #expect(run.status == 1)
        #expect(run.stderr.contains("kaniko-build"))
    }
}
