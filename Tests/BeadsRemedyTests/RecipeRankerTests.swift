import BeadsStore
import Foundation
import Testing

@testable import BeadsRemedy

@Suite struct RecipeRankerTests {
    func recipe(_ name: String, when: String, requires: String = "") -> RecipeRecord {
        var attributes = ["recipe": name, "when": when]
        if !requires.isEmpty { attributes["requires"] = requires }
        return RecipeRecord(
            docPath: "docs/x.md", name: name, sectionAnchor: "s", line: 1, language: "bash", info: "",
            attributes: attributes, body: "true\n", bodyHash: "h", beadIDs: ["mo-jgo"])
    }

    var recipes: [RecipeRecord] {
        [
            recipe("actions-build", when: "any", requires: "github-token"), recipe("kaniko-build", when: "devpod", requires: "kubectl"),
            recipe("host-build", when: "host", requires: "docker"),
        ]
    }

    func env(devpod: Bool, commands: [String: Bool], token: Bool, daemon: Bool = true, context: String? = "devpod-cluster")
        -> EnvironmentReport
    {
        var report = EnvironmentReport(
            devpod: devpod, kubernetes: devpod, container: devpod, nestedOverlay: devpod, rootFilesystem: nil,
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
        #expect(
            RecipeRanker.setUpAdvice(ranked) == [
                "actions-build: needs a GitHub token (GITHUB_TOKEN or GH_TOKEN)", "kaniko-build: needs kubectl",
            ])
    }

    /// A docker client with no daemon behind it cannot build; kubectl with no context
    /// cannot reach a cluster: the probe's answers decide, not only what is on PATH.
    @Test func aSilentDaemonOrAMissingContextIsNotRecommended() {
        let host = RecipeRanker.rank(
            recipes, in: env(devpod: false, commands: ["kubectl": true, "docker": true], token: true, daemon: false))
        #expect(host.first?.recipe.name == "actions-build")
        #expect(host.first?.recommended == true)
        let local = host.first { $0.recipe.name == "host-build" }
        #expect(local?.missing == ["a docker daemon that answers (none at unix:///var/run/docker.sock)"])
        #expect(local?.runnable == false)
        let devpod = RecipeRanker.rank(
            recipes, in: env(devpod: true, commands: ["kubectl": true, "docker": true], token: false, context: nil))
        #expect(!devpod.contains { $0.recommended })
        #expect(devpod.first { $0.recipe.name == "kaniko-build" }?.missing.first?.hasPrefix("a kubectl context") == true)
    }
}
