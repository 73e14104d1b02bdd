import Foundation
import Testing

@Suite struct DependencyGraphEndToEndTests {
    @Test func treeAndCyclesInTextAndJSON() throws {
        let kb = ScratchKnowledgeBase()
        let top = try id(try kb.run("create", "Ship the release", "--json"))
        let build = try id(try kb.run("create", "Fix the build", "--deps", top, "--json"))
        // top waits on nothing; build waits on top. A tree from build goes to top.
        let tree = try kb.run("dep", "tree", build)
        #expect(tree.status == 0)
        // Each line says, with both ids, which way the dependency goes.
        #expect(tree.stdout.contains("\n  \(top)  P2  task  open  Ship the release   (\(top) blocks \(build))\n"), "\(tree.stdout)")
        let backwards = try kb.run("dep", "tree", top, "--reverse")
        #expect(
            backwards.stdout.contains("\n  \(build)  P2  task  open  Fix the build   (\(top) blocks \(build))\n"), "\(backwards.stdout)")
        let child = try id(try kb.run("create", "A part of it", "--parent", build, "--json"))
        #expect(try kb.run("dep", "tree", build, "--reverse").stdout.contains("(\(build) is the parent of \(child))"))
        #expect(try kb.run("delete", child, "--force").status == 0)
        let nodes = try #require(try json(try kb.run("dep", "tree", build, "--json").stdout) as? [[String: Any]])
        #expect(nodes.map { $0["id"] as? String } == [build, top])
        #expect(nodes.map { $0["depth"] as? Int } == [0, 1])
        #expect(nodes.last?["parent_id"] as? String == build)
        #expect(nodes.last?["title"] as? String == "Ship the release")
        let reverse = try #require(try json(try kb.run("dep", "tree", top, "--reverse", "--json").stdout) as? [[String: Any]])
        #expect(reverse.map { $0["id"] as? String } == [top, build])

        let clean = try kb.run("dep", "cycles")
        #expect(clean.status == 0)
        #expect(clean.stdout == "No dependency cycles.\n")

        // `dep add` refuses cycles, but a pulled JSONL can carry one.
        var lines = kb.read("beads/issues.jsonl").split(separator: "\n").map(String.init)
        let index = try #require(lines.firstIndex { $0.contains(#""id":"\#(top)""#) })
        lines[index] = lines[index].replacingOccurrences(
            of: #""id":"\#(top)","#,
            with:
                #""id":"\#(top)","dependencies":[{"issue_id":"\#(top)","depends_on_id":"\#(build)","type":"blocks","created_at":"2026-02-04T00:00:00Z","created_by":"t"}],"#
        )
        kb.write("beads/issues.jsonl", lines.joined(separator: "\n") + "\n")
        let cyclic = try kb.run("dep", "cycles")
        #expect(cyclic.status == 1)
        let expected = [build, top].sorted()
        #expect(cyclic.stdout.contains("  \(expected[0]) → \(expected[1]) → \(expected[0])\n"))
        let cycles = try #require(try json(try kb.run("dep", "cycles", "--json").stdout) as? [[String]])
        #expect(cycles == [[expected[0], expected[1], expected[0]]])
        #expect(try kb.run("dep", "tree", "mo-nope").stderr.contains("mo-nope"))
    }

    /// Two processes adding the two halves of a cycle at once: the check is made inside
    /// each write, so one of them is refused and the graph stays acyclic.
    @Test func concurrentHalvesOfACycleCannotBothLand() throws {
        let kb = ScratchKnowledgeBase()
        for round in 0..<4 {
            let a = try id(try kb.run("create", "Half A \(round)", "--json"))
            let b = try id(try kb.run("create", "Half B \(round)", "--json"))
            nonisolated(unsafe) var results: [Int32] = [0, 0]
            let path = kb.path
            let threads = [(a, b, 0), (b, a, 1)].map { issue, target, slot in
                Thread { results[slot] = (try? BeadsBinary.run(["dep", "add", issue, target], in: path).status) ?? -1 }
            }
            threads.forEach { $0.start() }
            while threads.contains(where: { !$0.isFinished }) { usleep(10_000) }
            #expect(results.sorted() == [0, 1], "round \(round): \(results)")
        }
        #expect(try kb.run("dep", "cycles").status == 0)
    }

    @Test func typesTakeBdsAliasesAndListSorts() throws {
        let kb = ScratchKnowledgeBase()
        let feature = try #require(
            try json(try kb.run("create", "Colour output", "-t", "enhancement", "-p", "3", "--json").stdout) as? [String: Any])
        #expect(feature["issue_type"] as? String == "feature")
        let bad = try kb.run("create", "Nope", "-t", "incident")
        #expect(bad.status == 2)
        #expect(bad.stderr.contains("\"incident\" is not an issue type"))
        let decision = try id(try kb.run("create", "Use Kaniko", "-t", "adr", "-p", "1", "--json"))
        #expect(try kb.run("update", decision, "-t", "feat").status == 0)

        let byType = try #require(try json(try kb.run("list", "-t", "feat", "--json").stdout) as? [[String: Any]])
        #expect(byType.map { $0["title"] as? String } == ["Use Kaniko", "Colour output"])
        let byTitle = try #require(try json(try kb.run("list", "--all", "--sort", "title", "-n", "3", "--json").stdout) as? [[String: Any]])
        #expect(byTitle.map { $0["title"] as? String }.count == 3)
        let titles = byTitle.compactMap { $0["title"] as? String }
        #expect(titles == titles.sorted())
        let reversed = try #require(try json(try kb.run("list", "--sort", "priority", "--reverse", "--json").stdout) as? [[String: Any]])
        #expect(reversed.map { $0["priority"] as? Int } == [3, 1])
        let wrong = try kb.run("list", "--sort", "colour")
        #expect(wrong.status == 2)
        #expect(wrong.stderr.contains("sort by one of priority, created"))
    }

    @Test func hashIdsGrowWithTheStoreAndChildrenCount() throws {
        let kb = ScratchKnowledgeBase()
        let first = try id(try kb.run("create", "One", "--json"))
        #expect(first.range(of: #"^mo-[0-9a-z]{3}$"#, options: .regularExpression) != nil)
        let child = try id(try kb.run("create", "Part", "--parent", first, "--json"))
        let grandchild = try id(try kb.run("create", "Piece", "--parent", child, "--json"))
        let great = try id(try kb.run("create", "Bit", "--parent", grandchild, "--json"))
        #expect([child, grandchild, great] == [first + ".1", first + ".1.1", first + ".1.1.1"])
        let tooDeep = try kb.run("create", "Crumb", "--parent", great)
        #expect(tooDeep.status != 0)
        #expect(tooDeep.stderr.contains("three levels"))
    }
}
