import BeadsTestSupport
import Foundation
import Testing

/// `beads mcp` driven by the official Swift SDK's own Client (the mcp-client-probe
/// helper, built beside beads): diagnose the shipped overlay error, claim and close a
/// bead, list and read the docs, and get a tool error for an unknown bead.
@Suite struct MCPClientEndToEndTests {
    static var probe: String {
        URL(fileURLWithPath: BeadsBinary.path).deletingLastPathComponent().appendingPathComponent("mcp-client-probe").path
    }

    @Test func theSDKsClientDiagnosesClaimsClosesAndReadsTheDoc() throws {
        let kb = ScratchKnowledgeBase()
        let created = try kb.run("create", "Overlay builds in the new devpod", "-t", "bug", "--json")
        let bead = try #require(try JSONTree.parse(created.stdout)["id"]?.string)
        let run = try BeadsBinary.run(
            [BeadsBinary.path, kb.path, bead], in: kb.path, environment: ["BEADS_ACTOR": "sdk-client"],
            executable: Self.probe)
        #expect(run.status == 0, "\(run.stderr)")
        let report = try JSONTree.parse(run.stdout)

        #expect(report["server"] == .string("beads"))
        let tools = report["tools"]?.array?.compactMap(\.string) ?? []
        #expect(tools.contains("diagnose_error") && !tools.contains("run_fix"), "\(tools)")
        #expect(report["read_only"]?.array?.compactMap(\.string).contains("diagnose_error") == true)
        #expect(report["diagnosis_error"] == .bool(false))
        #expect(report["diagnosis_bead"] == .string("mo-jgo"))
        #expect(report["diagnosis_text"]?.string?.hasPrefix("mo-jgo: ") == true, "\(report)")
        #expect(report["claim_error"] == .bool(false) && report["close_error"] == .bool(false))
        #expect(report["resources"]?.array?.contains(.string("doc://docs/docker-build-devpod.md")) == true)
        #expect(report["doc"]?.string?.contains("## Root cause") == true)
        #expect(report["unknown_error"] == .bool(true))
        #expect(report["unknown_text"]?.string?.contains("mo-nope") == true)
        #expect(report["server_exit"] == .integer(0))

        // What the client did is in the store, by the client's actor.
        let shown = try JSONTree.parse(try kb.run("show", bead, "--json").stdout)
        #expect(shown["status"] == .string("closed"))
        #expect(shown["assignee"] == .string("sdk-client"))
        #expect(shown["close_reason"] == .string("Built with Kaniko"))
    }
}
