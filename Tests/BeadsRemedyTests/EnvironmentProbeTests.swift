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
        file(
            "/proc/self/mountinfo",
            """
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
        let report = EnvironmentProbe(
            root: machine.root, environment: ["DEVPOD_NAME": "ws", "PATH": "/nonexistent"],
            hostname: "devpod-alice-7f9"
        ).probe()
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
