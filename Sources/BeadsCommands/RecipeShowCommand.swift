import ArgumentParser
import BeadsKnowledge
import BeadsStore
import Foundation

struct RecipeShowCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "show", abstract: "Show a recipe's script and where it applies.")

    @OptionGroup var kb: KnowledgeBaseOptions
    @Argument(help: "The recipe's name.")
    var name: String

    func run() throws {
        let base = try kb.open()
        let recipe = try lookUpRecipe(name, in: base)
        let out = Terminal.standardOutput
        out.write("\(recipe.name)  \(recipe.docPath):\(recipe.line)\n")
        out.write(
            "Applies: \(FixReport.place(recipe.when))\(recipe.requires.isEmpty ? "" : " · needs " + recipe.requires.joined(separator: ", "))\n"
        )
        out.write("Beads:   \(recipe.beadIDs.sorted().joined(separator: ", "))\n")
        let approved = (try? base.store.approvedHash(recipe: recipe.name, docPath: recipe.docPath)) ?? nil
        out.write(
            "Approved: \(approved == nil ? "never" : approved == recipe.bodyHash ? "yes, this text" : "an earlier text; it will ask again")\n\n"
        )
        out.write(recipe.body)
    }
}
