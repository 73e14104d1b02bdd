import ArgumentParser
import BeadsKnowledge
import BeadsStore
import Foundation

struct RecipeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "recipe",
        abstract: "List, show and run the fixes written as recipe blocks in the docs.",
        subcommands: [RecipeListCommand.self, RecipeShowCommand.self, RecipeRunCommand.self])
}

/// Finds one recipe by name, with a clear error when there is none or more than one.
func lookUpRecipe(_ name: String, in base: KnowledgeBase) throws -> RecipeRecord {
    let found = try base.store.recipes(named: name)
    guard let first = found.first else {
        let known = (try? base.store.allRecipes().map(\.name)) ?? []
        throw CommandFailure("no recipe is named \(name)" + (known.isEmpty ? "" : "; there are: " + known.joined(separator: ", ")))
    }
    if found.count > 1 {
        throw CommandFailure(
            "\(found.count) docs define a recipe named \(name): " + found.map { "\($0.docPath):\($0.line)" }.joined(separator: ", ")
                + "; rename one")
    }
    return first
}
