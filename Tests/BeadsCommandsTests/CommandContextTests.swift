import BeadsStore
import BeadsTestSupport
import Foundation
import Testing

@testable import BeadsCommands

/// A command line run in-process, in a context of its own: no binary started.
struct InProcessRun {
    var status: Int32
    var stdout: String
    var stderr: String

    static func run(_ arguments: [String], in directory: String, environment: [String: String] = [:]) async -> InProcessRun {
        let out = Locked(Data()), err = Locked(Data())
        var env = ["PATH": "/usr/bin:/bin", "HOME": directory, "USER": "tester", "BEADS_CEILING_DIRECTORIES": NSTemporaryDirectory()]
        env.merge(environment) { $1 }
        let context = CommandContext(
            environment: env, currentDirectory: directory,
            standardOutput: OutputSink { data in out.withLock { $0.append(data) } },
            standardError: OutputSink { data in err.withLock { $0.append(data) } },
            standardInputIsTerminal: true)
        let status = await BeadsCommand.runMain(arguments, context: context)
        return InProcessRun(
            status: status, stdout: String(decoding: out.current, as: UTF8.self),
            stderr: String(decoding: err.current, as: UTF8.self))
    }
}

/// A scratch copy of the shipped knowledge base.
func shippedKnowledgeBase() throws -> TemporaryDirectory {
    let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().path
    let dir = TemporaryDirectory()
    try FileManager.default.copyItem(atPath: root + "/docs", toPath: dir.path + "/docs")
    try FileManager.default.createDirectory(atPath: dir.path + "/beads", withIntermediateDirectories: true)
    for file in ["issues.jsonl", "config.yaml"] {
        try FileManager.default.copyItem(atPath: root + "/beads/" + file, toPath: dir.path + "/beads/" + file)
    }
    return dir
}

@Suite struct CommandContextTests {
    @Test func aCommandReadsItsFolderAndWritesItsStreams() async throws {
        let kb = try shippedKnowledgeBase()
        let list = await InProcessRun.run(["list", "--all", "--json"], in: kb.path)
        #expect(list.status == 0, "\(list.stderr)")
        let beads = try #require(try JSONSerialization.jsonObject(with: Data(list.stdout.utf8)) as? [[String: Any]])
        #expect(beads.contains { $0["id"] as? String == "mo-jgo" })
        #expect(list.stderr.isEmpty)
    }

    @Test func theEnvironmentIsTheContextsNotTheProcesss() async throws {
        let kb = try shippedKnowledgeBase()
        let created = await InProcessRun.run(
            ["create", "From a context", "--json"], in: kb.path, environment: ["BEADS_ACTOR": "context-actor"])
        #expect(created.status == 0, "\(created.stderr)")
        #expect(
            created.stdout.contains(#""created_by" : "context-actor""#) || created.stdout.contains(#""created_by": "context-actor""#),
            "\(created.stdout)")
        let unknown = await InProcessRun.run(["fix", "x"], in: kb.path, environment: ["BEADS_ENV": "moon"])
        #expect(unknown.status == 2)
        #expect(unknown.stderr.contains("BEADS_ENV=moon"))
    }

    @Test func relativePathsAreTheContextFolders() async throws {
        let kb = try shippedKnowledgeBase()
        try #"ERROR: mount source: "overlay", target: "/a", fstype: overlay, flags: 0, data: "b", err: invalid argument"#
            .write(toFile: kb.path + "/build.log", atomically: true, encoding: .utf8)
        let fix = await InProcessRun.run(["fix", "--file", "build.log"], in: kb.path, environment: ["BEADS_ENV": "host"])
        #expect(fix.status == 0, "\(fix.stderr)")
        #expect(fix.stdout.hasPrefix("Known error  mo-jgo"))
    }

    @Test func usageErrorsAndUnknownIdsKeepTheirStatuses() async throws {
        let kb = try shippedKnowledgeBase()
        #expect(await InProcessRun.run(["list", "-p", "9"], in: kb.path).status == 2)
        let missing = await InProcessRun.run(["show", "mo-nope"], in: kb.path)
        #expect(missing.status == 1)
        #expect(missing.stderr == "beads: no bead has the id mo-nope; `beads list --all` shows every bead\n")
        let typo = await InProcessRun.run(["shwo"], in: kb.path)
        #expect(typo.status == 2)
        #expect(typo.stderr.contains("Did you mean 'show'?"))
    }

    /// Contexts are per task: commands run side by side keep their outputs apart.
    @Test func commandsRunSideBySideDoNotMixTheirOutput() async throws {
        let kb = try shippedKnowledgeBase()
        let ids = ["mo-jgo", "mo-3t8p", "mo-1na", "mo-3bol", "mo-1nh"]
        let path = kb.path
        let shown = await withTaskGroup(of: (String, InProcessRun).self) { group in
            for id in ids { group.addTask { (id, await InProcessRun.run(["show", id], in: path)) } }
            var all: [(String, InProcessRun)] = []
            for await item in group { all.append(item) }
            return all
        }
        for (id, run) in shown {
            #expect(run.status == 0, "\(id): \(run.stderr)")
            #expect(run.stdout.hasPrefix(id + "  "), "\(id): \(run.stdout.prefix(40))")
        }
    }
}
