import BeadsTestSupport
import Foundation
import Testing

@testable import BeadsRemedy

@Suite struct ReachabilityProbeTests {
    @Test func aDaemonThatAnswersItsPingIsSeenAndOneThatDoesNotIsNot() throws {
        let machine = FakeMachine()
        let answering = FakeDockerSocket(at: machine.root + "/var/run/docker.sock", answers: true)
        let report = EnvironmentProbe(root: machine.root, environment: ["PATH": "/nonexistent"], hostname: "h").probe()
        #expect(report.dockerDaemon == true)
        #expect(report.dockerEndpoint == "unix:///var/run/docker.sock")
        #expect(answering.received.first?.hasPrefix("GET /_ping HTTP/1.1\r\n") == true)

        let silentMachine = FakeMachine()
        let silent = FakeDockerSocket(at: silentMachine.root + "/run/user/1000/docker.sock", answers: false)
        let start = Date()
        let hung = EnvironmentProbe(root: silentMachine.root, environment: ["XDG_RUNTIME_DIR": "/run/user/1000"], hostname: "h").probe()
        #expect(hung.dockerDaemon == false)
        #expect(hung.dockerEndpoint == "unix:///run/user/1000/docker.sock")
        #expect(Date().timeIntervalSince(start) < 1.5, "the probe must give up quickly")
        _ = silent

        let none = EnvironmentProbe(root: FakeMachine().root, environment: [:], hostname: "h").probe()
        #expect(none.dockerDaemon == false)
    }

    @Test func dockerHostIsFollowedAndTransportsItCannotSpeakAreNotJudged() {
        let probe = { (host: String) in EnvironmentProbe(root: FakeMachine().root, environment: ["DOCKER_HOST": host], hostname: "h") }
        #expect(probe("unix:///srv/docker.sock").dockerEndpoint() == .unix("/srv/docker.sock"))
        #expect(probe("tcp://10.0.0.5:2376").dockerEndpoint() == .tcp(host: "10.0.0.5", port: 2376))
        #expect(probe("ssh://me@builder").dockerEndpoint() == nil)
        #expect(probe("ssh://me@builder").probe().dockerDaemon == nil)
    }

    @Test func theKubectlContextComesFromItsConfigOrTheCluster() {
        let machine = FakeMachine()
        machine.file("/home/me/.kube/config", "apiVersion: v1\nclusters: []\ncurrent-context: \"staging\"\nkind: Config\n")
        #expect(EnvironmentProbe(root: machine.root, environment: ["HOME": "/home/me"], hostname: "h").probe().kubectlContext == "staging")
        machine.file("/etc/kube/empty", "apiVersion: v1\ncurrent-context: \"\"\n")
        machine.file("/etc/kube/second", "current-context: prod\n")
        let merged = EnvironmentProbe(root: machine.root, environment: ["KUBECONFIG": "/etc/kube/empty:/etc/kube/second"], hostname: "h")
        #expect(merged.probe().kubectlContext == "prod")
        #expect(
            EnvironmentProbe(root: machine.root, environment: ["KUBECONFIG": "/etc/kube/empty"], hostname: "h").probe().kubectlContext
                == nil)
        machine.file("/var/run/secrets/kubernetes.io/serviceaccount/token", "t")
        let pod = EnvironmentProbe(root: machine.root, environment: ["KUBERNETES_SERVICE_HOST": "10.96.0.1"], hostname: "h")
        #expect(pod.probe().kubectlContext == "in-cluster")
    }

    @Test func anUnknownBeadsEnvIsKeptForTheCommandsToRefuse() {
        let report = EnvironmentProbe(root: FakeMachine().root, environment: ["BEADS_ENV": "laptop"], hostname: "h").probe()
        #expect(report.invalidOverride == "laptop")
        #expect(report.override == nil)
    }
}
