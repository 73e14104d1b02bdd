import BeadsTestSupport
import Foundation
import Testing

/// A `docker` on PATH that records argv (and stdin for `login --password-stdin`): there
/// is no Docker engine on these machines.
final class DockerStandIn {
    let directory: String
    /// A daemon that answers the probe's ping: the client alone is not a build.
    let daemon: FakeDockerSocket
    var daemonHost: String { "unix://" + daemon.path }

    init(in parent: String) {
        directory = parent + "/docker-stand-in"
        try! FileManager.default.createDirectory(atPath: directory + "/bin", withIntermediateDirectories: true)
        daemon = FakeDockerSocket(at: directory + "/docker.sock", answers: true)
        let script = """
            #!/bin/sh
            log="\(directory)"
            for a in "$@"; do printf '%s\\t' "$a" >> "$log/calls.log"; done
            echo >> "$log/calls.log"
            case "$1" in
              login) cat > "$log/login-stdin.txt"; echo "Login Succeeded" ;;
              build) echo "Successfully tagged $3" ;;
              push) echo "latest: digest: sha256:0000 size: 1234" ;;
            esac
            """
        try! script.write(toFile: directory + "/bin/docker", atomically: true, encoding: .utf8)
        try! FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: directory + "/bin/docker")
    }

    var path: String { directory + "/bin:/usr/bin:/bin" }

    var calls: [[String]] {
        let text = (try? String(contentsOfFile: directory + "/calls.log", encoding: .utf8)) ?? ""
        return text.split(separator: "\n").map { $0.split(separator: "\t").map(String.init) }
    }

    var loginStdin: String { (try? String(contentsOfFile: directory + "/login-stdin.txt", encoding: .utf8)) ?? "" }
}

@Suite struct HostBuildEndToEndTests {
    @Test func onASimulatedHostTheHostBuildRunsAndTheTokenStaysOffArgv() throws {
        let kb = ScratchKnowledgeBase()
        let docker = DockerStandIn(in: kb.path)
        let token = "ghp_hostBuildTokenValue0123456789abcdef"
        let run = try kb.run(
            "fix", "--run", "--yes",
            stdin: #"ERROR: mount source: "overlay", target: "/x", fstype: overlay, flags: 0, data: "y", err: invalid argument"#,
            environment: ["PATH": docker.path, "DOCKER_HOST": docker.daemonHost, "BEADS_ENV": "host", "GITHUB_TOKEN": token])
        #expect(run.status == 0)
        #expect(run.stdout.contains("Recipe host-build for mo-jgo"))
        #expect(run.stdout.contains("host-build succeeded"))
        #expect(docker.calls.map { $0.first ?? "" } == ["build", "build", "login", "push", "push"])
        #expect(docker.calls[0] == ["build", "-t", "ghcr.io/ardenone/moltbook-api:latest", "api/"])
        #expect(docker.calls[2] == ["login", "ghcr.io", "-u", "github", "--password-stdin"])
        #expect(docker.loginStdin == token)
        #expect(!docker.calls.flatMap { $0 }.contains { $0.contains(token) })
        #expect(!run.stdout.contains(token) && !run.stderr.contains(token))
        #expect(!(try kb.run("runs", "--json").stdout).contains(token))
    }

    @Test func inASimulatedDevpodTheHostBuildRefusesBeforeDocker() throws {
        let kb = ScratchKnowledgeBase()
        let docker = DockerStandIn(in: kb.path)
        let run = try kb.run(
            "recipe", "run", "host-build", "--yes",
            environment: ["PATH": docker.path, "DOCKER_HOST": docker.daemonHost, "DEVPOD_NAME": "ws-1"])
        #expect(run.status == 3)
        #expect(docker.calls.isEmpty)
        #expect(run.stdout.contains("host-build failed (exit 3,"))
    }
}
