import ArgumentParser
import BeadsRemedy

struct EnvCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "env",
        abstract: "Tell whether a local docker build can work here, and why.",
        discussion: HelpText.prose(
            """
            Checks the Kubernetes service-account token, DEVPOD/DEVPOD_NAME, container markers
            (/.dockerenv, /run/.containerenv), devpod-like hostnames, and the root filesystem's
            type. BEADS_ENV=devpod or BEADS_ENV=host overrides the verdict.
            """))

    @Flag(help: "Print JSON.")
    var json = false

    func run() async throws {
        let report = try await EnvironmentCheck.deepProbe()
        let out = Terminal.standardOutput
        if json {
            out.write(report.json.prettyEncoded() + "\n")
            return
        }
        out.write(
            report.nestedOverlay
                ? "devpod: a local docker build would nest overlayfs here and fail; build in the cluster or in CI.\n"
                : report.dockerDaemon == false
                    ? "host: nothing here stops a local docker build, but no docker daemon answers.\n"
                    : "host: nothing here stops a local docker build.\n")
        for reason in report.reasons { out.write("  - \(reason)\n") }
        if report.reasons.isEmpty { out.write("  - no devpod, Kubernetes or container marker found\n") }
        let present = report.commands.filter(\.value).keys.sorted()
        out.write("  commands on PATH: \(present.isEmpty ? "none of docker, kubectl, gh, git, podman" : present.joined(separator: ", "))\n")
        out.write("  GitHub token: \(report.githubToken ? "set" : "not set")\n")
        if let daemon = report.dockerDaemon {
            out.write("  docker daemon: \(daemon ? "answers (storage driver \(report.dockerStorageDriver ?? "?"))" : "does not answer")\n")
        }
        out.write("  kubectl context: \(report.kubectlContext ?? "none configured")\n")
    }
}
