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

    /// The paste as text. Invalid UTF-8 and NUL bytes are read lossily, never fatally.
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
        // Secrets go before anything else sees the paste: it is printed, matched, and
        // (`create --from-error`, `fix --confirm`) stored in the JSONL git shares.
        return Self.masked(paste)
    }

    /// A pasted text from `file`, else from piped standard input; nil when neither
    /// exists (standard input is a terminal), so nothing waits for typing.
    static func read(file: String?) throws -> String? {
        let data: Data
        if let file {
            guard let contents = FileManager.default.contents(atPath: file) else {
                throw CommandFailure.usage("cannot read \(file): no such file, or not readable")
            }
            data = contents
        } else if !Terminal.standardInputIsTerminal {
            data = FileHandle.standardInput.readDataToEndOfFile()
        } else {
            return nil
        }
        return masked(String(decoding: data, as: UTF8.self))
    }

    /// A paste with the environment's secret values and token shapes masked.
    static func masked(_ paste: String) -> String {
        SecretMasker(environment: ProcessInfo.processInfo.environment).mask(paste)
    }

    static let emptyMessage = """
        nothing to match. Paste the error as TEXT, pass --file PATH, or pipe it in:
          beads fix 'ERROR: mount source: "overlay", … err: invalid argument'
          beads fix --file build.log
          docker build . 2>&1 | beads fix
        """
}
