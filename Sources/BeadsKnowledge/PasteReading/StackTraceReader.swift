/// Reads the stack traces in a log by language: which line is the exception (the error
/// a person means) and which are frames, headers and runtime chatter around it.
///
/// A traceback's error words sit in one line; its frames are paths and function names,
/// its header (`Traceback (most recent call last):`) and the runtime's notes (Node's
/// `throw er; // Unhandled 'error' event`, V8's GC lines) read like errors but say
/// nothing of which one. Python, Java and Kotlin (`Caused by:`), Node and V8, Go panics,
/// Rust panics and .NET are read.
public enum StackTraceReader {
    public enum Role: Sendable, Equatable {
        /// The exception or panic message: the error.
        case exception
        /// A call frame (`  File "x.py", line 3, in f`, `at com.x.Y(Y.java:3)`, `main.go:12 +0x1d`).
        case frame
        /// What introduces or ends a trace, or the runtime says around it: context.
        case context
    }

    /// One role per line (nil: not part of a trace), for the lines' messages (the text
    /// after timestamps and CI prefixes).
    public static func roles(of messages: [String]) -> [Role?] {
        var roles = [Role?](repeating: nil, count: messages.count)
        var inPythonFrames = false
        var pythonSourceNext = false
        var nodeSourceLines = 0
        var rustMessageNext = false
        for (k, raw) in messages.enumerated() {
            let line = raw.trimmingBlanks()
            if line.isEmpty {
                nodeSourceLines = 0
                continue
            }
            // Python: the header, frames with their source line, then the exception.
            if line == "Traceback (most recent call last):" {
                roles[k] = .context
                inPythonFrames = true
                pythonSourceNext = false
                continue
            }
            if inPythonFrames {
                if line.hasPrefix("File \"") || line.hasPrefix("File '") {
                    roles[k] = .frame
                    pythonSourceNext = true
                    continue
                }
                if pythonSourceNext, raw.hasPrefix(" ") || raw.hasPrefix("\t") || isCaretLine(line) {
                    roles[k] = .frame
                    pythonSourceNext = false
                    continue
                }
                if isCaretLine(line) || line.hasPrefix("...") {
                    roles[k] = .frame
                    continue
                }
                inPythonFrames = false
                pythonSourceNext = false
                if isPythonException(line) {
                    roles[k] = .exception
                    continue
                }
            }
            if pythonChainPhrases.contains(line) {
                roles[k] = .context
                continue
            }
            // pytest: `E   ModuleNotFoundError: …` is the error it reports; its banners are context.
            if line.hasPrefix("E  "), isPythonException(line.dropFirst(1).trimmingBlanks()) {
                roles[k] = .exception
                continue
            }
            if isBanner(line) {
                roles[k] = .context
                continue
            }
            // Ruby: `app.rb:12:in `run': message (Class)`, then `from path:line:in …` frames.
            if line.hasPrefix("from "), line.contains(".rb:") {
                roles[k] = .frame
                continue
            }
            if isRubyException(line) {
                roles[k] = .exception
                continue
            }
            // Java, Kotlin, .NET frames and chain markers.
            if line.hasPrefix("at "), line.hasSuffix(")") || line.contains(":line ") || line.contains(" in ") {
                roles[k] = .frame
                continue
            }
            if line.hasPrefix("... "), line.hasSuffix(" more") {
                roles[k] = .frame
                continue
            }
            if line.hasPrefix("--- End of ") || line.hasPrefix("--- End of stack trace") {
                roles[k] = .context
                continue
            }
            if line.hasPrefix("Caused by: ") || line.hasPrefix("---> ") || line.hasPrefix("Suppressed: ") {
                roles[k] = .exception
                continue
            }
            if line.hasPrefix("Exception in thread ") || line.hasPrefix("Unhandled exception. ") || line.hasPrefix("Unhandled Exception: ")
            {
                roles[k] = .exception
                continue
            }
            if isQualifiedException(line) || isNamedError(line) {
                roles[k] = .exception
                continue
            }
            // Node: `file:line`, the source line, a caret, then `Error: …` and `at` frames.
            if isNodeSourceHeader(line) {
                roles[k] = .context
                nodeSourceLines = 3
                continue
            }
            if nodeSourceLines > 0 {
                nodeSourceLines -= 1
                if isCaretLine(line) || line.contains("throw ") || line.hasPrefix("//") {
                    roles[k] = .context
                    continue
                }
            }
            if line.hasPrefix("Emitted 'error' event") || line.hasPrefix("Node.js v") {
                roles[k] = .context
                continue
            }
            // V8's heap exhaustion: GC traces and native frames around `FATAL ERROR:`.
            if line.hasPrefix("<--- ") && line.hasSuffix(" --->") {
                roles[k] = .context
                continue
            }
            if isV8GCLine(line) || isNativeFrame(line) {
                roles[k] = .frame
                continue
            }
            if line.hasPrefix("FATAL ERROR: ") {
                roles[k] = .exception
                continue
            }
            // Go: `panic: …` / `fatal error: …`, then goroutines, functions and file lines.
            if line.hasPrefix("panic: ") || line.hasPrefix("fatal error: ") {
                roles[k] = .exception
                continue
            }
            if line.hasPrefix("[signal ") {
                roles[k] = .context
                continue
            }
            if line.hasPrefix("goroutine "), line.hasSuffix(":") {
                roles[k] = .context
                continue
            }
            if isGoFileLine(raw) || isGoFunctionLine(line, next: k + 1 < messages.count ? messages[k + 1] : "") {
                roles[k] = .frame
                continue
            }
            // Rust: `thread 'main' panicked at …`, the message on the next line since 1.73.
            if line.hasPrefix("thread '"), line.contains("' panicked at ") {
                roles[k] = .exception
                rustMessageNext = line.hasSuffix(":")
                continue
            }
            if rustMessageNext {
                rustMessageNext = false
                roles[k] = .exception
                continue
            }
            if line == "stack backtrace:" || line.hasPrefix("note: run with `RUST_BACKTRACE") {
                roles[k] = .context
                continue
            }
        }
        return roles
    }

    static let pythonChainPhrases: Set<String> = [
        "During handling of the above exception, another exception occurred:",
        "The above exception was the direct cause of the following exception:",
    ]

    /// `ModuleNotFoundError: No module named 'app'`, `KeyError: 'x'`, `requests.exceptions.SSLError: …`.
    static func isPythonException(_ line: String) -> Bool {
        let name = line.prefix { $0 != ":" }
        guard !name.isEmpty, name.count < 120, let first = name.first, first.isLetter || first == "_",
            name.allSatisfy({ $0.isLetter || $0.isNumber || $0 == "_" || $0 == "." })
        else { return false }
        let last = name.split(separator: ".").last.map(String.init) ?? ""
        guard last.first?.isUppercase == true || last.hasSuffix("Error") || last.hasSuffix("Exception") else { return false }
        return name.count == line.count || line.dropFirst(name.count).hasPrefix(":")
    }

    /// `java.lang.IllegalStateException: …`, `org.x.BeanCreationException: …`,
    /// `System.NullReferenceException: …`: a dotted name ending in Exception or Error.
    static func isQualifiedException(_ line: String) -> Bool {
        let name = line.prefix { $0 != ":" && $0 != " " }
        guard name.contains("."), name.count < 200, name.first?.isLetter == true else { return false }
        let last = name.split(separator: ".").last ?? ""
        guard last.hasSuffix("Exception") || last.hasSuffix("Error") || last.hasSuffix("Throwable") else { return false }
        return name.count == line.count || line.dropFirst(name.count).hasPrefix(":")
    }

    /// `/app/x.rb:564:in `materialize': Could not find … (Bundler::GemNotFound)`: Ruby's
    /// first trace line holds the message and its class.
    static func isRubyException(_ line: String) -> Bool {
        guard let at = line.range(of: ".rb:"), line[at.upperBound...].contains(":in "), line.hasSuffix(")"),
            let open = line.lastIndex(of: "(")
        else { return false }
        let name = line[line.index(after: open)..<line.index(before: line.endIndex)]
        return name.first?.isUppercase == true && name.allSatisfy { $0.isLetter || $0.isNumber || $0 == ":" || $0 == "_" }
    }

    /// `SyntaxError: Cannot use import statement …`, `Error: listen EADDRINUSE …`: an
    /// error class's name, a colon, its message (JavaScript's and Python's last line).
    static func isNamedError(_ line: String) -> Bool {
        guard let colon = line.range(of: ": ") else { return false }
        let name = line[..<colon.lowerBound]
        guard name.count <= 60, name.first?.isUppercase == true, name.allSatisfy({ $0.isLetter || $0.isNumber || $0 == "_" }) else {
            return false
        }
        return name.hasSuffix("Error") || name.hasSuffix("Exception")
    }

    /// pytest's `____ ERROR collecting tests/test_x.py ____` and `=== short test summary info ===`.
    static func isBanner(_ line: String) -> Bool {
        (line.hasPrefix("___") && line.hasSuffix("___")) || (line.hasPrefix("===") && line.hasSuffix("==="))
    }

    static func isCaretLine(_ line: String) -> Bool {
        !line.isEmpty && line.allSatisfy { $0 == "^" || $0 == "~" || $0 == " " }
    }

    /// `node:events:495` or `/app/server.js:12`: where Node shows the throwing source line.
    static func isNodeSourceHeader(_ line: String) -> Bool {
        guard !line.contains(" "), let colon = line.lastIndex(of: ":"), line[line.index(after: colon)...].allSatisfy(\.isNumber),
            line.index(after: colon) < line.endIndex
        else { return false }
        let file = line[..<colon]
        return file.hasPrefix("node:") || file.hasSuffix(".js") || file.hasSuffix(".mjs") || file.hasSuffix(".cjs") || file.hasSuffix(".ts")
    }

    /// `[1234:0x5a3c0a0]    12345 ms: Mark-sweep 2045.5 (2082.6) -> 2041.2 (2083.1) MB, …`.
    static func isV8GCLine(_ line: String) -> Bool {
        guard line.hasPrefix("["), let close = line.firstIndex(of: "]") else { return false }
        let inside = line[line.index(after: line.startIndex)..<close]
        return inside.contains(":0x") && (line.contains(" ms: ") || line.contains("Scavenge") || line.contains("Mark-"))
    }

    /// ` 1: 0xb7b7c0 node::Abort() [node]`: a native frame V8 prints.
    static func isNativeFrame(_ line: String) -> Bool {
        let number = line.prefix { $0.isNumber }
        guard !number.isEmpty else { return false }
        let rest = line.dropFirst(number.count)
        return rest.hasPrefix(": 0x")
    }

    /// `\t/go/src/app/main.go:42 +0x1d`: a Go frame's file line (indented, `.go:N`).
    static func isGoFileLine(_ raw: String) -> Bool {
        guard raw.hasPrefix("\t") || raw.hasPrefix("        ") || raw.hasPrefix(" ") else { return false }
        let line = raw.trimmingBlanks()
        guard let dot = line.range(of: ".go:") else { return false }
        return line[dot.upperBound...].first?.isNumber == true
    }

    /// `main.main()`, `github.com/x/y.(*T).M(0xc0000, …)` followed by its file line.
    static func isGoFunctionLine(_ line: String, next: String) -> Bool {
        line.hasSuffix(")") && line.contains("(") && !line.contains(" ") && isGoFileLine(next)
    }
}
