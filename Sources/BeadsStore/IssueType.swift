/// bd's issue types: the work types a person files, the types bd's own machinery
/// files (molecules, gates, messages…), and the aliases bd accepts for them.
public enum IssueType {
    /// Types a person files by hand.
    public static let work = ["bug", "feature", "task", "epic", "chore", "decision", "spike", "story", "milestone"]
    /// Types bd's workflows create; never ready work (see `readyBeads`).
    public static let system = ["merge-request", "gate", "molecule", "message", "agent", "role", "rig", "convoy", "event"]
    /// Types `bd ready` never offers as work (bd 1.0.5's default exclusions).
    public static let notReadyWork = ["merge-request", "gate", "molecule", "message", "agent", "role", "rig"]
    /// bd's aliases, case-insensitive.
    public static let aliases = [
        "enhancement": "feature", "feat": "feature",
        "dec": "decision", "adr": "decision",
        "investigation": "spike", "timebox": "spike",
        "user-story": "story", "user_story": "story",
        "ms": "milestone",
    ]

    /// The canonical name: an alias mapped, a known type lower-cased, anything else as given.
    public static func normalize(_ name: String) -> String {
        let lower = name.lowercased()
        if let canonical = aliases[lower] { return canonical }
        return work.contains(lower) || system.contains(lower) ? lower : name
    }

    /// The canonical name of a type given on the command line, or an error naming the
    /// types there are. `custom` are the team's own (config.yaml `types.custom`).
    public static func validated(_ name: String, custom: [String] = []) throws(StoreError) -> String {
        let canonical = normalize(name)
        guard work.contains(canonical) || system.contains(canonical) || custom.contains(canonical) else {
            let known = (work + custom).joined(separator: ", ")
            throw StoreError.invalidField(
                field: "issue_type",
                reason:
                    "\"\(name)\" is not an issue type; use one of \(known) (or an alias: enhancement, feat, adr, ms…), or add it to types.custom in beads/config.yaml"
            )
        }
        return canonical
    }
}
