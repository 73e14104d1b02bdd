import Foundation
import Testing

@Suite struct GitMergeEndToEndTests {
    func git(_ args: String..., in dir: String) throws -> (Int32, String) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments =
            [
                "git", "-c", "user.name=Test", "-c", "user.email=test@example.com", "-c", "init.defaultBranch=main",
                "-c", "commit.gpgsign=false",
            ] + args
        process.currentDirectoryURL = URL(fileURLWithPath: dir)
        // git runs the merge driver as `beads merge`, found on PATH as a user's install is.
        var env = ProcessInfo.processInfo.environment
        env["PATH"] = Self.pathWithBeads
        process.environment = env
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = pipe
        try process.run()
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: data, as: UTF8.self))
    }

    static let pathWithBeads =
        (BeadsBinary.path as NSString).deletingLastPathComponent + ":" + (ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin")

    @Test func initRegistersBeadsFromPathAndWarnsWhenItIsNotThere() throws {
        let repo = NSTemporaryDirectory() + "beads-git-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: repo, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: repo) }
        #expect(try git("init", "-q", in: repo).0 == 0)
        let found = try BeadsBinary.run(["init", "--prefix", "mo"], in: repo, environment: ["PATH": Self.pathWithBeads])
        #expect(found.stdout.contains("through `beads merge`, found on PATH at \(BeadsBinary.path)"), "\(found.stdout)")
        #expect(try git("config", "merge.beads.driver", in: repo).1 == "beads merge %O %A %B\n")
        let missing = try BeadsBinary.run(["init", "--prefix", "mo"], in: repo, environment: ["PATH": "/usr/bin:/bin"])
        #expect(missing.status == 0)
        #expect(missing.stderr.contains("warning: beads is not on PATH"))
    }

    @Test func twoBranchesEditingOneJSONLMergeWithoutConflict() throws {
        let repo = NSTemporaryDirectory() + "beads-git-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: repo, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: repo) }
        #expect(try git("init", "-q", in: repo).0 == 0)
        let initRun = try BeadsBinary.run(["init", "--prefix", "mo"], in: repo, environment: ["PATH": Self.pathWithBeads])
        #expect(initRun.status == 0)
        #expect(initRun.stdout.contains("Registered the merge drivers"))
        #expect(
            try String(contentsOfFile: repo + "/.gitattributes", encoding: .utf8)
                == "beads/issues.jsonl merge=beads\nbeads/hits.jsonl merge=union\n")
        func create(_ title: String) throws -> String {
            let run = try BeadsBinary.run(["create", title, "--json"], in: repo)
            return (try json(run.stdout) as? [String: Any])?["id"] as? String ?? ""
        }
        let a = try create("Alpha"), b = try create("Bravo")
        #expect(try git("add", "-A", in: repo).0 == 0)
        #expect(try git("commit", "-qm", "two beads", in: repo).0 == 0)

        #expect(try git("checkout", "-qb", "feature", in: repo).0 == 0)
        #expect(try BeadsBinary.run(["update", a, "--status", "in_progress"], in: repo).status == 0)
        #expect(try BeadsBinary.run(["label", "add", b, "from-feature"], in: repo).status == 0)
        #expect(try git("commit", "-qam", "feature work", in: repo).0 == 0)

        #expect(try git("checkout", "-q", "main", in: repo).0 == 0)
        #expect(try BeadsBinary.run(["update", a, "--priority", "0"], in: repo).status == 0)
        #expect(try BeadsBinary.run(["label", "add", b, "from-main"], in: repo).status == 0)
        let c = try create("Charlie")
        #expect(try git("add", "-A", in: repo).0 == 0)
        #expect(try git("commit", "-qm", "main work", in: repo).0 == 0)

        let (status, output) = try git("merge", "--no-edit", "feature", in: repo)
        #expect(status == 0, "git merge said: \(output)")
        let merged = try String(contentsOfFile: repo + "/beads/issues.jsonl", encoding: .utf8)
        #expect(!merged.contains("<<<<<<<"))
        // The next command imports what git merged.
        let alpha = try #require(try json(try BeadsBinary.run(["show", a, "--json"], in: repo).stdout) as? [String: Any])
        #expect(alpha["status"] as? String == "in_progress")
        #expect(alpha["priority"] as? Int == 0)
        let bravo = try #require(try json(try BeadsBinary.run(["show", b, "--json"], in: repo).stdout) as? [String: Any])
        #expect(Set(bravo["labels"] as? [String] ?? []) == ["from-main", "from-feature"])
        #expect(try BeadsBinary.run(["show", c], in: repo).status == 0)
    }

    /// Hits recorded on two branches (each appending to beads/hits.jsonl) merge with no
    /// conflict, and every one of them is still counted after the database is rebuilt.
    @Test func hitsFromTwoBranchesMergeAsAUnionAndSurviveARebuild() throws {
        let repo = NSTemporaryDirectory() + "beads-git-" + UUID().uuidString
        let fm = FileManager.default
        try fm.createDirectory(atPath: repo + "/beads", withIntermediateDirectories: true)
        defer { try? fm.removeItem(atPath: repo) }
        try fm.copyItem(atPath: BeadsBinary.repository + "/docs", toPath: repo + "/docs")
        for file in ["issues.jsonl", "config.yaml"] {
            try fm.copyItem(atPath: BeadsBinary.repository + "/beads/" + file, toPath: repo + "/beads/" + file)
        }
        #expect(try git("init", "-q", in: repo).0 == 0)
        #expect(try BeadsBinary.run(["init", "--prefix", "mo"], in: repo, environment: ["PATH": Self.pathWithBeads]).status == 0)
        try "beads/beads.db*\n".write(toFile: repo + "/.gitignore", atomically: true, encoding: .utf8)
        let overlay =
            #"#5 ERROR: mount source: "overlay", target: "/var/lib/docker/overlay2/z/merged", fstype: overlay, flags: 0, data: "x", err: invalid argument"#
        func fix(_ text: String) throws -> Int32 { try BeadsBinary.run(["fix", text], in: repo).status }
        #expect(try fix(overlay) == 0)
        #expect(try git("add", "-A", in: repo).0 == 0)
        #expect(try git("commit", "-qm", "one hit", in: repo).0 == 0)

        #expect(try git("checkout", "-qb", "feature", in: repo).0 == 0)
        #expect(try fix(overlay) == 0)
        #expect(try fix("npm ERR! code ENOTEMPTY") == 0)
        #expect(try git("commit", "-qam", "feature hits", in: repo).0 == 0)

        #expect(try git("checkout", "-q", "main", in: repo).0 == 0)
        #expect(try fix(overlay) == 0)
        #expect(try fix("the frobnicator jammed on widget 7") == 1)
        #expect(try git("commit", "-qam", "main hits", in: repo).0 == 0)

        let (status, output) = try git("merge", "--no-edit", "feature", in: repo)
        #expect(status == 0, "git merge said: \(output)")
        let merged = try String(contentsOfFile: repo + "/beads/hits.jsonl", encoding: .utf8)
        #expect(!merged.contains("<<<<<<<"))
        #expect(merged.split(separator: "\n").count == 5)

        for file in ["beads.db", "beads.db-wal", "beads.db-shm"] { try? fm.removeItem(atPath: repo + "/beads/" + file) }
        let hits = try #require(try json(try BeadsBinary.run(["hits", "--json"], in: repo).stdout) as? [[String: Any]])
        #expect(hits.count == 5)
        #expect(hits.filter { $0["bead"] as? String == "mo-jgo" }.count == 3)
        #expect(hits.filter { $0["bead"] == nil || $0["bead"] is NSNull }.count == 1)
    }
}
