import BeadsTestSupport
import Foundation
import Testing

/// Runs the built `beads` executable as a user would, in a scratch copy of the shipped
/// knowledge base.
struct BeadsRun {
    var stdout: String
    var stderr: String
    var status: Int32
}

enum BeadsBinary {
    static let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().path

    /// `BEADS_BIN`, else the `beads` built with these tests: it sits next to the test
    /// bundle in the same build folder (debug or release, whatever the triple).
    static let path: String = {
        if let bin = ProcessInfo.processInfo.environment["BEADS_BIN"], !bin.isEmpty { return bin }
        let runner = (try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe")) ?? CommandLine.arguments[0]
        var folder = URL(fileURLWithPath: runner).deletingLastPathComponent()
        // On Linux the runner is inside `beadsPackageTests.xctest` or beside it.
        while folder.path != "/", !FileManager.default.isExecutableFile(atPath: folder.appendingPathComponent("beads").path) {
            folder = folder.deletingLastPathComponent()
        }
        let found = folder.appendingPathComponent("beads").path
        return FileManager.default.isExecutableFile(atPath: found) ? found : repository + "/.build/debug/beads"
    }()

    /// `executable` runs another program with these arguments instead (a wrapper such as
    /// setpriv that then runs beads).
    static func run(
        _ arguments: [String], stdin: Data? = nil, in directory: String, environment: [String: String] = [:],
        executable: String? = nil
    ) throws -> BeadsRun {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable ?? path)
        process.arguments = arguments
        process.currentDirectoryURL = URL(fileURLWithPath: directory)
        var env = ProcessInfo.processInfo.environment
        for key in ["BEADS_DIR", "BEADS_ENV", "BEADS_ACTOR", "BD_ACTOR", "DEVPOD", "DEVPOD_NAME", "GITHUB_TOKEN", "GH_TOKEN"] {
            env[key] = nil
        }
        // A stray beads/ folder in the temporary folder must not be taken for a test's.
        env["BEADS_CEILING_DIRECTORIES"] = (NSTemporaryDirectory() as NSString).standardizingPath
        env.merge(environment) { $1 }
        process.environment = env
        let out = Pipe(), err = Pipe(), input = Pipe()
        process.standardOutput = out
        process.standardError = err
        process.standardInput = input
        try process.run()
        // Read both pipes concurrently so a large output cannot block the child.
        nonisolated(unsafe) var errData = Data()
        let errReader = Thread { errData = err.fileHandleForReading.readDataToEndOfFile() }
        errReader.start()
        // beads may stop reading a paste before its end (it bounds what it reads): a write
        // into the closed pipe must fail here, not kill the test process with SIGPIPE.
        signal(SIGPIPE, SIG_IGN)
        if let stdin { try? input.fileHandleForWriting.write(contentsOf: stdin) }
        try input.fileHandleForWriting.close()
        let outData = out.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        while !errReader.isFinished { usleep(1000) }
        return BeadsRun(
            stdout: String(decoding: outData, as: UTF8.self), stderr: String(decoding: errData, as: UTF8.self),
            status: process.terminationStatus)
    }
}

extension BeadsBinary {
    /// The same, without blocking a Swift concurrency thread: tests that serve HTTP from
    /// this process must keep the cooperative pool free for the server.
    static func runAsync(_ arguments: [String], in directory: String, environment: [String: String] = [:]) async throws -> BeadsRun {
        try await withCheckedThrowingContinuation { continuation in
            Thread {
                do {
                    continuation.resume(returning: try run(arguments, stdin: nil, in: directory, environment: environment))
                } catch {
                    continuation.resume(throwing: error)
                }
            }.start()
        }
    }
}

/// A scratch copy of the shipped knowledge base: docs/ and beads/ without a database.
final class ScratchKnowledgeBase {
    let path: String

    init() {
        path = NSTemporaryDirectory() + "beads-e2e-" + UUID().uuidString
        let fm = FileManager.default
        try! fm.createDirectory(atPath: path + "/beads", withIntermediateDirectories: true)
        try! fm.copyItem(atPath: BeadsBinary.repository + "/docs", toPath: path + "/docs")
        for file in ["issues.jsonl", "config.yaml"] {
            try! fm.copyItem(atPath: BeadsBinary.repository + "/beads/" + file, toPath: path + "/beads/" + file)
        }
    }

    deinit { try? FileManager.default.removeItem(atPath: path) }

    func run(_ arguments: String..., stdin: String? = nil, environment: [String: String] = [:]) throws -> BeadsRun {
        try run(arguments, stdin: stdin, environment: environment)
    }

    func run(_ arguments: [String], stdin: String? = nil, environment: [String: String] = [:]) throws -> BeadsRun {
        try BeadsBinary.run(arguments, stdin: stdin.map { Data($0.utf8) }, in: path, environment: environment)
    }

    func runData(_ arguments: [String], stdin: Data) throws -> BeadsRun {
        try BeadsBinary.run(arguments, stdin: stdin, in: path)
    }

    /// A PATH holding stand-in executables with these names (and the system's own
    /// folders), so what a recipe requires is present whatever the machine has.
    func path(withCommands names: [String]) -> String {
        let bin = path + "/fake-bin"
        try! FileManager.default.createDirectory(atPath: bin, withIntermediateDirectories: true)
        for name in names {
            try! "#!/bin/sh\nexit 0\n".write(toFile: bin + "/" + name, atomically: true, encoding: .utf8)
            try! FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: bin + "/" + name)
        }
        return bin + ":/usr/bin:/bin"
    }

    private var daemons: [FakeDockerSocket] = []

    /// An environment where these tools work as the probe checks them: each command on
    /// PATH, a kubectl context for kubectl, a daemon answering on DOCKER_HOST for docker.
    func environment(withTools names: [String]) -> [String: String] {
        var env = ["PATH": path(withCommands: names)]
        if names.contains("kubectl") {
            let config = path + "/fake-kubeconfig"
            try! "apiVersion: v1\nkind: Config\ncurrent-context: test-cluster\n".write(toFile: config, atomically: true, encoding: .utf8)
            env["KUBECONFIG"] = config
        }
        if names.contains("docker") {
            let daemon = FakeDockerSocket(at: path + "/fake-docker.sock", answers: true)
            daemons.append(daemon)
            env["DOCKER_HOST"] = "unix://" + daemon.path
        }
        return env
    }

    func read(_ relative: String) -> String {
        (try? String(contentsOfFile: path + "/" + relative, encoding: .utf8)) ?? ""
    }

    func write(_ relative: String, _ text: String) {
        try! text.write(toFile: path + "/" + relative, atomically: true, encoding: .utf8)
    }
}

func json(_ text: String) throws -> Any {
    try JSONSerialization.jsonObject(with: Data(text.utf8))
}

/// The id of the bead a `create … --json` run printed.
func id(_ run: BeadsRun) throws -> String {
    try #require((try json(run.stdout) as? [String: Any])?["id"] as? String)
}
