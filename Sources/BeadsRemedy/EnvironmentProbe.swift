import Foundation

/// What kind of place beads runs in, and why it thinks so.
public struct EnvironmentReport: Sendable, Equatable {
    public var devpod: Bool
    public var kubernetes: Bool
    public var container: Bool
    /// A local `docker build` would need overlayfs on overlayfs here, which the kernel
    /// refuses.
    public var nestedOverlay: Bool
    public var rootFilesystem: String?
    public var reasons: [String]
    /// `BEADS_ENV` when it overrode the verdict.
    public var override: String?
    /// Commands found on PATH, by name.
    public var commands: [String: Bool]
    /// A GitHub token is set (its value is never read into output).
    public var githubToken: Bool
    /// Whether a docker daemon answers (its socket's `/_ping`; `beads env` asks
    /// `docker info` too), and where it was asked; nil when not asked.
    public var dockerDaemon: Bool? = nil
    public var dockerEndpoint: String? = nil
    /// From `beads env` only: the daemon's storage driver.
    public var dockerStorageDriver: String? = nil
    /// kubectl's current context (from its config, or `in-cluster`); nil when none.
    public var kubectlContext: String? = nil
    /// A `BEADS_ENV` value that is neither `devpod` nor `host`: commands refuse it.
    public var invalidOverride: String? = nil
    /// The verdict the probe itself reached, before `BEADS_ENV` had its say.
    public var probedVerdict: String? = nil

    /// `devpod` when a local image build cannot work here, else `host`.
    public var verdict: String { nestedOverlay ? "devpod" : "host" }
}

/// Looks at the machine: the safe build wrapper's four detection methods, plus the
/// root filesystem's type from /proc/self/mountinfo. Every path is under `root` so
/// tests can build a fake devpod or a fake host in a temporary folder.
public struct EnvironmentProbe: Sendable {
    public var root: String
    public var environment: [String: String]
    public var hostname: String
    /// Commands whose presence recipes may require.
    public static let knownCommands = ["docker", "kubectl", "gh", "git", "podman"]

    public init(
        root: String = "/", environment: [String: String] = ProcessInfo.processInfo.environment,
        hostname: String? = nil
    ) {
        self.root = root
        self.environment = environment
        self.hostname = hostname ?? environment["BEADS_HOSTNAME"] ?? ProcessInfo.processInfo.hostName
    }

    /// A probe of the real machine, with `BEADS_PROBE_ROOT` moving the probed paths
    /// (for tests and demos of a devpod on a laptop).
    public static func current(environment: [String: String] = ProcessInfo.processInfo.environment) -> EnvironmentProbe {
        EnvironmentProbe(root: environment["BEADS_PROBE_ROOT"] ?? "/", environment: environment)
    }

    func path(_ absolute: String) -> String {
        root == "/" ? absolute : (root as NSString).appendingPathComponent(absolute)
    }

    func exists(_ absolute: String) -> Bool { FileManager.default.fileExists(atPath: path(absolute)) }

    public func probe() -> EnvironmentReport {
        var reasons: [String] = []
        var kubernetes = false, devpod = false, container = false
        if exists("/var/run/secrets/kubernetes.io/serviceaccount/token") {
            kubernetes = true
            reasons.append("Kubernetes service-account token at /var/run/secrets/kubernetes.io/serviceaccount/token")
        }
        if let host = environment["KUBERNETES_SERVICE_HOST"], !host.isEmpty {
            kubernetes = true
            reasons.append("KUBERNETES_SERVICE_HOST is set")
        }
        for name in ["DEVPOD", "DEVPOD_NAME"] where !(environment[name] ?? "").isEmpty {
            devpod = true
            reasons.append("\(name) is set")
        }
        for marker in ["/.dockerenv", "/run/.containerenv"] where exists(marker) {
            container = true
            reasons.append("container marker \(marker)")
        }
        let host = hostname.lowercased()
        if host.hasPrefix("devpod-") || host.contains("-workspace-") {
            devpod = true
            reasons.append("hostname \(hostname) looks like a devpod (devpod-* or *-workspace-*)")
        }
        let rootFS = rootFilesystemType()
        if let rootFS, rootFS == "overlay" {
            reasons.append("the root filesystem is overlay (/proc/self/mountinfo)")
        }
        var nested = devpod || kubernetes || rootFS == "overlay"
        let probedVerdict = nested ? "devpod" : "host"
        var override: String?
        var invalidOverride: String?
        if let forced = environment["BEADS_ENV"]?.lowercased(), !forced.isEmpty {
            if ["devpod", "host"].contains(forced) {
                override = forced
                nested = forced == "devpod"
                if forced == "devpod" { devpod = true }
                reasons.append("BEADS_ENV=\(forced) overrides the probe")
            } else {
                invalidOverride = environment["BEADS_ENV"]
            }
        }
        var commands: [String: Bool] = [:]
        for name in Self.knownCommands { commands[name] = CommandLocator(environment: environment).find(name) != nil }
        let token = ["GITHUB_TOKEN", "GH_TOKEN"].contains { !(environment[$0] ?? "").isEmpty }
        var report = EnvironmentReport(
            devpod: devpod, kubernetes: kubernetes, container: container, nestedOverlay: nested, rootFilesystem: rootFS,
            reasons: reasons, override: override, commands: commands, githubToken: token)
        report.invalidOverride = invalidOverride
        report.probedVerdict = probedVerdict
        if let endpoint = dockerEndpoint() {
            report.dockerEndpoint = endpoint.description
            report.dockerDaemon = dockerAnswers(at: endpoint)
        }
        report.kubectlContext = kubeContext()
        return report
    }

    /// The probe plus what only asking the tools tells: does a docker daemon answer,
    /// with which storage driver, and which kubectl context is current. Each question
    /// gets a few seconds at most (`answerWithin`).
    public func deepProbe(answerWithin: Duration = .seconds(5)) async -> EnvironmentReport {
        var report = probe()
        let locator = CommandLocator(environment: environment)
        if let docker = locator.find("docker") {
            let answer = try? await ChildProcess(
                executable: docker, arguments: ["info", "--format", "{{.Driver}}"],
                environment: environment, timeout: answerWithin
            ).run { _, _ in }
            let driver = answer?.output.trimmingCharacters(in: .whitespacesAndNewlines) ?? ""
            report.dockerDaemon = answer?.exitCode == 0 && !driver.isEmpty
            if answer?.exitCode == 0 && !driver.isEmpty {
                report.dockerStorageDriver = driver
                report.reasons.append("docker daemon answers, storage driver \(driver)")
            }
        }
        if let kubectl = locator.find("kubectl") {
            let answer = try? await ChildProcess(
                executable: kubectl, arguments: ["config", "current-context"],
                environment: environment, timeout: answerWithin
            ).run { _, _ in }
            if answer?.exitCode == 0, let context = answer?.output.trimmingCharacters(in: .whitespacesAndNewlines), !context.isEmpty {
                report.kubectlContext = context
            } else if answer != nil, report.kubectlContext != "in-cluster" {
                // kubectl itself says there is no context: its word over the config's.
                report.kubectlContext = nil
            }
        }
        return report
    }

    /// The filesystem type of `/` from mountinfo: the last mount of `/` wins, as in the
    /// kernel's own view.
    func rootFilesystemType() -> String? {
        guard let text = try? String(contentsOfFile: path("/proc/self/mountinfo"), encoding: .utf8) else { return nil }
        var type: String?
        for line in text.split(separator: "\n") {
            let fields = line.split(separator: " ")
            guard fields.count > 6, fields[4] == "/", let dash = fields.firstIndex(of: "-"), dash + 1 < fields.count else { continue }
            type = String(fields[dash + 1])
        }
        return type
    }
}

/// Finds commands on PATH, as a shell would.
public struct CommandLocator: Sendable {
    public var environment: [String: String]

    public init(environment: [String: String]) {
        self.environment = environment
    }

    public func find(_ name: String) -> String? {
        if name.contains("/") { return FileManager.default.isExecutableFile(atPath: name) ? name : nil }
        for dir in (environment["PATH"] ?? "/usr/bin:/bin").split(separator: ":") {
            let candidate = "\(dir)/\(name)"
            if FileManager.default.isExecutableFile(atPath: candidate) { return candidate }
        }
        return nil
    }
}
