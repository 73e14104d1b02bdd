import BeadsStore
import Foundation
import Testing
@testable import BeadsRemedy

/// Fake machines built in a temporary folder: the probe reads every path under it.
final class FakeMachine {
    let root: String

    init() {
        root = NSTemporaryDirectory() + "beads-probe-" + UUID().uuidString
        try! FileManager.default.createDirectory(atPath: root + "/proc/self", withIntermediateDirectories: true)
    }

    deinit { try? FileManager.default.removeItem(atPath: root) }

    func file(_ path: String, _ text: String = "") {
        let full = root + path
        try! FileManager.default.createDirectory(atPath: (full as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
        try! text.write(toFile: full, atomically: true, encoding: .utf8)
    }

    func rootFilesystem(_ type: String) {
        file("/proc/self/mountinfo", """
            22 1 0:21 / / rw,relatime shared:1 - \(type) \(type) rw
            23 22 0:22 / /proc rw,nosuid - proc proc rw
            """)
    }
}

@Suite struct EnvironmentProbeTests {
    @Test func aDevpodIsRecognisedByEachOfItsMarks() {
        let machine = FakeMachine()
        machine.rootFilesystem("overlay")
        machine.file("/var/run/secrets/kubernetes.io/serviceaccount/token", "not-a-real-token")
        machine.file("/.dockerenv")
        let report = EnvironmentProbe(root: machine.root, environment: ["DEVPOD_NAME": "ws", "PATH": "/nonexistent"],
                                      hostname: "devpod-alice-7f9").probe()
        #expect(report.devpod && report.kubernetes && report.container && report.nestedOverlay)
        #expect(report.rootFilesystem == "overlay")
        #expect(report.verdict == "devpod")
        #expect(report.reasons.count == 5)
        #expect(report.reasons.contains { $0.contains("serviceaccount/token") })
        #expect(report.reasons.contains { $0.contains("hostname devpod-alice-7f9") })
    }

    @Test func aPlainHostIsAHost() {
        let machine = FakeMachine()
        machine.rootFilesystem("ext4")
        let report = EnvironmentProbe(root: machine.root, environment: ["PATH": "/nonexistent"], hostname: "laptop").probe()
        #expect(!report.nestedOverlay && !report.devpod && !report.kubernetes && !report.container)
        #expect(report.verdict == "host")
        #expect(report.reasons.isEmpty)
        #expect(report.commands["docker"] == false)
    }

    @Test func workspaceHostnamesAndOverlayRootsCount() {
        let machine = FakeMachine()
        machine.rootFilesystem("overlay")
        let report = EnvironmentProbe(root: machine.root, environment: [:], hostname: "team-workspace-12").probe()
        #expect(report.devpod)
        #expect(report.nestedOverlay)
    }

    @Test func beadsEnvOverridesTheVerdict() {
        let machine = FakeMachine()
        machine.rootFilesystem("overlay")
        let host = EnvironmentProbe(root: machine.root, environment: ["BEADS_ENV": "host"], hostname: "devpod-x").probe()
        #expect(host.verdict == "host")
        #expect(host.override == "host")
        let devpod = EnvironmentProbe(root: FakeMachine().root, environment: ["BEADS_ENV": "devpod"], hostname: "laptop").probe()
        #expect(devpod.verdict == "devpod")
    }

    @Test func aTokenIsSeenButNeverRead() {
        let report = EnvironmentProbe(root: FakeMachine().root, environment: ["GITHUB_TOKEN": "ghp_secretvalue"], hostname: "h").probe()
        #expect(report.githubToken)
        #expect(!"\(report)".contains("ghp_secretvalue"))
    }
}

@Suite struct RecipeRankerTests {
    func recipe(_ name: String, when: String, requires: String = "") -> RecipeRecord {
        var attributes = ["recipe": name, "when": when]
        if !requires.isEmpty { attributes["requires"] = requires }
        return RecipeRecord(docPath: "docs/x.md", name: name, sectionAnchor: "s", line: 1, language: "bash", info: "",
                            attributes: attributes, body: "true\n", bodyHash: "h", beadIDs: ["mo-jgo"])
    }

    var recipes: [RecipeRecord] {
        [recipe("actions-build", when: "any", requires: "github-token"), recipe("kaniko-build", when: "devpod", requires: "kubectl"),
         recipe("host-build", when: "host", requires: "docker")]
    }

    func env(devpod: Bool, commands: [String: Bool], token: Bool, daemon: Bool = true, context: String? = "devpod-cluster") -> EnvironmentReport {
        var report = EnvironmentReport(devpod: devpod, kubernetes: devpod, container: devpod, nestedOverlay: devpod, rootFilesystem: nil,
                                       reasons: [], override: nil, commands: commands, githubToken: token)
        report.dockerDaemon = daemon
        report.dockerEndpoint = "unix:///var/run/docker.sock"
        report.kubectlContext = context
        return report
    }

    @Test func inADevpodKanikoComesFirstAndTheHostBuildLast() {
        let ranked = RecipeRanker.rank(recipes, in: env(devpod: true, commands: ["kubectl": true, "docker": true], token: true))
        #expect(ranked.map(\.recipe.name) == ["kaniko-build", "actions-build", "host-build"])
        #expect(ranked.map(\.recommended) == [true, false, false])
        #expect(!ranked[2].applies)
        #expect(ranked[2].reason.contains("host"))
    }

    @Test func onAHostTheLocalBuildComesFirst() {
        let ranked = RecipeRanker.rank(recipes, in: env(devpod: false, commands: ["kubectl": true, "docker": true], token: true))
        #expect(ranked.map(\.recipe.name) == ["host-build", "actions-build", "kaniko-build"])
        #expect(ranked[0].recommended)
    }

    @Test func aMissingRequirementDemotesARecipeAndSaysWhat() {
        let ranked = RecipeRanker.rank(recipes, in: env(devpod: true, commands: ["kubectl": false], token: true))
        #expect(ranked.map(\.recipe.name) == ["actions-build", "kaniko-build", "host-build"])
        #expect(ranked[1].missing == ["kubectl"])
        #expect(ranked[1].reason.contains("needs kubectl"))
        #expect(ranked[0].recommended)
    }

    @Test func nothingIsRecommendedWhenNothingCanRun() {
        let ranked = RecipeRanker.rank(recipes, in: env(devpod: true, commands: ["kubectl": false], token: false))
        #expect(!ranked.contains { $0.recommended })
        #expect(RecipeRanker.setUpAdvice(ranked) == ["actions-build: needs a GitHub token (GITHUB_TOKEN or GH_TOKEN)", "kaniko-build: needs kubectl"])
    }

    /// A docker client with no daemon behind it cannot build; kubectl with no context
    /// cannot reach a cluster: the probe's answers decide, not only what is on PATH.
    @Test func aSilentDaemonOrAMissingContextIsNotRecommended() {
        let host = RecipeRanker.rank(recipes, in: env(devpod: false, commands: ["kubectl": true, "docker": true], token: true, daemon: false))
        #expect(host.first?.recipe.name == "actions-build")
        #expect(host.first?.recommended == true)
        let local = host.first { $0.recipe.name == "host-build" }
        #expect(local?.missing == ["a docker daemon that answers (none at unix:///var/run/docker.sock)"])
        #expect(local?.runnable == false)
        let devpod = RecipeRanker.rank(recipes, in: env(devpod: true, commands: ["kubectl": true, "docker": true], token: false, context: nil))
        #expect(!devpod.contains { $0.recommended })
        #expect(devpod.first { $0.recipe.name == "kaniko-build" }?.missing.first?.hasPrefix("a kubectl context") == true)
    }
}

@Suite struct DeepProbeTests {
    @Test func dockerDaemonDriverAndKubectlContextComeFromTheTools() async throws {
        let machine = FakeMachine()
        machine.rootFilesystem("ext4")
        machine.file("/bin/docker", "#!/bin/sh\n[ \"$1 $2\" = \"info --format\" ] && echo overlay2 && exit 0\nexit 1\n")
        machine.file("/bin/kubectl", "#!/bin/sh\n[ \"$1 $2\" = \"config current-context\" ] && echo devpod-cluster && exit 0\nexit 1\n")
        for tool in ["docker", "kubectl"] {
            try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: machine.root + "/bin/" + tool)
        }
        // A stand-in shell script on a loaded CI machine may take seconds to answer.
        let report = await EnvironmentProbe(root: machine.root, environment: ["PATH": machine.root + "/bin:/usr/bin:/bin"], hostname: "h")
            .deepProbe(answerWithin: .seconds(60))
        #expect(report.dockerDaemon == true)
        #expect(report.dockerStorageDriver == "overlay2")
        #expect(report.kubectlContext == "devpod-cluster")
        #expect(report.reasons.contains("docker daemon answers, storage driver overlay2"))
    }

    @Test func aSilentDaemonIsReportedAsSuch() async throws {
        let machine = FakeMachine()
        machine.file("/bin/docker", "#!/bin/sh\necho 'Cannot connect to the Docker daemon' >&2\nexit 1\n")
        try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: machine.root + "/bin/docker")
        let report = await EnvironmentProbe(root: machine.root, environment: ["PATH": machine.root + "/bin"], hostname: "h").deepProbe()
        #expect(report.dockerDaemon == false)
        #expect(report.kubectlContext == nil)
    }
}
