import ArgumentParser
import BeadsKnowledge
import BeadsStore
import Foundation

struct DocNewCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "new",
        abstract: "Write a solution-doc scaffold for a bead: its error, root cause, fixes and related beads.",
        discussion: HelpText.prose(
            """
            The error comes from the signatures beads already has for the bead (from
            `create --from-error` or other docs); the related-beads table lists the bead, what
            it depends on and what depends on it, between markers that `beads doc sync` keeps
            current. Fill in the root cause and the fix, then run `beads doc lint` on it.
            """))

    @OptionGroup var kb: KnowledgeBaseOptions
    @Argument(help: "The bead the doc is about.")
    var id: String
    @Option(
        name: [.customShort("o"), .long], help: ArgumentHelp("Where to write it (default: docs/TITLE-IN-WORDS.md).", valueName: "PATH"))
    var output: String?
    @Flag(help: "Print the path written as JSON ({\"path\": …}).")
    var json = false

    func run() throws {
        let base = try kb.open()
        let bead = try requireBead(id, in: base)
        let store = base.store
        var texts =
            bead.extra.first { $0.0 == "error_signatures" }.map { field -> [String] in
                guard case let .array(items) = field.1 else { return [] }
                return items.compactMap { $0["text"]?.stringValue }
            } ?? []
        texts += (try store.signatures(ofBead: id)).map(\.text)
        var seen = Set<String>()
        texts = texts.filter { seen.insert($0).inserted }

        let dependents = (try store.dependents(of: id)).map(\.0)
        let dependencies = bead.dependencies.compactMap { $0["depends_on_id"]?.stringValue }
        var relatedIDs = [id]
        for other in dependencies + dependents where !relatedIDs.contains(other) { relatedIDs.append(other) }
        let related = try relatedIDs.compactMap { other in try store.bead(other) }

        let relative = output ?? "docs/" + SolutionDocScaffold.fileName(for: bead)
        let absolute = DocFiles.absolute(relative, in: base)
        guard !FileManager.default.fileExists(atPath: absolute) else {
            throw CommandFailure("\(relative) already exists: pick another name with --output, or edit it")
        }
        let text = SolutionDocScaffold.make(
            bead: bead, signatures: texts, related: related,
            date: String(Timestamp.now().prefix(10)), docPath: relative)
        do {
            try FileManager.default.createDirectory(
                atPath: (absolute as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
            try text.write(toFile: absolute, atomically: true, encoding: .utf8)
        } catch {
            throw CommandFailure("\(relative): cannot be written (\(error.localizedDescription))")
        }
        if json {
            Terminal.standardOutput.write(
                JSONValue.object([
                    ("path", .string(relative)), ("bead", .string(id)),
                    ("signatures", JSONValue(texts.count)),
                ]).prettyEncoded() + "\n")
            return
        }
        Terminal.standardOutput.write("Wrote \(relative) for \(id).\n")
        Terminal.standardOutput.write(
            texts.isEmpty
                ? "Next: paste the error under ## Error, write the root cause and the fix, then `beads doc lint \(relative)`.\n"
                : "Next: write the root cause and the fix (the recipe fix-\(id) is a placeholder), then `beads doc lint \(relative)`.\n")
    }
}
