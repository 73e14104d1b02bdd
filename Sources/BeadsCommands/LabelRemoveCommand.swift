import ArgumentParser
import BeadsKnowledge
import BeadsStore

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
