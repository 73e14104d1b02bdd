import BeadsStore

/// Reads the error messages out of a block of output as a team pasted it into a doc: a
/// whole incident, 10 to 20 lines with the commands typed, the steps that ran, the
/// wrappers that say a step failed, and somewhere in it the lines that say why.
///
/// Those lines are the signatures; the rest is context. A message that wraps onto more
/// lines (a line ending in `:`) stays whole, across a blank line too. Go-style chains
/// (`a: b: c`) also give their last clause, so that a later paste carrying only the end
/// of the chain (`write …: no space left on device`) is still recognised.
enum ErrorBlockReader {
    struct Message: Equatable {
        /// The message, lines joined with a newline, wrapping (timestamps, step
        /// prefixes) left in: the normaliser strips it the same way in pastes.
        var text: String
        /// 0-based line in the block where it starts.
        var line: Int
        /// Set apart by blank lines with nothing but error lines around it: an item of a
        /// list of wordings, not a line in the middle of an incident.
        var standsAlone = false
        /// A stack trace's exception line (`KeyError: 'x'`, `Caused by: …`, `panic: …`).
        var isException = false
        /// A command or build step comes before it in the block: it is that step's log.
        var afterCommand = false
        /// Not the exception line of a block that has one: a banner or wrapper around it.
        var besideException = false
    }

    /// Lines one message may span.
    static let maxMessageLines = 6

    enum Kind { case blank, command, generic, error, context }

    static func kind(of line: NormalizedLine) -> Kind {
        let message = line.message
        if message.isEmpty || line.tokens.isEmpty { return .blank }
        if ErrorVocabulary.readsLikeCommand(line.text) || ErrorVocabulary.readsLikeCommand(message)
            || message.hasPrefix("+ ") || isBuildStep(message)
        {
            return .command
        }
        guard ErrorVocabulary.readsLikeError(message) else { return .context }
        return isGeneric(line) ? .generic : .error
    }

    /// A build step's header: `[builder 4/7] RUN npm ci`, `Step 3/9 : RUN make`.
    static func isBuildStep(_ message: String) -> Bool {
        if message.hasPrefix("Step "), message.containsBytes(" : ") { return true }
        if message.hasPrefix("["), let close = message.firstIndex(of: "]") {
            let rest = message[message.index(after: close)...].trimmingBlanks()
            return ["RUN ", "COPY ", "FROM ", "ADD ", "WORKDIR "].contains { rest.hasPrefix($0) }
        }
        return false
    }

    /// A line that says a step failed without saying why: one of the wrappers builds
    /// print whatever the cause, or nothing but common words.
    static func isGeneric(_ line: NormalizedLine) -> Bool {
        // `exit code: 137` says more than that a step failed: the OOM killer did it.
        let saysWhich = line.tokens.contains { token in
            guard case let .word(w) = token, w.allSatisfy(\.isNumber), let code = Int(w) else { return false }
            return signalExitCodes.contains(code) || (400...599).contains(code)
        }
        if !saysWhich, ErrorVocabulary.holdsGenericPhrase(line.message) { return true }
        return !line.tokens.contains { $0.weight >= 1 }
    }

    /// Exit codes that name a cause: not executable, not found, killed by a signal
    /// (137 the OOM killer, 139 a segfault, 143 a SIGTERM).
    static let signalExitCodes = 126...165

    static func messages(in body: String) -> [Message] {
        read(body).messages
    }

    /// The messages of a block, and whether it lists wordings of one error rather than
    /// an incident as it happened (nothing but error lines in it).
    static func read(_ body: String) -> (messages: [Message], isListOfWordings: Bool) {
        let lines = LogNormalizer.lines(of: body)
        // A trace's frames and headers are context whatever words they hold; its
        // exception line is the error even when it holds no error word.
        let trace = StackTraceReader.roles(of: lines.map(\.message))
        let kinds = zip(lines, trace).map { line, role -> Kind in
            switch role {
            case .exception?: return line.tokens.isEmpty ? .blank : .error
            case .frame?, .context?: return line.tokens.isEmpty ? .blank : .context
            case nil: return kind(of: line)
            }
        }
        let wordings = !kinds.contains(.command) && !kinds.contains(.context)
        // Runs of lines between blank lines that hold nothing but errors.
        var alone = [Bool](repeating: false, count: lines.count)
        var start = 0
        for end in 0...lines.count where end == lines.count || kinds[end] == .blank {
            let run = start..<end
            if !run.isEmpty, run.allSatisfy({ kinds[$0] == .error || kinds[$0] == .generic }) {
                for n in run { alone[n] = true }
            }
            start = end + 1
        }
        var out: [Message] = []
        var k = 0
        while k < lines.count {
            guard kinds[k] == .error else {
                k += 1
                continue
            }
            var parts = [lines[k].text]
            var last = k
            var next = k + 1
            while parts.count < maxMessageLines, next < lines.count {
                let endsOpen = lines[last].message.hasSuffix(":")
                // One blank line inside a message that was left open does not end it.
                if kinds[next] == .blank, endsOpen, next + 1 < lines.count, kinds[next + 1] != .blank { next += 1 }
                guard kinds[next] != .blank, kinds[next] != .command else { break }
                guard endsOpen else { break }
                parts.append(lines[next].message)
                last = next
                next += 1
            }
            out.append(
                Message(
                    text: parts.joined(separator: "\n"), line: k, standsAlone: alone[k], isException: trace[k] == .exception,
                    afterCommand: kinds[..<k].contains(.command)))
            k = last + 1
        }
        // Around a trace's exception, the other lines of an incident are its banners and
        // wrappers; a list of wordings has none.
        if !wordings, out.contains(where: \.isException) {
            for n in out.indices where !out[n].isException && !out[n].standsAlone { out[n].besideException = true }
        }
        return (out, wordings)
    }

    /// The last clause of an `a: b: c` chain (Go's wrapped errors, BuildKit's `failed to
    /// solve: …`), where the reason is: nil when the message is one clause.
    static func tailClauses(of message: String) -> [String] {
        let flat = message.split(separator: "\n").joined(separator: " ")
        let parts = flat.components(separatedBy: ": ")
        guard parts.count >= 2, let last = parts.last, !last.trimmingCharacters(in: .whitespaces).isEmpty else { return [] }
        return [last]
    }

}
