import BeadsCore
import BeadsRemedy
import BeadsStore

extension EnvironmentReport {
    /// The `beads env --json` object, also embedded in `fix --json`.
    var json: JSONValue {
        .object([
            ("verdict", .string(verdict)),
            ("devpod", .bool(devpod)),
            ("kubernetes", .bool(kubernetes)),
            ("container", .bool(container)),
            ("nested_overlay", .bool(nestedOverlay)),
            ("root_filesystem", JSONValue(rootFilesystem)),
            ("reasons", JSONValue(reasons)),
            ("override", JSONValue(override)),
            ("probed_verdict", JSONValue(probedVerdict)),
            ("commands", .object(commands.sorted { $0.key < $1.key }.map { ($0.key, .bool($0.value)) })),
            ("github_token", .bool(githubToken)),
            ("docker_daemon", dockerDaemon.map(JSONValue.bool) ?? .null),
            ("docker_endpoint", JSONValue(dockerEndpoint)),
            ("docker_storage_driver", JSONValue(dockerStorageDriver)),
            ("kubectl_context", JSONValue(kubectlContext)),
        ])
    }
}

/// How commands probe where they run, under the command's context; a `BEADS_ENV` that
/// names no place is refused by the core's check (`Diagnose.checked`).
enum EnvironmentCheck {
    static func probe() throws -> EnvironmentReport {
        try Diagnose.probe(CommandContext.current.environment)
    }

    static func deepProbe() async throws -> EnvironmentReport {
        try Diagnose.checked(await EnvironmentProbe.current(environment: CommandContext.current.environment).deepProbe())
    }

    /// The environment line under a diagnosis: the verdict, and why; when BEADS_ENV
    /// decided, that it did and what the probe alone said.
    static func line(_ env: EnvironmentReport) -> String {
        if let forced = env.override {
            let probed = env.probedVerdict.map { $0 == forced ? "; the probe agrees" : "; the probe alone says \($0)" } ?? ""
            return "(environment: \(forced), set by BEADS_ENV=\(forced)\(probed))"
        }
        return "(environment: \(env.verdict)\(env.reasons.isEmpty ? "" : " — " + env.reasons[0]))"
    }
}
