import ArgumentParser
import BeadsStore
import Foundation

struct MergeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "merge",
        abstract: "Git merge driver for beads/issues.jsonl: three-way, bead by bead, field by field.",
        discussion: HelpText.prose(
            """
            Git calls it as `beads merge %O %A %B` (registered by `beads init`). The result is
            written over OURS. Fields both sides changed are settled: labels, comments and
            dependencies are unioned, anything else goes to the later updated_at. It exits
            non-zero only when a file cannot be read as JSONL, leaving git to report a conflict.
            """))

    @Argument(help: "The common ancestor (%O).") var base: String
    @Argument(help: "Our version (%A); the result replaces it.") var ours: String
    @Argument(help: "Their version (%B).") var theirs: String

    func run() throws {
        func read(_ path: String) throws -> String {
            guard let data = FileManager.default.contents(atPath: CommandContext.current.absolute(path)) else {
                // git passes an empty file for a missing ancestor; a missing file is a real error.
                throw CommandFailure("cannot read \(path)")
            }
            return String(decoding: data, as: UTF8.self)
        }
        let (b, o, t) = (try read(base), try read(ours), try read(theirs))
        let result = try JSONLMerge.merge(base: b, ours: o, theirs: t)
        try JSONLFile.writeAtomically(result.text, to: CommandContext.current.absolute(ours))
        if !result.settled.isEmpty {
            Terminal.standardError.write(
                "beads merge: settled \(result.settled.count) field(s) both sides changed: \(result.settled.joined(separator: ", "))\n")
        }
    }
}
