import ArgumentParser
import BeadsStore

/// How beads are printed in lists and headers.
enum BeadOutput {
    static func line(_ bead: Bead) -> String {
        lines([bead], width: nil)[0]
    }

    /// One line a bead, the columns (id, priority, type, status) aligned across the
    /// list; on a terminal of `width` columns, a line too long keeps its start and ends
    /// in `…`. The id is coloured, and P0/P1 stand out, where colour is on.
    static func lines(_ beads: [Bead], width: Int?) -> [String] {
        let idWidth = beads.map(\.id.count).max() ?? 0
        let typeWidth = beads.map(\.issueType.count).max() ?? 0
        let statusWidth = beads.map(\.status.rawValue.count).max() ?? 0
        return beads.map { bead in
            let labels = bead.labels.isEmpty ? "" : "  [" + bead.labels.joined(separator: ", ") + "]"
            let columns = [
                pad(bead.id, idWidth), "P\(bead.priority)", pad(bead.issueType, typeWidth), pad(bead.status.rawValue, statusWidth),
            ]
            var text = "\(bead.title)\(labels)"
            let lead = columns.joined(separator: "  ").count + 2
            if let width, lead + text.count > width, width - lead > 8 { text = String(text.prefix(width - lead - 1)) + "…" }
            let priority = bead.priority == 0 ? Style.red("P0") : bead.priority == 1 ? Style.yellow("P1") : "P\(bead.priority)"
            return [Style.cyan(pad(bead.id, idWidth)), priority, columns[2], columns[3]].joined(separator: "  ") + "  " + text
        }
    }

    static func pad(_ text: String, _ width: Int) -> String {
        text.count >= width ? text : text + String(repeating: " ", count: width - text.count)
    }

    /// The width to fit list lines to: the terminal's, when output goes to one.
    static var terminalWidth: Int? {
        let context = CommandContext.current
        return context.standardOutput.isTerminal ? Terminal.columns(environment: context.environment, tty: true) : nil
    }

    static func header(_ bead: Bead) -> String {
        var out = "\(Style.bold(Style.cyan(bead.id)))  \(Style.bold(bead.title))\n"
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
        [
            ("name", .string(r.name)), ("doc", .string(r.docPath)), ("section", .string(r.sectionAnchor)), ("line", JSONValue(r.line)),
            ("when", .string(r.when)), ("requires", JSONValue(r.requires)), ("beads", JSONValue(r.beadIDs.sorted())),
            ("summary", .string(r.summary)),
        ]
    }
}
