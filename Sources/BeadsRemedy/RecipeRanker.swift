import Foundation
import BeadsStore

/// A recipe judged against the environment.
public struct RankedRecipe: Sendable {
    public var recipe: RecipeRecord
    public var applies: Bool
    public var missing: [String]
    public var recommended: Bool
    public var reason: String
    /// Whether the recipe runner can run it (a shell or Python block).
    public var runnable: Bool
}

/// Orders a bead's fixes for the place beads runs in: those that apply here and have
/// what they need first, the most specific to this place before the ones that work
/// anywhere, then those missing a command, then those meant for elsewhere.
public enum RecipeRanker {
    public static func rank(_ recipes: [RecipeRecord], in env: EnvironmentReport) -> [RankedRecipe] {
        let here = env.nestedOverlay ? "devpod" : "host"
        var judged: [(tier: Int, order: Int, item: RankedRecipe)] = []
        for (order, recipe) in recipes.enumerated() {
            let when = recipe.when.lowercased()
            let applies = ["any", "anywhere", "always", ""].contains(when) || when == here
                || (when == "kubernetes" && env.kubernetes) || (when == "container" && env.container)
            let missing = recipe.requires.filter { requirement in
                switch requirement {
                case "github-token", "GITHUB_TOKEN": return !env.githubToken
                case "beads": return false
                default:
                    // Commands the probe did not look for are looked up on this process's PATH.
                    if let present = env.commands[requirement] { return !present }
                    return CommandLocator(environment: ProcessInfo.processInfo.environment).find(requirement) == nil
                }
            }
            var reason: String
            if !applies {
                reason = when == "host"
                    ? "needs a host: here a local build would nest overlayfs"
                    : "for \(when); this is a \(here)"
            } else if !missing.isEmpty {
                reason = "applies here, but needs " + missing.joined(separator: ", ")
            } else if when == here {
                reason = here == "devpod" ? "made for a devpod, where a local docker build cannot work" : "this is a host: a local build works"
            } else {
                reason = "works anywhere"
            }
            let tier = !applies ? 3 : !missing.isEmpty ? 2 : (when == here ? 0 : 1)
            judged.append((tier, order, RankedRecipe(recipe: recipe, applies: applies, missing: missing, recommended: false,
                                                      reason: reason, runnable: RecipeRunner.interpreters[recipe.language.lowercased()] != nil)))
        }
        var ranked = judged.sorted { $0.tier != $1.tier ? $0.tier < $1.tier : $0.order < $1.order }.map(\.item)
        if let first = ranked.first, first.applies, first.missing.isEmpty {
            ranked[0].recommended = true
            ranked[0].reason = "recommended: " + ranked[0].reason
        }
        return ranked
    }
}

