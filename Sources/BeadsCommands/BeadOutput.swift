import ArgumentParser
import BeadsStore

/// How beads are printed in lists and headers.
enum BeadOutput {
    static func line(_ bead: Bead) -> String {
        let labels = bead.labels.isEmpty ? "" : "  [" + bead.labels.joined(separator: ", ") + "]"
        return "\(bead.id)  P\(bead.priority)  \(bead.issueType)  \(bead.status.rawValue)  \(bead.title)\(labels)"
    }

    static func header(_ bead: Bead) -> String {
        var out = "\(bead.id)  \(bead.title)\n"
        out += "Status: \(bead.status.rawValue) · P\(bead.priority) · \(bead.issueType)"
        if let a = bead.assignee { out += " · assignee \(a)" }
        out += "\nCreated \(bead.createdAt) · updated \(bead.updatedAt)"
        if let closed = bead.closedAt { out += " · closed \(closed)" }
        out += "\n"
        if let reason = bead.closeReason { out += "Close reason: \(reason)\n" }
        if !bead.labels.isEmpty { out += "Labels: \(bead.labels.joined(separator: ", "))\n" }
        return out
    }
}

/// The one JSON shape of a recipe, for `recipe list`, `show` and `fix` (which adds how
/// it ranks here).
enum RecipeJSON {
    static func fields(_ r: RecipeRecord) -> [(String, JSONValue)] {
        [("name", .string(r.name)), ("doc", .string(r.docPath)), ("section", .string(r.sectionAnchor)), ("line", JSONValue(r.line)),
         ("when", .string(r.when)), ("requires", JSONValue(r.requires)), ("beads", JSONValue(r.beadIDs.sorted())),
         ("summary", .string(r.summary))]
    }
}
