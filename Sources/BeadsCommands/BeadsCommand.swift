import ArgumentParser
import Foundation

/// The root command. `main.swift` only calls `runMain()`.
public struct BeadsCommand: AsyncParsableCommand {
    public static let configuration = CommandConfiguration(
        commandName: "beads",
        abstract: "Paste a build error, get the known fix: a bead tracker and solution-doc knowledge base.",
        discussion: HelpText.prose(
            """
            A knowledge base is a folder holding beads/ (issues.jsonl, config.yaml) and docs/
            (Markdown solution docs). beads finds it like git finds .git: the nearest folder
            upward holding beads/, or --kb DIR, or BEADS_DIR.

            Start with:  beads fix --file build.log     (or paste: beads fix "ERROR: …")

            Exit status, the same for every command:
              0  done, or found (a known error matched, the bead exists)
              1  not found or no match (unknown id, unknown error, lint findings), or the
                 work failed (a store, file or network error, said on stderr)
              2  usage: a bad option or value, no knowledge base here, or a question with
                 no terminal to ask it on (pass --yes)
              3  refused by the safe build wrapper (a devpod)
              N  `run`, `safe-build` and `--run` pass on the child's own status
            """),
        version: "0.1.0",
        subcommands: [
            FixCommand.self, RunCommand.self, MatchCommand.self, ShowCommand.self, ListCommand.self, ReadyCommand.self, BlockedCommand.self,
            CreateCommand.self, DepCommand.self, LabelCommand.self, CommentCommand.self, CommentsCommand.self,
            SearchCommand.self, StatsCommand.self, HistoryCommand.self, DeleteCommand.self,
            UpdateCommand.self, CloseCommand.self, ReopenCommand.self, DocCommand.self, RecipeCommand.self, RunsCommand.self,
            EnvCommand.self, SafeBuildCommand.self, KanikoCommand.self, ActionsCommand.self,
            ImportCommand.self, ExportCommand.self, MergeCommand.self, InitCommand.self, MCPCommand.self, PrimeCommand.self,
            SetupCommand.self, SchemaCommand.self, HitsCommand.self, TriageCommand.self, ServeCommand.self,
        ]
    )

    public init() {}

    /// The commands this binary answers to (a doc's recipe may call them).
    static var commandNames: Set<String> { Set(configuration.subcommands.compactMap { $0.configuration.commandName }) }

    /// Parses, runs, and maps every failure to an exit code: 2 for usage errors (as
    /// the contract says, not ArgumentParser's 64), the command's own code otherwise.
    public static func runMain(_ arguments: [String]? = nil) async -> Int32 {
        await runMain(arguments, context: CommandContext.current)
    }

    /// Runs one command line in `context` (its environment, folder and streams).
    public static func runMain(_ arguments: [String]?, context: CommandContext) async -> Int32 {
        await CommandContext.$current.withValue(context) { await run(arguments) }
    }

    static func run(_ arguments: [String]?) async -> Int32 {
        do {
            let prepared = try ArgumentsPreflight.prepare(arguments ?? Array(CommandLine.arguments.dropFirst()), root: Self.self)
            var command = try parseAsRoot(prepared)
            if var async = command as? AsyncParsableCommand {
                try await async.run()
            } else {
                try command.run()
            }
            return 0
        } catch let exit as ExitCode {
            // A silent exit: the command has said what it had to (a finding, a child's status).
            return exit == .validationFailure ? 2 : exit.rawValue
        } catch let failure as PresentableError {
            if !failure.message.isEmpty { Terminal.standardError.write("beads: \(failure.message)\n") }
            return failure.exitCode
        } catch {
            let code = exitCode(for: error)
            let message = fullMessage(for: error)
            if code == .success {
                if !message.isEmpty { Terminal.standardOutput.write(message + "\n") }
                return 0
            }
            Terminal.standardError.write(message + "\n")
            return code == .validationFailure ? 2 : code.rawValue
        }
    }
}

/// A failure a command reports itself: the message goes to stderr, the code is the exit.
public struct CommandFailure: Error {
    public var message: String
    public var exitCode: Int32

    public init(_ message: String, exitCode: Int32 = 1) {
        self.message = message
        self.exitCode = exitCode
    }

    public static func usage(_ message: String) -> CommandFailure { CommandFailure(message, exitCode: 2) }
}
