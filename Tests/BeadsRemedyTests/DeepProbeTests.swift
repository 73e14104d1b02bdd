import BeadsStore
import Foundation
import Testing

@testable import BeadsRemedy

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
