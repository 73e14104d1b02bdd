import Foundation
import Testing

@Suite struct KanikoEndToEndTests {
    @Test func eachImageIsAJobAppliedWaitedForAndReported() throws {
        let kb = ScratchKnowledgeBase()
        let kubectl = KubectlStandIn(in: kb.path)
        let run = try kb.run("kaniko", "build", "--all", environment: ["PATH": kubectl.path, "KUBECONFIG": kubectl.kubeconfig])
        #expect(run.status == 0)
        #expect(run.stdout.contains("✔ ghcr.io/ardenone/moltbook-api:latest pushed as \(KubectlStandIn.digest)"))
        #expect(run.stdout.contains("✔ ghcr.io/ardenone/moltbook-frontend:latest pushed"))
        let verbs = kubectl.calls.map { $0.first ?? "" }
        #expect(verbs == ["apply", "wait", "logs", "get", "apply", "wait", "logs", "get"])
        #expect(kubectl.calls.allSatisfy { $0.suffix(2) == ["-n", "moltbook"] })
        #expect(Array(kubectl.calls[0].prefix(3)) == ["apply", "-f", "-"])

        let manifest = try #require(try json(kubectl.stdin(ofCall: 0)) as? [String: Any])
        #expect(manifest["kind"] as? String == "Job")
        let name = try #require((manifest["metadata"] as? [String: Any])?["name"] as? String)
        #expect(name.hasPrefix("beads-kaniko-moltbook-api-"))
        #expect(kubectl.calls[2] == ["logs", "--follow", "job/\(name)", "-n", "moltbook"])
        let pod = try #require(((manifest["spec"] as? [String: Any])?["template"] as? [String: Any])?["spec"] as? [String: Any])
        let container = try #require((pod["containers"] as? [[String: Any]])?.first)
        #expect(container["image"] as? String == "gcr.io/kaniko-project/executor:v1.23.2")
        #expect(
            container["args"] as? [String] == [
                "--dockerfile=Dockerfile", "--destination=ghcr.io/ardenone/moltbook-api:latest",
                "--context=git://github.com/ardenone/moltbook-org.git#refs/heads/main", "--context-sub-path=api",
                "--digest-file=/dev/termination-log",
            ])
        #expect((container["volumeMounts"] as? [[String: Any]])?.first?["mountPath"] as? String == "/kaniko/.docker")
        let volume = try #require((pod["volumes"] as? [[String: Any]])?.first?["secret"] as? [String: Any])
        #expect(volume["secretName"] as? String == "ghcr-credentials")
    }

    @Test func aFailedJobFailsTheCommand() throws {
        let kb = ScratchKnowledgeBase()
        let kubectl = KubectlStandIn(in: kb.path, failingJob: "frontend")
        let run = try kb.run(
            "kaniko", "build", "--all", "--executor", "example.org/kaniko:fork",
            environment: ["PATH": kubectl.path, "KUBECONFIG": kubectl.kubeconfig])
        #expect(run.status == 1)
        #expect(run.stdout.contains("✔ ghcr.io/ardenone/moltbook-api:latest"))
        #expect(run.stdout.contains("✘ ghcr.io/ardenone/moltbook-frontend:latest failed"))
        #expect(run.stderr.contains("1 of 2 image build(s) failed"))
        #expect(kubectl.stdin(ofCall: 0).contains("example.org/kaniko:fork"))
    }

    @Test func theRunnerModeExecsTheTeamsScript() throws {
        let kb = ScratchKnowledgeBase()
        let kubectl = KubectlStandIn(in: kb.path)
        let run = try kb.run(
            "kaniko", "build", "--runner", "deployment/kaniko-build-runner", "--script", "/scripts/build-all.sh",
            environment: ["PATH": kubectl.path, "KUBECONFIG": kubectl.kubeconfig])
        #expect(run.status == 0)
        #expect(run.stdout.contains("runner: done"))
        #expect(kubectl.calls == [["exec", "deployment/kaniko-build-runner", "--", "/scripts/build-all.sh", "-n", "moltbook"]])
    }

    @Test func theSecretTravelsOnStdinOnly() throws {
        let kb = ScratchKnowledgeBase()
        let kubectl = KubectlStandIn(in: kb.path)
        let token = "ghp_kanikoSecretValue0123456789abcdef"
        let run = try kb.run(
            "kaniko", "secret", environment: ["PATH": kubectl.path, "KUBECONFIG": kubectl.kubeconfig, "GITHUB_TOKEN": token])
        #expect(run.status == 0)
        #expect(!run.stdout.contains(token) && !run.stderr.contains(token))
        #expect(kubectl.calls.count == 1)
        #expect(!kubectl.calls[0].joined().contains(token))
        let secret = try #require(try json(kubectl.stdin(ofCall: 0)) as? [String: Any])
        #expect(secret["type"] as? String == "kubernetes.io/dockerconfigjson")
        let encoded = try #require((secret["data"] as? [String: Any])?[".dockerconfigjson"] as? String)
        let config = String(decoding: Data(base64Encoded: encoded)!, as: UTF8.self)
        #expect(config.contains(#""ghcr.io""#) && config.contains(token))
        let missing = try kb.run("kaniko", "secret", environment: ["PATH": kubectl.path, "KUBECONFIG": kubectl.kubeconfig])
        #expect(missing.status == 1)
        #expect(missing.stderr.contains("GITHUB_TOKEN"))
    }

    @Test func dryRunPrintsManifestsAndCallsNothing() throws {
        let kb = ScratchKnowledgeBase()
        let kubectl = KubectlStandIn(in: kb.path)
        let run = try kb.run(
            "kaniko", "build", "--image", "ghcr.io/x/tool:1=tools/:Dockerfile.ci", "--dry-run",
            environment: ["PATH": kubectl.path, "KUBECONFIG": kubectl.kubeconfig])
        #expect(run.status == 0)
        #expect(run.stdout.contains("--dockerfile=Dockerfile.ci"))
        #expect(run.stdout.contains("--context-sub-path=tools"))
        #expect(kubectl.calls.isEmpty)
    }

    @Test func inASimulatedDevpodFixRunsTheKanikoRecipeEndToEnd() throws {
        let kb = ScratchKnowledgeBase()
        let kubectl = KubectlStandIn(in: kb.path)
        let token = "ghp_neverShownAnywhere0123456789abcdef"
        let run = try kb.run(
            "fix", "--run", "--yes",
            stdin:
                #"#5 ERROR: mount source: "overlay", target: "/var/lib/docker/overlay2/a/merged", fstype: overlay, flags: 0, data: "x", err: invalid argument"#,
            environment: ["PATH": kubectl.path, "KUBECONFIG": kubectl.kubeconfig, "DEVPOD": "1", "GITHUB_TOKEN": token])
        #expect(run.status == 0)
        #expect(run.stdout.contains("Recipe kaniko-build for mo-jgo"))
        #expect(run.stdout.contains("✔ ghcr.io/ardenone/moltbook-api:latest pushed"))
        #expect(run.stdout.contains("kaniko-build succeeded"))
        #expect(kubectl.calls.filter { $0.first == "apply" }.count == 2)
        #expect(!run.stdout.contains(token) && !run.stderr.contains(token))
        #expect(!kubectl.calls.flatMap { $0 }.contains { $0.contains(token) })
        let runs = try #require(try json(try kb.run("runs", "--json").stdout) as? [[String: Any]])
        #expect(runs.first?["recipe"] as? String == "kaniko-build")
        #expect(runs.first?["outcome"] as? String == "succeeded")
    }
}
