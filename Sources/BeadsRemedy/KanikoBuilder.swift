import BeadsStore
import Foundation

/// The result of one image's build.
public struct KanikoBuildResult: Sendable, Equatable {
    public var image: KanikoImage
    public var job: String
    public var succeeded: Bool
    public var digest: String?
}

/// Builds images in the cluster: a Kaniko Job per image, applied through
/// `kubectl apply -f -`, waited for, its logs streamed, its pushed digest reported.
public struct KanikoBuilder: Sendable {
    public var settings: KanikoSettings
    public var kubectl: Kubectl
    /// How often the Job's status is asked for.
    public var pollInterval: Duration = .seconds(2)

    public init(settings: KanikoSettings, kubectl: Kubectl) {
        self.settings = settings
        self.kubectl = kubectl
    }

    // MARK: - Running

    /// Applies the secret through stdin.
    public func applySecret(token: String, username: String) async throws {
        try await kubectl.run(["apply", "-f", "-"], input: Data(settings.secretManifest(token: token, username: username).encoded().utf8))
    }

    /// Builds one image as a Job and waits for it. `log` receives kubectl's and the
    /// pod's output.
    public func build(_ image: KanikoImage, suffix: String, log: @escaping @Sendable (Data, Bool) -> Void) async throws -> KanikoBuildResult
    {
        let name = KanikoSettings.jobName(for: image, suffix: suffix)
        let manifest = try settings.jobManifest(for: image, name: name)
        try await kubectl.run(["apply", "-f", "-"], input: Data(manifest.prettyEncoded().utf8), stream: log)
        // Logs can only be followed once the pod runs; wait for that (or for the end).
        try await kubectl.run(
            ["wait", "--for=condition=ready", "pod", "--selector=job-name=\(name)", "--timeout=\(settings.timeoutSeconds)s"],
            check: false)
        let logs = try await kubectl.run(["logs", "--follow", "job/\(name)"], check: false, stream: log)
        let deadline = ContinuousClock.now + .seconds(settings.timeoutSeconds)
        while true {
            let status = try await kubectl.run(["get", "job", name, "-o", "jsonpath={.status.succeeded}/{.status.failed}"])
            let parts = status.output.trimmingCharacters(in: .whitespacesAndNewlines).split(
                separator: "/", omittingEmptySubsequences: false)
            let succeeded = Int(parts.first ?? "") ?? 0, failed = parts.count > 1 ? Int(parts[1]) ?? 0 : 0
            if succeeded > 0 || failed > 0 {
                return KanikoBuildResult(image: image, job: name, succeeded: succeeded > 0, digest: Self.pushedDigest(in: logs.output))
            }
            guard ContinuousClock.now < deadline else { throw KanikoError.timedOut(job: name, seconds: settings.timeoutSeconds) }
            try await Task.sleep(for: pollInterval)
        }
    }

    /// Execs the team's build script in a running builder (`deployment/NAME`).
    public func runInRunner(_ runner: String, script: String, log: @escaping @Sendable (Data, Bool) -> Void) async throws -> Int32 {
        try await kubectl.run(["exec", runner, "--", script], check: false, stream: log).exitCode
    }

    /// The digest Kaniko reports after a push: `Pushed ghcr.io/org/api@sha256:…`.
    public static func pushedDigest(in logs: String) -> String? {
        for line in logs.split(separator: "\n").reversed() where line.contains("Pushed") || line.contains("digest") {
            if let range = line.range(of: #"sha256:[0-9a-f]{64}"#, options: .regularExpression) { return String(line[range]) }
        }
        return nil
    }
}

/// The manifests need the settings only, so a dry run builds them without kubectl.
extension KanikoSettings {

    /// A Job name: `beads-kaniko-<image>-<suffix>`, within Kubernetes' 63 characters.
    public static func jobName(for image: KanikoImage, suffix: String) -> String {
        let repository = image.destination.split(separator: "/").last.map { String($0.split(separator: ":").first ?? $0) } ?? "image"
        let slug = String(repository.lowercased().map { $0.isLetter || $0.isNumber ? $0 : "-" }).trimmingCharacters(
            in: CharacterSet(charactersIn: "-"))
        return "beads-kaniko-\(slug.prefix(40))-\(suffix)"
    }

    /// The executor's arguments for one image.
    public func executorArguments(for image: KanikoImage) throws -> [String] {
        var args = ["--dockerfile=\(image.dockerfile)", "--destination=\(image.destination)"]
        if image.isURLContext {
            args.append("--context=\(image.context)")
        } else {
            guard let repository = contextRepository else { throw KanikoError.noContextRepository(image.context) }
            args.append("--context=\(repository)#refs/heads/\(gitRef)")
            let sub = image.context.hasSuffix("/") ? String(image.context.dropLast()) : image.context
            if !sub.isEmpty, sub != "." { args.append("--context-sub-path=\(sub)") }
        }
        args.append("--digest-file=/dev/termination-log")
        return args
    }

    /// The Job manifest (JSON, which kubectl reads as YAML's subset).
    public func jobManifest(for image: KanikoImage, name: String) throws -> JSONValue {
        let labels: JSONValue = .object([("app.kubernetes.io/managed-by", .string("beads")), ("app.kubernetes.io/name", .string("kaniko"))])
        let container: JSONValue = .object([
            ("name", .string("kaniko")),
            ("image", .string(executor)),
            ("args", JSONValue(try executorArguments(for: image))),
            (
                "volumeMounts",
                .array([
                    .object([
                        ("name", .string("registry-credentials")), ("mountPath", .string("/kaniko/.docker")),
                        ("readOnly", .bool(true)),
                    ])
                ])
            ),
        ])
        return .object([
            ("apiVersion", .string("batch/v1")),
            ("kind", .string("Job")),
            ("metadata", .object([("name", .string(name)), ("namespace", .string(namespace)), ("labels", labels)])),
            (
                "spec",
                .object([
                    ("backoffLimit", JSONValue(0)),
                    ("activeDeadlineSeconds", JSONValue(timeoutSeconds)),
                    ("ttlSecondsAfterFinished", JSONValue(86_400)),
                    (
                        "template",
                        .object([
                            ("metadata", .object([("labels", labels)])),
                            (
                                "spec",
                                .object([
                                    ("restartPolicy", .string("Never")),
                                    ("containers", .array([container])),
                                    (
                                        "volumes",
                                        .array([
                                            .object([
                                                ("name", .string("registry-credentials")),
                                                (
                                                    "secret",
                                                    .object([
                                                        ("secretName", .string(secret)),
                                                        (
                                                            "items",
                                                            .array([
                                                                .object([
                                                                    ("key", .string(".dockerconfigjson")), ("path", .string("config.json")),
                                                                ])
                                                            ])
                                                        ),
                                                    ])
                                                ),
                                            ])
                                        ])
                                    ),
                                ])
                            ),
                        ])
                    ),
                ])
            ),
        ])
    }

    /// The registry secret, built from a token that only ever travels on stdin.
    public func secretManifest(token: String, username: String) -> JSONValue {
        let auth = Data("\(username):\(token)".utf8).base64EncodedString()
        let config = JSONValue.object([
            (
                "auths",
                .object([
                    (
                        registry,
                        .object([
                            ("username", .string(username)), ("password", .string(token)), ("auth", .string(auth)),
                        ])
                    )
                ])
            )
        ]).encoded()
        return .object([
            ("apiVersion", .string("v1")),
            ("kind", .string("Secret")),
            (
                "metadata",
                .object([
                    ("name", .string(secret)), ("namespace", .string(namespace)),
                    ("labels", .object([("app.kubernetes.io/managed-by", .string("beads"))])),
                ])
            ),
            ("type", .string("kubernetes.io/dockerconfigjson")),
            ("data", .object([(".dockerconfigjson", .string(Data(config.utf8).base64EncodedString()))])),
        ])
    }

}
