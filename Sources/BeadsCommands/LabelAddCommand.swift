import ArgumentParser
import BeadsKnowledge
import BeadsStore

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
