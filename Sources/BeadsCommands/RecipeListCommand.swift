import ArgumentParser
import BeadsKnowledge
import BeadsStore
import Foundation

struct RecipeListCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "list", abstract: "List every recipe in the docs.")

    @OptionGroup var kb: KnowledgeBaseOptions
    @Flag(help: "Print JSON.")
    var json = false

    func run() throws {
        let base = try kb.open()
        let recipes = try base.store.allRecipes()
        let out = Terminal.standardOutput
        if json {
            out.write(JSONValue.array(recipes.map { .object(RecipeJSON.fields($0)) }).prettyEncoded() + "\n")
            return
        }
        if recipes.isEmpty {
            out.write("No recipes. Write one as ```bash {recipe=NAME when=host} in a doc.\n")
            return
        }
        for r in recipes {
            out.write("\(r.name)  (\(FixReport.place(r.when)))  \(r.docPath):\(r.line)  \(r.summary)\n")
        }
    }
}
