import Foundation

/// Long output for a person at a terminal goes through their pager, as git does:
/// `$PAGER` (default `less`, with LESS=FRX so one screen of text just prints), run by
/// the shell because PAGER is the user's own command line. Anywhere else (a pipe, a
/// file, an empty PAGER or PAGER=cat, a text that fits the screen) it is printed.
enum Pager {
    static func show(_ text: String, raw: Bool = false) {
        let context = CommandContext.current
        let lines = text.reduce(into: 0) { count, character in if character == "\n" { count += 1 } }
        let pager = context.environment["PAGER"] ?? "less"
        guard context.standardOutput.isTerminal, context.standardOutput.fileDescriptor == STDOUT_FILENO,
            !pager.trimmingCharacters(in: .whitespaces).isEmpty, pager != "cat",
            lines > rows(context.environment) - 2
        else {
            (raw ? Terminal.rawStandardOutput : Terminal.standardOutput).write(text)
            return
        }
        var environment = context.environment
        if environment["LESS"] == nil { environment["LESS"] = "FRX" }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/sh")
        process.arguments = ["-c", pager]
        process.environment = environment
        let input = Pipe()
        process.standardInput = input
        do {
            try process.run()
        } catch {
            (raw ? Terminal.rawStandardOutput : Terminal.standardOutput).write(text)
            return
        }
        // A pager quit early (q) closes its end: the rest is not wanted.
        signal(SIGPIPE, SIG_IGN)
        let body = raw ? text : Terminal.printable(text)
        let styled = Style.render(body, enabled: Style.isEnabled(for: context.standardOutput, environment: context.environment))
        try? input.fileHandleForWriting.write(contentsOf: Data(styled.utf8))
        try? input.fileHandleForWriting.close()
        process.waitUntilExit()
    }

    /// The terminal's height: LINES, else the terminal's own, else 24.
    static func rows(_ environment: [String: String]) -> Int {
        if let value = environment["LINES"].flatMap(Int.init), value > 0 { return value }
        var size = winsize()
        guard ioctl(STDOUT_FILENO, UInt(TIOCGWINSZ), &size) == 0, size.ws_row > 0 else { return 24 }
        return Int(size.ws_row)
    }
}
