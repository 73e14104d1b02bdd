import Foundation
import Testing

@Suite struct FixEndToEndTests {
    static let seedError = #"ERROR: mount source: "overlay", target: "...", fstype: overlay, flags: 0, data: "...", err: invalid argument"#

    @Test func theSeedErrorNamesMoJgoWithCauseDocAndFixes() throws {
        let kb = ScratchKnowledgeBase()
        let run = try kb.run("fix", Self.seedError)
        #expect(run.status == 0)
        let lines = run.stdout.split(separator: "\n").map(String.init)
        #expect(lines[0].hasPrefix("Known error  mo-jgo  Docker Hub rate limit (misdiagnosed)"))
        #expect(lines[0].hasSuffix("closed · P1"))
        #expect(lines[1].hasPrefix("  matched line 1 (score "))
        #expect(lines[1].contains("): ERROR: mount source"))
        #expect(lines[2].hasPrefix("Root cause   ") && lines[2].contains("not a Docker Hub rate limit"))
        #expect(lines[3] == "Doc          docs/docker-build-devpod.md#root-cause")
        #expect(lines[4].hasPrefix("Fixes        ") && lines[4].contains("kaniko-build (in a devpod)"))
    }

    @Test func realVariantsWithOtherPathsHashesAndPrefixes() throws {
        let kb = ScratchKnowledgeBase()
        let variants = [
            "2026-02-04T10:15:02.9012231Z #7 ERROR: mount source: \"overlay\", target: \"/var/lib/docker/overlay2/zq3/merged\", fstype: overlay, flags: 0, data: \"index=off\", err: invalid argument",
            "[Container] 2026/02/04 10:15:09 #5 0.377 ERROR: mount source: \"overlay\", target: \"/x/9f1c2e/merged\", fstype: overlay, flags: 0, data: \"a\", err: invalid argument",
            "\u{1B}[1;31mERROR\u{1B}[0m: mount source: \"overlay\", target: \"/t\", fstype: overlay, flags: 4096, data: \"d\", err: invalid argument\r\n",
        ]
        for paste in variants {
            let run = try kb.run("fix", "--json", stdin: paste)
            #expect(run.status == 0)
            let object = try #require(try json(run.stdout) as? [String: Any])
            let first = try #require((object["matches"] as? [[String: Any]])?.first)
            #expect(first["bead"] as? String == "mo-jgo")
        }
    }

    @Test func jsonFollowsTheContract() throws {
        let kb = ScratchKnowledgeBase()
        let run = try kb.run(
            "fix", "--json", Self.seedError,
            environment: kb.environment(withTools: ["kubectl"]).merging(["BEADS_ENV": "devpod"]) { $1 })
        #expect(run.status == 0)
        let object = try #require(try json(run.stdout) as? [String: Any])
        let matches = try #require(object["matches"] as? [[String: Any]])
        let m = try #require(matches.first)
        #expect(m["bead"] as? String == "mo-jgo")
        #expect(m["title"] as? String == "Docker Hub rate limit (misdiagnosed)")
        #expect(m["status"] as? String == "closed")
        let score = try #require(m["score"] as? Double)
        #expect(score > 0.7 && score <= 1)
        #expect((m["signature"] as? String)?.contains("mount source") == true)
        let docs = try #require(m["docs"] as? [[String: Any]])
        #expect(docs.first?["path"] as? String == "docs/docker-build-devpod.md")
        #expect(docs.first?["section"] as? String == "error")
        let recipes = try #require(m["recipes"] as? [[String: Any]])
        #expect(recipes.map { $0["name"] as? String } == ["kaniko-build", "actions-build", "host-build"])
        #expect(recipes.map { $0["recommended"] as? Bool } == [true, false, false])
        #expect(recipes.allSatisfy { $0["reason"] is String })
        let env = try #require(object["environment"] as? [String: Any])
        for key in ["devpod", "kubernetes", "container", "nested_overlay"] { #expect(env[key] is Bool) }
        #expect(env["nested_overlay"] as? Bool == true)
        #expect((env["reasons"] as? [String])?.contains("BEADS_ENV=devpod overrides the probe") == true)
    }

    /// What the probe knows decides the recommendation: a docker client with no daemon
    /// answering cannot build, kubectl without a context cannot reach a cluster.
    @Test func aFixThatCannotRunHereIsNotRecommendedAndTheSetUpIsNamed() throws {
        let kb = ScratchKnowledgeBase()
        // A docker client on PATH, but DOCKER_HOST names a socket nobody listens on.
        var noDaemon = kb.environment(withTools: ["docker"])
        noDaemon["DOCKER_HOST"] = "unix://" + kb.path + "/nobody.sock"
        noDaemon["BEADS_ENV"] = "host"
        let host = try #require(try json(try kb.run("fix", "--json", Self.seedError, environment: noDaemon).stdout) as? [String: Any])
        let recipes = try #require((host["matches"] as? [[String: Any]])?.first?["recipes"] as? [[String: Any]])
        let local = try #require(recipes.first { $0["name"] as? String == "host-build" })
        #expect(local["recommended"] as? Bool == false)
        #expect(local["runnable"] as? Bool == false)
        #expect((local["missing"] as? [String])?.first?.hasPrefix("a docker daemon that answers (none at unix://") == true)
        #expect(!recipes.contains { $0["recommended"] as? Bool == true })
        let text = try kb.run("fix", Self.seedError, environment: noDaemon)
        #expect(text.stdout.contains("None of these fixes can run here. To run one, set up what it needs:"))
        #expect(text.stdout.contains("    - actions-build: needs a GitHub token (GITHUB_TOKEN or GH_TOKEN)"))
        #expect(!text.stdout.contains("Run it:"))

        // In a devpod by BEADS_ENV, kubectl without a context does not make Kaniko the fix.
        let devpod = try kb.run(
            "fix", Self.seedError, environment: ["BEADS_ENV": "devpod", "PATH": kb.path(withCommands: ["kubectl"]), "HOME": kb.path])
        #expect(devpod.stdout.contains("kaniko-build: applies here, but needs a kubectl context"))
        #expect(devpod.stdout.contains("(environment: devpod, set by BEADS_ENV=devpod; the probe alone says"))
        let withToken = try kb.run(
            "fix", Self.seedError,
            environment: [
                "BEADS_ENV": "devpod", "PATH": kb.path(withCommands: ["kubectl"]),
                "HOME": kb.path, "GITHUB_TOKEN": "ghp_x",
            ])
        #expect(withToken.stdout.contains("▸ actions-build: recommended"))
    }

    @Test func anUnknownBeadsEnvIsAUsageError() throws {
        let run = try ScratchKnowledgeBase().run("fix", Self.seedError, environment: ["BEADS_ENV": "laptop"])
        #expect(run.status == 2)
        #expect(run.stderr.contains("BEADS_ENV=laptop is not a place beads knows"))
    }

    @Test func onAHostTheHostBuildRanksFirst() throws {
        let kb = ScratchKnowledgeBase()
        let run = try kb.run(
            "fix", "--json", Self.seedError,
            environment: kb.environment(withTools: ["docker"]).merging(["BEADS_ENV": "host"]) { $1 })
        let object = try #require(try json(run.stdout) as? [String: Any])
        let recipes = try #require((object["matches"] as? [[String: Any]])?.first?["recipes"] as? [[String: Any]])
        #expect(recipes.first?["name"] as? String == "host-build")
    }

    @Test func fileAndStandardInputWork() throws {
        let kb = ScratchKnowledgeBase()
        kb.write("build.log", "step 1\nnpm ERR! path /app/node_modules/x\nnpm ERR! code ENOTEMPTY\n")
        let fromFile = try kb.run("fix", "--file", "build.log")
        #expect(fromFile.status == 0)
        #expect(fromFile.stdout.contains("mo-3bol"))
        #expect(fromFile.stdout.contains("matched line 3"))
        let fromStdin = try kb.run("fix", stdin: kb.read("build.log"))
        // The same report, but for the command it suggests: a piped paste cannot be repeated.
        let withoutRunIt = { (text: String) in text.split(separator: "\n").filter { !$0.contains("Run it:") } }
        #expect(withoutRunIt(fromStdin.stdout) == withoutRunIt(fromFile.stdout))
    }

    @Test func anUnknownErrorExitsOneWithNearestCandidates() throws {
        let kb = ScratchKnowledgeBase()
        let run = try kb.run("fix", "unable to connect to the frobnicator socket")
        #expect(run.status == 1)
        #expect(run.stdout.hasPrefix("No known error matched"))
        #expect(run.stdout.contains("Nearest known errors:"))
        #expect(run.stdout.contains("mo-jgo"))
    }

    @Test func theDockerHubRateLimitIsNotMisdiagnosed() throws {
        let kb = ScratchKnowledgeBase()
        let paste =
            "ERROR: failed to copy: httpReadSeeker: failed open: unexpected status code https://registry-1.docker.io/v2/library/alpine/manifests/sha256:21a3deaa0d32a8057914f36584b5288d2e5ecc984380bc0118285c70fa8c9300: 429 Too Many Requests - Server message: toomanyrequests: You have reached your pull rate limit."
        let run = try kb.run("fix", paste)
        #expect(run.status == 1)
        #expect(!run.stdout.contains("Known error  mo-jgo"))
    }

    @Test(arguments: [["fix"], ["fix", "   "], ["fix", "--frobnicate"], ["fix", "a", "--file", "b"]])
    func usageErrorsExitTwo(arguments: [String]) throws {
        let kb = ScratchKnowledgeBase()
        let run = try BeadsBinary.run(arguments, stdin: Data(), in: kb.path)
        #expect(run.status == 2)
        #expect(!run.stderr.isEmpty)
    }

    @Test func binaryNULsAndBrokenUTF8AreReadLossily() throws {
        let kb = ScratchKnowledgeBase()
        var data = Data([0x00, 0xFF, 0xFE, 0x0A, 0xC3, 0x28, 0x00])
        data.append(Data("\nnpm ERR! code ENOTEMPTY\n".utf8))
        data.append(Data((0..<4096).map { UInt8($0 % 256) }))
        let run = try kb.runData(["fix"], stdin: data)
        #expect(run.status == 0)
        #expect(run.stdout.contains("mo-3bol"))
    }

    @Test func matchListsScoredSignatures() throws {
        let kb = ScratchKnowledgeBase()
        let run = try kb.run("match", "--json", "npm error code ENOTEMPTY")
        #expect(run.status == 0)
        let rows = try #require(try json(run.stdout) as? [[String: Any]])
        #expect(rows.first?["bead"] as? String == "mo-3bol")
        #expect(rows.first?["alignment"] as? Double == 1)
        #expect((rows.first?["score"] as? Double ?? 0) >= 0.5)
        #expect(rows.first?["verdict"] as? String == "match")
    }

    /// A signature can be found whole and still not be a match (its words are what a USB
    /// stick says too): match gives fix's verdict and exit status, not its own.
    @Test func matchAndFixAgreeOnTheVerdict() throws {
        let kb = ScratchKnowledgeBase()
        let paste = "failed to mount /var/lib/x: invalid argument"
        let fix = try kb.run("fix", paste)
        let match = try kb.run("match", paste)
        #expect(fix.status == 1)
        #expect(match.status == fix.status)
        #expect(match.stdout.contains("  mo-jgo  line 1"), "\(match.stdout)")
        #expect(match.stdout.contains("(1.00 in order, 0 stray)"), "\(match.stdout)")
        #expect(match.stdout.hasSuffix("Verdict: no known error (as `beads fix` says; `beads fix` shows why the nearest fell short).\n"))
        let rows = try #require(try json(try kb.run("match", "--json", paste).stdout) as? [[String: Any]])
        #expect(rows.allSatisfy { $0["verdict"] as? String == "candidate" })
    }

    @Test func explainShowsTheMatchedLineMasksWeightsAndArithmetic() throws {
        let kb = ScratchKnowledgeBase()
        let paste =
            #"2026-02-04T10:15:02.9012231Z #7 ERROR: mount source: "overlay", target: "/var/lib/docker/overlay2/zq3/merged", fstype: overlay, flags: 0, data: "index=off", err: invalid argument"#
        let text = try kb.run("match", "--explain", "-n", "1", paste)
        #expect(text.status == 0)
        #expect(text.stdout.contains("stripped:  2026-02-04T10:15:02.9012231Z #7\n"))
        #expect(text.stdout.contains("masked:    <path> ← /var/lib/docker/overlay2/zq3/merged\n"))
        #expect(text.stdout.contains("masked:    <num> ← 0\n"))
        #expect(text.stdout.contains("fstype✓1.00"))
        #expect(text.stdout.contains("(align)"))
        #expect(text.stdout.contains("(match at "))

        // The arithmetic is the scorer's: the bias and each feature times its weight give
        // the logit, whose logistic is the score.
        let partial = try kb.run("match", "--explain", "--json", "-n", "1", "npm ERR! code ENOTEMPTY while building")
        let row = try #require((try json(partial.stdout) as? [[String: Any]])?.first)
        let explain = try #require(row["explain"] as? [String: Any])
        let terms = try #require(explain["terms"] as? [[String: Any]])
        #expect(terms.contains { $0["token"] as? String == "enotempty" && $0["found"] as? Bool == true })
        let features = try #require(explain["features"] as? [[String: Any]])
        let logit = features.reduce(explain["bias"] as? Double ?? 0) { $0 + ($1["value"] as? Double ?? 0) * ($1["weight"] as? Double ?? 0) }
        #expect(abs(1 / (1 + exp(-logit)) - (explain["score"] as? Double ?? -1)) < 0.01)
        let lines = try #require(explain["lines"] as? [[String: Any]])
        #expect(lines.first?["stripped"] as? String == "npm ERR!")
    }

    @Test func rejectAndConfirmTeachTheNextPasteOfTheSameShape() throws {
        let kb = ScratchKnowledgeBase()
        // An overlay mount refused for another reason than nesting, say: the user knows.
        let other = "error: failed to mount /var/lib/docker/tmp/buildkit-mount111: invalid argument (loop device gone)"
        #expect(try kb.run("fix", other).status == 0)
        let rejected = try kb.run("fix", "--reject", "mo-jgo", other)
        #expect(rejected.status == 0, "\(rejected.stderr)")
        #expect(rejected.stdout.contains("Rejected: pastes shaped like"))
        #expect(rejected.stdout.contains("this paste now matches: nothing"))
        let line = try #require(kb.read("beads/issues.jsonl").split(separator: "\n").first { $0.contains(#""id":"mo-jgo""#) })
        #expect(line.contains(#""rejected_signatures":[{"text":"error: failed to mount"#))

        // Same shape, other path and number: no longer mo-jgo, and the report says why.
        let again = try kb.run("fix", "error: failed to mount /var/lib/docker/tmp/buildkit-mount9876: invalid argument (loop device gone)")
        #expect(again.status == 1)
        #expect(again.stdout.contains("(mo-jgo matched too, but was rejected for pastes of this shape"))
        // The real overlay error still is.
        let seed =
            #"ERROR: mount source: "overlay", target: "/var/lib/docker/overlay2/a/merged", fstype: overlay, flags: 0, data: "x", err: invalid argument"#
        #expect(try kb.run("fix", seed).status == 0)
        #expect(try kb.run("fix", "--reject", "mo-1na", seed).status == 1)

        // Taking it back.
        #expect(try kb.run("fix", "--confirm", "mo-jgo", other).status == 0)
        #expect(try kb.run("fix", other).status == 0)
        #expect(
            !(kb.read("beads/issues.jsonl").split(separator: "\n").first { $0.contains(#""id":"mo-jgo""#) } ?? "").contains(
                "rejected_signatures"))
    }

    @Test func confirmMakesAMissedErrorKnown() throws {
        let kb = ScratchKnowledgeBase()
        let first = "Step 4/9 : RUN ./gen\ngizmo: frobnicator jammed at gear 7 (torque 310)\n"
        #expect(try kb.run("fix", first).status == 1)
        let confirmed = try kb.run("fix", "--confirm", "mo-1nh", first)
        #expect(confirmed.status == 0)
        #expect(confirmed.stdout.contains("this paste now matches: mo-1nh"))
        let next = try kb.run("fix", "--json", "#9 0.41 gizmo: frobnicator jammed at gear 12 (torque 95)")
        #expect(next.status == 0)
        let best = try #require(((try json(next.stdout) as? [String: Any])?["matches"] as? [[String: Any]])?.first)
        #expect(best["bead"] as? String == "mo-1nh")
        #expect(try kb.run("fix", "--confirm", "mo-1nh", first).stdout.contains("already matches"))
        #expect(try kb.run("fix", "--confirm", "mo-1nh", "--reject", "mo-jgo", first).status == 2)
        let history = try #require(try json(try kb.run("history", "mo-1nh", "--json").stdout) as? [[String: Any]])
        #expect(history.contains { $0["field"] as? String == "error_signatures" })
    }
}
