import Foundation
import Testing

/// Long output goes through $PAGER on a terminal only. A terminal is given with
/// util-linux's `script`, which runs the command on a pseudo-terminal.
@Suite struct PagerEndToEndTests {
    func onATerminal(_ command: String, in kb: ScratchKnowledgeBase, lines: Int) throws -> BeadsRun {
        try BeadsBinary.run(
            ["-qec", "\(BeadsBinary.path) \(command)", "/dev/null"], in: kb.path,
            environment: ["PAGER": "cat > \(kb.path)/paged", "LINES": "\(lines)", "TERM": "xterm"],
            executable: "/usr/bin/script")
    }

    @Test func aLongDocGoesThroughThePagerOnATerminal() throws {
        let kb = ScratchKnowledgeBase()
        let run = try onATerminal("doc show docs/docker-build-devpod.md", in: kb, lines: 10)
        #expect(run.status == 0, "\(run.stderr)")
        let paged = kb.read("paged")
        #expect(paged.contains("Root cause"), "\(paged.prefix(200))")
        #expect(!run.stdout.contains("Root cause"))
    }

    @Test func aShortOneOrAPipeIsPrintedAsItIs() throws {
        let kb = ScratchKnowledgeBase()
        let short = try onATerminal("doc show docs/docker-build-devpod.md --section root-cause", in: kb, lines: 200)
        #expect(short.stdout.contains("Root cause"))
        #expect(kb.read("paged").isEmpty)
        let piped = try kb.run(
            "doc", "show", "docs/docker-build-devpod.md", environment: ["PAGER": "cat > \(kb.path)/paged", "LINES": "10"])
        #expect(piped.stdout.contains("Root cause"))
        #expect(kb.read("paged").isEmpty)
    }
}
