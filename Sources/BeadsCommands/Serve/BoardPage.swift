import BeadsKnowledge
import BeadsStore
import Foundation
import Hummingbird

/// The board: beads by where they stand (ready, in progress, blocked with what blocks
/// them, other open ones, recently closed), filtered as `beads list` filters.
struct BoardPage {
    /// The filters, from the query string (the form is a plain GET, so a filtered board
    /// is a link).
    struct Query {
        var priority: Int?
        var type: String?
        var label: String?
        var assignee: String?
        var text: String?

        init(_ request: Request) throws {
            let q = FormFields.query(request.uri.query ?? "")
            func field(_ name: String) -> String? {
                q[name].map { $0.trimmingCharacters(in: .whitespaces) }.flatMap { $0.isEmpty ? nil : $0 }
            }
            if let p = field("priority") {
                guard let n = BeadPriority.parse(p) else { throw ServeFailure(status: .badRequest, message: BeadPriority.problem(p)) }
                priority = n
            }
            type = field("type")
            label = field("label")
            assignee = field("assignee")
            text = field("q")
        }

        var filter: BeadFilter {
            var f = BeadFilter()
            f.includeClosed = true
            f.priority = priority
            f.issueType = type
            f.label = label
            f.assignee = assignee
            f.text = text
            return f
        }

        var isEmpty: Bool { priority == nil && type == nil && label == nil && assignee == nil && text == nil }
    }

    /// Closed beads shown, newest first.
    static let closedShown = 25
    /// Cards shown in any other column, most urgent first: a board of 10,000 ready beads
    /// is not read, and it would weigh megabytes.
    static let columnShown = 100

    static func render(_ request: Request, site: ServeSite) throws -> String {
        let query = try Query(request)
        let base = try site.open()
        let store = base.store
        let now = Timestamp.now()
        // Columns are placed by id; only the beads shown are decoded.
        let ids = try store.beadIDs(matching: query.filter)
        let readyIDs = try store.readyIDs(now: now).intersection(ids)
        let ready =
            query.isEmpty
            ? try store.readyBeads(now: now, limit: columnShown)
            : try store.readyBeads(now: now, limit: 0).filter { ids.contains($0.bead.id) }.prefix(columnShown).map { $0 }
        let blocked = try store.blockedBeads(now: now).filter { ids.contains($0.bead.id) }
        var filter = query.filter
        filter.statuses = [.inProgress]
        let inProgress = try store.beads(matching: filter)
        filter.statuses = nil
        filter.includeClosed = false
        let placed = readyIDs.union(blocked.map(\.bead.id)).union(inProgress.map(\.id))
        let otherOpenIDs = try store.beadIDs(matching: filter).intersection(ids).subtracting(placed)
        let otherOpen = try otherOpenIDs.sorted().prefix(columnShown).compactMap { try store.bead($0) }
            .sorted { ($0.priority, $0.id) < ($1.priority, $1.id) }
        filter.statuses = [.closed]
        filter.sort = .closed
        let closedCount = try store.beadIDs(matching: filter).count
        filter.limit = closedShown
        let closed = try store.beads(matching: filter)
        let matchingCount = ids.count
        var body = "<h1>Board</h1>\n" + (try filters(query, store: store))
        if !query.isEmpty {
            body += "<p>\(matchingCount) bead\(matchingCount == 1 ? "" : "s") match. <a href=\"/board\">Clear the filters</a></p>\n"
        }
        body += "<div class=\"columns\">\n"
        func more(_ count: Int, _ command: String) -> String? {
            count > columnShown ? "The first \(columnShown) of \(count); filter the board, or <code>\(command)</code> lists all." : nil
        }
        body += column(
            "Ready", id: "ready", count: readyIDs.count, ready.map { card($0.bead) }, empty: "Nothing is ready.",
            note: more(readyIDs.count, "beads ready --limit 0"))
        body += column(
            "In progress", id: "in-progress", count: inProgress.count, inProgress.prefix(columnShown).map { card($0) },
            empty: "Nobody is on anything.", note: more(inProgress.count, "beads list --status in_progress --limit 0"))
        body += column(
            "Blocked", id: "blocked", count: blocked.count,
            blocked.prefix(columnShown).map { item in
                card(
                    item.bead,
                    extra: "<div class=\"meta\">blocked by " + item.blockedBy.map(HTML.beadLink).joined(separator: ", ") + "</div>")
            }, empty: "Nothing is blocked.", note: more(blocked.count, "beads blocked"))
        if !otherOpen.isEmpty {
            body += column(
                "Other open", id: "other-open", count: otherOpenIDs.count, otherOpen.map { card($0) }, empty: "",
                note: "Open, but not ready work: deferred, pinned, or of a type that is not ready work (epics…)."
                    + (more(otherOpenIDs.count, "beads list --limit 0").map { " " + $0 } ?? ""))
        }
        body += column(
            "Closed", id: "closed", count: closedCount, closed.map { card($0) }, empty: "Nothing closed yet.",
            note: closedCount > closedShown
                ? "The \(closedShown) closed last of \(closedCount); <code>beads list --status closed</code> lists all." : nil)
        body += "</div>\n"
        return HTML.page("Board", section: .board, body)
    }

    static func filters(_ query: Query, store: BeadStore) throws -> String {
        let (types, assignees) = try store.typesAndAssignees()
        func select(_ name: String, _ label: String, _ options: [(String, String)], _ chosen: String?) -> String {
            var html = "<label>\(label) <select name=\"\(name)\"><option value=\"\">any</option>"
            for (value, text) in options {
                html += "<option value=\"\(HTML.escape(value))\"\(value == chosen ? " selected" : "")>\(HTML.escape(text))</option>"
            }
            return html + "</select></label>\n"
        }
        var form = "<form class=\"filters\" method=\"get\" action=\"/board\" role=\"search\">\n"
        form +=
            "<label>Search <input type=\"search\" name=\"q\" value=\"\(HTML.escape(query.text ?? ""))\" placeholder=\"title, description or id\"></label>\n"
        form += select("priority", "Priority", (0...4).map { ("\($0)", "P\($0)") }, query.priority.map { "\($0)" })
        form += select("type", "Type", types.map { ($0, $0) }, query.type)
        form += select("label", "Label", try store.labelCounts().map { ($0.0, "\($0.0) (\($0.1))") }, query.label)
        form += select("assignee", "Assignee", assignees.map { ($0, $0) }, query.assignee)
        return form + "<button type=\"submit\">Filter</button>\n</form>\n"
    }

    static func column(_ title: String, id: String, count: Int, _ cards: [String], empty: String, note: String? = nil) -> String {
        var html =
            "<section class=\"column\" id=\"\(id)\" aria-labelledby=\"\(id)-h\"><h2 id=\"\(id)-h\">\(title) <span class=\"meta\">\(count)</span></h2>\n"
        if let note { html += "<p class=\"meta\">\(note)</p>\n" }
        html += cards.isEmpty ? "<p class=\"meta\">\(empty)</p>\n" : "<ul class=\"cards\">\n" + cards.joined() + "</ul>\n"
        return html + "</section>\n"
    }

    static func card(_ bead: Bead, extra: String = "") -> String {
        var meta = ["<span class=\"badge p\(bead.priority)\">P\(bead.priority)</span>", HTML.escape(bead.issueType)]
        if let assignee = bead.assignee, !assignee.isEmpty { meta.append("@" + HTML.escape(assignee)) }
        if !bead.labels.isEmpty { meta.append(bead.labels.map(HTML.escape).joined(separator: ", ")) }
        return
            "<li class=\"card\">\(HTML.beadLink(bead.id)) \(HTML.escape(bead.title))<div class=\"meta\">\(meta.joined(separator: " · "))</div>\(extra)</li>\n"
    }
}
