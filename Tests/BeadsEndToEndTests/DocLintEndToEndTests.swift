import Foundation
import Testing

/// `beads doc lint` on fixture docs written to carry each defect the seeds show.
@Suite struct DocLintEndToEndTests {
    static let fixtures = BeadsBinary.repository + "/Tests/BeadsEndToEndTests/Fixtures/lint"

    /// The shipped knowledge base plus the two fixtures and the beads they talk about.
    func knowledgeBase() throws -> ScratchKnowledgeBase {
        let kb = ScratchKnowledgeBase()
        for name in ["stale.md", "clean.md"] {
            try FileManager.default.copyItem(atPath: Self.fixtures + "/" + name, toPath: kb.path + "/docs/" + name)
        }
        #expect(try kb.run("create", "Builds stall unpacking layers", "--id", "mo-w1ld", "-p", "1").status == 0)
        #expect(try kb.run("create", "Registry mirror flaps", "--id", "mo-m1rr").status == 0)
        #expect(try kb.run("create", "Nobody wrote this up", "--id", "mo-unc0", "-p", "0").status == 0)
        return kb
    }

    /// rule and line of every `path:line: [rule] message` line, in order.
    func findings(_ stdout: String, in path: String) -> [String] {
        stdout.split(separator: "\n").filter { $0.hasPrefix(path + ":") }.map { line in
            let parts = line.split(separator: ":", maxSplits: 2)
            let rule = line[line.range(of: "[")!.upperBound..<line.range(of: "]")!.lowerBound]
            return "\(rule)@\(parts[1])"
        }
    }

    static let staleDefects = [
        "no-signature@3", "changelog-order@4", "unknown-bead@12", "mojibake@14", "mojibake@16",
        "broken-link@22", "broken-anchor@23", "missing-file@23", "unknown-command@29", "unknown-command@30",
        "contradiction@33", "status-mismatch@39",
    ]

    @Test func everyDefectIsReportedOnceOnItsOwnLine() throws {
        let kb = try knowledgeBase()
        let run = try kb.run("doc", "lint", "docs/stale.md")
        #expect(run.status == 1)
        #expect(findings(run.stdout, in: "docs/stale.md") == Self.staleDefects)
        #expect(run.stdout.split(separator: "\n").count == Self.staleDefects.count)
        #expect(run.stdout.contains(#"docs/stale.md:14: [mojibake] "‚úÖ" is UTF-8 read as Mac Roman; it should read "✅""#))
        #expect(run.stdout.contains(#"[mojibake] "â€™" is UTF-8 read as Windows-1252; it should read "’""#))
        #expect(run.stdout.contains("says mo-1nh is in progress (\"🔄 In Progress\"), but the store has it closed"))
        #expect(run.stdout.contains("says GitHub Actions is done"))
        #expect(run.stdout.contains("but line 20 says open"))
        #expect(run.stdout.contains("did you mean #fixes-that-help?"))
        #expect(run.stdout.contains("calls `kubeclt`"))
        #expect(run.stderr.contains("12 finding(s) in 1 doc(s) checked; 3 can be fixed with --fix."))
    }

    @Test func aCleanDocAndTheShippedDocsPass() throws {
        let kb = try knowledgeBase()
        let clean = try kb.run("doc", "lint", "docs/clean.md")
        #expect(clean.status == 0)
        #expect(clean.stdout.isEmpty)
        #expect(clean.stderr == "1 doc(s) checked: nothing stale.\n")

        let shipped = ScratchKnowledgeBase()
        try FileManager.default.copyItem(atPath: BeadsBinary.repository + "/bench", toPath: shipped.path + "/bench")
        let all = try shipped.run("doc", "lint")
        #expect(all.status == 0, "\(all.stdout)")
        #expect(all.stdout.isEmpty)
    }

    @Test func theWholeKnowledgeBaseAlsoNamesUncoveredBeads() throws {
        let kb = try knowledgeBase()
        let run = try kb.run("doc", "lint", "--json")
        #expect(run.status == 1)
        let items = try #require(try json(run.stdout) as? [[String: Any]])
        let uncovered = items.filter { $0["rule"] as? String == "uncovered-bead" }
        #expect(uncovered.count == 1)
        #expect(uncovered.first?["path"] as? String == "beads/issues.jsonl")
        #expect((uncovered.first?["message"] as? String)?.hasPrefix("mo-unc0 (P0, open)") == true)
        let lineOfBead = kb.read("beads/issues.jsonl").split(separator: "\n").firstIndex { $0.contains(#""id":"mo-unc0""#) }! + 1
        #expect(uncovered.first?["line"] as? Int == lineOfBead)
        #expect(items.filter { $0["path"] as? String == "docs/stale.md" }.count == Self.staleDefects.count)
        #expect(items.filter { $0["path"] as? String == "docs/clean.md" }.isEmpty)
        #expect(items.filter { $0["fixable"] as? Bool == true }.count == 3)
    }

    @Test func fixRepairsOnlyWhatItReportsAndTheRestRemains() throws {
        let kb = try knowledgeBase()
        let before = kb.read("docs/stale.md").split(separator: "\n", omittingEmptySubsequences: false)
        let fixed = try kb.run("doc", "lint", "--fix", "docs/stale.md")
        #expect(fixed.status == 1)
        #expect(fixed.stderr.contains("fixed 3 first"))
        let after = kb.read("docs/stale.md").split(separator: "\n", omittingEmptySubsequences: false)
        #expect(before.count == after.count)
        let changed = zip(before, after).enumerated().filter { $0.element.0 != $0.element.1 }.map { $0.offset + 1 }
        #expect(changed == [14, 16, 39])
        #expect(after[13].contains("✅ Documented"))
        #expect(after[15].contains("don’t"))
        #expect(after[38] == "| mo-1nh | Safe build wrapper | ✅ Closed |")

        let again = try kb.run("doc", "lint", "docs/stale.md")
        let expected = Self.staleDefects.filter { !["mojibake@14", "mojibake@16", "status-mismatch@39"].contains($0) }
        #expect(findings(again.stdout, in: "docs/stale.md") == expected)
        #expect(!again.stderr.contains("--fix"))
    }

    @Test func aRecipeNameDefinedTwiceIsReportedInBothDocs() throws {
        let kb = ScratchKnowledgeBase()
        let recipe = { (body: String) in "```bash {recipe=restart-runner when=any}\n\(body)\n```\n" }
        kb.write("docs/runner-a.md", "# Runner A\n\n**Bead**: mo-jgo\n\n## Fix\n\n" + recipe("systemctl restart runner-a"))
        kb.write("docs/runner-b.md", "# Runner B\n\n**Bead**: mo-3bol\n\n## Fix\n\n" + recipe("systemctl restart runner-b"))
        let run = try kb.run("doc", "lint", "docs/runner-a.md", "docs/runner-b.md", "--json")
        #expect(run.status == 1)
        let found = try #require(try json(run.stdout) as? [[String: Any]]).filter { $0["rule"] as? String == "duplicate-recipe" }
        #expect(found.map { "\($0["path"] ?? ""):\($0["line"] ?? "")" } == ["docs/runner-a.md:7", "docs/runner-b.md:7"])
        #expect((found.first?["message"] as? String)?.contains("also defined in docs/runner-b.md:7") == true)
    }

    @Test func aMissingPathIsAClearError() throws {
        let kb = ScratchKnowledgeBase()
        let run = try kb.run("doc", "lint", "docs/nope.md")
        #expect(run.status == 1)
        #expect(run.stderr.contains("docs/nope.md: no such file"))
    }
}
