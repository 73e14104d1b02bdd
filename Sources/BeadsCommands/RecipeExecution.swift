import BeadsKnowledge
import BeadsRemedy
import BeadsStore
import Foundation

/// The shared path of `recipe run` and `fix --run`: show exactly what will run, get
/// consent, run, report, record.
struct RecipeExecution {
    var base: KnowledgeBase
    var recipe: RecipeRecord
    var beadID: String?
    var paste: String?
    var assumeYes: Bool
    var dryRun: Bool
    var timeout: Duration?

    /// The folder holding the running beads executable.
    static var ownDirectory: String? {
        if let link = try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe") {
            return (link as NSString).deletingLastPathComponent
        }
        return Bundle.main.executablePath.map { ($0 as NSString).deletingLastPathComponent }
    }

    /// The recipe to run for a match: the one named (the bead's own of that name, else
    /// any), or the one ranked first for this environment.
    static func choose(for match: KnownErrorMatch, named name: String?, env: EnvironmentReport, base: KnowledgeBase) throws -> RecipeRecord
    {
        let ranked = RecipeRanker.rank(match.recipes, in: env)
        if let name {
            // Naming one is a choice: it runs even where it is not recommended.
            return try ranked.first(where: { $0.recipe.name == name })?.recipe ?? lookUpRecipe(name, in: base)
        }
        guard let recommended = ranked.first(where: \.recommended) else {
            let why = ranked.map { "\($0.recipe.name): \($0.reason)" }.joined(separator: "; ")
            throw CommandFailure(
                "no fix of \(match.beadID) can run here (\(why.isEmpty ? "it has no recipes" : why)); pick one with --recipe NAME")
        }
        return recommended.recipe
    }

    /// Runs (or shows) the recipe and returns the exit status for the command.
    func perform() async throws -> Int32 {
        let out = Terminal.standardOutput
        let runner = RecipeRunner(store: base.store)
        let where_ = FixReport.place(recipe.when) + (recipe.requires.isEmpty ? "" : "; needs " + recipe.requires.joined(separator: ", "))
        out.write("Recipe \(recipe.name)\(beadID.map { " for \($0)" } ?? "")  (\(where_))  \(recipe.docPath):\(recipe.line)\n")
        out.write("It runs this \(recipe.language) script, in \(base.location.root):\n")
        for line in recipe.body.split(separator: "\n", omittingEmptySubsequences: false).dropLast(recipe.body.hasSuffix("\n") ? 1 : 0) {
            out.write("  │ \(line)\n")
        }
        if paste != nil {
            out.write("The pasted error reaches it only as data: $BEADS_ERROR and the file $BEADS_ERROR_FILE.\n")
        }
        if dryRun {
            out.write("Dry run: nothing was run.\n")
            return 0
        }
        let approved = try runner.isApproved(recipe)
        if !approved {
            let changed = try base.store.approvedHash(recipe: recipe.name, docPath: recipe.docPath) != nil
            if assumeYes {
                // --yes is the approval.
            } else if Terminal.standardInputIsTerminal && Terminal.standardOutputIsTerminal {
                out.write(changed ? "This recipe changed since it was last approved. Run it? [y/N] " : "Run it? [y/N] ")
                let answer = readLine()?.trimmingCharacters(in: .whitespaces).lowercased() ?? ""
                guard answer == "y" || answer == "yes" else {
                    out.write("Not run.\n")
                    return 1
                }
            } else {
                throw CommandFailure.usage(
                    (changed ? "recipe \(recipe.name) changed since it was approved; " : "recipe \(recipe.name) has not been approved; ")
                        + "there is no terminal to ask on, so nothing was run. Read the script above and pass --yes to run it.")
            }
            try runner.approve(recipe, actor: base.store.actor)
        }
        out.write("─── running \(recipe.name) ───\n")
        let request = RecipeRunRequest(
            recipe: recipe, beadID: beadID, paste: paste, knowledgeBaseRoot: base.location.root, beadsDirectory: Self.ownDirectory,
            environment: CommandContext.current.environment, timeout: timeout, actor: base.store.actor)
        let (record, outcome) = try await runner.run(request) { text in Terminal.rawStandardOutput.write(text) }
        let seconds = String(format: "%.1f", Double(record.durationMilliseconds) / 1000)
        out.write(
            "─── \(recipe.name) \(record.outcome) (exit \(record.exitCode), \(seconds) s); recorded as run #\(record.id ?? 0): beads runs \(record.id ?? 0)\n"
        )
        return outcome.exitCode == 0 ? 0 : outcome.exitCode
    }
}
