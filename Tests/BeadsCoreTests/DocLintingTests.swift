import BeadsCore
import BeadsKnowledge
import Foundation
import Testing

/// The lint use case in process, as the CLI, the Docs pages, /api/lint and MCP reach it.
@Suite struct DocLintingTests {
    /// The commands a recipe may call are the ones the front door names: a recipe calling
    /// `beads frobnicate` is a finding, `beads fix` is not.
    @Test func aRecipeCallingNoSuchBeadsCommandIsAFinding() throws {
        let (dir, base) = try DiagnoseTests.knowledgeBase()
        defer { withExtendedLifetime(dir) {} }
        try "# Fixing\n\nFor mo-jgo.\n\n```bash {recipe=try-it when=any}\nbeads frobnicate --now\nbeads fix --file x.log\n```\n"
            .write(toFile: dir.path + "/docs/try.md", atomically: true, encoding: .utf8)
        let linting = DocLinting(base: base, environment: ["PATH": "/usr/bin:/bin"], subcommands: ["fix", "show"])
        let findings = try linting.wholeKnowledgeBase().filter { $0.path == "docs/try.md" && $0.rule == .unknownCommand }
        #expect(findings.map(\.message).contains { $0.contains("beads frobnicate") }, "\(findings.map(\.message))")
        #expect(!findings.map(\.message).contains { $0.contains("beads fix") })
    }

    /// A doc that is not UTF-8 is refused, named, with what to do: a failure of its own kind.
    @Test func aDocThatIsNotUTF8IsRefusedByName() throws {
        let (dir, base) = try DiagnoseTests.knowledgeBase()
        defer { withExtendedLifetime(dir) {} }
        try Data([0x23, 0x20, 0xE9, 0xFF, 0x0A]).write(to: URL(fileURLWithPath: dir.path + "/docs/latin1.md"))
        do {
            _ = try base.readDoc("docs/latin1.md")
            Issue.record("a non-UTF-8 doc was read")
        } catch let failure as Failure {
            #expect(failure.kind == .failed && failure.message.hasPrefix("docs/latin1.md: is not UTF-8"))
        }
        #expect(throws: Failure.self) { _ = try DocLinting(base: base, environment: [:], subcommands: []).wholeKnowledgeBase() }
    }
}
