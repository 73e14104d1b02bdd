import ArgumentParser
import BeadsCore
import BeadsKnowledge
import BeadsStore
import Foundation

struct TriageCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "triage",
        abstract: "Diagnose many failed builds' logs and group the ones no known error explains.",
        usage: """
            beads triage ci-logs/
            beads triage build-*.log --json
            cat logs/*.txt | beads triage - --separator '=== next log ==='
            """,
        discussion: HelpText.prose(
            """
            Each log is read from its end (the last --tail bytes: builds report there), its lines
            that read like errors are diagnosed as `beads fix` would, and the logs that match no
            known error are grouped by the template of their root error line (a stack trace's
            exception, not its header or frames): its variable parts masked, and similar
            templates merged, the words that differ shown as <*>. The biggest
            families come first, each with one example and the command that records it as a
            bead, so the next paste is recognised. Triage records no hits: the logs are history.
            --json prints the unknown families, each with its count and the logs in it; the
            summary goes to stderr.
            """))

    @OptionGroup var kb: KnowledgeBaseOptions
    @Argument(help: ArgumentHelp("Log files, folders of them (read recursively), or - for logs on standard input.", valueName: "PATH"))
    var paths: [String] = []
    // A separator may itself start with a dash (the default does): the value is taken as given.
    @Option(parsing: .unconditional, help: ArgumentHelp("With -: the line that separates one log from the next.", valueName: "LINE"))
    var separator = "-- >8 --"
    @Option(help: ArgumentHelp("Read at most this many bytes from the end of each log.", valueName: "BYTES"))
    var tail = 1 << 20
    @Option(help: "How alike two templates must be, position by position, to be one family (0.5-1).")
    var similarity = 0.7
    @Option(help: "At most this many families (0: all).")
    var limit = 20
    @Flag(help: "Print the unknown families as JSON.")
    var json = false

    func validate() throws {
        if paths.isEmpty { throw ValidationError("name the logs: beads triage ci-logs/ (or - to read them from standard input)") }
        if tail < 1024 { throw ValidationError("--tail must be at least 1024 bytes") }
        if !(0.5...1).contains(similarity) { throw ValidationError("--similarity must be between 0.5 and 1") }
        if limit < 0 { throw ValidationError("--limit must be 0 (all) or more") }
        if separator.isEmpty || separator.contains("\n") { throw ValidationError("--separator must be one non-empty line") }
    }

    func run() throws {
        let base = try kb.open()
        let started = Date()
        let sources = try LogSource.collect(paths, separator: separator, tail: tail)
        guard !sources.isEmpty else { throw CommandFailure("no logs in \(paths.joined(separator: ", ")): nothing to triage") }
        let progress = TriageProgress(total: sources.count)
        let outcome = try Triage(base: base, environment: CommandContext.current.environment)(
            sources.map { source in Triage.Log(name: source.name, read: { try source.read() }) }, similarity: similarity,
            step: { progress.step() })
        progress.finish()
        let (known, unknown, silent) = (outcome.known, outcome.unknown, outcome.silent)
        var families = outcome.families
        let total = families.count
        if limit > 0 { families = Array(families.prefix(limit)) }

        let seconds = Date().timeIntervalSince(started)
        let bytes = sources.reduce(0) { $0 + $1.size }
        let knownText = known.sorted { $0.value != $1.value ? $0.value > $1.value : $0.key < $1.key }.prefix(5)
            .map { "\($0.key) \($0.value)" }.joined(separator: ", ")
        Terminal.standardError.write(
            "triage: \(sources.count) logs (\(Self.size(bytes))) in \(String(format: "%.1f", seconds)) s: "
                + "\(known.values.reduce(0, +)) known\(knownText.isEmpty ? "" : " (\(knownText)\(known.count > 5 ? ", …" : ""))"), "
                + "\(unknown.count) unknown in \(total) famil\(total == 1 ? "y" : "ies"), \(silent) with no error line\n")

        let out = Terminal.standardOutput
        if json {
            out.write(
                JSONValue.array(
                    families.map { f in
                        .object([
                            ("count", JSONValue(f.count)), ("template", .string(f.template)), ("example", .string(f.example)),
                            ("example_line", .string(f.exampleLine)), ("signature", .string(f.signature.text)),
                            ("logs", JSONValue(f.logs)), ("create", .string(create(f))),
                        ])
                    }
                ).prettyEncoded() + "\n")
            return
        }
        if families.isEmpty {
            out.write(unknown.isEmpty ? "Every failure here is a known error, or has no error line.\n" : "")
            return
        }
        for (k, f) in families.enumerated() {
            if k > 0 { out.write("\n") }
            out.write(Style.bold("\(f.count) log\(f.count == 1 ? "" : "s")") + "  \(f.template)\n")
            out.write("  e.g. \(f.example): \(FixReport.clip(f.exampleLine.trimmingCharacters(in: .whitespaces), 160))\n")
            out.write("  record it: \(create(f))\n")
        }
        out.write(
            "\nThen `beads doc new ID` writes its solution doc. \(total > families.count ? "\(total - families.count) smaller families not shown (--limit 0 shows all)." : "")\n"
        )
    }

    /// The command that turns a family into a bead whose signature recognises it.
    func create(_ family: LogTriage.Family) -> String {
        Self.create(family, options: kb.repeated)
    }

    /// The same, for logs that were no file (pasted, or from stdin) given the error's text.
    static func create(_ family: LogTriage.Family, options: String = "") -> String {
        if family.example.hasPrefix("-#") {
            return "beads create --from-error \(ShellWords.quote(family.signature.text)) -t bug\(options)"
        }
        return "beads create --from-error --error-file \(ShellWords.quote(family.example)) -t bug\(options)"
    }

    static func size(_ bytes: Int) -> String {
        bytes >= 1 << 30
            ? String(format: "%.1f GB", Double(bytes) / Double(1 << 30))
            : bytes >= 1 << 20 ? String(format: "%.1f MB", Double(bytes) / Double(1 << 20)) : "\(bytes / 1024) KB"
    }
}

/// One log to triage: a file (read from its end when read), or a piece of standard input.
struct LogSource: Sendable {
    var name: String
    var size: Int
    var path: String?
    var text: Data?
    var tail: Int

    func read() throws -> Data {
        if let text { return text.count > tail ? text.suffix(tail) : text }
        guard let path, let handle = FileHandle(forReadingAtPath: path) else {
            throw CommandFailure("\(name): cannot be read")
        }
        defer { try? handle.close() }
        if size > tail { try handle.seek(toOffset: UInt64(size - tail)) }
        return try handle.readToEnd() ?? Data()
    }

    static func collect(_ paths: [String], separator: String, tail: Int) throws -> [LogSource] {
        var sources: [LogSource] = []
        let fm = FileManager.default
        for path in paths {
            if path == "-" {
                sources += try standardInput(separator: separator, tail: tail)
                continue
            }
            let full = CommandContext.current.absolute(path)
            var isFolder: ObjCBool = false
            guard fm.fileExists(atPath: full, isDirectory: &isFolder) else {
                throw CommandFailure.usage("\(path): no such file or folder")
            }
            let files: [String]
            if isFolder.boolValue {
                let walker = fm.enumerator(atPath: full)
                var found: [String] = []
                while let relative = walker?.nextObject() as? String {
                    if (relative as NSString).lastPathComponent.hasPrefix(".") {
                        walker?.skipDescendants()
                        continue
                    }
                    let type = walker?.fileAttributes?[.type] as? FileAttributeType
                    var target: ObjCBool = false
                    // A link to a log is a log; a link to a folder is not followed (no loops).
                    if type == .typeRegular
                        || (type == .typeSymbolicLink
                            && fm.fileExists(atPath: (full as NSString).appendingPathComponent(relative), isDirectory: &target)
                            && !target.boolValue)
                    {
                        found.append(relative)
                    }
                }
                files = found.sorted().map { (path as NSString).appendingPathComponent($0) }
            } else {
                files = [path]
            }
            for file in files {
                // stat follows a link to the log itself.
                var info = stat()
                let size = stat(CommandContext.current.absolute(file), &info) == 0 ? Int(info.st_size) : 0
                sources.append(LogSource(name: file, size: size, path: CommandContext.current.absolute(file), tail: tail))
            }
        }
        return sources
    }

    /// Logs one after another on standard input, a separator line between them.
    static func standardInput(separator: String, tail: Int) throws -> [LogSource] {
        split(FileHandle.standardInput.readDataToEndOfFile(), separator: separator, tail: tail)
    }

    /// Logs one after another in `data`, cut at lines that are the separator alone
    /// (a CR before the newline allowed); blank pieces are dropped.
    static func split(_ data: Data, separator: String, tail: Int) -> [LogSource] {
        let marker = Array(separator.utf8)
        var sources: [LogSource] = []
        var start = 0
        var lineStart = 0
        func cut(_ end: Int, next: Int) {
            let piece = data[start..<end]
            if !piece.allSatisfy({ $0 == 0x0A || $0 == 0x20 || $0 == 0x0D }) {
                sources.append(LogSource(name: "-#\(sources.count + 1)", size: piece.count, text: Data(piece), tail: tail))
            }
            start = next
        }
        data.withUnsafeBytes { raw in
            let bytes = raw.bindMemory(to: UInt8.self)
            while lineStart < bytes.count {
                var end = lineStart
                while end < bytes.count, bytes[end] != 0x0A { end += 1 }
                var line = lineStart..<end
                if line.count > 0, bytes[line.upperBound - 1] == 0x0D { line = line.lowerBound..<(line.upperBound - 1) }
                if line.count == marker.count, zip(bytes[line], marker).allSatisfy({ $0 == $1 }) { cut(lineStart, next: end + 1) }
                lineStart = end + 1
            }
        }
        cut(data.count, next: data.count)
        return sources
    }
}

/// "triage: 340/1000 logs" on stderr, redrawn at most five times a second, and only on
/// a terminal.
final class TriageProgress: Sendable {
    let total: Int
    let state = Locked((done: 0, drawn: Date.distantPast))
    let sink = CommandContext.current.standardError

    init(total: Int) { self.total = total }

    func step() {
        guard sink.isTerminal else { return }
        let line: String? = state.withLock { s in
            s.done += 1
            let now = Date()
            guard now.timeIntervalSince(s.drawn) >= 0.2 else { return nil }
            s.drawn = now
            return "\rtriage: \(s.done)/\(total) logs"
        }
        if let line { sink.write(Data(line.utf8)) }
    }

    func finish() {
        if sink.isTerminal { sink.write(Data("\r\u{1B}[K".utf8)) }
    }
}
