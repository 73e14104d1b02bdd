import BeadsKnowledge
import BeadsStore
import Foundation
import Testing

@testable import BeadsCommands

/// The JSON-RPC side of `beads mcp`, in process over pipes: what each kind of message is
/// answered with. The tools themselves are tested end to end (MCPEndToEndTests) and
/// against the SDK's own client (MCPClientEndToEndTests).
@Suite struct MCPServerTests {
    /// Feeds `lines` to a server and returns every line it wrote, once the input has ended
    /// and the server has finished the requests in flight.
    func exchange(_ lines: [String], knowledgeBase: String = "/nonexistent-kb") async throws -> [JSONValue] {
        var toServer: [Int32] = [0, 0], fromServer: [Int32] = [0, 0]
        #expect(pipe(&toServer) == 0 && pipe(&fromServer) == 0)
        let sink = OutputSink { _ in }
        let quiet = CommandContext(environment: [:], currentDirectory: "/", standardOutput: sink, standardError: sink)
        let server = MCPServer(
            info: .init(name: "beads", version: "9.9", instructions: "paste errors"),
            tools: MCPTools(location: KnowledgeBaseLocation(root: knowledgeBase), environment: ["BEADS_ENV": "host"], allowRun: false),
            quiet: quiet, writer: MCPStdioWriter(output: fromServer[1]))
        let text = Data(lines.map { $0 + "\n" }.joined().utf8)
        _ = text.withUnsafeBytes { write(toServer[1], $0.baseAddress, $0.count) }
        close(toServer[1])
        await server.serve(input: toServer[0])
        close(fromServer[1])
        close(toServer[0])
        let output = FileHandle(fileDescriptor: fromServer[0], closeOnDealloc: true).readDataToEndOfFile()
        return try String(decoding: output, as: UTF8.self).split(separator: "\n").map { try JSONValue.parse(String($0)) }
    }

    func answer(to id: JSONValue, in answers: [JSONValue]) -> JSONValue? {
        answers.first { $0["id"] == id }
    }

    @Test func initializeSettlesOnTheClientsRevisionWhenItIsKnown() async throws {
        let answers = try await exchange([
            #"{"jsonrpc":"2.0","id":1,"method":"initialize","params":{"protocolVersion":"2025-03-26","capabilities":{},"clientInfo":{"name":"a","version":"1"}}}"#,
            #"{"jsonrpc":"2.0","id":2,"method":"initialize","params":{"protocolVersion":"1999-01-01","capabilities":{},"clientInfo":{"name":"a","version":"1"}}}"#,
            #"{"jsonrpc":"2.0","method":"notifications/initialized"}"#,
        ])
        #expect(answers.count == 2, "a notification is not answered: \(answers)")
        let known = try #require(answer(to: .number("1"), in: answers)?["result"])
        #expect(known["protocolVersion"] == "2025-03-26")
        #expect(known["serverInfo"]?["name"] == "beads")
        #expect(known["serverInfo"]?["version"] == "9.9")
        #expect(known["capabilities"]?["tools"] != nil)
        #expect(answer(to: .number("2"), in: answers)?["result"]?["protocolVersion"] == .string(MCPVersion.supported[0]))
    }

    @Test func everyKindOfBadMessageGetsItsOwnCode() async throws {
        let answers = try await exchange([
            "{not json",
            #"{"jsonrpc":"2.0","id":{"a":1},"method":"ping"}"#,
            #"{"jsonrpc":"2.0","id":"u","method":"prompts/list"}"#,
            #"{"jsonrpc":"2.0","id":"c","method":"tools/call","params":{}}"#,
            #"{"jsonrpc":"2.0","id":"a","method":"tools/call","params":{"name":"show_bead","arguments":[1]}}"#,
            #"{"jsonrpc":"2.0","id":"r","method":"resources/read","params":{}}"#,
            "[]",
        ])
        let codes = answers.compactMap { answer -> (JSONValue, Int)? in
            guard let code = answer["error"]?["code"]?.intValue else { return nil }
            return (answer["id"] ?? .null, code)
        }
        #expect(codes.filter { $0.0 == .null }.map(\.1).sorted() == [-32700, -32600, -32600])
        #expect(codes.first { $0.0 == "u" }?.1 == -32601)
        #expect(codes.first { $0.0 == "c" }?.1 == -32602)
        #expect(codes.first { $0.0 == "r" }?.1 == -32602)
        // Arguments that are not an object are the tool's error, said as a CLI would.
        let arguments = try #require(answer(to: "a", in: answers)?["result"])
        #expect(arguments["isError"] == .bool(true))
        #expect(arguments["content"].map { "\($0)" }?.contains("arguments must be an object") == true)
        let unknown = try #require(answer(to: "u", in: answers)?["error"]?["message"]?.stringValue)
        #expect(unknown.contains("tools/call"), "the message says what is served: \(unknown)")
    }

    @Test func aBatchIsAnsweredInOneLineWithoutItsNotifications() async throws {
        let answers = try await exchange([
            #"[{"jsonrpc":"2.0","id":7,"method":"ping"},{"jsonrpc":"2.0","method":"notifications/initialized"},{"jsonrpc":"2.0","id":8,"method":"tools/list"}]"#
        ])
        #expect(answers.count == 1)
        guard case let .array(items)? = answers.first else {
            Issue.record("not an array: \(answers)")
            return
        }
        #expect(items.map { $0["id"] } == [.number("7"), .number("8")])
        #expect(items[0]["result"] == .object([]))
        guard case let .array(tools)? = items[1]["result"]?["tools"] else {
            Issue.record("no tools: \(items[1])")
            return
        }
        let names = tools.compactMap { $0["name"]?.stringValue }
        #expect(names.contains("diagnose_error"))
        #expect(!tools.contains { $0["name"] == "run_fix" }, "run_fix is offered only with --allow-run")
    }

    @Test func answersToAClientsOwnResponsesAreNotSent() async throws {
        let answers = try await exchange([
            #"{"jsonrpc":"2.0","id":5,"result":{}}"#,
            #"{"jsonrpc":"2.0","id":6,"method":"ping"}"#,
        ])
        #expect(answers == [.object([("jsonrpc", "2.0"), ("id", .number("6")), ("result", .object([]))])])
    }

    /// The tools in process: a diagnosis reaches the same use case as `beads fix`, and a
    /// tool not declared is a tool error naming where the list is.
    @Test func toolsAnswerInProcess() async throws {
        let dir = try shippedKnowledgeBase()
        defer { withExtendedLifetime(dir) {} }
        let answers = try await exchange(
            [
                #"{"jsonrpc":"2.0","id":1,"method":"tools/list"}"#,
                #"{"jsonrpc":"2.0","id":2,"method":"tools/call","params":{"name":"diagnose_error","arguments":{"text":"npm ERR! code ENOTEMPTY"}}}"#,
                #"{"jsonrpc":"2.0","id":3,"method":"tools/call","params":{"name":"run_fix","arguments":{"bead":"mo-jgo"}}}"#,
            ], knowledgeBase: dir.path)
        func items(_ value: JSONValue?) -> [JSONValue] { if case let .array(items)? = value { items } else { [] } }
        let names = items(answer(to: .number("1"), in: answers)?["result"]?["tools"]).compactMap { $0["name"]?.stringValue }
        #expect(names == ["diagnose_error", "show_bead", "list_beads", "create_bead", "update_bead", "add_dependency", "doc_findings"])
        let diagnosis = answer(to: .number("2"), in: answers)?["result"]
        #expect(diagnosis?["isError"] == JSONValue.bool(false))
        #expect(items(diagnosis?["structuredContent"]?["matches"]).first?["bead"]?.stringValue == "mo-3bol")
        let missing = answer(to: .number("3"), in: answers)?["result"]
        #expect(missing?["isError"] == JSONValue.bool(true))
        #expect(items(missing?["content"]).first?["text"]?.stringValue?.contains("tools/list") == true)
    }
}
