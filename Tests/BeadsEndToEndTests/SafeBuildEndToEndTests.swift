import Foundation
import Testing

@Suite struct SafeBuildEndToEndTests {
    @Test func inADevpodTheBuildIsRefusedBeforeItRuns() throws {
        let kb = ScratchKnowledgeBase()
        let marker = kb.path + "/ran"
        let run = try kb.run("safe-build", "--", "touch", marker, environment: ["BEADS_ENV": "devpod"])
        #expect(run.status == 3)
        #expect(!FileManager.default.fileExists(atPath: marker))
        #expect(run.stderr.contains("Known error  mo-jgo"))
        #expect(run.stderr.contains("kaniko-build"))
    }

    @Test func aFakeDevpodIsFoundThroughTheProbedPaths() throws {
        let kb = ScratchKnowledgeBase()
        let root = kb.path + "/fake-root"
        try FileManager.default.createDirectory(
            atPath: root + "/var/run/secrets/kubernetes.io/serviceaccount", withIntermediateDirectories: true)
        try "x".write(toFile: root + "/var/run/secrets/kubernetes.io/serviceaccount/token", atomically: true, encoding: .utf8)
        let run = try kb.run("safe-build", "--", "true", environment: ["BEADS_PROBE_ROOT": root])
        #expect(run.status == 3)
        #expect(run.stderr.contains("service-account token"))
    }

    @Test func onAHostTheCommandRunsAndItsExitCodePassesThrough() throws {
        let kb = ScratchKnowledgeBase()
        let run = try kb.run(
            "safe-build", "--", "sh", "-c", "echo built; echo 'npm ERR! code ENOTEMPTY' >&2; exit 9",
            environment: ["BEADS_ENV": "host"])
        #expect(run.status == 9)
        #expect(run.stdout == "built\n")
        #expect(run.stderr.contains("failed (exit 9) with a known error"))
        #expect(run.stderr.contains("mo-3bol"))
        #expect(try kb.run("safe-build", "--", "true", environment: ["BEADS_ENV": "host"]).status == 0)
    }
}
