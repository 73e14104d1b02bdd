import ArgumentParser
import BeadsRemedy
import Foundation

struct ActionsDispatchCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "dispatch",
        abstract: "Start a workflow_dispatch run of a workflow; with --watch, wait for its result.",
        discussion: HelpText.prose(
            """
            Examples:
              beads actions dispatch build-images.yml --ref main --watch
              beads actions dispatch build-images.yml -f image=api -f push=true
            """))

    @OptionGroup var options: ActionsOptions
    @Argument(help: "The workflow file name (build-images.yml) or id.")
    var workflow: String
    @Option(help: "The branch or tag to run on.")
    var ref = "main"
    @Option(name: .customShort("f"), help: ArgumentHelp("A workflow input (repeatable).", valueName: "KEY=VALUE"))
    var inputs: [String] = []
    @Flag(help: "Wait for the run to complete; exit 0 only if it succeeded.")
    var watch = false

    func validate() throws {
        for input in inputs where !input.contains("=") || input.hasPrefix("=") {
            throw ValidationError("-f \(input): write KEY=VALUE")
        }
    }

    func run() async throws {
        let client = try await options.client()
        let pairs = inputs.map { input -> (String, String) in
            let eq = input.firstIndex(of: "=")!
            return (String(input[..<eq]), String(input[input.index(after: eq)...]))
        }
        let run = try await client.dispatch(workflow: workflow, ref: ref, inputs: pairs)
        Terminal.standardOutput.write(
            "Dispatched \(workflow) on \(ref) in \(client.repository): run \(run.id)\(run.htmlURL.map { " \($0)" } ?? "")\n")
        if watch { try await options.follow(client, run) }
    }
}
