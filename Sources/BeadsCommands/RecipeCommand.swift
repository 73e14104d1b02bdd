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
        if recipes.isEmpty { out.write("No recipes. Write one as ```bash {recipe=NAME when=host} in a doc.\n"); return }
        for r in recipes {
            out.write("\(r.name)  (\(FixReport.place(r.when)))  \(r.docPath):\(r.line)  \(r.summary)\n")
        }
    }
}

/// Finds one recipe by name, with a clear error when there is none or more than one.
func lookUpRecipe(_ name: String, in base: KnowledgeBase) throws -> RecipeRecord {
    let found = try base.store.recipes(named: name)
    guard let first = found.first else {
        let known = (try? base.store.allRecipes().map(\.name)) ?? []
        throw CommandFailure("no recipe is named \(name)" + (known.isEmpty ? "" : "; there are: " + known.joined(separator: ", ")))
    }
    if found.count > 1 {
        throw CommandFailure("\(found.count) docs define a recipe named \(name): " + found.map { "\($0.docPath):\($0.line)" }.joined(separator: ", ") + "; rename one")
    }
    return first
}

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
        out.write("Applies: \(FixReport.place(recipe.when))\(recipe.requires.isEmpty ? "" : " · needs " + recipe.requires.joined(separator: ", "))\n")
        out.write("Beads:   \(recipe.beadIDs.sorted().joined(separator: ", "))\n")
        let approved = (try? base.store.approvedHash(recipe: recipe.name, docPath: recipe.docPath)) ?? nil
        out.write("Approved: \(approved == nil ? "never" : approved == recipe.bodyHash ? "yes, this text" : "an earlier text; it will ask again")\n\n")
        out.write(recipe.body)
    }
}

struct RecipeRunCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "run",
        abstract: "Run a recipe: shows the script, asks (or needs --yes), runs it, records the run.",
        discussion: HelpText.prose("""
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
        if status != 0 { throw CommandFailure("", exitCode: status) }
    }
}

struct RunsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "runs", abstract: "Show recorded recipe runs, or one run with its output.")

    @OptionGroup var kb: KnowledgeBaseOptions
    @Argument(help: "A run's number, to see its output.")
    var id: Int64?
    @Option(help: "Only runs for this bead.")
    var bead: String?
    @Flag(help: "Print JSON.")
    var json = false

    func run() throws {
        let base = try kb.open()
        let out = Terminal.standardOutput
        let runs: [RecipeRunRecord]
        if let id {
            guard let one = try base.store.run(id: id) else {
                throw CommandFailure("no run #\(id); `beads runs` lists them")
            }
            runs = [one]
        } else {
            runs = try base.store.runs(beadID: bead)
        }
        if json {
            out.write(JSONValue.array(runs.map { r in
                .object([("id", JSONValue(Int(r.id ?? 0))), ("recipe", .string(r.recipe)), ("doc", .string(r.docPath)),
                         ("bead", JSONValue(r.beadID)), ("actor", .string(r.actor)), ("started_at", .string(r.startedAt)),
                         ("ended_at", .string(r.endedAt)), ("exit_code", JSONValue(r.exitCode)),
                         ("duration_ms", JSONValue(r.durationMilliseconds)), ("outcome", .string(r.outcome)),
                         ("output", .string(r.output))])
            }).prettyEncoded() + "\n")
            return
        }
        if runs.isEmpty { out.write("No recipe runs recorded.\n"); return }
        for r in runs {
            out.write("#\(r.id ?? 0)  \(r.startedAt)  \(r.recipe)  \(r.beadID ?? "-")  \(r.outcome) (exit \(r.exitCode), \(r.durationMilliseconds) ms)  by \(r.actor)\n")
        }
        if id != nil, let r = runs.first {
            out.write("\n" + r.output + (r.output.hasSuffix("\n") || r.output.isEmpty ? "" : "\n"))
        }
    }
}
