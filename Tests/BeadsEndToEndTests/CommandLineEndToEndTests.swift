import Foundation
import Testing

/// The rules every command follows on its command line: help everywhere, one exit
/// status table, values read the same way, a typo answered with a suggestion.
@Suite struct CommandLineEndToEndTests {
    /// Every subcommand named in `beads --help`, and theirs, depth first.
    static func commandPaths(below path: [String] = [], in kb: ScratchKnowledgeBase) throws -> [[String]] {
        let help = try kb.run(path + ["--help"]).stdout
        guard let section = help.range(of: "SUBCOMMANDS:\n") else { return [] }
        var paths: [[String]] = []
        for line in help[section.upperBound...].split(separator: "\n") where line.hasPrefix("  ") && !line.hasPrefix("   ") {
            guard let name = line.split(separator: " ").first, !line.contains("See '") else { continue }
            let child = path + [String(name)]
            paths.append(child)
            paths += try commandPaths(below: child, in: kb)
        }
        return paths
    }

    @Test func everyCommandAnswersHelpAndNoParagraphIsWrappedTwice() throws {
        let kb = ScratchKnowledgeBase()
        let paths = try Self.commandPaths(in: kb)
        #expect(paths.count > 35, "\(paths)")
        for path in paths {
            for flag in ["--help", "-h"] {
                let run = try kb.run(path + [flag])
                #expect(run.status == 0, "\(path) \(flag): \(run.stderr)")
                #expect(run.stdout.contains("USAGE: beads \(path.joined(separator: " "))"), "\(path) \(flag)")
            }
            // A hand-wrapped paragraph wrapped again leaves a short line followed by more
            // of the same sentence; ArgumentParser's own wrap fills each line.
            let lines = try kb.run(path + ["--help"]).stdout.components(separatedBy: "\n")
            let overview = lines.prefix { !$0.hasPrefix("USAGE:") }
            for (line, next) in zip(overview, overview.dropFirst())
            where !line.hasPrefix(" ") && !next.hasPrefix(" ") && !next.isEmpty && !line.isEmpty {
                #expect(line.count > 50 || line.hasSuffix(":"), "\(path): short line \"\(line)\" before \"\(next)\"")
            }
        }
    }

    @Test func optionsBeforeTheDoubleDashBelongToBeadsAndTheRestToTheCommand() throws {
        let kb = ScratchKnowledgeBase()
        for command in ["run", "safe-build"] {
            let help = try kb.run(command, "--help")
            #expect(help.status == 0)
            #expect(help.stdout.contains("USAGE: beads \(command)"))
        }
        let passed = try kb.run("run", "--", "sh", "-c", "echo \"$1 $2\"", "sh", "--help", "-y")
        #expect(passed.status == 0, "\(passed.stderr)")
        #expect(passed.stdout == "--help -y\n")
        let safe = try kb.run("safe-build", "--", "sh", "-c", "echo \"$1\"", "sh", "-h", environment: ["BEADS_ENV": "host"])
        #expect(safe.stdout == "-h\n", "\(safe.stderr)")
    }

    @Test(arguments: [
        (["shw", "mo-jgo"], "'shw' is not a beads command. Did you mean 'show'?"),
        (["redy"], "Did you mean 'ready'?"),
        (["doc", "lnt"], "'lnt' is not a beads doc command. Did you mean 'lint'?"),
        (["frobnicate"], "'frobnicate' is not a beads command. See 'beads --help'"),
    ])
    func aMistypedCommandGetsASuggestion(arguments: [String], message: String) throws {
        let run = try ScratchKnowledgeBase().run(arguments)
        #expect(run.status == 2)
        #expect(run.stderr.contains(message), "\(run.stderr)")
    }

    @Test func theKnowledgeBaseMayBeNamedBeforeTheCommandButNotEmpty() throws {
        let kb = ScratchKnowledgeBase()
        let before = try BeadsBinary.run(["--kb", kb.path, "show", "mo-jgo"], in: "/")
        #expect(before.status == 0, "\(before.stderr)")
        #expect(before.stdout.hasPrefix("mo-jgo"))
        let nested = try BeadsBinary.run(["--kb=\(kb.path)", "dep", "tree", "mo-jgo"], in: "/")
        #expect(nested.status == 0, "\(nested.stderr)")
        let empty = try kb.run("list", "--kb", "")
        #expect(empty.status == 2)
        #expect(empty.stderr.contains("--kb needs a folder"))
    }

    @Test func priorityIsTakenAsOneOrP1Everywhere() throws {
        let kb = ScratchKnowledgeBase()
        let created = try kb.run("create", "Prioritised", "-p", "P1", "--json")
        #expect(created.status == 0, "\(created.stderr)")
        let bead = try id(created)
        #expect((try json(created.stdout) as? [String: Any])?["priority"] as? Int == 1)
        #expect(try kb.run("update", bead, "-p", "p0").status == 0)
        let listed = try kb.run("list", "-p", "P0", "--json")
        #expect(listed.status == 0)
        #expect((try json(listed.stdout) as? [[String: Any]])?.map { $0["id"] as? String } == [bead])
        #expect(try kb.run("list", "-p", "0", "--json").stdout == listed.stdout)
    }

    @Test(arguments: [
        ["create", "X", "-p", "7"], ["create", "X", "-p", "P9"], ["update", "mo-jgo", "-p", "high"],
        ["list", "-p", "5"], ["list", "--status", "done"], ["update", "mo-jgo", "-s", "bogus"],
        ["create", "X", "-t", "bogus"], ["update", "mo-jgo", "-t", "bogus"], ["list", "-t", "bogus"],
    ])
    func aValueThatIsNotOneIsAUsageError(arguments: [String]) throws {
        let kb = ScratchKnowledgeBase()
        let before = kb.read("beads/issues.jsonl")
        let run = try kb.run(arguments)
        #expect(run.status == 2, "\(arguments): \(run.stderr)")
        #expect(run.stderr.contains("must be") || run.stderr.contains("is not an issue type"), "\(run.stderr)")
        #expect(kb.read("beads/issues.jsonl") == before)
    }

    /// Commands that work without a knowledge base still say when the one there is
    /// broken, instead of quietly carrying on without it.
    @Test func aBrokenConfigIsReportedNotIgnored() throws {
        let kb = ScratchKnowledgeBase()
        kb.write("beads/config.yaml", "prefix: [unclosed\n")
        for arguments in [["safe-build", "--", "true"], ["kaniko", "build", "--all", "--dry-run"], ["list"]] {
            let run = try kb.run(arguments, environment: ["BEADS_ENV": "host"])
            #expect(run.status == 1, "\(arguments): \(run.stderr)")
            #expect(run.stderr.contains("beads/config.yaml"), "\(arguments): \(run.stderr)")
        }
        let run = try kb.run("run", "--", "true")
        #expect(run.status == 0)
        #expect(run.stderr.contains("config.yaml") && !run.stderr.contains("CommandFailure"), "\(run.stderr)")
    }

    @Test func anUnknownIdIsExitOneForHistoryAsForShow() throws {
        let kb = ScratchKnowledgeBase()
        for command in ["history", "show"] {
            let run = try kb.run(command, "mo-nope")
            #expect(run.status == 1, "\(command)")
            #expect(run.stderr.contains("no bead has the id mo-nope"), "\(command): \(run.stderr)")
        }
        #expect(try kb.run("history", "mo-jgo").status == 0)
    }

    /// A stray beads/ folder above the ceiling is not found, as git's
    /// GIT_CEILING_DIRECTORIES keeps a search from climbing into a folder.
    @Test func theUpwardSearchStopsAtTheCeiling() throws {
        let kb = ScratchKnowledgeBase()
        let inner = kb.path + "/project/src"
        try FileManager.default.createDirectory(atPath: inner, withIntermediateDirectories: true)
        let found = try BeadsBinary.run(["show", "mo-jgo"], in: inner, environment: ["BEADS_CEILING_DIRECTORIES": "/nowhere"])
        #expect(found.status == 0)
        let stopped = try BeadsBinary.run(["show", "mo-jgo"], in: inner, environment: ["BEADS_CEILING_DIRECTORIES": "/nowhere:" + kb.path])
        #expect(stopped.status == 2)
        #expect(stopped.stderr.contains("no knowledge base"))
    }
}
