import Foundation
import Testing

/// What `fix` tells a person to do next works as shown: the command it prints repeats
/// their input, a doc's prose fix is shown when it has no recipe, and an error recorded
/// twice is pointed out.
@Suite struct FixGuidanceEndToEndTests {
    static let overlay =
        #"ERROR: mount source: "overlay", target: "/var/lib/docker/overlay2/q/merged", fstype: overlay, flags: 0, data: "x", err: invalid argument"#

    /// A team's runbook that names its bead only in front matter and fixes in prose.
    static let runbook = """
        ---
        beads: [mo-d1sk]
        ---
        # Runner disk full

        ## Error

        ```
        write /var/lib/docker/tmp/GetImageBlob123: no space left on device
        ```

        ## Fix

        Prune the runner's images with `docker system prune -af`, then re-run the job.
        """

    func runbookKnowledgeBase() throws -> ScratchKnowledgeBase {
        let kb = ScratchKnowledgeBase()
        #expect(try kb.run("create", "Runner disk full", "--id", "mo-d1sk", "-t", "bug").status == 0)
        kb.write("docs/runner-disk.md", Self.runbook)
        return kb
    }

    func runItLine(_ output: String) -> String? {
        output.split(separator: "\n").first { $0.contains("Run it: ") }
            .map { String($0.split(separator: "Run it: ")[1].split(separator: "   (")[0]) }
    }

    @Test func theRunItCommandRepeatsTheInputGiven() throws {
        let kb = ScratchKnowledgeBase()
        kb.write("build.log", Self.overlay + "\n")
        let host = kb.environment(withTools: ["docker"]).merging(["BEADS_ENV": "host"]) { $1 }
        let fromFile = try kb.run("fix", "--file", "build.log", environment: host)
        #expect(runItLine(fromFile.stdout) == "beads fix --file build.log --run")
        let fromText = try kb.run("fix", "npm ERR! code ENOTEMPTY", environment: host)
        #expect(runItLine(fromText.stdout) == "beads fix 'npm ERR! code ENOTEMPTY' --run")
        // A paste piped in cannot be given again: the recipe itself is named.
        let piped = try kb.run("fix", stdin: Self.overlay, environment: host)
        let command = try #require(runItLine(piped.stdout))
        #expect(command.hasPrefix("beads recipe run ") && command.hasSuffix(" --bead mo-jgo"), "\(command)")
        // …and it is a command that runs: its dry run shows the same recipe.
        let recipe = command.split(separator: " ")[3]
        let dry = try kb.run("recipe", "run", String(recipe), "--bead", "mo-jgo", "--dry-run")
        #expect(dry.status == 0)
        #expect(dry.stdout.contains("Dry run: nothing was run."))
    }

    @Test func createFromErrorReadsTheTextArgumentAndWarnsAboutAKnownOne() throws {
        let kb = ScratchKnowledgeBase()
        let wheel = "ERROR: Could not build wheels for pycairo, which is required to install pyproject.toml-based projects"
        let created = try kb.run("create", "--from-error", wheel, "--json")
        #expect(created.status == 0, "\(created.stderr)")
        let bead = try json(created.stdout) as? [String: Any]
        #expect((bead?["error_signatures"] as? [[String: Any]])?.first?["text"] as? String == wheel)
        #expect(created.stderr.isEmpty)
        #expect(try kb.run("fix", wheel.replacingOccurrences(of: "pycairo", with: "lxml")).stdout.contains(try id(created)))

        let again = try kb.run("create", "--from-error", Self.overlay)
        #expect(again.status == 0)
        #expect(again.stderr.contains("warning: this error already matches mo-jgo"), "\(again.stderr)")
        // A title with the error piped in still works as before.
        let titled = try kb.run(
            "create", "Titled", "--from-error", "--json",
            stdin: "fatal: unable to access 'https://git.example.org/': SSL certificate problem")
        #expect((try json(titled.stdout) as? [String: Any])?["title"] as? String == "Titled")
    }

    @Test func aDocNamingItsBeadInFrontMatterIsLinkedAndItsProseFixShown() throws {
        let kb = try runbookKnowledgeBase()
        let show = try kb.run("show", "mo-d1sk")
        #expect(show.stdout.contains("Docs:\n  docs/runner-disk.md  (line 2)"), "\(show.stdout)")
        let links = try kb.run("doc", "links")
        #expect(links.stdout.contains("docs/runner-disk.md → mo-d1sk"))
        let fix = try kb.run("fix", "write /var/lib/docker/tmp/GetImageBlob999: no space left on device")
        #expect(fix.status == 0)
        #expect(
            fix.stdout.contains("Fix          Prune the runner's images with docker system prune -af, then re-run the job."),
            "\(fix.stdout)")
        #expect(fix.stdout.contains("beads doc show docs/runner-disk.md --section fix"))
        let report = try #require(try json(try kb.run("fix", "--json", "write /tmp/x: no space left on device").stdout) as? [String: Any])
        let best = try #require((report["matches"] as? [[String: Any]])?.first)
        #expect((best["fix"] as? [String: Any])?["doc"] as? String == "docs/runner-disk.md#fix")
    }
}
