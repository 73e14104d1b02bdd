import BeadsStore

/// The first draft of a solution doc, written from a bead: its title, the error as
/// far as beads knows it, sections to fill in, a recipe block that says it is not
/// written yet, and the related-beads table between `doc sync`'s markers.
public enum SolutionDocScaffold {
    /// Text the scaffold puts where the doc's author has to write; `doc lint` reports
    /// each one still there.
    public enum Placeholder {
        public static let summary = "What happens, where, and who runs into it."
        public static let error = "<!-- Paste the error lines exactly as a build prints them, in a ```text block."
        public static let cause = "Why it happens, and how to tell this cause from the ones that look like it."
        public static let fix = "When it applies, and what it changes. `beads fix` offers the recipe below, ranked by"
        public static let recipe = "# Replace with the commands that fix it"
        public static let all = [summary, error, cause, fix, recipe]

        /// Whether a line, a section's summary or a recipe's body still holds one, in
        /// the Markdown or as plain text (backticks dropped).
        public static func appears(in text: String) -> Bool {
            let plain = text.replacingOccurrences(of: "`", with: "")
            return all.contains { plain.contains($0.replacingOccurrences(of: "`", with: "")) }
        }
    }

    /// `signatures` are error texts known for the bead (recorded with
    /// `create --from-error`, or from other docs); without one the Error section asks
    /// for the error, and `doc lint` keeps asking until it is there.
    public static func make(bead: Bead, signatures: [String], related: [Bead], date: String, docPath: String) -> String {
        let recipe = recipeName(for: bead.id)
        let description = bead.description.trimmingCharacters(in: .whitespacesAndNewlines)
        var out: [String] = [
            "# \(bead.title)",
            "",
            "**Bead**: \(bead.id)",
            "**Updated**: \(date) - Written from the bead",
            "",
            description.isEmpty ? Placeholder.summary : description,
            "",
            "## Error",
            "",
        ]
        if signatures.isEmpty {
            out += [
                Placeholder.error,
                "     `beads fix` recognises this bead by them; `beads doc lint` reports the doc until they are here. -->",
            ]
        } else {
            out += ["```text"] + signatures + ["```"]
        }
        out += [
            "",
            "## Root cause",
            "",
            Placeholder.cause,
            "",
            "## Fixes",
            "",
            "### The fix",
            "",
            Placeholder.fix,
            "its `when=` (devpod, host, any) and the commands in `requires=`.",
            "",
            "```bash {recipe=\(recipe) when=any}",
            Placeholder.recipe,
            "echo \"The fix for \(bead.id) is not written yet: edit \(docPath)\" >&2",
            "exit 1",
            "```",
            "",
            "## Related beads",
            "",
            RelatedBeadsTable.block(for: related),
            "",
            "## History",
            "",
            "- Updated: \(date) - Written from the bead",
            "",
        ]
        return out.joined(separator: "\n")
    }

    /// `mo-3t8p` gives `fix-mo-3t8p` (recipe names are words, dashes and dots).
    public static func recipeName(for id: String) -> String { "fix-" + id }

    /// A file name from a title: lower-case words joined by dashes, at most 60 characters.
    public static func fileName(for bead: Bead) -> String {
        let words = bead.title.lowercased().split(whereSeparator: { !($0.isLetter || $0.isNumber) || !$0.isASCII })
        var name = ""
        for word in words where name.count + word.count < 60 {
            name += (name.isEmpty ? "" : "-") + word
        }
        return (name.isEmpty ? bead.id : name) + ".md"
    }
}
