import Foundation
import Testing

/// `beads setup` writes what an agent reads, keeps what was there, and is idempotent.
@Suite struct SetupEndToEndTests {
    @Test func claudeIsSetUpOnceAndTakenOutAgainLeavingTheRestAlone() throws {
        let kb = ScratchKnowledgeBase()
        kb.write("CLAUDE.md", "# Our project\n\nUse tabs.\n")
        try FileManager.default.createDirectory(atPath: kb.path + "/.claude", withIntermediateDirectories: true)
        let otherHook = #"{"hooks":{"SessionStart":[{"hooks":[{"type":"command","command":"echo hello"}]}]},"model":"opus"}"#
        kb.write(".claude/settings.json", otherHook)

        #expect(try kb.run("setup", "claude", "--check").status == 1)
        let first = try kb.run("setup", "claude")
        #expect(first.status == 0, "\(first.stderr)")
        let claude = kb.read("CLAUDE.md")
        #expect(claude.hasPrefix("# Our project\n\nUse tabs.\n\n<!-- beads:start"))
        #expect(claude.contains("beads fix --json"))
        let servers = try #require((try json(kb.read(".mcp.json")) as? [String: Any])?["mcpServers"] as? [String: Any])
        #expect((servers["beads"] as? [String: Any])?["command"] as? String == "beads")
        let settings = try #require(try json(kb.read(".claude/settings.json")) as? [String: Any])
        #expect(settings["model"] as? String == "opus")
        let hooks = kb.read(".claude/settings.json")
        #expect(hooks.contains("echo hello") && hooks.contains("beads prime --hook"))

        // Idempotent: a second run changes no byte.
        let files = ["CLAUDE.md", ".mcp.json", ".claude/settings.json"].map { kb.read($0) }
        let second = try kb.run("setup", "claude")
        #expect(second.stdout.contains("Nothing to change"))
        #expect(["CLAUDE.md", ".mcp.json", ".claude/settings.json"].map { kb.read($0) } == files)
        #expect(try kb.run("setup", "claude", "--check").status == 0)

        let removed = try kb.run("setup", "claude", "--remove")
        #expect(removed.status == 0)
        #expect(kb.read("CLAUDE.md") == "# Our project\n\nUse tabs.\n\n")
        #expect(!FileManager.default.fileExists(atPath: kb.path + "/.mcp.json") || !kb.read(".mcp.json").contains("beads"))
        let after = kb.read(".claude/settings.json")
        #expect(after.contains("echo hello") && !after.contains("beads prime"))
        #expect(after.contains("\"model\""))
    }

    @Test func agentsMdAndCursorAreWrittenToo() throws {
        let kb = ScratchKnowledgeBase()
        #expect(try kb.run("setup", "agents-md").status == 0)
        #expect(kb.read("AGENTS.md").contains("<!-- beads:end -->"))
        #expect(try kb.run("setup", "cursor").status == 0)
        #expect(kb.read(".cursor/rules/beads.mdc").hasPrefix("---\ndescription:"))
        #expect(kb.read(".cursor/mcp.json").contains("\"beads\""))
        #expect(try kb.run("setup", "cursor", "--check").status == 0)
        #expect(try kb.run("setup", "vim").status == 2)
    }
}
