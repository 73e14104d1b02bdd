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
                guard let n = Int(p.hasPrefix("P") ? String(p.dropFirst()) : p), (0...4).contains(n) else {
                    throw ServeFailure(status: .badRequest, message: "priority \(p): use 0 to 4 (or P0 to P4).")
                }
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
        let matching = try store.beads(matching: query.filter)
        let ids = Set(matching.map(\.id))
        let ready = try store.readyBeads(now: now, limit: 0).filter { ids.contains($0.bead.id) }
        let blocked = try store.blockedBeads(now: now).filter { ids.contains($0.bead.id) }
        let inProgress = matching.filter { $0.status == .inProgress }
        let placed = Set(ready.map(\.bead.id) + blocked.map(\.bead.id) + inProgress.map(\.id))
        let otherOpen = matching.filter { !$0.isClosed && !placed.contains($0.id) }
        let closed = matching.filter { $0.status == .closed }.sorted { ($0.closedAt ?? "") > ($1.closedAt ?? "") }

        var body = "<h1>Board</h1>\n" + (try filters(query, store: store))
        if !query.isEmpty {
            body += "<p>\(matching.count) bead\(matching.count == 1 ? "" : "s") match. <a href=\"/board\">Clear the filters</a></p>\n"
        }
        body += "<div class=\"columns\">\n"
        func more(_ count: Int, _ command: String) -> String? {
            count > columnShown ? "The first \(columnShown) of \(count); filter the board, or <code>\(command)</code> lists all." : nil
        }
        body += column("Ready", id: "ready", count: ready.count, ready.prefix(columnShown).map { card($0.bead) }, empty: "Nothing is ready.",
                       note: more(ready.count, "beads ready --limit 0"))
        body += column("In progress", id: "in-progress", count: inProgress.count, inProgress.prefix(columnShown).map { card($0) },
                       empty: "Nobody is on anything.", note: more(inProgress.count, "beads list --status in_progress --limit 0"))
        body += column("Blocked", id: "blocked", count: blocked.count, blocked.prefix(columnShown).map { item in
            card(item.bead, extra: "<div class=\"meta\">blocked by " + item.blockedBy.map(HTML.beadLink).joined(separator: ", ") + "</div>")
        }, empty: "Nothing is blocked.", note: more(blocked.count, "beads blocked"))
        if !otherOpen.isEmpty {
            body += column("Other open", id: "other-open", count: otherOpen.count, otherOpen.prefix(columnShown).map { card($0) }, empty: "",
                           note: "Open, but not ready work: deferred, pinned, or of a type that is not ready work (epics…)."
                               + (more(otherOpen.count, "beads list --limit 0").map { " " + $0 } ?? ""))
        }
        body += column("Closed", id: "closed", count: closed.count, closed.prefix(closedShown).map { card($0) }, empty: "Nothing closed yet.",
                       note: closed.count > closedShown ? "The \(closedShown) closed last of \(closed.count); <code>beads list --status closed</code> lists all." : nil)
        body += "</div>\n"
        return HTML.page("Board", section: .board, body)
    }

    static func filters(_ query: Query, store: BeadStore) throws -> String {
        var everything = BeadFilter()
        everything.includeClosed = true
        let all = try store.beads(matching: everything)
        func select(_ name: String, _ label: String, _ options: [(String, String)], _ chosen: String?) -> String {
            var html = "<label>\(label) <select name=\"\(name)\"><option value=\"\">any</option>"
            for (value, text) in options {
                html += "<option value=\"\(HTML.escape(value))\"\(value == chosen ? " selected" : "")>\(HTML.escape(text))</option>"
            }
            return html + "</select></label>\n"
        }
        var form = "<form class=\"filters\" method=\"get\" action=\"/board\" role=\"search\">\n"
        form += "<label>Search <input type=\"search\" name=\"q\" value=\"\(HTML.escape(query.text ?? ""))\" placeholder=\"title, description or id\"></label>\n"
        form += select("priority", "Priority", (0...4).map { ("\($0)", "P\($0)") }, query.priority.map { "\($0)" })
        form += select("type", "Type", Set(all.map(\.issueType)).sorted().map { ($0, $0) }, query.type)
        form += select("label", "Label", try store.labelCounts().map { ($0.0, "\($0.0) (\($0.1))") }, query.label)
        form += select("assignee", "Assignee", Set(all.compactMap(\.assignee)).sorted().map { ($0, $0) }, query.assignee)
        return form + "<button type=\"submit\">Filter</button>\n</form>\n"
    }

    static func column(_ title: String, id: String, count: Int, _ cards: [String], empty: String, note: String? = nil) -> String {
        var html = "<section class=\"column\" id=\"\(id)\" aria-labelledby=\"\(id)-h\"><h2 id=\"\(id)-h\">\(title) <span class=\"meta\">\(count)</span></h2>\n"
        if let note { html += "<p class=\"meta\">\(note)</p>\n" }
        html += cards.isEmpty ? "<p class=\"meta\">\(empty)</p>\n" : "<ul class=\"cards\">\n" + cards.joined() + "</ul>\n"
        return html + "</section>\n"
    }

    static func card(_ bead: Bead, extra: String = "") -> String {
        var meta = ["<span class=\"badge p\(bead.priority)\">P\(bead.priority)</span>", HTML.escape(bead.issueType)]
        if let assignee = bead.assignee, !assignee.isEmpty { meta.append("@" + HTML.escape(assignee)) }
        if !bead.labels.isEmpty { meta.append(bead.labels.map(HTML.escape).joined(separator: ", ")) }
        return "<li class=\"card\">\(HTML.beadLink(bead.id)) \(HTML.escape(bead.title))<div class=\"meta\">\(meta.joined(separator: " · "))</div>\(extra)</li>\n"
    }
}
