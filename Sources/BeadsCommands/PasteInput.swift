import ArgumentParser
import BeadsRemedy
import Foundation

/// Where a pasted error comes from: TEXT arguments, `--file PATH`, or standard input.
struct PasteInput: ParsableArguments {
    @Argument(help: ArgumentHelp("The error text. Quote it; or use --file, or pipe it in.", valueName: "TEXT"))
    var text: [String] = []

    @Option(name: .customLong("file"), help: ArgumentHelp("Read the error from a file (a saved build log).", valueName: "PATH"))
    var file: String?

    func validate() throws {
        if !text.isEmpty, file != nil {
            throw ValidationError("give the error as TEXT or with --file, not both")
        }
    }

    /// The paste as text, as given: the use case it goes to masks its secrets (once; on a
    /// 5 MB log masking is more than half of a diagnosis). Invalid UTF-8 and NUL bytes
    /// are read lossily, never fatally.
    func read() throws -> String {
        let paste: String
        if !text.isEmpty {
            paste = text.joined(separator: " ")
        } else {
            guard let read = try Self.read(file: file) else { throw CommandFailure.usage(Self.emptyMessage) }
            paste = read
        }
        if paste.allSatisfy({ $0.isWhitespace || $0 == "\0" }) {
            throw CommandFailure.usage(Self.emptyMessage)
        }
        return paste
    }

    /// A pasted text from `file`, else from piped standard input; nil when neither
    /// exists (standard input is a terminal), so nothing waits for typing.
    static func read(file: String?) throws -> String? {
        let data: Data
        if let file {
            let path = CommandContext.current.absolute(file)
            var info = stat()
            guard stat(path, &info) == 0 else {
                throw CommandFailure.usage("cannot read \(file): \(errno == ENOENT ? "no such file" : String(cString: strerror(errno)))")
            }
            guard info.st_mode & S_IFMT != S_IFDIR else {
                throw CommandFailure.usage("\(file) is a folder: give the build log file itself (--file FOLDER/build.log)")
            }
            guard let handle = FileHandle(forReadingAtPath: path) else {
                throw CommandFailure.usage("cannot read \(file): \(String(cString: strerror(EACCES)))")
            }
            defer { try? handle.close() }
            // A regular file's end is where builds report: read that much of it.
            if info.st_mode & S_IFMT == S_IFREG, Int(info.st_size) > maxPasteBytes {
                try? handle.seek(toOffset: UInt64(Int(info.st_size) - maxPasteBytes))
                Terminal.standardError.write(
                    "beads: \(file) is \(info.st_size / (1 << 20)) MiB; reading its last \(maxPasteBytes >> 20) MiB, where builds report\n")
            }
            data = readBounded(handle, name: file)
        } else if !Terminal.standardInputIsTerminal {
            data = readBounded(FileHandle.standardInput, name: "standard input")
        } else {
            return nil
        }
        return String(decoding: data, as: UTF8.self)
    }

    /// Standard input, when something is given on it: a file redirected in, or a pipe
    /// that brings data (or ends) within `wait`. An inherited pipe nobody writes to (an
    /// agent's shell) is not waited on for ever: nil, as for a terminal.
    static func readStandardInputIfGiven(wait milliseconds: Int32 = 1000) -> String? {
        guard !Terminal.standardInputIsTerminal else { return nil }
        var info = stat()
        if fstat(STDIN_FILENO, &info) == 0, info.st_mode & S_IFMT != S_IFREG {
            var poller = pollfd(fd: STDIN_FILENO, events: Int16(POLLIN), revents: 0)
            guard poll(&poller, 1, milliseconds) > 0 else { return nil }
        }
        let text = String(decoding: readBounded(FileHandle.standardInput, name: "standard input"), as: UTF8.self)
        return text.allSatisfy(\.isWhitespace) ? nil : text
    }

    /// The most of a paste that is read: a build log's error is in its last few MiB.
    static let maxPasteBytes = 16 << 20

    /// Up to `maxPasteBytes` from a stream, which may never end (`yes | beads fix`).
    static func readBounded(_ handle: FileHandle, name: String) -> Data {
        var data = Data()
        while data.count < maxPasteBytes {
            guard let chunk = try? handle.read(upToCount: min(1 << 20, maxPasteBytes - data.count)), !chunk.isEmpty else { return data }
            data.append(chunk)
        }
        if let more = try? handle.read(upToCount: 1), !more.isEmpty {
            Terminal.standardError.write(
                "beads: \(name) goes on past \(maxPasteBytes >> 20) MiB; matched the first \(maxPasteBytes >> 20) MiB only (pass the end of a log: tail -c 4M build.log | beads fix)\n"
            )
        }
        return data
    }

    /// A paste with the environment's secret values and token shapes masked.
    static func masked(_ paste: String) -> String {
        SecretMasker(environment: CommandContext.current.environment).mask(paste)
    }

    static let emptyMessage = """
        nothing to match. Paste the error as TEXT, pass --file PATH, or pipe it in:
          beads fix 'ERROR: mount source: "overlay", … err: invalid argument'
          beads fix --file build.log
          docker build . 2>&1 | beads fix
        """
}
