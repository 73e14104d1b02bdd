import Foundation
import Testing

/// A knowledge base this process may not write (a read-only checkout, another user's
/// folder, a read-only mount) still answers every read, from a private copy of the
/// database, and refuses every change before anything is written.
///
/// Root may write anywhere, so as root the binary runs as `nobody` (setpriv drops the
/// privileges for real); as anyone else the folders are made read-only.
@Suite struct ReadOnlyKnowledgeBaseEndToEndTests {
    static let seedError =
        #"ERROR: mount source: "overlay", target: "/var/lib/docker/overlay2/x/merged", fstype: overlay, flags: 0, data: "index=off", err: invalid argument"#

    /// A runner for the knowledge base as a user who cannot write it.
    final class ReadOnlyUser {
        let kb = ScratchKnowledgeBase()
        let scratch = NSTemporaryDirectory() + "beads-ro-" + UUID().uuidString
        let isRoot = getuid() == 0
        var binary = BeadsBinary.path

        init() throws {
            let fm = FileManager.default
            try fm.createDirectory(atPath: scratch + "/home", withIntermediateDirectories: true)
            // Readable by everyone, writable by its owner only (root, or us before chmod).
            for folder in [kb.path, kb.path + "/beads", kb.path + "/docs"] {
                try fm.setAttributes([.posixPermissions: 0o755], ofItemAtPath: folder)
            }
            for file in try fm.subpathsOfDirectory(atPath: kb.path) where !file.hasSuffix("/") {
                var isDir: ObjCBool = false
                _ = fm.fileExists(atPath: kb.path + "/" + file, isDirectory: &isDir)
                try fm.setAttributes([.posixPermissions: isDir.boolValue ? 0o755 : 0o644], ofItemAtPath: kb.path + "/" + file)
            }
            try fm.setAttributes([.posixPermissions: 0o755], ofItemAtPath: scratch)
            if isRoot {
                // The test's build folder may sit where `nobody` cannot reach it: run a copy.
                binary = scratch + "/beads"
                try fm.copyItem(atPath: BeadsBinary.path, toPath: binary)
                try fm.setAttributes([.posixPermissions: 0o755], ofItemAtPath: binary)
                #expect(chown(scratch + "/home", 65534, 65534) == 0)
            } else {
                try fm.setAttributes([.posixPermissions: 0o555], ofItemAtPath: kb.path + "/beads")
                try fm.setAttributes([.posixPermissions: 0o555], ofItemAtPath: kb.path + "/docs")
            }
        }

        deinit {
            try? FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: kb.path + "/beads")
            try? FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: kb.path + "/docs")
            try? FileManager.default.removeItem(atPath: scratch)
        }

        func run(_ arguments: String..., stdin: String? = nil) throws -> BeadsRun {
            try run(arguments, stdin: stdin)
        }

        func run(_ arguments: [String], stdin: String? = nil) throws -> BeadsRun {
            let environment = ["HOME": scratch + "/home", "XDG_CACHE_HOME": "", "BEADS_DIR": kb.path]
            if isRoot {
                return try BeadsBinary.run(
                    ["--reuid=65534", "--regid=65534", "--clear-groups", binary] + arguments,
                    stdin: stdin.map { Data($0.utf8) }, in: kb.path, environment: environment,
                    executable: "/usr/bin/setpriv")
            }
            return try BeadsBinary.run(arguments, stdin: stdin.map { Data($0.utf8) }, in: kb.path, environment: environment)
        }
    }

    @Test func readsAreServedAndChangesRefusedWithNothingWritten() throws {
        let user = try ReadOnlyUser()
        let jsonlBefore = user.kb.read("beads/issues.jsonl")
        let shipped = jsonlBefore.split(separator: "\n").count

        let list = try user.run("list", "--all", "--json")
        #expect(list.status == 0, "\(list.stderr)")
        #expect((try json(list.stdout) as? [Any])?.count == shipped)

        let fix = try user.run("fix", "--json", stdin: Self.seedError)
        #expect(fix.status == 0, "\(fix.stderr)")
        #expect(fix.stdout.contains("\"mo-jgo\""))

        let show = try user.run("show", "mo-jgo")
        #expect(show.status == 0, "\(show.stderr)")
        #expect(show.stdout.contains("docs/docker-build-devpod.md"))

        for change in [["create", "A new bead"], ["close", "mo-jgo"], ["update", "mo-jgo", "--priority", "0"]] {
            let refused = try user.run(change)
            #expect(refused.status == 1, "\(change): \(refused.stdout)")
            #expect(refused.stderr.contains("\(user.kb.path)/beads cannot be written"), "\(refused.stderr)")
            #expect(refused.stderr.contains("nothing was changed"))
        }
        #expect(user.kb.read("beads/issues.jsonl") == jsonlBefore)
        // The private copy lives under the user's cache folder, not in the knowledge base.
        #expect(!FileManager.default.fileExists(atPath: user.kb.path + "/beads/beads.db"))
        let copies = try FileManager.default.contentsOfDirectory(atPath: user.scratch + "/home/.cache/beads")
        #expect(copies.count == 1)
    }

    @Test func aPullIntoTheReadOnlyCheckoutIsSeenByTheNextRead() throws {
        let user = try ReadOnlyUser()
        #expect(try user.run("list", "--all").status == 0)
        // The owner (this process) changes the record, as a `git pull` by the owner would.
        let added =
            #"{"id":"mo-n3w","title":"Arrived with a pull","status":"open","priority":2,"issue_type":"bug","created_at":"2026-12-01T10:00:00Z","updated_at":"2026-12-01T10:00:00Z"}"#
        if !user.isRoot { try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: user.kb.path + "/beads") }
        user.kb.write("beads/issues.jsonl", user.kb.read("beads/issues.jsonl") + added + "\n")
        if !user.isRoot { try FileManager.default.setAttributes([.posixPermissions: 0o555], ofItemAtPath: user.kb.path + "/beads") }
        let show = try user.run("show", "mo-n3w")
        #expect(show.status == 0, "\(show.stderr)")
        #expect(show.stdout.contains("Arrived with a pull"))
    }
}
