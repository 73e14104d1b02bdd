import BeadsStore
import Foundation

/// The `beads mcp` session: messages in on standard input, answers out on standard
/// output. Each request is answered in a task of its own, as the SDK's server did, so a
/// long run_fix does not hold up a ping or a lookup; `notifications/cancelled` cancels
/// one. When the input ends, the requests in flight are cancelled, and ended before the
/// server returns.
final class MCPServer: Sendable {
    struct Info: Sendable {
        var name: String
        var version: String
        var instructions: String
    }

    /// The work being done, each piece under a token of its own; requests also by
    /// their id's JSON text, for cancelling (a client may reuse an id).
    private struct InFlight {
        var nextToken = 0
        var tasks: [Int: Task<Void, Never>] = [:]
        var byRequest: [String: Int] = [:]
    }

    let info: Info
    let tools: MCPTools
    /// The context every tool runs in: its standard output is standard error, because
    /// nothing but the protocol may reach standard output.
    let quiet: CommandContext
    let writer: MCPStdioWriter
    private let inFlight = Locked(InFlight())

    init(info: Info, tools: MCPTools, quiet: CommandContext, writer: MCPStdioWriter) {
        self.info = info
        self.tools = tools
        self.quiet = quiet
        self.writer = writer
    }

    func serve(input: Int32) async {
        let writer = self.writer
        for await line in MCPStdioReader.lines(from: input, reject: { writer.send($0) }) {
            receive(line)
        }
        // The client went away: nobody will read an answer, and a recipe must not run on
        // for half an hour after it. Work in flight is cancelled (a running fix's tree is
        // stopped as Ctrl-C stops it), and ends before the server does.
        for task in inFlight.withLock({ Array($0.tasks.values) }) { task.cancel() }
        while let next = inFlight.withLock({ $0.tasks.values.first }) {
            await next.value
        }
    }

    /// One line off the wire: a message, or a batch of them (protocol revisions before
    /// 2025-06-18 allow batches, and the SDK answers them).
    func receive(_ line: Data) {
        let message: JSONValue
        do {
            message = try JSONValue.parse(bytes: [UInt8](line))
        } catch {
            writer.send(MCPIncoming.answer(.null, error: .parse("the message is not JSON (\(error)); send one JSON-RPC object a line")))
            return
        }
        if case let .array(items) = message {
            guard !items.isEmpty else {
                writer.send(MCPIncoming.answer(.null, error: .invalidRequest("an empty batch; send at least one message")))
                return
            }
            track(request: nil) {
                var answers: [JSONValue] = []
                for item in items {
                    switch self.accept(item) {
                    case let .request(id, method, params): answers.append(await self.respond(id: id, method: method, params: params))
                    case let .answered(answer?): answers.append(answer)
                    case .answered(nil): break
                    }
                }
                if !answers.isEmpty { self.writer.send(.array(answers)) }
            }
            return
        }
        switch accept(message) {
        case let .request(id, method, params):
            track(request: id.encoded()) {
                self.writer.send(await self.respond(id: id, method: method, params: params))
            }
        case let .answered(answer):
            if let answer { writer.send(answer) }
        }
    }

    /// What a message asks: a request still to answer, or nothing more than what was
    /// done now (a notification heeded: no answer; a client's response: none; a
    /// malformed message: its error).
    enum Accepted {
        case request(id: JSONValue, method: String, params: JSONValue?)
        case answered(JSONValue?)
    }

    func accept(_ message: JSONValue) -> Accepted {
        do {
            switch try MCPIncoming(message) {
            case let .request(id, method, params): return .request(id: id, method: method, params: params)
            case let .notification(method, params):
                notice(method, params)
                return .answered(nil)
            case .response: return .answered(nil)
            }
        } catch {
            return .answered(MCPIncoming.answer(Self.echoableID(message), error: error))
        }
    }

    static func echoableID(_ message: JSONValue) -> JSONValue {
        guard let id = message["id"], id.stringValue != nil || id.intValue != nil else { return .null }
        return id
    }

    private func track(request: String?, _ work: @escaping @Sendable () async -> Void) {
        // Under the lock, so the task cannot remove itself before it is added.
        inFlight.withLock { state in
            let token = state.nextToken
            state.nextToken += 1
            state.tasks[token] = Task { [self] in
                await CommandContext.$current.withValue(quiet) { await work() }
                finished(token, request: request)
            }
            if let request { state.byRequest[request] = token }
        }
    }

    private func finished(_ token: Int, request: String?) {
        inFlight.withLock { state in
            state.tasks[token] = nil
            if let request, state.byRequest[request] == token { state.byRequest[request] = nil }
        }
    }

    func notice(_ method: String, _ params: JSONValue?) {
        switch method {
        case "notifications/cancelled":
            if let id = params?["requestId"] {
                inFlight.withLock { state in state.byRequest[id.encoded()].flatMap { state.tasks[$0] } }?.cancel()
            }
        default:
            // notifications/initialized and the rest (progress, roots changed) ask
            // nothing of this server: it answers before initialisation too, as the SDK did.
            break
        }
    }

    func respond(id: JSONValue, method: String, params: JSONValue?) async -> JSONValue {
        do {
            return MCPIncoming.answer(id, result: try await result(method, params))
        } catch let error as MCPProtocolError {
            return MCPIncoming.answer(id, error: error)
        } catch let error as PresentableError {
            return MCPIncoming.answer(id, error: .invalidParams(error.message))
        } catch {
            return MCPIncoming.answer(id, error: .internalError("\(error)"))
        }
    }

    func result(_ method: String, _ params: JSONValue?) async throws -> JSONValue {
        switch method {
        case "initialize":
            let requested = params?["protocolVersion"]?.stringValue
            return .object([
                ("protocolVersion", .string(MCPVersion.negotiate(requested))),
                (
                    "capabilities",
                    .object([
                        ("resources", .object([("subscribe", .bool(false)), ("listChanged", .bool(false))])),
                        ("tools", .object([("listChanged", .bool(false))])),
                    ])
                ),
                ("serverInfo", .object([("name", .string(info.name)), ("version", .string(info.version))])),
                ("instructions", .string(info.instructions)),
            ])
        case "ping":
            return .object([])
        case "tools/list":
            return .object([("tools", .array(tools.catalogue().map(\.json)))])
        case "tools/call":
            guard let name = params?["name"]?.stringValue else {
                throw MCPProtocolError.invalidParams("tools/call needs params.name, the tool to call; tools/list names them")
            }
            return await tools.call(name, params?["arguments"]).json
        case "resources/list":
            return try MCPResources(tools: tools).list()
        case "resources/read":
            guard let uri = params?["uri"]?.stringValue else {
                throw MCPProtocolError.invalidParams("resources/read needs params.uri, such as bead://ID or doc://PATH")
            }
            return try MCPResources(tools: tools).read(uri)
        default:
            throw MCPProtocolError.methodNotFound(method)
        }
    }
}
