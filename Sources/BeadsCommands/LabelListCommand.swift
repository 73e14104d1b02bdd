import ArgumentParser
import BeadsKnowledge
import BeadsStore

struct LabelListCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "list", abstract: "A bead's labels, or every label with its count.")
    @OptionGroup var kb: KnowledgeBaseOptions
    @Argument(help: "The bead (default: all labels).") var id: String?
    @Flag(help: "Print JSON.") var json = false

    func run() throws {
        let base = try kb.open()
        let out = Terminal.standardOutput
        if let id {
            let bead = try requireBead(id, in: base)
            out.write(
                json
                    ? JSONValue(bead.labels).prettyEncoded() + "\n"
                    : bead.labels.joined(separator: "\n") + (bead.labels.isEmpty ? "" : "\n"))
            return
        }
        let counts = try base.store.labelCounts()
        if json {
            out.write(
                JSONValue.array(counts.map { .object([("label", .string($0.0)), ("count", JSONValue($0.1))]) }).prettyEncoded() + "\n")
            return
        }
        for (label, count) in counts { out.write("\(label)  \(count)\n") }
    }
}
