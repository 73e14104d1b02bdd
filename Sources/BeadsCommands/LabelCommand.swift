import ArgumentParser
import BeadsKnowledge
import BeadsStore

struct LabelCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "label",
        abstract: "Add, remove and list labels.",
        subcommands: [LabelAddCommand.self, LabelRemoveCommand.self, LabelListCommand.self])
}

/// One label change in one transaction, then the labels the bead has now.
private func editLabels(of id: String, in base: KnowledgeBase, _ change: (inout [String]) -> Void) throws {
    let now = Timestamp.now()
    let bead = try base.store.update(id) { bead in
            change(&bead.labels)
        }
    Terminal.standardOutput.write("\(id) labels: \(bead.labels.isEmpty ? "none" : bead.labels.joined(separator: ", "))\n")
}

struct LabelAddCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "add", abstract: "Add labels to a bead.")
    @OptionGroup var kb: KnowledgeBaseOptions
    @Argument(help: "The bead.") var id: String
    @Argument(help: "Labels to add.") var labels: [String]

    func validate() throws {
        if labels.isEmpty { throw ValidationError("name at least one label") }
    }

    func run() throws {
        try editLabels(of: id, in: try kb.open()) { current in
            for label in labels where !current.contains(label) { current.append(label) }
        }
    }
}

struct LabelRemoveCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "remove", abstract: "Remove labels from a bead.")
    @OptionGroup var kb: KnowledgeBaseOptions
    @Argument(help: "The bead.") var id: String
    @Argument(help: "Labels to remove.") var labels: [String]

    func validate() throws {
        if labels.isEmpty { throw ValidationError("name at least one label") }
    }

    func run() throws {
        try editLabels(of: id, in: try kb.open()) { current in current.removeAll { labels.contains($0) } }
    }
}

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
            out.write(json ? JSONValue(bead.labels).prettyEncoded() + "\n" : bead.labels.joined(separator: "\n") + (bead.labels.isEmpty ? "" : "\n"))
            return
        }
        let counts = try base.store.labelCounts()
        if json {
            out.write(JSONValue.array(counts.map { .object([("label", .string($0.0)), ("count", JSONValue($0.1))]) }).prettyEncoded() + "\n")
            return
        }
        for (label, count) in counts { out.write("\(label)  \(count)\n") }
    }
}
