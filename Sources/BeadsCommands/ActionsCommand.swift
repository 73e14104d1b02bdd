import ArgumentParser
import BeadsRemedy
import Foundation

struct ActionsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "actions",
        abstract: "Build in GitHub Actions: dispatch a workflow and follow its run.",
        discussion: HelpText.prose(
            """
            The token comes from GITHUB_TOKEN or GH_TOKEN (never from the command line), the
            API from GITHUB_API_URL (for GitHub Enterprise), the repository from --repo or
            `git remote get-url origin`.
            """),
        subcommands: [ActionsDispatchCommand.self, ActionsWatchCommand.self])
}

/// Options both subcommands take.
struct ActionsOptions: ParsableArguments {
    @Option(help: ArgumentHelp("The repository (default: from git remote origin).", valueName: "OWNER/NAME"))
    var repo: String?
    @Option(help: "Seconds between status checks while watching.")
    var interval = 5
    @Option(help: "Stop watching after this many seconds (the run goes on).")
    var timeout: Int?

    func validate() throws {
        if let repo, repo.split(separator: "/").count != 2 { throw ValidationError("--repo must be OWNER/NAME, not \(repo)") }
        if interval <= 0 { throw ValidationError("--interval must be a positive number of seconds") }
        if let timeout, timeout <= 0 { throw ValidationError("--timeout must be a positive number of seconds") }
    }

    func client() async throws -> GitHubActionsClient {
        let env = CommandContext.current.environment
        let repository: String
        if let repo {
            repository = repo
        } else {
            repository = try await Self.originRepository(env)
        }
        return try GitHubActionsClient.fromEnvironment(env, repository: repository)
    }

    static func originRepository(_ env: [String: String]) async throws -> String {
        guard let git = CommandLocator(environment: env).find("git") else {
            throw CommandFailure.usage("git is not on PATH to read the origin remote; pass --repo OWNER/NAME")
        }
        // The configured URL as written: `git remote get-url` applies url.*.insteadOf
        // rewrites (mirrors, proxies), which say nothing about the repository on GitHub.
        let outcome = try await ChildProcess(
            executable: git, arguments: ["config", "--get", "remote.origin.url"], environment: env,
            workingDirectory: CommandContext.current.currentDirectory
        ).run { _, _ in }
        guard outcome.exitCode == 0, let repo = GitHubActionsClient.repository(fromRemote: outcome.output) else {
            throw CommandFailure.usage(
                ActionsError.badRepository(
                    outcome.exitCode == 0
                        ? outcome.output.trimmingCharacters(in: .whitespacesAndNewlines) : "this folder (no origin remote)"
                ).description)
        }
        return repo
    }

    /// Follows a run to its end; exit 0 only on success.
    func follow(_ client: GitHubActionsClient, _ run: WorkflowRun) async throws {
        let out = Terminal.standardOutput
        let final = try await client.watch(runID: run.id, interval: .seconds(interval), timeout: timeout.map { .seconds($0) }) { current in
            Terminal.standardOutput.write("  \(current.status)\(current.conclusion.map { " (\($0))" } ?? "")\n")
        }
        let conclusion = final.conclusion ?? "unknown"
        out.write("Run \(final.id) \(conclusion)\(final.htmlURL.map { ": \($0)" } ?? "")\n")
        if conclusion != "success" { throw CommandFailure("the run ended \(conclusion)", exitCode: 1) }
    }
}
