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
            ("commands", .object(commands.sorted { $0.key < $1.key }.map { ($0.key, .bool($0.value)) })),
            ("github_token", .bool(githubToken)),
            ("docker_daemon", dockerDaemon.map(JSONValue.bool) ?? .null),
            ("docker_storage_driver", JSONValue(dockerStorageDriver)),
            ("kubectl_context", JSONValue(kubectlContext)),
        ])
    }
}
