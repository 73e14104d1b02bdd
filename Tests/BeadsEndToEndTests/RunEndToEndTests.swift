import Foundation
import Testing

/// `beads run -- CMD`: the command's output streams through, its exit status is kept, and
/// a failure with a known error is diagnosed (and, with --fix, fixed).
@Suite struct RunEndToEndTests {
    static let overlay =
        #"#7 ERROR: mount source: "overlay", target: "/var/lib/docker/overlay2/k2/merged", fstype: overlay, flags: 0, data: "lowerdir=/x", err: invalid argument"#

    @Test func aFailingBuildIsDiagnosedAndItsExitStatusKept() throws {
        let kb = ScratchKnowledgeBase()
        let script = "echo 'Step 1/4 : FROM node:20'; echo '\(Self.overlay)' >&2; exit 17"
        let run = try kb.run("run", "--", "sh", "-c", script, environment: ["BEADS_ENV": "devpod"])
        #expect(run.status == 17)
        #expect(run.stdout == "Step 1/4 : FROM node:20\n")
        #expect(run.stderr.hasPrefix(Self.overlay + "\n"))
        #expect(run.stderr.contains("beads run: `sh` failed (exit 17) with a known error:"))
        #expect(run.stderr.contains("Known error  mo-jgo"))
        #expect(run.stderr.contains("kaniko-build"))
    }

    @Test func aSucceedingCommandPassesThroughUntouched() throws {
        let kb = ScratchKnowledgeBase()
        let run = try kb.run("run", "--", "sh", "-c", "printf 'one\\ntwo\\n'; echo warn >&2")
        #expect(run.status == 0)
        #expect(run.stdout == "one\ntwo\n")
        #expect(run.stderr == "warn\n")
    }

    @Test func anUnknownFailureKeepsItsStatusAndSuggestsRecordingIt() throws {
        let kb = ScratchKnowledgeBase()
        let run = try kb.run("run", "--", "sh", "-c", "echo 'gizmo exploded' >&2; exit 3")
        #expect(run.status == 3)
        #expect(run.stderr.contains("no known error in its output"))
        // The suggested command works as shown: the output was kept in the file it names.
        let suggestion = try #require(run.stderr.split(separator: "\n").first { $0.contains("beads create --from-error --error-file") })
        let file = try #require(suggestion.split(separator: " ").last.map(String.init))
        defer { try? FileManager.default.removeItem(atPath: file) }
        #expect(try String(contentsOfFile: file, encoding: .utf8).contains("gizmo exploded"))
        let created = try kb.run("create", "--from-error", "--error-file", file, "--json")
        #expect(created.status == 0, "\(created.stderr)")
        #expect(try kb.run("fix", "gizmo exploded").status == 0)
        #expect(try kb.run("run", "--", "no-such-command-here").status == 127)
        #expect(try kb.run("run").status == 2)
    }

    @Test func fixRunsTheRecommendedRecipeAndTheBuildsStatusStays() throws {
        let kb = ScratchKnowledgeBase()
        #expect(try kb.run("create", "Gear jams in the widget build", "--id", "mo-gear", "-p", "2").status == 0)
        kb.write(
            "docs/widget.md",
            """
            # Widget builds jam

            **Bead**: mo-gear

            ## Error

            ```text
            widget frobnication failed: gear jammed at stage ...
            ```

            ## Fixes

            ```sh {recipe=unjam when=any}
            printf 'unjammed %s\\n' "$BEADS_BEAD" > unjammed.txt
            ```

            """)
        let run = try kb.run(
            "run", "--fix", "--yes", "--", "sh", "-c", "echo 'widget frobnication failed: gear jammed at stage 4' >&2; exit 5")
        #expect(run.status == 5)
        #expect(run.stderr.contains("Known error  mo-gear"))
        #expect(run.stdout.contains("─── running unjam ───"))
        #expect(kb.read("unjammed.txt") == "unjammed mo-gear\n")
        let runs = try #require(try json(try kb.run("runs", "--json").stdout) as? [[String: Any]])
        #expect(runs.first?["recipe"] as? String == "unjam")
        #expect(runs.first?["bead"] as? String == "mo-gear")
    }
}
