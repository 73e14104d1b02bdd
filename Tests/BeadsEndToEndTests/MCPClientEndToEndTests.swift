import Foundation
import MCP
import SystemPackage
import Testing

/// `beads mcp` driven by the official Swift SDK's own Client over a child's stdio, as an
/// agent's host would: diagnose the shipped overlay error, claim and close a bead, read
/// its doc.
@Suite struct MCPClientEndToEndTests {
    @Test func theSDKsClientDiagnosesClaimsClosesAndReadsTheDoc() async throws {
        let kb = ScratchKnowledgeBase()
        let created = try kb.run("create", "Overlay builds in the new devpod", "-t", "bug", "--json")
        let bead = try id(created)
        let process = Process()
        process.executableURL = URL(fileURLWithPath: BeadsBinary.path)
        process.arguments = ["mcp", "--kb", kb.path]
        var env = ProcessInfo.processInfo.environment
        for key in ["BEADS_DIR", "BEADS_ENV", "GITHUB_TOKEN", "GH_TOKEN"] { env[key] = nil }
        env["BEADS_ACTOR"] = "sdk-client"
        process.environment = env
        let toServer = Pipe(), fromServer = Pipe()
        process.standardInput = toServer
        process.standardOutput = fromServer
        process.standardError = FileHandle.nullDevice
        try process.run()
        defer {
            if process.isRunning { process.terminate() }
            process.waitUntilExit()
        }

        let client = Client(name: "beads-e2e", version: "1")
        let transport = StdioTransport(input: FileDescriptor(rawValue: fromServer.fileHandleForReading.fileDescriptor),
                                       output: FileDescriptor(rawValue: toServer.fileHandleForWriting.fileDescriptor))
        let initialized = try await client.connect(transport: transport)
        #expect(initialized.serverInfo.name == "beads")

        let (tools, _) = try await client.listTools()
        #expect(tools.contains { $0.name == "diagnose_error" && $0.annotations.readOnlyHint == true })

        let diagnosed = try await client.callTool(name: "diagnose_error", arguments: [
            "text": .string(#"#5 ERROR: mount source: "overlay", target: "/var/lib/docker/overlay2/q/merged", fstype: overlay, flags: 0, data: "x", err: invalid argument"#),
        ])
        #expect(diagnosed.isError == false)
        guard case let .text(text, _, _)? = diagnosed.content.first else { Issue.record("no text"); return }
        #expect(text.hasPrefix("mo-jgo: "), "\(text)")

        let claimed = try await client.callTool(name: "update_bead", arguments: ["id": .string(bead), "claim": .bool(true)])
        #expect(claimed.isError == false)
        let closed = try await client.callTool(name: "update_bead", arguments: ["id": .string(bead), "close_reason": .string("Built with Kaniko")])
        #expect(closed.isError == false)
        let shown = try #require(try json(try kb.run("show", bead, "--json").stdout) as? [String: Any])
        #expect(shown["status"] as? String == "closed")
        #expect(shown["assignee"] as? String == "sdk-client")
        #expect(shown["close_reason"] as? String == "Built with Kaniko")

        let doc = try await client.readResource(uri: "doc://docs/docker-build-devpod.md")
        #expect(doc.first?.text?.contains("## Root cause") == true)

        let bad = try await client.callTool(name: "show_bead", arguments: ["id": .string("mo-nope")])
        #expect(bad.isError == true)
        await client.disconnect()
    }
}
