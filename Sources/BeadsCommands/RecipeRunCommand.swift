import ArgumentParser
import BeadsKnowledge
import BeadsStore
import Foundation

struct RecipeRunCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "run",
        abstract: "Run a recipe: shows the script, asks (or needs --yes), runs it, records the run.",
        discussion: HelpText.prose(
            """
            A recipe approved once runs without asking again until its text changes. Without a
            terminal to ask on, --yes is needed. Ctrl-C or --timeout ends the recipe and every
            process it started.
            """))

    @OptionGroup var kb: KnowledgeBaseOptions
    @Argument(help: "The recipe's name.")
    var name: String
    @Option(help: "Record the run against this bead.")
    var bead: String?
    @Flag(help: "Print the script and stop.")
    var dryRun = false
    @Flag(name: [.customShort("y"), .long], help: "Run without asking.")
    var yes = false
    @Option(help: "End the recipe after this many seconds.")
    var timeout: Int?

    func validate() throws {
        if let timeout, timeout <= 0 { throw ValidationError("--timeout must be a positive number of seconds") }
    }

    func run() async throws {
        let base = try kb.open()
        let recipe = try lookUpRecipe(name, in: base)
        let status = try await RecipeExecution(
            base: base, recipe: recipe, beadID: bead ?? recipe.beadIDs.sorted().first, paste: nil, assumeYes: yes, dryRun: dryRun,
            timeout: timeout.map { .seconds($0) }
        ).perform()
        if status != 0 { throw ExitCode(status) }
    }
}
