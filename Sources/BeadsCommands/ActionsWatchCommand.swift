import ArgumentParser
import BeadsRemedy
import Foundation

struct ActionsWatchCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "watch",
        abstract: "Follow a workflow run until it completes; exit 0 only if it succeeded.")

    @OptionGroup var options: ActionsOptions
    @Argument(help: "The run's id.")
    var runID: Int64

    func run() async throws {
        let client = try await options.client()
        let run = try await client.run(id: runID)
        try await options.follow(client, run)
    }
}
