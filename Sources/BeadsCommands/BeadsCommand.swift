import ArgumentParser

public struct BeadsCommand: AsyncParsableCommand {
    public static let configuration = CommandConfiguration(commandName: "beads", abstract: "x")
    public init() {}
    public func run() async throws {}
}
