import Foundation
import Testing

/// A docs folder is untrusted input: every command re-indexes what changed first, so
/// one hostile doc must not take the knowledge base down. Each case here crashed, hung
/// or ran for minutes before (numbers in the session note).
@Suite struct HostileDocsEndToEndTests {
    /// `doc index` succeeds, warns about `warning`, and the shipped doc still answers `fix`.
    func expectSurvives(_ kb: ScratchKnowledgeBase, warning: String) throws {
        let index = try kb.run("doc", "index")
        #expect(index.status == 0, "\(index.stderr)")
        #expect(index.stderr.contains(warning), "\(index.stderr)")
        let fix = try kb.run(
            "fix", "--json", #"ERROR: mount source: "overlay", target: "/x", fstype: overlay, flags: 0, data: "y", err: invalid argument"#)
        #expect(fix.status == 0)
        #expect(fix.stdout.contains(#""bead": "mo-jgo""#))
    }

    @Test func deeplyNestedListsAndQuotesAreReadAsText() throws {
        let kb = ScratchKnowledgeBase()
        kb.write("docs/lists.md", "# Lists\n\n" + String(repeating: "- ", count: 2_000) + "x\n")
        kb.write("docs/quotes.md", "# Quotes\n\n" + String(repeating: ">", count: 5_000) + " deep\n")
        try expectSurvives(kb, warning: "docs/lists.md: lists or quotes nested more than 48 levels deep were read as plain text")
        let list = try kb.run("doc", "list", "--json")
        #expect(list.stdout.contains("docs/quotes.md"))
    }

    @Test func frontMatterAliasesAreRefused() throws {
        let kb = ScratchKnowledgeBase()
        var yaml = "a: &a [\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\"]\n"
        for (name, previous) in zip(["b", "c", "d", "e", "f", "g", "h", "i"], ["a", "b", "c", "d", "e", "f", "g", "h"]) {
            yaml += "\(name): &\(name) [" + Array(repeating: "*\(previous)", count: 9).joined(separator: ",") + "]\n"
        }
        kb.write("docs/bomb.md", "---\n\(yaml)---\n# Bomb\n\n**Bead**: mo-jgo\n")
        try expectSurvives(kb, warning: "docs/bomb.md:2: front matter uses YAML anchors or aliases")
        // A front matter that only mentions a star in its text is still read.
        kb.write("docs/star.md", "---\ntitle: Builds fail * sometimes\nbeads: [mo-jgo]\n---\n# Star\n")
        let index = try kb.run("doc", "index")
        #expect(!index.stderr.contains("docs/star.md"))
    }

    @Test func twentyThousandHeadingsAreIndexed() throws {
        let kb = ScratchKnowledgeBase()
        kb.write("docs/headings.md", "# Many\n\n" + (0..<20_000).map { "## Heading \($0)\n\ntext \($0)\n" }.joined(separator: "\n"))
        let index = try kb.run("doc", "index")
        #expect(index.status == 0)
        #expect(index.stdout.contains("indexed docs/headings.md"))
    }

    @Test func aTableTooWideIsNotReadAndSaysSo() throws {
        let kb = ScratchKnowledgeBase()
        let cells = 5_000
        let row = { (cell: String) in "|" + Array(repeating: cell, count: cells).joined(separator: "|") + "|\n" }
        kb.write("docs/wide.md", "# Wide\n\n" + row("c") + row("-") + row("x"))
        try expectSurvives(kb, warning: "docs/wide.md:3: a table row of 5000 cells (more than 500); the doc was not read")
    }

    @Test func linksStayInsideTheKnowledgeBaseAndLoopsEnd() throws {
        let kb = ScratchKnowledgeBase()
        let fm = FileManager.default
        try fm.createDirectory(atPath: kb.path + "/docs/sub", withIntermediateDirectories: true)
        kb.write("docs/sub/copy.md", "# Copy\n\n**Bead**: mo-jgo\n")
        try fm.createSymbolicLink(atPath: kb.path + "/docs/self", withDestinationPath: ".")
        try fm.createSymbolicLink(atPath: kb.path + "/docs/sub/up", withDestinationPath: "..")
        try fm.createSymbolicLink(atPath: kb.path + "/docs/passwd.md", withDestinationPath: "/etc/passwd")
        try fm.createSymbolicLink(atPath: kb.path + "/docs/zero.md", withDestinationPath: "/dev/zero")
        #expect(mkfifo(kb.path + "/docs/pipe.md", 0o644) == 0)
        let index = try kb.run("doc", "index")
        #expect(index.status == 0)
        #expect(index.stderr.contains("docs/passwd.md: links outside the knowledge base; skipped"))
        #expect(index.stderr.contains("docs/zero.md: links outside the knowledge base; skipped"))
        #expect(index.stderr.contains("docs/pipe.md: not a regular file"))
        let docs = try #require(try json(try kb.run("doc", "list", "--json").stdout) as? [[String: Any]]).compactMap {
            $0["path"] as? String
        }
        // Each real doc once, whatever the loops offer.
        #expect(docs == ["docs/docker-build-devpod.md", "docs/sub/copy.md"])
        #expect(try !kb.run("search", "root").stdout.contains("/bin/bash"))
    }

    @Test func aDocOverTheSizeBudgetIsSkipped() throws {
        let kb = ScratchKnowledgeBase()
        kb.write("docs/huge.md", "# Huge\n\n" + String(repeating: "word ", count: 220_000))
        try expectSurvives(kb, warning: "docs/huge.md: 1100008 bytes, over the 1024 KiB a doc may have; skipped")
    }
}
