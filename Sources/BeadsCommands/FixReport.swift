import BeadsCore
import BeadsKnowledge
import BeadsRemedy
import BeadsStore

/// Renders a diagnosis for people and for scripts.
enum FixReport {
    static func json(_ diagnosis: Diagnosis, env: EnvironmentReport) -> JSONValue {
        func match(_ m: KnownErrorMatch) -> JSONValue {
            let ranked = RecipeRanker.rank(m.recipes, in: env)
            return .object([
                ("bead", .string(m.beadID)),
                ("title", JSONValue(m.bead?.title)),
                ("status", JSONValue(m.bead?.status.rawValue)),
                ("priority", m.bead.map { JSONValue($0.priority) } ?? .null),
                ("score", JSONValue(m.score)),
                ("signature", .string(m.signature.text)),
                ("line", JSONValue(m.lineNumber)),
                ("line_text", .string(m.lineText)),
                ("root_cause", JSONValue(m.rootCause)),
                (
                    "fix",
                    m.fixAdvice.map { advice in
                        .object([("text", .string(advice)), ("doc", JSONValue(m.fixRef.map { "\($0.path)#\($0.section)" }))])
                    } ?? .null
                ),
                (
                    "evidence",
                    .object([
                        ("found", JSONValue(m.evidence.foundWords)),
                        ("missing", JSONValue(m.evidence.missingWords)),
                        ("corroborating", JSONValue(m.evidence.corroboratingWords)),
                        ("fallout", .bool(m.evidence.isFallout)),
                        ("sufficient", .bool(m.evidence.suffices)),
                    ])
                ),
                ("why_not", m.evidence.suffices ? .null : .string(MatchWhy.sentence(m))),
                ("docs", .array(m.docs.map { .object([("path", .string($0.path)), ("section", .string($0.section))]) })),
                (
                    "recipes",
                    .array(
                        ranked.map { r in
                            .object(
                                RecipeJSON.fields(r.recipe) + [
                                    ("recommended", .bool(r.recommended)),
                                    ("reason", .string(r.reason)),
                                    ("runnable", .bool(r.runnable)),
                                    ("missing", JSONValue(r.missing)),
                                ])
                        })
                ),
            ])
        }
        return .object([
            ("matches", .array(diagnosis.matches.map(match))),
            ("nearest", .array(diagnosis.nearest.map(match))),
            ("rejected", JSONValue(diagnosis.rejected)),
            ("look_alikes", JSONValue(diagnosis.lookAlikes)),
            ("threshold", JSONValue(MatchModel.threshold)),
            ("environment", env.json),
        ])
    }

    /// The command that runs a fix, as the user can type it: by default the recipe itself,
    /// recorded against the bead (it needs no paste); `fix` passes one that repeats the
    /// user's own input when it can be repeated (TEXT, --file).
    typealias RunHint = (_ recipe: String, _ bead: String) -> String

    static func recipeRunHint(kb: KnowledgeBaseOptions) -> RunHint {
        { recipe, bead in "beads recipe run \(ShellWords.quote(recipe)) --bead \(bead)\(kb.repeated)" }
    }

    static func write(
        _ diagnosis: Diagnosis, env: EnvironmentReport, runHint: RunHint,
        recordHint: String = "the same text piped into: beads create --from-error", to out: inout some TextOutputStream
    ) {
        for id in diagnosis.rejected {
            out.write("(\(id) matched too, but was rejected for pastes of this shape; `beads fix --confirm \(id)` takes that back)\n")
        }
        for id in diagnosis.lookAlikes {
            out.write("(\(id)'s doc gives this paste as a look-alike of its error: another problem, not taken)\n")
        }
        guard !diagnosis.matches.isEmpty else {
            out.write(Style.yellow("No known error matched") + " (\(diagnosis.linesRead) lines read, threshold \(MatchModel.threshold)).\n")
            if !diagnosis.nearest.isEmpty {
                out.write("Nearest known errors:\n")
                for m in diagnosis.nearest {
                    out.write("  \(m.beadID)  \(String(format: "%.2f", m.score))  \(m.bead?.title ?? "(no such bead)")\n")
                    out.write("      signature: \(Self.clip(m.signature.text.replacingOccurrences(of: "\n", with: " ⏎ ")))\n")
                    out.write("      from:      \(m.signature.docPath.map { "\($0):\(m.signature.line)" } ?? m.signature.origin)\n")
                    out.write("      why not:   \(MatchWhy.sentence(m))\n")
                }
            }
            out.write(
                "If this is a new known error, record it so the next paste is recognised:\n  \(recordHint)\n(or quote the message under an \"Error\" heading of a solution doc)\n"
            )
            return
        }
        for (k, m) in diagnosis.matches.prefix(3).enumerated() {
            if k > 0 { out.write("\n") }
            let status = m.bead.map { "\($0.status.rawValue) · P\($0.priority)" } ?? "not in the store"
            out.write(
                "\(Style.bold("Known error"))  \(Style.bold(Style.cyan(m.beadID)))  \(m.bead?.title ?? "(the doc names it; no such bead)")   \(status)\n"
            )
            out.write(
                "  matched line \(m.lineNumber) (score \(String(format: "%.2f", m.score))): \(Self.clip(m.lineText.trimmingCharacters(in: .whitespaces)))\n"
            )
            if let cause = m.rootCause { out.write("Root cause   \(cause)\n") }
            if let ref = m.rootCauseRef ?? m.docs.first { out.write("Doc          \(ref.display)\n") }
            let ranked = RecipeRanker.rank(m.recipes, in: env)
            guard !ranked.isEmpty else {
                // A doc that says how to fix it in prose: that is the fix to show.
                if let advice = m.fixAdvice {
                    out.write("Fix          \(advice)\n")
                    if let ref = m.fixRef {
                        out.write(
                            "             (\(ref.display); no recipe block to run: `beads doc show \(ref.path) --section \(ref.section)`)\n"
                        )
                    }
                }
                continue
            }
            out.write("Fixes        " + ranked.map { "\($0.recipe.name) (\(Self.place($0.recipe.when)))" }.joined(separator: " · ") + "\n")
            for r in ranked {
                let mark = r.recommended ? Style.green("▸") : " "
                out.write("  \(mark) \(r.recommended ? Style.bold(Style.green(r.recipe.name)) : r.recipe.name): \(r.reason)\n")
                if let first = Self.firstCommand(r.recipe.body) { out.write("      runs: \(Self.clip(first, 90))\n") }
            }
            if let recommended = ranked.first(where: \.recommended) {
                out.write("  Run it: \(runHint(recommended.recipe.name, m.beadID))   (shows the script and asks first)\n")
            } else {
                out.write("  None of these fixes can run here. To run one, set up what it needs:\n")
                for advice in RecipeRanker.setUpAdvice(ranked) { out.write("    - \(advice)\n") }
                if ranked.allSatisfy({ !$0.applies }) {
                    out.write(
                        "    - or run beads where they apply (\(Set(ranked.map { Self.place($0.recipe.when) }).sorted().joined(separator: ", ")))\n"
                    )
                }
            }
        }
        if diagnosis.matches.count > 3 {
            out.write("\n\(diagnosis.matches.count - 3) more known errors matched; --json lists them all.\n")
        }
        out.write(EnvironmentCheck.line(env) + "\n")
    }

    static func place(_ when: String) -> String {
        switch when.lowercased() {
        case "devpod": return "in a devpod"
        case "host": return "on a host"
        case "any", "anywhere", "always", "": return "anywhere"
        default: return "in a \(when)"
        }
    }

    static func firstCommand(_ body: String) -> String? {
        body.split(separator: "\n").map { $0.trimmingCharacters(in: .whitespaces) }
            .first { !$0.isEmpty && !$0.hasPrefix("#") }
    }

    /// Long lines keep their start and end: that is where messages carry their meaning.
    static func clip(_ text: String, _ limit: Int = 110) -> String { CreateBead.clip(text, limit) }
}
