import Foundation

/// The command layer's only doors to the outside: stdout and stderr. Library code
/// never prints; commands write here.
public struct Terminal: TextOutputStream {
    let handle: FileHandle

    public static var standardOutput: Terminal { Terminal(handle: .standardOutput) }
    public static var standardError: Terminal { Terminal(handle: .standardError) }

    // Non-mutating: writing to a file handle changes nothing in this value.
    public func write(_ string: String) {
        handle.write(Data(string.utf8))
    }

    /// Whether standard input is a terminal (then nothing is piped in).
    public static var standardInputIsTerminal: Bool { isatty(STDIN_FILENO) != 0 }
    public static var standardOutputIsTerminal: Bool { isatty(STDOUT_FILENO) != 0 }
}
