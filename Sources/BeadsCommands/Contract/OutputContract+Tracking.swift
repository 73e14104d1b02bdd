import BeadsStore

/// The tracker's shapes: bd's issue object and what the tracking verbs print.
extension OutputContract {
    /// bd's issue object, as `beads/issues.jsonl` holds it. beads writes the typed keys;
    /// the others come from bd (an import) or from beads' own matching and are kept as
    /// they are, so an object may carry keys bd added after this was written.
    static let bead = JSONShape.object(
        [
            .always("id", .string, "The bead's id: prefix, dash, base-36 hash (mo-3t8p)."),
            .always("title", .string),
            .sometimes("description", .string),
            .sometimes("design", .string),
            .sometimes("acceptance_criteria", .string),
            .sometimes("notes", .string),
            .always("status", .choice(BeadStatus.known.map(\.rawValue).sorted())),
            .always(
                "priority", .integer(minimum: BeadPriority.range.lowerBound, maximum: BeadPriority.range.upperBound),
                "0 is the most urgent."),
            .always("issue_type", .string, "bug, feature, task, epic, chore, or a type the config adds."),
            .sometimes("assignee", .string),
            .sometimes("owner", .string),
            .sometimes("estimated_minutes", .int),
            .always("created_at", .timestamp),
            .sometimes("created_by", .string),
            .always("updated_at", .timestamp),
            .sometimes("closed_at", .timestamp),
            .sometimes("close_reason", .string),
            .sometimes("external_ref", .string),
            .sometimes("labels", .array(.string)),
            .sometimes("dependencies", .array(.reference("dependency")), "What this bead depends on."),
            .sometimes("comments", .array(.reference("comment"))),
            .sometimes(
                "error_signatures", .array(.reference("error_signature")),
                "Errors recorded on the bead (create --from-error, fix --confirm)."),
            .sometimes("rejected_signatures", .array(.reference("error_signature")), "Paste shapes that must not match it (fix --reject)."),
        ], open: true)

    static let dependency = JSONShape.object([
        .always("issue_id", .string, "The bead that waits."),
        .always("depends_on_id", .string, "The bead it waits for (or an external: reference)."),
        .always("type", .string, "blocks, parent-child, related, discovered-from, waits-for, …"),
        .sometimes("created_at", .timestamp),
        .sometimes("created_by", .string),
        .sometimes("metadata", .string, "bd's JSON text (a waits-for gate)."),
    ])

    static let comment = JSONShape.object([
        .always("id", .int), .always("issue_id", .string), .always("author", .string), .always("text", .string),
        .always("created_at", .timestamp),
    ])

    static let errorSignature = JSONShape.object([
        .always("text", .string, "The error line with its variable parts masked."),
        .always("pattern", .string, "The matcher's pattern."),
        .always("terms", .string, "The pattern's literal words."),
    ])

    /// What a compact listing gives: enough to pick, and the id to ask for more.
    static let beadRow = JSONShape.object([
        .always("id", .string), .always("title", .string), .always("status", .string), .always("priority", .int),
    ])

    static let trackingDefinitions: [String: JSONShape] = [
        "bead": bead, "dependency": dependency, "comment": comment, "error_signature": errorSignature, "bead_row": beadRow,
        "bead_details": beadDetails, "hit_summary": hitSummary,
    ]

    static let hitSummary = JSONShape.object([
        .always("day", .int, "Hits in the last 24 hours."), .always("week", .int, "In the last 7 days."),
        .always("month", .int, "In the last 30 days."), .always("total", .int),
        .always("last_seen", .nullable(.timestamp)),
        .always("since_closed", .int, "Hits after the bead was closed."),
    ])

    /// `show`: the bead and what beads knows about it besides.
    static let beadDetails = JSONShape.object(
        bead.fields + [
            .always(
                "dependents",
                .array(
                    .object([
                        .always("id", .string), .always("dependency_type", .string),
                        .sometimes("title", .string), .sometimes("status", .string), .sometimes("priority", .int),
                    ])), "Beads that depend on this one (title, status, priority when in the store)."),
            .always(
                "docs", .array(.object([.always("path", .string), .always("section", .string), .always("line", .int)])),
                "Solution docs that name the bead, by section."),
            .always(
                "signatures",
                .array(
                    .object([
                        .always("text", .string), .always("doc", .nullable(.string)), .always("section", .string), .always("line", .int),
                    ])), "The error signatures it is recognised by."),
            .always("recipes", .array(.reference("recipe")), "Fixes its docs give."),
            .always(
                "runs",
                .array(
                    .object([
                        .always("id", .int), .always("recipe", .string), .always("started_at", .timestamp), .always("exit_code", .int),
                        .always("outcome", .string),
                    ])), "Its five most recent recipe runs."),
            .always("hits", .reference("hit_summary"), "How often its error was diagnosed lately (beads/hits.jsonl)."),
            .always("regression", .boolean, "Closed as fixed, and hit since."),
        ], open: true)

    /// A bead in a dependency tree; a target missing from the store has only its id.
    static let treeNode = JSONShape.object(
        bead.fields.map(\.optional).map { $0.name == "id" ? JSONField.always("id", .string) : $0 } + [
            .always("depth", .int, "0 for the bead asked about."),
            .always("parent_id", .nullable(.string), "The bead above it in the tree."),
            .always("dependency_type", .nullable(.string)),
            .always("truncated", .boolean, "Its own dependencies were left out (already shown, or --max-depth)."),
        ], open: true)

    static let tracking: [OutputContract] = [
        OutputContract(name: "bead", producers: ["create --json", "update --json"], summary: "One bead, as bd prints it.", shape: bead),
        OutputContract(
            name: "beads", producers: ["list --json", "search --json", "close --json", "reopen --json"],
            summary: "Beads, as bd prints them.", shape: .array(.reference("bead"))),
        OutputContract(
            name: "bead-details", producers: ["show ID --json", "mcp show_bead"],
            summary: "A bead with its dependents, docs, error signatures, recipes and recent runs.", shape: beadDetails),
        OutputContract(
            name: "bead-details-list", producers: ["show ID ID… --json"],
            summary: "Several beads' details, in the order asked.", shape: .array(.reference("bead_details"))),
        OutputContract(
            name: "ready", producers: ["ready --json"], summary: "Open beads nothing blocks, most urgent first, with bd's counts.",
            shape: .array(
                .object(
                    bead.fields + [
                        .always("dependency_count", .int), .always("dependent_count", .int), .always("comment_count", .int),
                    ], open: true))),
        OutputContract(
            name: "blocked", producers: ["blocked --json"], summary: "Beads waiting on others, and on which.",
            shape: .array(
                .object(
                    bead.fields + [
                        .always("blocked_by_count", .int), .always("blocked_by", .array(.string), "The ids it waits for."),
                    ], open: true))),
        OutputContract(
            name: "dependencies", producers: ["dep list ID --json"], summary: "What a bead depends on, and what depends on it.",
            shape: .object([
                .always("dependencies", .array(.reference("dependency"))),
                .always("dependents", .array(.reference("dependency"))),
            ])),
        OutputContract(
            name: "dependency-added", producers: ["dep add --json", "mcp add_dependency"],
            summary: "Whether a dependency was added (false: it was there already).",
            shape: .object([
                .always("added", .boolean), .always("issue", .string), .always("depends_on", .string), .always("type", .string),
            ])),
        OutputContract(
            name: "dependency-tree", producers: ["dep tree ID --json"], summary: "A bead's dependency tree, depth first.",
            shape: .array(treeNode)),
        OutputContract(
            name: "dependency-cycles", producers: ["dep cycles --json"], summary: "Each cycle as the ids around it.",
            shape: .array(.array(.string))),
        OutputContract(name: "comment", producers: ["comment --json"], summary: "The comment added.", shape: .reference("comment")),
        OutputContract(
            name: "comments", producers: ["comments ID --json"], summary: "A bead's comments, oldest first.",
            shape: .array(.reference("comment"))),
        OutputContract(name: "labels", producers: ["label list ID --json"], summary: "A bead's labels.", shape: .array(.string)),
        OutputContract(
            name: "label-counts", producers: ["label list --json"], summary: "Every label in use and how many beads carry it.",
            shape: .array(.object([.always("label", .string), .always("count", .int)]))),
        OutputContract(
            name: "stats", producers: ["stats --json"], summary: "Counts over the whole store.",
            shape: .object([
                .always("total", .int), .always("ready", .int), .always("blocked", .int),
                .always("by_status", .dictionary(.int)),
                .always("open_by_priority", .dictionary(.int), "Keys P0 to P4; beads not closed."),
                .always("by_type", .dictionary(.int)),
                .always(
                    "hits",
                    .object([
                        .always("day", .int), .always("week", .int), .always("month", .int),
                        .always("unmatched_month", .int, "Diagnoses in 30 days that matched no known error."),
                    ]), "Diagnoses of known errors recorded in the last 24 hours, 7 and 30 days."),
                .always("regressions", .array(.string), "Beads closed as fixed whose error is back."),
            ])),
        OutputContract(
            name: "history", producers: ["history ID --json"], summary: "A bead's changes, oldest first.",
            shape: .array(
                .object([
                    .always("at", .timestamp), .always("actor", .string), .always("field", .string),
                    .always("old", .nullable(.string)), .always("new", .nullable(.string)),
                ]))),
        OutputContract(
            name: "deletion", producers: ["delete --json"], summary: "What a delete removes (deleted: false is the preview).",
            shape: .object([
                .always("deleted", .boolean), .always("ids", .array(.string)), .always("cascaded", .array(.string)),
                .always("cut_dependencies", .array(.reference("dependency"))),
            ])),
        OutputContract(
            name: "import-counts", producers: ["import --json"], summary: "What an import changed.",
            shape: .object([.always("created", .int), .always("updated", .int), .always("unchanged", .int)])),
        OutputContract(
            name: "bead-row", producers: ["mcp create_bead", "mcp update_bead"], summary: "A bead in brief.",
            shape: beadRow),
        OutputContract(
            name: "bead-page", producers: ["mcp list_beads"], summary: "One page of beads in brief.",
            shape: .object([
                .always("beads", .array(.reference("bead_row"))),
                .always("next_cursor", .nullable(.string), "Pass it as cursor for the next page; null on the last."),
            ])),
    ]
}
