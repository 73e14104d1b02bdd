import BeadsTestSupport
import Foundation
import Testing

/// The second adversarial round (issue 24): each input that broke main, and what it
/// must do now.
@Suite struct HardeningEndToEndTests {
    /// A full disk behind standard output is a clean error and exit 1, not a crash; a
    /// reader that went away (`| head`) ends beads as SIGPIPE would, without a word.
    @Test func aFullOrClosedStandardOutputIsAnsweredCleanly() throws {
        let kb = ScratchKnowledgeBase()
        for command in [["export"], ["list", "--all"]] {
            let full = try BeadsBinary.run(
                ["-c", "exec \"$0\" \"$@\" > /dev/full", BeadsBinary.path] + command, in: kb.path,
                executable: "/bin/sh")
            #expect(full.status == 1, "\(command): \(full.status) \(full.stderr.prefix(300))")
            #expect(full.stderr.contains("cannot write to standard output: No space left on device"), "\(full.stderr.prefix(300))")
            #expect(!full.stderr.contains("Fatal error") && !full.stderr.contains("crashed"))
        }
        // Far more output than a pipe holds, so that beads writes after the reader has gone.
        let lines = (1...3000).map { n in
            #"{"id":"bd-x\#(String(n, radix: 36))","title":"bead number \#(n) with a title long enough to fill a pipe","status":"open","priority":2,"issue_type":"task","created_at":"2026-01-01T00:00:00Z","updated_at":"2026-01-01T00:00:00Z"}"#
        }
        kb.write("many.jsonl", lines.joined(separator: "\n") + "\n")
        let imported = try kb.run("import", "many.jsonl")
        #expect(imported.status == 0, "\(imported.stderr)")
        let piped = try BeadsBinary.run(
            ["-c", "\"$0\" export | head -c 10 >/dev/null", BeadsBinary.path], in: kb.path, executable: "/bin/sh")
        #expect(piped.stderr.isEmpty, "\(piped.stderr.prefix(300))")
    }

    /// A pulled doc (or a bead's description) nesting 100,000 quotes over 50,000 brackets
    /// kept cmark busy for 34 s, and every command or page with it. Its markers past the
    /// limit are read as text, and the doc or bead is named.
    @Test func aDocThatWouldStallCmarkIsBoundedAndNamed() throws {
        let kb = ScratchKnowledgeBase()
        let hostile =
            "# n\n\n" + String(repeating: ">", count: 100_000) + " q\n" + String(repeating: "[", count: 50_000) + "a"
            + String(repeating: "]", count: 50_000) + "\n"
        kb.write("docs/n.md", hostile)
        let listed = try kb.run("doc", "list")
        #expect(listed.status == 0, "\(listed.stderr.prefix(300))")
        #expect(listed.stderr.contains("docs/n.md: line 3: 100000 nested quote or list markers"), "\(listed.stderr.prefix(500))")
        // One argument holds at most 128 KiB: a smaller one of the same shape.
        let description = String(repeating: ">", count: 40_000) + " q\n" + String(repeating: "[", count: 40_000) + "a"
        let created = try kb.run("create", "hostile description", "--description", description, "--json")
        let bead = try id(created)
        let server = try ServeProcess(kb: kb)
        let page = try server.get("/beads/" + bead)
        #expect(page.status == 200)
        #expect(
            page.body.contains("The description was cut to be shown: line 1: 40000 nested quote or list markers"),
            "\(page.body.suffix(2000))")
    }

    /// Credentials in a paste never reach the git-tracked files: not through a bead made
    /// from the error, not through a confirmed shape, not through the hits that follow.
    @Test func credentialsInAPasteNeverReachTheTrackedFiles() throws {
        let kb = ScratchKnowledgeBase()
        let secrets = ["hunter2pass", "AKIAIOSFODNN7EXAMPLE", "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY", "abcdefgh12345678zz"]
        let paste = """
            fatal: unable to access 'https://alice:hunter2pass@git.example.com/app.git/': The requested URL returned error: 403
            aws_access_key_id=AKIAIOSFODNN7EXAMPLE aws_secret_access_key=wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY
            Authorization: Bearer abcdefgh12345678zz
            """
        let created = try kb.run(["create", "--from-error", "-t", "bug", "--json"], stdin: paste)
        let bead = try id(created)
        #expect(try kb.run(["fix", "--confirm", bead], stdin: paste + "\nretrying").status == 0)
        #expect(try kb.run(["fix"], stdin: paste).status == 0)
        for file in ["beads/issues.jsonl", "beads/hits.jsonl"] {
            let text = kb.read(file)
            #expect(!text.isEmpty, "\(file)")
            for secret in secrets { #expect(!text.contains(secret), "\(file) holds \(secret)") }
        }
        #expect(kb.read("beads/issues.jsonl").contains("https://alice:***@git.example.com"))
    }

    /// Links planted at the names the export's temporary file will have (one for every
    /// pid that may come next) are never written through; a link in place of beads's
    /// own files is refused with a clear error.
    @Test func plantedLinksAreNeverFollowed() throws {
        let kb = ScratchKnowledgeBase()
        #expect(try kb.run("list").status == 0)
        let victim = kb.path + "/victim.txt"
        kb.write("victim.txt", "precious\n")
        let last =
            Int(
                (try? String(contentsOfFile: "/proc/sys/kernel/ns_last_pid", encoding: .utf8))?
                    .trimmingCharacters(in: .whitespacesAndNewlines) ?? "") ?? 1
        for pid in (last + 1)...(last + 3000) {
            symlink(victim, kb.path + "/beads/.issues.jsonl.\(pid).tmp")
        }
        let created = try kb.run("create", "written beside the links", "--json")
        #expect(created.status == 0, "\(created.stderr)")
        #expect(kb.read("victim.txt") == "precious\n")
        var info = stat()
        #expect(lstat(kb.path + "/beads/issues.jsonl", &info) == 0 && (info.st_mode & S_IFMT) == S_IFREG)
        #expect(kb.read("beads/issues.jsonl").contains("written beside the links"))

        // A link in place of the tracker file: refused, named, nothing written through it.
        try? FileManager.default.removeItem(atPath: kb.path + "/beads/hits.jsonl")
        symlink(victim, kb.path + "/beads/hits.jsonl")
        let refused = try kb.run("fix", "npm ERR! code ENOTEMPTY")
        #expect(refused.status != 0)
        #expect(refused.stderr.contains("hits.jsonl") && refused.stderr.contains("symbolic link"), "\(refused.stderr)")
        #expect(kb.read("victim.txt") == "precious\n")
    }

    /// Two writers creating beads while a third party replaces issues.jsonl again and
    /// again, each time with one more teammate's bead (as `git pull` does): every pulled
    /// bead survives, in the file and in the store.
    @Test func pullsDuringWritesLoseNoBeads() throws {
        let kb = ScratchKnowledgeBase()
        #expect(try kb.run("list").status == 0)
        let script = """
            writer() { for i in $(seq 15); do "$BEADS" create "writer $1 bead $i" >/dev/null 2>&1; done; }
            puller() {
              for i in $(seq 15); do
                cp beads/issues.jsonl .pulled
                printf '{"id":"mo-pl%s","title":"pulled %s","status":"open","priority":2,"issue_type":"task","created_at":"2026-01-01T00:00:00Z","updated_at":"2026-01-01T00:00:00Z"}\\n' "$i" "$i" >> .pulled
                mv .pulled beads/issues.jsonl
                sleep 0.02
              done
            }
            writer 1 & writer 2 & puller & wait
            """
        let run = try BeadsBinary.run(["-c", script], in: kb.path, environment: ["BEADS": BeadsBinary.path], executable: "/bin/bash")
        #expect(run.status == 0, "\(run.stderr)")
        let file = kb.read("beads/issues.jsonl")
        let listed = try kb.run("list", "--all", "--json", "--limit", "0")
        #expect(listed.stdout.components(separatedBy: "writer ").count > 10, "the writers wrote: \(listed.stdout.prefix(300))")
        for i in 1...15 {
            #expect(file.contains("\"mo-pl\(i)\""), "pulled bead \(i) is in the file")
            #expect(listed.stdout.contains("\"mo-pl\(i)\""), "pulled bead \(i) is in the store")
        }
    }

    /// On a disk that fills up, a `create` that fails says the store is unchanged, and
    /// it is: neither the file nor the store holds the bead, so a retry makes no
    /// duplicate. (A 2 MB tmpfs; mounting one needs root, so the test runs where it can.)
    @Test(.enabled(if: SmallDisk.canMount, "mounting a tmpfs needs root"))
    func aFullDiskLeavesTheFileAndTheStoreAgreeing() throws {
        let disk = try SmallDisk(megabytes: 2)
        defer { disk.unmount() }
        let kb = disk.path + "/kb"
        try FileManager.default.createDirectory(atPath: kb + "/beads", withIntermediateDirectories: true)
        try FileManager.default.createDirectory(atPath: kb + "/docs", withIntermediateDirectories: true)
        try "prefix: mo\n".write(toFile: kb + "/beads/config.yaml", atomically: true, encoding: .utf8)
        try "".write(toFile: kb + "/beads/issues.jsonl", atomically: true, encoding: .utf8)
        func beads(_ args: String...) throws -> BeadsRun { try BeadsBinary.run(args, in: kb) }
        for n in 1...20 { _ = try beads("create", "bead \(n) with a title long enough to take some room") }
        var failures = 0
        for leave in [120, 100, 80, 60] {
            try disk.fill(leavingKilobytes: leave)
            var acknowledged = 0
            for attempt in 1...4 {
                let run = try beads("create", "left \(leave) attempt \(attempt)")
                if run.status == 0 {
                    acknowledged += 1
                } else {
                    failures += 1
                    #expect(run.stderr.contains("unchanged"), "\(run.stderr)")
                }
            }
            disk.emptyFiller()
            let file = try String(contentsOfFile: kb + "/beads/issues.jsonl", encoding: .utf8)
            let listed = try beads("list", "--all", "-n", "0").stdout
            #expect(file.components(separatedBy: "left \(leave) attempt").count - 1 == acknowledged, "file, \(leave) KB left")
            #expect(listed.components(separatedBy: "left \(leave) attempt").count - 1 == acknowledged, "store, \(leave) KB left")
        }
        #expect(failures > 0, "the disk filled up at some point")
    }

    /// The README's own example: a separator that starts with a dash is a value.
    @Test func aSeparatorStartingWithADashIsTakenAsGiven() throws {
        let kb = ScratchKnowledgeBase()
        let run = try kb.run(
            ["triage", "-", "--separator", "-- >8 --", "--json"],
            stdin: "ERROR: first widget broke\n-- >8 --\nERROR: second gadget vanished\n")
        #expect(run.status == 0, "\(run.stderr)")
        let families = try #require(try JSONTree.parse(run.stdout).array)
        #expect(families.count == 2, "\(run.stdout)")
    }
}
