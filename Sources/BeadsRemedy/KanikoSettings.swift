import BeadsMarkdown
import Foundation
import Yams

/// One image to build: where it goes, and what it is built from.
public struct KanikoImage: Sendable, Equatable {
    public var destination: String
    /// A path relative to the repository (`api/`), or a Kaniko context URL
    /// (`git://…`, `s3://…`, `dir://…`).
    public var context: String
    public var dockerfile: String

    public init(destination: String, context: String, dockerfile: String = "Dockerfile") {
        self.destination = destination
        self.context = context
        self.dockerfile = dockerfile
    }

    /// `DEST=CONTEXT[:DOCKERFILE]`, as `--image` takes it.
    public init?(argument: String) {
        guard let eq = argument.firstIndex(of: "=") else { return nil }
        destination = String(argument[..<eq])
        var rest = String(argument[argument.index(after: eq)...])
        dockerfile = "Dockerfile"
        // A URL context keeps the colon of its scheme; a ":" after that names the Dockerfile.
        let pathStart = rest.range(of: "://")?.upperBound ?? rest.startIndex
        if let colon = rest[pathStart...].lastIndex(of: ":") {
            dockerfile = String(rest[rest.index(after: colon)...])
            rest = String(rest[..<colon])
        }
        context = rest
        guard !destination.isEmpty, !context.isEmpty, !dockerfile.isEmpty else { return nil }
    }

    public var isURLContext: Bool { context.contains("://") }
}

/// The `kaniko:` section of `beads/config.yaml`.
public struct KanikoSettings: Sendable, Equatable {
    public var namespace = "default"
    public var secret = "registry-credentials"
    public var registry = "ghcr.io"
    public var username: String?
    /// Upstream Kaniko (gcr.io/kaniko-project) was archived in June 2025: the image is
    /// a setting so a team can point at the fork or mirror it trusts.
    public var executor = "gcr.io/kaniko-project/executor:v1.23.2"
    /// Git context for relative image contexts, e.g. `git://github.com/org/repo.git`.
    public var contextRepository: String?
    public var gitRef = "main"
    public var timeoutSeconds = 1800
    public var images: [KanikoImage] = []
    /// A running builder to exec into instead of creating Jobs (`deployment/NAME`).
    public var runner: String?
    public var runnerScript: String?

    public init() {}

    public static func load(path: String) throws(KanikoError) -> KanikoSettings {
        var settings = KanikoSettings()
        guard let text = try? String(contentsOfFile: path, encoding: .utf8) else { return settings }
        let root: Node?
        do { root = try Yams.compose(yaml: text, .basic) } catch {
            throw KanikoError.badConfig("\(path): \(YAMLErrorText.reason(error))")
        }
        guard let kaniko = root?["kaniko"] else { return settings }
        func string(_ key: String) -> String? { kaniko[key]?.string }
        if let v = string("namespace") { settings.namespace = v }
        if let v = string("secret") { settings.secret = v }
        if let v = string("registry") { settings.registry = v }
        settings.username = string("username")
        if let v = string("executor") { settings.executor = v }
        settings.contextRepository = string("context_repository")
        if let v = string("ref") { settings.gitRef = v }
        if let v = string("timeout"), let seconds = Int(v) { settings.timeoutSeconds = seconds }
        settings.runner = string("runner")
        settings.runnerScript = string("runner_script")
        for item in kaniko["images"]?.sequence ?? [] {
            guard let destination = item["destination"]?.string, let context = item["context"]?.string else {
                throw KanikoError.badConfig("\(path): every kaniko image needs `destination` and `context`")
            }
            settings.images.append(
                KanikoImage(
                    destination: destination, context: context,
                    dockerfile: item["dockerfile"]?.string ?? "Dockerfile"))
        }
        return settings
    }
}

public enum KanikoError: Error, Sendable, CustomStringConvertible {
    case badConfig(String)
    case noImages
    case noContextRepository(String)
    case kubectlMissing
    case kubectlFailed(command: String, status: Int32, output: String)
    case noToken
    case timedOut(job: String, seconds: Int)

    public var description: String {
        switch self {
        case let .badConfig(reason): return reason
        case .noImages:
            return
                "no images to build: pass --image DEST=CONTEXT[:DOCKERFILE], or list them under kaniko.images in beads/config.yaml and pass --all"
        case let .noContextRepository(context):
            return
                "the context \(context) is a path, so Kaniko needs the repository it is in: set kaniko.context_repository (git://…) in beads/config.yaml, or give a git:// context"
        case .kubectlMissing:
            return "kubectl is not on PATH; Kaniko builds run in the cluster through it"
        case let .kubectlFailed(command, status, output):
            return "`\(command)` failed (exit \(status)): \(output.trimmingCharacters(in: .whitespacesAndNewlines).suffix(400))"
        case .noToken:
            return
                "set GITHUB_TOKEN (or GH_TOKEN) to a token that may push packages; it is read from the environment only, never from the command line"
        case let .timedOut(job, seconds):
            return "job \(job) did not finish within \(seconds) s"
        }
    }
}
