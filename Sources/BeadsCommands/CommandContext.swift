import Foundation

/// What a command runs in: its environment, its working folder, and where its output
/// goes. The process's own by default; tests (and any host embedding the commands) run
/// `BeadsCommand.runMain(_:context:)` with their own, as SwiftPM passes its commands
/// their state, so most behaviour is testable without starting the binary.
public struct CommandContext: Sendable {
    public var environment: [String: String]
    public var currentDirectory: String
    public var standardOutput: OutputSink
    public var standardError: OutputSink
    /// Whether standard input is a terminal (then nothing is piped in, and questions
    /// can be asked).
    public var standardInputIsTerminal: Bool

    public init(environment: [String: String], currentDirectory: String, standardOutput: OutputSink, standardError: OutputSink,
                standardInputIsTerminal: Bool = false) {
        self.environment = environment
        self.currentDirectory = currentDirectory
        self.standardOutput = standardOutput
        self.standardError = standardError
        self.standardInputIsTerminal = standardInputIsTerminal
    }

    /// This process's environment, folder and file descriptors.
    public static var process: CommandContext {
        CommandContext(environment: ProcessInfo.processInfo.environment, currentDirectory: FileManager.default.currentDirectoryPath,
                       standardOutput: .fileDescriptor(STDOUT_FILENO), standardError: .fileDescriptor(STDERR_FILENO),
                       standardInputIsTerminal: isatty(STDIN_FILENO) != 0)
    }

    @TaskLocal public static var current: CommandContext = .process

    /// A path as the user meant it: relative to the command's folder.
    public func absolute(_ path: String) -> String {
        path.hasPrefix("/") ? path : (currentDirectory as NSString).appendingPathComponent(path)
    }
}

/// Where one output stream goes.
public struct OutputSink: Sendable {
    public var write: @Sendable (Data) -> Void
    public var isTerminal: Bool
    /// The descriptor written to, when it is one (a pager can then write there itself).
    public var fileDescriptor: Int32?

    public init(isTerminal: Bool = false, write: @escaping @Sendable (Data) -> Void) {
        self.write = write
        self.isTerminal = isTerminal
    }

    public static func fileDescriptor(_ fd: Int32) -> OutputSink {
        let handle = FileHandle(fileDescriptor: fd, closeOnDealloc: false)
        var sink = OutputSink(isTerminal: isatty(fd) != 0) { handle.write($0) }
        sink.fileDescriptor = fd
        return sink
    }
}
