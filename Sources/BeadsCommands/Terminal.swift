import Foundation

/// The command layer's only doors to the outside: stdout and stderr. Library code
/// never prints; commands write here.
///
/// Text written here is for people: control characters in it (a bead title carrying
/// `ESC ]0;…BEL` or `ESC [2J`) are shown, not obeyed. Output that is a terminal's own
/// business (a child's colours, `doc show`'s styles) goes through the raw streams.
public struct Terminal: TextOutputStream {
    let sink: OutputSink
    var sanitizing = true

    public static var standardOutput: Terminal { Terminal(sink: CommandContext.current.standardOutput) }
    public static var standardError: Terminal { Terminal(sink: CommandContext.current.standardError) }
    /// For a child's own output and beads' own styling, passed through as is.
    public static var rawStandardOutput: Terminal { Terminal(sink: CommandContext.current.standardOutput, sanitizing: false) }
    public static var rawStandardError: Terminal { Terminal(sink: CommandContext.current.standardError, sanitizing: false) }

    // Non-mutating: writing to a sink changes nothing in this value.
    public func write(_ string: String) {
        let text = sanitizing ? Self.printable(string) : string
        // Styles are beads' own, in text for people; raw output passes as it came.
        let styled =
            sanitizing ? Style.render(text, enabled: Style.isEnabled(for: sink, environment: CommandContext.current.environment)) : text
        sink.write(Data(styled.utf8))
    }

    /// Control characters made visible: `^[` for ESC, `^G` for BEL, `^?` for DEL, U+FFFD
    /// for the C1 controls; newlines and tabs stay.
    public static func printable(_ text: String) -> String {
        guard text.unicodeScalars.contains(where: isControl) else { return text }
        var out = String.UnicodeScalarView()
        for scalar in text.unicodeScalars {
            guard isControl(scalar) else {
                out.append(scalar)
                continue
            }
            switch scalar.value {
            case 0x7F: out.append(contentsOf: "^?".unicodeScalars)
            case 0x00..<0x20: out.append(contentsOf: ("^" + String(UnicodeScalar(UInt8(scalar.value + 64)))).unicodeScalars)
            default: out.append("\u{FFFD}")
            }
        }
        return String(out)
    }

    static func isControl(_ scalar: Unicode.Scalar) -> Bool {
        let v = scalar.value
        return (v < 0x20 && v != 0x0A && v != 0x09) || v == 0x7F || (0x80...0x9F).contains(v)
    }

    /// Whether standard input is a terminal (then nothing is piped in).
    public static var standardInputIsTerminal: Bool { CommandContext.current.standardInputIsTerminal }
    public static var standardOutputIsTerminal: Bool { CommandContext.current.standardOutput.isTerminal }

    /// The width to wrap to: COLUMNS, else the terminal's own, else nil.
    static func columns(environment: [String: String], tty: Bool) -> Int? {
        if let value = environment["COLUMNS"].flatMap(Int.init), value > 0 { return value }
        guard tty else { return nil }
        var size = winsize()
        guard ioctl(STDOUT_FILENO, UInt(TIOCGWINSZ), &size) == 0, size.ws_col > 0 else { return nil }
        return Int(size.ws_col)
    }
}
