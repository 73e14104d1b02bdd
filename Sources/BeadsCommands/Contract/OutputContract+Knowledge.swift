import BeadsKnowledge
import BeadsStore

/// The knowledge base's shapes: diagnoses, docs, recipes and runs, the environment.
extension OutputContract {
    static let recipe = JSONShape.object([
        .always("name", .string), .always("doc", .string), .always("section", .string), .always("line", .int),
        .always("when", .string, "Where it is meant to run: any, host, devpod, ci, …"),
        .always("requires", .array(.string), "Commands or settings it needs (docker, kubectl, GITHUB_TOKEN, …)."),
        .always("beads", .array(.string), "The beads whose fix it is."),
        .always("summary", .string),
    ])

    static let environment = JSONShape.object([
        .always("verdict", .choice(["devpod", "host"]), "Where fixes are ranked for."),
        .always("devpod", .boolean), .always("kubernetes", .boolean), .always("container", .boolean),
        .always("nested_overlay", .boolean, "A local docker build would put overlayfs on overlayfs here."),
        .always("root_filesystem", .nullable(.string)),
        .always("reasons", .array(.string), "What the probe saw."),
        .always("override", .nullable(.string), "BEADS_ENV, when it decided."),
        .always("probed_verdict", .nullable(.string), "What the probe alone says."),
        .always("commands", .dictionary(.boolean), "Which of the commands fixes use are on PATH."),
        .always("github_token", .boolean, "Whether a token is set (never the token)."),
        .always("docker_daemon", .nullable(.boolean), "Whether a docker daemon answered its ping; null when not asked."),
        .always("docker_endpoint", .nullable(.string)),
        .always("docker_storage_driver", .nullable(.string)),
        .always("kubectl_context", .nullable(.string)),
    ])

    /// One known error found in a paste, and what to do about it here.
    static let knownErrorMatch = JSONShape.object([
        .always("bead", .string), .always("title", .nullable(.string)), .always("status", .nullable(.string)),
        .always("priority", .nullable(.int)),
        .always("score", .number, "0 to 1; a match needs threshold or more."),
        .always("signature", .string, "The signature that matched, masked parts as …."),
        .always("line", .int, "The paste's line it matched on."),
        .always("line_text", .string),
        .always("root_cause", .nullable(.string), "From the doc."),
        .always(
            "fix", .nullable(.object([.always("text", .string), .always("doc", .nullable(.string))])),
            "The doc's fix in prose, with the section it is from."),
        .always(
            "evidence",
            .object([
                .always("found", .array(.string)), .always("missing", .array(.string)), .always("corroborating", .array(.string)),
                .always("fallout", .boolean, "The line is a consequence of another error, not the cause."),
                .always("sufficient", .boolean),
            ])),
        .always("why_not", .nullable(.string), "Why a near miss is not a match; null for a match."),
        .always("docs", .array(.object([.always("path", .string), .always("section", .string)]))),
        .always(
            "recipes",
            .array(
                .object(
                    recipe.fields + [
                        .always("recommended", .boolean, "The one to run here."),
                        .always("reason", .string),
                        .always("runnable", .boolean, "Everything it needs is here."),
                        .always("missing", .array(.string), "What it lacks here."),
                    ])), "Fixes ranked for this environment, best first."),
    ])

    static let lintFinding = JSONShape.object([
        .always("rule", .choice(LintFinding.Rule.allCases.map(\.rawValue))),
        .always("path", .string), .always("line", .int), .always("message", .string),
        .always("fixable", .boolean, "doc lint --fix can mend it."),
    ])

    static let knowledgeDefinitions: [String: JSONShape] = [
        "recipe": recipe, "environment": environment, "known_error_match": knownErrorMatch, "lint_finding": lintFinding,
    ]

    static let knowledge: [OutputContract] = [
        OutputContract(
            name: "diagnosis", producers: ["fix --json", "mcp diagnose_error"],
            summary: "The known errors a paste shows, best first, with the fixes ranked for where beads runs.",
            shape: .object([
                .always("matches", .array(.reference("known_error_match")), "Empty when no known error matched (exit 1)."),
                .always("nearest", .array(.reference("known_error_match")), "Near misses, when nothing matched."),
                .always("rejected", .array(.string), "Beads that matched but were rejected for pastes of this shape."),
                .always("look_alikes", .array(.string), "Beads whose docs give this paste as a look-alike of their error."),
                .always("threshold", .number),
                .always("environment", .reference("environment")),
            ])),
        OutputContract(
            name: "signature-scores", producers: ["match --json"],
            summary: "How each signature scores against a paste, best first.",
            shape: .array(
                .object([
                    .always("bead", .string), .always("score", .number, "The scorer's probability that the paste is this bead's error."),
                    .always("alignment", .number, "The share of the signature found in order."),
                    .always("signature", .string), .always("pattern", .string),
                    .always("doc", .nullable(.string), "path#section it is quoted in."), .always("line", .int),
                    .always("verdict", .string, "match, near, rejected, …"),
                    .sometimes(
                        "explain",
                        .object([
                            .always(
                                "lines",
                                .array(
                                    .object([
                                        .always("line", .int), .always("text", .string), .always("stripped", .string),
                                        .always("tokens", .array(.string)),
                                        .always("masked", .array(.object([.always("mask", .string), .always("text", .string)]))),
                                    ]))),
                            .always(
                                "terms",
                                .array(.object([.always("token", .string), .always("weight", .number), .always("found", .boolean)]))),
                            .always("alignment", .number),
                            .always(
                                "features",
                                .array(.object([.always("name", .string), .always("value", .number), .always("weight", .number)])),
                                "Each feature that is not zero, its value and fitted weight, largest effect first."),
                            .always("bias", .number), .always("score", .number), .always("arithmetic", .string),
                        ]), "With --explain."),
                ]))),
        OutputContract(
            name: "environment", producers: ["env --json"], summary: "Where beads runs, as fixes are ranked for it.",
            shape: environment),
        OutputContract(
            name: "docs", producers: ["doc list --json"], summary: "The solution docs and what each holds.",
            shape: .array(
                .object([
                    .always("path", .string), .always("title", .string), .always("beads", .array(.string)),
                    .always("signatures", .int), .always("recipes", .int), .always("warnings", .array(.string)),
                ]))),
        OutputContract(
            name: "lint-findings", producers: ["doc lint --json"], summary: "What went stale in the docs (exit 1 when any).",
            shape: .array(.reference("lint_finding"))),
        OutputContract(
            name: "doc-findings", producers: ["mcp doc_findings"], summary: "What went stale in the docs.",
            shape: .object([.always("findings", .array(.reference("lint_finding")))])),
        OutputContract(
            name: "doc-links", producers: ["doc links --json"], summary: "Which docs name which beads, both ways.",
            shape: .object([
                .always("docs", .dictionary(.array(.string)), "Doc path → bead ids."),
                .always("beads", .dictionary(.array(.string)), "Bead id → doc paths."),
            ])),
        OutputContract(
            name: "doc-examples", producers: ["doc test --json"], summary: "Each example a doc gives, and whether it behaved.",
            shape: .array(
                .object([
                    .always("path", .string), .always("line", .int),
                    .always("expect", .choice(["match", "none"]), "match: one of beads; none: a look-alike."),
                    .always("beads", .array(.string)), .always("matched", .nullable(.string)), .always("score", .nullable(.number)),
                    .always("passed", .boolean), .always("failure", .nullable(.string)),
                ]))),
        OutputContract(
            name: "doc-draft", producers: ["doc new --json"], summary: "The draft written.",
            shape: .object([.always("path", .string), .always("bead", .string), .always("signatures", .int)])),
        OutputContract(
            name: "recipes", producers: ["recipe list --json"], summary: "Every recipe in the docs.",
            shape: .array(.reference("recipe"))),
        OutputContract(
            name: "runs", producers: ["runs --json"], summary: "Recorded recipe runs, newest first.",
            shape: .array(
                .object([
                    .always("id", .int), .always("recipe", .string), .always("doc", .string), .always("bead", .nullable(.string)),
                    .always("actor", .string), .always("started_at", .timestamp), .always("ended_at", .timestamp),
                    .always("exit_code", .int), .always("duration_ms", .int),
                    .always("outcome", .string, "succeeded, failed, timed out, interrupted."),
                    .always("output", .string, "The end of its output, secrets masked."),
                ]))),
        OutputContract(
            name: "recipe-run", producers: ["mcp run_fix"], summary: "A recipe run from an agent.",
            shape: .object([
                .always("recipe", .string), .always("exit_code", .int),
                .always("output", .string, "The end of its output, secrets masked."),
            ])),
        OutputContract(
            name: "prime", producers: ["prime --json"], summary: "An agent's start-of-session context.",
            shape: .object([
                .always("text", .string, "The context as Markdown (beads/PRIME.md when there is one)."),
                .always("ready", .array(.reference("bead_row"))),
                .always("known_errors", .array(.reference("bead_row"))),
            ])),
        OutputContract(
            name: "hits", producers: ["hits --json"], summary: "Recorded diagnoses, newest first, as beads/hits.jsonl holds them.",
            shape: .array(
                .object([
                    .always("id", .string), .always("at", .timestamp),
                    .sometimes("bead", .string, "Absent when no known error matched."),
                    .sometimes("score", .number), .sometimes("signature", .string),
                    .always("source", .string, "fix, run, safe-build, mcp, serve, or compacted (one line for count hits of a day)."),
                    .sometimes("env", .string, "The environment verdict."), .sometimes("host", .string),
                    .sometimes("ci", .string, "The CI job (github:owner/repo/run/job, gitlab:…)."),
                    .sometimes("paste", .string, "A fingerprint of the paste (SHA-256, 16 hex digits); never the paste."),
                    .sometimes("count", .integer(minimum: 2), "For a compacted line: the hits it stands for."),
                ]))),
        OutputContract(
            name: "error-costs", producers: ["stats --errors --json"],
            summary: "Known errors by cost: hits in 30 days × (1 + failed runs of their fixes in 30 days).",
            shape: .array(
                .object([
                    .always("bead", .string), .always("title", .nullable(.string)), .always("status", .nullable(.string)),
                    .always("hits", .reference("hit_summary")), .always("failed_runs", .int), .always("cost", .int),
                    .always("daily", .array(.int), "Hits a day over the last 30 days, oldest first."),
                    .always("regression", .boolean),
                ]))),
        OutputContract(
            name: "triage-families", producers: ["triage --json"],
            summary: "Failures no known error explains, grouped by the template of their root error line, biggest first.",
            shape: .array(
                .object([
                    .always("count", .int, "How many logs failed this way."),
                    .always("template", .string, "The error line's normalised tokens; masks and <*> where its logs differ."),
                    .always("example", .string, "One log of the family (-#N: the Nth log on standard input)."),
                    .always("example_line", .string, "Its error line as the log has it."),
                    .always("signature", .string, "The signature a bead made from it would record."),
                    .always("logs", .array(.string), "Every log in the family."),
                    .always("create", .string, "The command that records the family as a bead."),
                ]))),
        OutputContract(
            name: "shapes", producers: ["schema --json"], summary: "The JSON shapes beads prints, and what prints each.",
            shape: .array(
                .object([
                    .always("name", .string), .always("producers", .array(.string)), .always("summary", .string),
                ]))),
        OutputContract(
            name: "prime-hook", producers: ["prime --hook"], summary: "The same context, as a SessionStart hook returns it.",
            shape: .object([
                .always(
                    "hookSpecificOutput",
                    .object([
                        .always("hookEventName", .choice(["SessionStart"])), .always("additionalContext", .string),
                    ]))
            ])),
    ]
}
