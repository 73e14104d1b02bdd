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

    /// The width to wrap to: COLUMNS, else the terminal's own, else nil.
    static func columns(environment: [String: String], tty: Bool) -> Int? {
        if let value = environment["COLUMNS"].flatMap(Int.init), value > 0 { return value }
        guard tty else { return nil }
        var size = winsize()
        guard ioctl(STDOUT_FILENO, UInt(TIOCGWINSZ), &size) == 0, size.ws_col > 0 else { return nil }
        return Int(size.ws_col)
    }
}
