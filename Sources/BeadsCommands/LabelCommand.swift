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
func editLabels(of id: String, in base: KnowledgeBase, _ change: (inout [String]) -> Void) throws {
    // The store stamps updated_at when the labels change.
    let bead = try base.store.update(id) { bead in change(&bead.labels) }
    Terminal.standardOutput.write("\(id) labels: \(bead.labels.isEmpty ? "none" : bead.labels.joined(separator: ", "))\n")
}
