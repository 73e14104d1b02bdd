import BeadsStore

// The Model Context Protocol's messages that `beads mcp` speaks, as our own JSON values.
// A stdio server needs six methods of the protocol, so they are written here rather than
// taken from the official Swift SDK, whose module holds an HTTP client transport: linking
// it brings FoundationNetworking, libcurl and thirty shared libraries that every command
// would pay for at start-up (about 10 ms of 22). The SDK's own client talks to this
// server in the tests (MCPClientProbe).

/// The protocol revisions this server speaks, newest first. A client asking for one of
/// them gets it; any other gets the newest, and decides itself whether it can go on.
enum MCPVersion {
    static let supported = ["2025-11-25", "2025-06-18", "2025-03-26", "2024-11-05"]

    static func negotiate(_ requested: String?) -> String {
        requested.flatMap { supported.contains($0) ? $0 : nil } ?? supported[0]
    }
}

/// A JSON-RPC error answer: the code says which kind, the message what to do.
struct MCPProtocolError: Error, Equatable {
    var code: Int
    var message: String

    static func parse(_ message: String) -> Self { .init(code: -32700, message: message) }
    static func invalidRequest(_ message: String) -> Self { .init(code: -32600, message: message) }
    static func methodNotFound(_ method: String) -> Self {
        .init(
            code: -32601,
            message:
                "unknown method \(method); this server answers initialize, ping, tools/list, tools/call, resources/list and resources/read")
    }
    static func invalidParams(_ message: String) -> Self { .init(code: -32602, message: message) }
    static func internalError(_ message: String) -> Self { .init(code: -32603, message: message) }
}

/// A tool, declared once: its name, what it takes and gives, its hints, and the code
/// that answers it.
struct MCPTool {
    typealias Handler = @Sendable (MCPTools, MCPArguments) async throws -> (JSONValue, String)

    /// Hints a client may show or act on; only the ones given are sent.
    struct Annotations: Equatable {
        var readOnlyHint: Bool?
        var destructiveHint: Bool?
        var idempotentHint: Bool?
        var openWorldHint: Bool?

        var json: JSONValue {
            let hints: [(String, Bool?)] = [
                ("readOnlyHint", readOnlyHint), ("destructiveHint", destructiveHint),
                ("idempotentHint", idempotentHint), ("openWorldHint", openWorldHint),
            ]
            return .object(hints.compactMap { name, value in value.map { (name, JSONValue($0)) } })
        }
    }

    var name: String
    var description: String
    var inputSchema: JSONValue
    var annotations: Annotations
    var outputSchema: JSONValue?
    /// Returns the structured result and its short text.
    var handler: Handler

    var json: JSONValue {
        var fields: [(String, JSONValue)] = [
            ("name", .string(name)), ("description", .string(description)),
            ("inputSchema", inputSchema), ("annotations", annotations.json),
        ]
        if let outputSchema { fields.append(("outputSchema", outputSchema)) }
        return .object(fields)
    }
}

/// What `tools/call` answers: text for clients that show only text, the structured
/// result for the rest, and whether the tool failed (a tool error, not a protocol one).
struct MCPToolResult {
    var text: String
    var structured: JSONValue?
    var isError: Bool

    var json: JSONValue {
        var fields: [(String, JSONValue)] = [("content", .array([.object([("type", "text"), ("text", .string(text))])]))]
        if let structured { fields.append(("structuredContent", structured)) }
        fields.append(("isError", JSONValue(isError)))
        return .object(fields)
    }
}

/// One entry of `resources/list`.
struct MCPResource {
    var uri: String
    var name: String
    var description: String?
    var mimeType: String

    var json: JSONValue {
        var fields: [(String, JSONValue)] = [("uri", .string(uri)), ("name", .string(name))]
        if let description { fields.append(("description", .string(description))) }
        fields.append(("mimeType", .string(mimeType)))
        return .object(fields)
    }
}

/// A message read off the wire, sorted by what it asks of the server.
enum MCPIncoming {
    /// Needs an answer carrying the same id.
    case request(id: JSONValue, method: String, params: JSONValue?)
    /// Needs none.
    case notification(method: String, params: JSONValue?)
    /// An answer to a request of ours; this server sends none, so it is ignored.
    case response

    init(_ message: JSONValue) throws(MCPProtocolError) {
        guard case .object = message else { throw .invalidRequest("a message must be a JSON object, not \(message.typeName)") }
        let id = message["id"]
        guard let method = message["method"] else {
            guard id != nil, message["result"] != nil || message["error"] != nil else {
                throw .invalidRequest("a message needs a method (a request or notification) or a result (a response)")
            }
            self = .response
            return
        }
        guard case let .string(name) = method else { throw .invalidRequest("method must be a string") }
        switch id {
        case nil: self = .notification(method: name, params: message["params"])
        case let id? where id.stringValue != nil || id.intValue != nil:
            self = .request(id: id, method: name, params: message["params"])
        case let id?: throw .invalidRequest("id must be a string or a whole number, not \(id.typeName)")
        }
    }

    static func answer(_ id: JSONValue, result: JSONValue) -> JSONValue {
        .object([("jsonrpc", "2.0"), ("id", id), ("result", result)])
    }

    static func answer(_ id: JSONValue, error: MCPProtocolError) -> JSONValue {
        .object([
            ("jsonrpc", "2.0"), ("id", id), ("error", .object([("code", JSONValue(error.code)), ("message", .string(error.message))])),
        ])
    }
}
