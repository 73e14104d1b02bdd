import Foundation
import Testing

@Suite(.serialized) struct ActionsEndToEndTests {
    static let token = "ghp_actionsTokenNeverPrinted0123456789ab"

    func run(_ api: FakeGitHubAPI, _ arguments: [String], in kb: ScratchKnowledgeBase) async throws -> BeadsRun {
        try await BeadsBinary.runAsync(
            arguments, in: kb.path,
            environment: ["GITHUB_TOKEN": Self.token, "GITHUB_API_URL": api.baseURL])
    }

    func assertNoTokenLeak(_ run: BeadsRun) {
        #expect(!run.stdout.contains(Self.token))
        #expect(!run.stderr.contains(Self.token))
    }

    @Test func dispatchWithRunDetailsThenWatchToSuccess() async throws {
        let api = FakeGitHubAPI(behaviour: .runDetails, conclusion: "success")
        try await api.start()
        defer { api.stop() }
        let kb = ScratchKnowledgeBase()
        let result = try await run(
            api,
            [
                "actions", "dispatch", "build-images.yml", "--repo", "ardenone/moltbook-org", "--ref", "main",
                "-f", "image=api", "--watch", "--interval", "1",
            ], in: kb)
        #expect(result.status == 0)
        #expect(result.stdout.contains("run 424242"))
        #expect(result.stdout.contains("queued"))
        #expect(result.stdout.contains("in_progress"))
        #expect(result.stdout.contains("Run 424242 success: https://github.example/o/r/actions/runs/424242"))
        let dispatch = try #require(api.recorded.first)
        #expect(dispatch.method == "POST")
        #expect(dispatch.path == "/repos/ardenone/moltbook-org/actions/workflows/build-images.yml/dispatches")
        #expect(dispatch.authorization == "Bearer \(Self.token)")
        let body = try #require(try json(dispatch.body) as? [String: Any])
        #expect(body["ref"] as? String == "main")
        #expect(body["return_run_details"] as? Bool == true)
        #expect((body["inputs"] as? [String: String]) == ["image": "api"])
        #expect(api.recorded.dropFirst().allSatisfy { $0.path == "/repos/ardenone/moltbook-org/actions/runs/424242" })
        assertNoTokenLeak(result)
    }

    @Test func anOlderServerGetsThePlainDispatchAndTheRunIsFoundInTheList() async throws {
        let api = FakeGitHubAPI(behaviour: .olderServer)
        try await api.start()
        defer { api.stop() }
        let kb = ScratchKnowledgeBase()
        let result = try await run(api, ["actions", "dispatch", "build-images.yml", "--repo", "o/r"], in: kb)
        #expect(result.status == 0)
        #expect(result.stdout.contains("run 424242"))
        let calls = api.recorded
        #expect(calls.count == 3)
        #expect(calls[0].body.contains("return_run_details"))
        #expect(!calls[1].body.contains("return_run_details"))
        #expect(calls[2].method == "GET")
        #expect(calls[2].path == "/repos/o/r/actions/workflows/build-images.yml/runs?event=workflow_dispatch&branch=main&per_page=10")
        assertNoTokenLeak(result)
    }

    @Test(arguments: ["failure", "cancelled"])
    func aRunThatDoesNotSucceedExitsNonZero(conclusion: String) async throws {
        let api = FakeGitHubAPI(behaviour: .runDetails, conclusion: conclusion)
        try await api.start()
        defer { api.stop() }
        let kb = ScratchKnowledgeBase()
        let result = try await run(api, ["actions", "watch", "424242", "--repo", "o/r", "--interval", "1"], in: kb)
        #expect(result.status == 1)
        #expect(result.stdout.contains("Run 424242 \(conclusion)"))
    }

    @Test(arguments: [
        (401, "Bad credentials", "401 Bad credentials"),
        (404, "Not Found", "404 Not Found for workflow build-images.yml in o/r"),
        (422, "Workflow does not have 'workflow_dispatch' trigger", "Add `on: workflow_dispatch:`"),
        (500, "Server Error", "GitHub answered 500"),
        (403, "Resource not accessible by integration", "lacks actions:write"),
    ])
    func errorsSayWhatToDo(status: Int, message: String, expected: String) async throws {
        let api = FakeGitHubAPI(behaviour: .fail(status: status, message: message, headers: [:]))
        try await api.start()
        defer { api.stop() }
        let kb = ScratchKnowledgeBase()
        let result = try await run(api, ["actions", "dispatch", "build-images.yml", "--repo", "o/r"], in: kb)
        #expect(result.status == 1)
        #expect(result.stderr.contains(expected))
        assertNoTokenLeak(result)
    }

    @Test func aRateLimitIsWaitedOutPerRetryAfter() async throws {
        let api = FakeGitHubAPI(behaviour: .rateLimitedThenOK(times: 1))
        try await api.start()
        defer { api.stop() }
        let kb = ScratchKnowledgeBase()
        let started = Date()
        let result = try await run(api, ["actions", "dispatch", "build-images.yml", "--repo", "o/r"], in: kb)
        #expect(result.status == 0)
        #expect(api.recorded.count == 2)
        #expect(Date().timeIntervalSince(started) >= 1)
    }

    @Test func aRateLimitBeyondTheRetriesIsReported() async throws {
        let api = FakeGitHubAPI(behaviour: .fail(status: 429, message: "secondary rate limit", headers: ["Retry-After": "3600"]))
        try await api.start()
        defer { api.stop() }
        let kb = ScratchKnowledgeBase()
        let result = try await run(api, ["actions", "dispatch", "build-images.yml", "--repo", "o/r"], in: kb)
        #expect(result.status == 1)
        #expect(result.stderr.contains("rate limit"))
        #expect(result.stderr.contains("3600"))
    }

    @Test func withoutATokenOrServerTheMessageSaysWhy() async throws {
        let kb = ScratchKnowledgeBase()
        let noToken = try await BeadsBinary.runAsync(["actions", "dispatch", "x.yml", "--repo", "o/r"], in: kb.path)
        #expect(noToken.status == 1)
        #expect(noToken.stderr.contains("GITHUB_TOKEN"))
        let unreachable = try await BeadsBinary.runAsync(
            ["actions", "dispatch", "x.yml", "--repo", "o/r"], in: kb.path,
            environment: ["GITHUB_TOKEN": Self.token, "GITHUB_API_URL": "http://127.0.0.1:9"])
        #expect(unreachable.status == 1)
        #expect(unreachable.stderr.contains("cannot reach the GitHub API"))
        assertNoTokenLeak(unreachable)
    }

    @Test func theRepositoryComesFromTheOriginRemote() async throws {
        let api = FakeGitHubAPI(behaviour: .runDetails)
        try await api.start()
        defer { api.stop() }
        let kb = ScratchKnowledgeBase()
        for args in [["init", "-q"], ["remote", "add", "origin", "git@github.com:ardenone/moltbook-org.git"]] {
            let git = Process()
            git.executableURL = URL(fileURLWithPath: "/usr/bin/env")
            git.arguments = ["git"] + args
            git.currentDirectoryURL = URL(fileURLWithPath: kb.path)
            try git.run()
            git.waitUntilExit()
        }
        let result = try await run(api, ["actions", "dispatch", "build-images.yml"], in: kb)
        #expect(result.status == 0)
        #expect(api.recorded.first?.path == "/repos/ardenone/moltbook-org/actions/workflows/build-images.yml/dispatches")
    }

    /// curl carries the token on its standard input, never in its argv (which `ps` shows).
    @Test func curlGetsTheTokenOnStdinOnly() async throws {
        let api = FakeGitHubAPI(behaviour: .runDetails, conclusion: "success")
        try await api.start()
        defer { api.stop() }
        let kb = ScratchKnowledgeBase()
        let bin = kb.path + "/curl-spy"
        try FileManager.default.createDirectory(atPath: bin, withIntermediateDirectories: true)
        let real = ["/usr/bin/curl", "/bin/curl", "/usr/local/bin/curl"].first { FileManager.default.isExecutableFile(atPath: $0) }
        let spy = "#!/bin/sh\nprintf '%s\\n' \"$*\" >> \"\(kb.path)/curl-argv.log\"\nexec \(try #require(real)) \"$@\"\n"
        try spy.write(toFile: bin + "/curl", atomically: true, encoding: .utf8)
        try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: bin + "/curl")
        let result = try await BeadsBinary.runAsync(
            ["actions", "dispatch", "build-images.yml", "--repo", "o/r", "--ref", "main"], in: kb.path,
            environment: ["GITHUB_TOKEN": Self.token, "GITHUB_API_URL": api.baseURL, "PATH": bin + ":/usr/bin:/bin"])
        #expect(result.status == 0, "\(result.stderr)")
        let argv = kb.read("curl-argv.log")
        #expect(argv.contains("-K -"))
        #expect(!argv.contains(Self.token))
        #expect(api.recorded.first?.authorization == "Bearer \(Self.token)")
        assertNoTokenLeak(result)
    }
}
