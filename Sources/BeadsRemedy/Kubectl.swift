import Foundation

/// kubectl as a child process: argv only, manifests and secrets on standard input.
public struct Kubectl: Sendable {
    public var executable: String
    public var environment: [String: String]
    public var namespace: String

    public init(environment: [String: String], namespace: String) throws {
        guard let path = CommandLocator(environment: environment).find("kubectl") else { throw KanikoError.kubectlMissing }
        executable = path
        self.environment = environment
        self.namespace = namespace
    }

    /// Runs `kubectl ARGS -n NAMESPACE`; output is captured, and streamed to `stream`
    /// when given. Throws when kubectl fails and `check` is set.
    @discardableResult
    public func run(
        _ arguments: [String], input: Data? = nil, check: Bool = true,
        stream: (@Sendable (Data, Bool) -> Void)? = nil
    ) async throws -> ChildOutcome {
        let argv = arguments + ["-n", namespace]
        let outcome = try await ChildProcess(executable: executable, arguments: argv, environment: environment, standardInput: input)
            .run { data, isError in stream?(data, isError) }
        if check, outcome.exitCode != 0 {
            throw KanikoError.kubectlFailed(
                command: "kubectl " + argv.joined(separator: " "), status: outcome.exitCode, output: outcome.output)
        }
        return outcome
    }
}
