import BeadsTestSupport
import Foundation
import Testing

/// `beads mcp` spoken to as an agent's client does: newline-delimited JSON-RPC on the
/// process's standard input and output.
final class MCPSession {
    let process = Process()
    let input = Pipe(), output = Pipe(), errors = Pipe()
    private var buffer = Data()
    private var nextID = 1
    /// Kept alive as long as the server runs in it.
    let kb: ScratchKnowledgeBase

    init(kb: ScratchKnowledgeBase, arguments: [String] = [], environment: [String: String] = [:]) throws {
        self.kb = kb
        process.executableURL = URL(fileURLWithPath: BeadsBinary.path)
        process.arguments = ["mcp", "--kb", kb.path] + arguments
        var env = ProcessInfo.processInfo.environment
        for key in ["BEADS_DIR", "BEADS_ENV", "GITHUB_TOKEN", "GH_TOKEN", "BEADS_ACTOR"] { env[key] = nil }
        env["BEADS_CEILING_DIRECTORIES"] = NSTemporaryDirectory()
        env.merge(environment) { $1 }
        process.environment = env
        process.standardInput = input
        process.standardOutput = output
        process.standardError = errors
        signal(SIGPIPE, SIG_IGN)
        try process.run()
        let initialize = try request(
            "initialize",
            [
                "protocolVersion": "2025-06-18", "capabilities": [String: Any](),
                "clientInfo": ["name": "beads-tests", "version": "1"],
            ])
        #expect((initialize["result"] as? [String: Any])?["serverInfo"] != nil, "\(initialize)")
        try send(["jsonrpc": "2.0", "method": "notifications/initialized"])
    }

    deinit {
        try? input.fileHandleForWriting.close()
        if process.isRunning { process.terminate() }
        process.waitUntilExit()
    }

    func send(_ message: [String: Any]) throws {
        var data = try JSONSerialization.data(withJSONObject: message)
        data.append(0x0A)
        try input.fileHandleForWriting.write(contentsOf: data)
    }

    /// Sends a request and reads lines until its response arrives.
    func request(_ method: String, _ params: [String: Any] = [:]) throws -> [String: Any] {
        let id = nextID
        nextID += 1
        try send(["jsonrpc": "2.0", "id": id, "method": method, "params": params])
        while true {
            while let newline = buffer.firstIndex(of: 0x0A) {
                let line = buffer[..<newline]
                buffer.removeSubrange(...newline)
                guard let object = try JSONSerialization.jsonObject(with: line) as? [String: Any] else { continue }
                if object["id"] as? Int == id { return object }
            }
            let chunk = output.fileHandleForReading.availableData
            if chunk.isEmpty { throw CocoaError(.fileReadUnknown) }
            buffer.append(chunk)
        }
    }

    /// Calls a tool; a result that is not an error must match the output schema the
    /// server declared for the tool in tools/list.
    func call(_ tool: String, _ arguments: [String: Any]) throws -> [String: Any] {
        let response = try request("tools/call", ["name": tool, "arguments": arguments])
        let result = try #require(response["result"] as? [String: Any], "\(response)")
        if result["isError"] as? Bool != true {
            let structured = try #require(result["structuredContent"], "\(tool) gave no structuredContent")
            let schema = try #require(try declaredOutputSchemas()[tool], "\(tool) declares no outputSchema")
            let problems = SchemaValidator(schema: try Self.tree(schema)).problems(try Self.tree(structured))
            #expect(problems.isEmpty, "\(tool)'s result breaks its outputSchema: \(problems.prefix(10))")
            // The declared schema is the published one trimmed; the result meets the whole one.
            let published = try JSONContractEndToEndTests.schemas()
            let shape = try #require(JSONContractEndToEndTests.producers(published).first { $0.value.contains("mcp " + tool) }?.key)
            let full = SchemaValidator(schema: published[shape]!).problems(try Self.tree(structured))
            #expect(full.isEmpty, "\(tool)'s result breaks manual/json/\(shape).schema.json: \(full.prefix(10))")
        }
        return result
    }

    private var outputSchemas: [String: Any]?

    func declaredOutputSchemas() throws -> [String: Any] {
        if let outputSchemas { return outputSchemas }
        let tools = try #require((try request("tools/list")["result"] as? [String: Any])?["tools"] as? [[String: Any]])
        let schemas = Dictionary(
            tools.compactMap { tool in (tool["name"] as? String).map { ($0, tool["outputSchema"] as Any) } },
            uniquingKeysWith: { first, _ in first })
        outputSchemas = schemas
        return schemas
    }

    static func tree(_ object: Any) throws -> JSONTree {
        try JSONTree.parse(
            String(decoding: try JSONSerialization.data(withJSONObject: object, options: [.fragmentsAllowed]), as: UTF8.self))
    }
}

@Suite struct MCPEndToEndTests {
    static let overlay =
        #"#5 ERROR: mount source: "overlay", target: "/var/lib/docker/overlay2/z/merged", fstype: overlay, flags: 0, data: "x", err: invalid argument"#

    @Test func toolsAreFewAnnotatedAndSmall() throws {
        let session = try MCPSession(kb: ScratchKnowledgeBase())
        let list = try session.request("tools/list")
        let tools = try #require((list["result"] as? [String: Any])?["tools"] as? [[String: Any]])
        let names = tools.compactMap { $0["name"] as? String }
        #expect(names == ["diagnose_error", "show_bead", "list_beads", "create_bead", "update_bead", "add_dependency", "doc_findings"])
        #expect(names.contains { $0.contains("diagnose") })
        for tool in tools {
            #expect(tool["outputSchema"] is [String: Any], "\(tool["name"] ?? "")")
            #expect(tool["annotations"] is [String: Any], "\(tool["name"] ?? "")")
        }
        let readOnly = tools.filter { ($0["annotations"] as? [String: Any])?["readOnlyHint"] as? Bool == true }.compactMap {
            $0["name"] as? String
        }
        #expect(readOnly == ["diagnose_error", "show_bead", "list_beads", "doc_findings"])
        // What an agent pays for on every session: the tool list, in bytes (about 4 a token).
        let bytes = try JSONSerialization.data(withJSONObject: tools).count
        #expect(bytes < 8000, "tools/list is \(bytes) bytes")
    }

    @Test func aPastedErrorIsDiagnosedAsFixDoes() throws {
        let kb = ScratchKnowledgeBase()
        let session = try MCPSession(kb: kb, environment: ["BEADS_ENV": "devpod"])
        let result = try session.call("diagnose_error", ["text": Self.overlay])
        #expect(result["isError"] as? Bool == false)
        let structured = try #require(result["structuredContent"] as? [String: Any])
        let best = try #require((structured["matches"] as? [[String: Any]])?.first)
        #expect(best["bead"] as? String == "mo-jgo")
        let fix = try kb.run("fix", "--json", Self.overlay, environment: ["BEADS_ENV": "devpod"])
        let cli = try #require((try json(fix.stdout) as? [String: Any])?["matches"] as? [[String: Any]])
        #expect(
            (best["recipes"] as? [[String: Any]])?.map { $0["name"] as? String }
                == cli.first.flatMap { ($0["recipes"] as? [[String: Any]])?.map { $0["name"] as? String } })
        let text = try #require((result["content"] as? [[String: Any]])?.first?["text"] as? String)
        #expect(text.hasPrefix("mo-jgo: "))
    }

    @Test func badArgumentsAreToolErrorsAndTheServerKeepsServing() throws {
        let session = try MCPSession(kb: ScratchKnowledgeBase())
        let unknown = try session.call("show_bead", ["id": "mo-nope"])
        #expect(unknown["isError"] as? Bool == true)
        #expect(((unknown["content"] as? [[String: Any]])?.first?["text"] as? String)?.contains("no bead has the id mo-nope") == true)
        let status = try session.call("update_bead", ["id": "mo-jgo", "status": "done"])
        #expect(status["isError"] as? Bool == true)
        // Over the tool's bound: a tool error. Over the transport's: a JSON-RPC error for
        // that request, answered at once (the SDK's own reader took minutes on 10 MB).
        let large = try session.call("diagnose_error", ["text": String(repeating: "x", count: 3 << 19)])
        #expect(large["isError"] as? Bool == true)
        #expect(((large["content"] as? [[String: Any]])?.first?["text"] as? String)?.contains("the end of the log") == true)
        let start = Date()
        let huge = try session.request(
            "tools/call", ["name": "diagnose_error", "arguments": ["text": String(repeating: "x", count: 10 << 20)]])
        #expect(((huge["error"] as? [String: Any])?["message"] as? String)?.contains("the end of the log") == true, "\(huge)")
        #expect(Date().timeIntervalSince(start) < 20)
        let missing = try session.call("diagnose_error", [:])
        #expect(missing["isError"] as? Bool == true)
        // Still serving.
        let shown = try session.call("show_bead", ["id": "mo-jgo"])
        #expect((shown["structuredContent"] as? [String: Any])?["id"] as? String == "mo-jgo", "\(shown)")
    }

    @Test func writesGoThroughTheStoreAndListsPage() throws {
        let kb = ScratchKnowledgeBase()
        let session = try MCPSession(kb: kb, environment: ["BEADS_ACTOR": "agent-7"])
        let created = try session.call(
            "create_bead", ["error_text": "error: could not lock config file .git/config: File exists", "type": "bug", "priority": "P1"])
        let id = try #require((created["structuredContent"] as? [String: Any])?["id"] as? String)
        #expect(kb.read("beads/issues.jsonl").contains(#""created_by":"agent-7""#))
        let claimed = try session.call("update_bead", ["id": id, "claim": true])
        #expect((claimed["structuredContent"] as? [String: Any])?["status"] as? String == "in_progress")
        #expect(try session.call("add_dependency", ["issue": id, "depends_on": "mo-jgo"])["isError"] as? Bool == false)
        #expect(try session.call("add_dependency", ["issue": "mo-jgo", "depends_on": id])["isError"] as? Bool == true)

        let first = try session.call("list_beads", ["status": "closed", "limit": 2])
        let page = try #require(first["structuredContent"] as? [String: Any])
        #expect((page["beads"] as? [[String: Any]])?.count == 2)
        let cursor = try #require(page["next_cursor"] as? String)
        let second = try #require(
            try session.call("list_beads", ["status": "closed", "limit": 2, "cursor": cursor])["structuredContent"] as? [String: Any])
        let ids = ((page["beads"] as? [[String: Any]]) ?? []) + ((second["beads"] as? [[String: Any]]) ?? [])
        #expect(Set(ids.compactMap { $0["id"] as? String }).count == 4)
        #expect(Set(ids.flatMap { $0.keys }) == ["id", "title", "status", "priority"])
    }

    @Test func beadsAndDocsAreResources() throws {
        let session = try MCPSession(kb: ScratchKnowledgeBase())
        let list = try session.request("resources/list")
        let uris = ((list["result"] as? [String: Any])?["resources"] as? [[String: Any]])?.compactMap { $0["uri"] as? String } ?? []
        #expect(uris.contains("doc://docs/docker-build-devpod.md"))
        let doc = try session.request("resources/read", ["uri": "doc://docs/docker-build-devpod.md"])
        let text = (((doc["result"] as? [String: Any])?["contents"] as? [[String: Any]])?.first?["text"] as? String) ?? ""
        #expect(text.contains("## Root cause"))
        let outside = try session.request("resources/read", ["uri": "doc://../../etc/passwd"])
        #expect(outside["error"] != nil)
        let bead = try session.request("resources/read", ["uri": "bead://mo-jgo"])
        #expect(
            (((bead["result"] as? [String: Any])?["contents"] as? [[String: Any]])?.first?["text"] as? String)?.contains("\"mo-jgo\"")
                == true)
    }

    @Test func runningAFixNeedsTheOptIn() throws {
        let kb = ScratchKnowledgeBase()
        let closed = try MCPSession(kb: kb)
        #expect(try closed.call("run_fix", ["bead": "mo-jgo"])["isError"] as? Bool == true)
        let open = try MCPSession(kb: kb, arguments: ["--allow-run"])
        let tools = ((try open.request("tools/list")["result"] as? [String: Any])?["tools"] as? [[String: Any]])?.compactMap {
            $0["name"] as? String
        }
        #expect(tools?.last == "run_fix")

        // A recipe that can run anywhere: its run is the tool's result, and recorded.
        try
            "# Saying hello\n\nWhen mo-jgo needs a greeting.\n\n## Fix\n\n```bash {recipe=say-hello when=any}\necho hello from the recipe\n```\n"
            .write(toFile: kb.path + "/docs/hello.md", atomically: true, encoding: .utf8)
        let ran = try open.call("run_fix", ["bead": "mo-jgo", "recipe": "say-hello"])
        let result = try #require(ran["structuredContent"] as? [String: Any], "\(ran)")
        #expect(result["exit_code"] as? Int == 0)
        #expect((result["output"] as? String)?.contains("hello from the recipe") == true)
        #expect(try kb.run("runs", "--json").stdout.contains("\"say-hello\""))
        let findings = try open.call("doc_findings", [:])
        #expect((findings["structuredContent"] as? [String: Any])?["findings"] is [Any], "\(findings)")
    }

    /// A running fix stops when the client cancels its request, and when the client's
    /// input ends (the recipe used to run on for as long as its time-out allowed).
    @Test func aRunningFixStopsOnCancelAndWhenTheClientGoesAway() throws {
        let kb = ScratchKnowledgeBase()
        try
            "# Waiting\n\nWhen mo-jgo needs patience.\n\n## Fix\n\n```bash {recipe=wait-long when=any}\necho $$ > \"\(kb.path)/$BEADS_RUN_MARK.pid\"\ntrap '' TERM\nsleep 300\n```\n"
            .write(toFile: kb.path + "/docs/wait.md", atomically: true, encoding: .utf8)
        func pid(_ mark: String) -> Int32? {
            Int32(
                (try? String(contentsOfFile: kb.path + "/\(mark).pid", encoding: .utf8))?.trimmingCharacters(in: .whitespacesAndNewlines)
                    ?? "")
        }
        func waitFor(_ what: () -> Bool) -> Bool {
            for _ in 0..<200 {
                if what() { return true }
                usleep(50_000)
            }
            return false
        }
        for (mark, ending) in [("cancelled", "cancel"), ("abandoned", "close")] {
            let session = try MCPSession(kb: kb, arguments: ["--allow-run"], environment: ["BEADS_RUN_MARK": mark])
            try session.send([
                "jsonrpc": "2.0", "id": 77, "method": "tools/call",
                "params": ["name": "run_fix", "arguments": ["bead": "mo-jgo", "recipe": "wait-long"]],
            ])
            #expect(waitFor { pid(mark) != nil }, "the recipe started")
            let recipe = try #require(pid(mark))
            if ending == "cancel" {
                try session.send(["jsonrpc": "2.0", "method": "notifications/cancelled", "params": ["requestId": 77, "reason": "user"]])
            } else {
                try session.input.fileHandleForWriting.close()
                #expect(waitFor { !session.process.isRunning }, "the server ends when its input does")
            }
            #expect(waitFor { kill(recipe, 0) != 0 }, "the recipe's process is gone after \(ending)")
        }
    }
}
