import Foundation
import MCP
import SystemPackage

// An agent's host in miniature, built on the MCP Swift SDK's own Client: it starts
// `beads mcp`, speaks to it over the child's stdio, and prints what it was told as one
// JSON object for MCPClientEndToEndTests to check. It is a process of its own because
// the same client inside the test process passed alone but, in the full parallel run,
// spun at 94% CPU and never finished. Not diagnosed; the suspects are the SDK's polling
// reader (O_NONBLOCK, 10 ms sleeps) and a two-core concurrency pool that the blocking
// end-to-end tests hold. Here the client has a process and a pool to itself.
//
// Usage: mcp-client-probe BEADS KB BEAD

let arguments = CommandLine.arguments
guard arguments.count == 4 else {
    FileHandle.standardError.write(Data("usage: mcp-client-probe BEADS KB BEAD\n".utf8))
    exit(2)
}
let (beads, kb, bead) = (arguments[1], arguments[2], arguments[3])

let server = Process()
server.executableURL = URL(fileURLWithPath: beads)
server.arguments = ["mcp", "--kb", kb]
let toServer = Pipe(), fromServer = Pipe()
server.standardInput = toServer
server.standardOutput = fromServer
server.standardError = FileHandle.standardError
try server.run()

var report: [String: Any] = [:]
let client = Client(name: "beads-probe", version: "1")
let transport = StdioTransport(
    input: FileDescriptor(rawValue: fromServer.fileHandleForReading.fileDescriptor),
    output: FileDescriptor(rawValue: toServer.fileHandleForWriting.fileDescriptor))
let initialized = try await client.connect(transport: transport)
report["server"] = initialized.serverInfo.name

let (tools, _) = try await client.listTools()
report["tools"] = tools.map(\.name)
report["read_only"] = tools.filter { $0.annotations.readOnlyHint == true }.map(\.name)

func text(_ content: [Tool.Content]) -> String {
    content.compactMap { if case let .text(text, _, _) = $0 { text } else { nil } }.joined(separator: "\n")
}

let overlay =
    #"#5 ERROR: mount source: "overlay", target: "/var/lib/docker/overlay2/q/merged", fstype: overlay, flags: 0, data: "x", err: invalid argument"#
/// The whole result, structured content included (the SDK's shorter form drops it).
func call(_ name: String, _ arguments: [String: Value]) async throws -> CallTool.Result {
    let context: RequestContext<CallTool.Result> = try await client.callTool(name: name, arguments: arguments)
    return try await context.value
}

let diagnosis = try await call("diagnose_error", ["text": .string(overlay)])
report["diagnosis_text"] = text(diagnosis.content)
report["diagnosis_error"] = diagnosis.isError ?? false
if case let .object(fields)? = diagnosis.structuredContent, case let .array(matches)? = fields["matches"],
    case let .object(best)? = matches.first, case let .string(id)? = best["bead"]
{
    report["diagnosis_bead"] = id
}

let claimed = try await call("update_bead", ["id": .string(bead), "claim": .bool(true)])
report["claim_error"] = claimed.isError ?? false
let closed = try await call("update_bead", ["id": .string(bead), "close_reason": .string("Built with Kaniko")])
report["close_error"] = closed.isError ?? false

let (resources, _) = try await client.listResources()
report["resources"] = resources.map(\.uri)
let doc = try await client.readResource(uri: "doc://docs/docker-build-devpod.md")
report["doc"] = doc.first?.text ?? ""

let unknown = try await call("show_bead", ["id": .string("mo-nope")])
report["unknown_error"] = unknown.isError ?? false
report["unknown_text"] = text(unknown.content)

await client.disconnect()
try toServer.fileHandleForWriting.close()
server.waitUntilExit()
report["server_exit"] = Int(server.terminationStatus)

FileHandle.standardOutput.write(try JSONSerialization.data(withJSONObject: report, options: [.sortedKeys]))
