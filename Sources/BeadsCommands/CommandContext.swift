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

    public init(
        environment: [String: String], currentDirectory: String, standardOutput: OutputSink, standardError: OutputSink,
        standardInputIsTerminal: Bool = false
    ) {
        self.environment = environment
        self.currentDirectory = currentDirectory
        self.standardOutput = standardOutput
        self.standardError = standardError
        self.standardInputIsTerminal = standardInputIsTerminal
    }

    /// This process's environment, folder and file descriptors.
    public static var process: CommandContext {
        CommandContext(
            environment: ProcessInfo.processInfo.environment, currentDirectory: FileManager.default.currentDirectoryPath,
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
        var sink = OutputSink(isTerminal: isatty(fd) != 0) { data in
            guard let failure = writeAll(data, to: fd), fd == STDOUT_FILENO else { return }
            outputFailed(errno: failure)
        }
        sink.fileDescriptor = fd
        return sink
    }

    /// Writes every byte, or returns the errno that stopped it.
    static func writeAll(_ data: Data, to fd: Int32) -> Int32? {
        data.withUnsafeBytes { (buffer: UnsafeRawBufferPointer) -> Int32? in
            var offset = 0
            while offset < buffer.count {
                let n = Foundation.write(fd, buffer.baseAddress! + offset, buffer.count - offset)
                if n < 0 {
                    if errno == EINTR { continue }
                    return errno
                }
                offset += n
            }
            return nil
        }
    }

    /// Standard output cannot take more. A reader that went away (`beads list | head`)
    /// ends the process as SIGPIPE would, without a word; any other failure (a full
    /// disk, `> /dev/full`) is said on standard error, and the exit status is 1.
    static func outputFailed(errno failure: Int32) -> Never {
        if failure == EPIPE {
            signal(SIGPIPE, SIG_DFL)
            raise(SIGPIPE)
        }
        let message = "Error: cannot write to standard output: \(String(cString: strerror(failure))).\n"
        _ = writeAll(Data(message.utf8), to: STDERR_FILENO)
        exit(1)
    }
}
