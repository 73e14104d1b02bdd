import BeadsStore
import Foundation

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
            let applies =
                ["any", "anywhere", "always", ""].contains(when) || when == here
                || (when == "kubernetes" && env.kubernetes) || (when == "container" && env.container)
            let missing = recipe.requires.compactMap { missingPiece(for: $0, in: env) }
            var reason: String
            if !applies {
                reason =
                    when == "host"
                    ? "needs a host: here a local build would nest overlayfs"
                    : "for \(when); this is a \(here)"
            } else if !missing.isEmpty {
                reason = "applies here, but needs " + missing.joined(separator: ", ")
            } else if when == here {
                reason =
                    here == "devpod"
                    ? "made for a devpod, where a local docker build cannot work"
                    : env.dockerDaemon == true ? "this is a host and a docker daemon answers: a local build works" : "made for a host"
            } else {
                reason = "works anywhere"
            }
            let tier = !applies ? 3 : !missing.isEmpty ? 2 : (when == here ? 0 : 1)
            let interpreter = RecipeRunner.interpreters[recipe.language.lowercased()] != nil
            judged.append(
                (
                    tier, order,
                    RankedRecipe(
                        recipe: recipe, applies: applies, missing: missing, recommended: false,
                        reason: reason, runnable: interpreter && applies && missing.isEmpty)
                ))
        }
        var ranked = judged.sorted { $0.tier != $1.tier ? $0.tier < $1.tier : $0.order < $1.order }.map(\.item)
        if let first = ranked.first, first.runnable {
            ranked[0].recommended = true
            ranked[0].reason = "recommended: " + ranked[0].reason
        }
        return ranked
    }

    /// What a requirement lacks here, said as what to set up; nil when it is met. Only
    /// what the probe checked cheaply: a command on PATH, a daemon that answers, a
    /// kubectl context, a token.
    static func missingPiece(for requirement: String, in env: EnvironmentReport) -> String? {
        switch requirement {
        case "github-token", "GITHUB_TOKEN", "GH_TOKEN":
            return env.githubToken ? nil : "a GitHub token (GITHUB_TOKEN or GH_TOKEN)"
        case "beads":
            return nil
        default:
            // Commands the probe did not look for are looked up on this process's PATH.
            let present =
                env.commands[requirement]
                ?? (CommandLocator(environment: ProcessInfo.processInfo.environment).find(requirement) != nil)
            guard present else { return requirement }
            if requirement == "docker" || requirement == "podman", env.dockerDaemon == false {
                return "a docker daemon that answers (none at \(env.dockerEndpoint ?? "its socket"))"
            }
            if requirement == "kubectl", env.kubectlContext == nil {
                return "a kubectl context (none in KUBECONFIG or ~/.kube/config; `kubectl config use-context NAME`)"
            }
            return nil
        }
    }

    /// When no fix can run here: what would make one of them run, one line each.
    public static func setUpAdvice(_ ranked: [RankedRecipe]) -> [String] {
        guard !ranked.isEmpty, !ranked.contains(where: \.recommended) else { return [] }
        return ranked.filter(\.applies).map {
            "\($0.recipe.name): needs \($0.missing.isEmpty ? "a shell this runner knows" : $0.missing.joined(separator: " and "))"
        }
    }
}
