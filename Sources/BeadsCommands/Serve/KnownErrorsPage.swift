import BeadsCore
import BeadsKnowledge
import BeadsStore
import Foundation
import Hummingbird

/// Every known error, by what it cost in the last 30 days, with its hits per day and
/// regressions flagged; the diagnoses that matched nothing; and a box that groups
/// pasted logs into families of unknown errors, as `beads triage` does.
enum KnownErrorsPage {
    static let separator = "-- >8 --"

    static func render(site: ServeSite, token: String) throws -> String {
        let base = try site.open()
        let windows = HitWindows(now: Date())
        let costs = try KnownErrorCost.ranked(in: base.store, windows: windows)
        let signed = try base.store.beadIDsWithSignatures()
        let unmatched = try base.store.unmatchedHits(windows)
        let e = HTML.escape
        var body = "<h1>Known errors</h1>\n"
        body +=
            "<p>\(signed.count) bead\(signed.count == 1 ? " has an error signature" : "s have error signatures") that <code>beads fix</code> recognises. "
        body += "Cost is hits in 30 days × (1 + recipe runs for it that failed in 30 days).</p>\n"
        if costs.isEmpty {
            body +=
                "<p class=\"meta\">No known error has been hit yet: every paste here, and <code>beads fix</code>, <code>run</code>, <code>safe-build</code> and the MCP server, records one.</p>\n"
        } else {
            body +=
                "<table><thead><tr><th scope=\"col\">Bead</th><th scope=\"col\">Cost</th><th scope=\"col\">24 h</th><th scope=\"col\">7 d</th><th scope=\"col\">30 d</th><th scope=\"col\">Failed runs</th><th scope=\"col\">Hits per day, 30 days</th></tr></thead><tbody>\n"
            for c in costs {
                body += "<tr><td>\(HTML.beadLink(c.beadID)) \(e(c.bead?.title ?? "(not in the store)"))"
                if c.isRegression { body += " <span class=\"regression\">REGRESSION</span>" }
                body +=
                    "</td><td>\(c.cost)</td><td>\(c.hits.day)</td><td>\(c.hits.week)</td><td>\(c.hits.month)</td><td>\(c.failedRuns)</td>"
                body +=
                    "<td>\(HTML.hitChart(c.daily, label: "\(c.beadID): \(c.hits.month) hits in 30 days, per day, oldest first"))</td></tr>\n"
            }
            body += "</tbody></table>\n"
        }
        body +=
            "<h2>Unknown errors</h2>\n<p>\(unmatched.month) diagnos\(unmatched.month == 1 ? "is" : "es") in 30 days matched no known error"
        body +=
            unmatched.month > 0 ? " (<code>beads hits --unmatched</code> lists them; the pastes themselves are not kept).</p>\n" : ".</p>\n"
        body += """
            <form method="post" action="/triage">
            <input type="hidden" name="csrf" value="\(e(token))">
            <p><label for="logs">Group failed builds' logs by their error: paste one or more logs, each after a line <code>\(e(separator))</code></label></p>
            <textarea id="logs" name="logs" required></textarea>
            <p><button type="submit">Group them</button></p>
            </form>

            """
        return HTML.page("Known errors", section: .errors, body)
    }

    static func triage(_ request: Request, site: ServeSite) async throws -> String {
        let bytes = try await site.tokenCheckedForm(request)
        guard let text = FormFields.value("logs", in: bytes) else {
            throw ServeFailure(
                status: .badRequest, message: "The logs are not UTF-8 text (or the form has no logs field): paste them as text.")
        }
        let logs = LogSource.split(Data(text.utf8), separator: separator, tail: Int.max)
        guard !logs.isEmpty else { throw ServeFailure(status: .badRequest, message: "No logs to group: paste at least one.") }
        let outcome = try await site.offloaded {
            try Triage(base: try site.open(), environment: site.environment)(
                logs.map { log in Triage.Log(name: log.name, read: { try log.read() }) })
        }
        let (known, unknown, silent, families) = (outcome.known, outcome.unknown, outcome.silent, outcome.families)
        let e = HTML.escape
        var body = "<h1>\(logs.count) log\(logs.count == 1 ? "" : "s") grouped</h1>\n"
        body +=
            "<p>\(known.values.reduce(0, +)) known, \(unknown.count) unknown in \(families.count) famil\(families.count == 1 ? "y" : "ies"), \(silent) with no error line.</p>\n"
        if !known.isEmpty {
            body +=
                "<h2>Known</h2>\n<ul>"
                + known.sorted { $0.value != $1.value ? $0.value > $1.value : $0.key < $1.key }.map {
                    "<li>\(HTML.beadLink($0.key)): \($0.value)</li>"
                }.joined() + "</ul>\n"
        }
        if !families.isEmpty {
            body += "<h2>Unknown families</h2>\n<ol>\n"
            for f in families {
                body +=
                    "<li><strong>\(f.count) log\(f.count == 1 ? "" : "s")</strong> <code>\(e(f.template))</code><br>e.g. \(e(f.example.replacingOccurrences(of: "-#", with: "log "))): <code>\(e(FixReport.clip(f.exampleLine.trimmingCharacters(in: .whitespaces), 160)))</code>"
                body += "<br>record it: <code>\(e(TriageCommand.create(f)))</code></li>\n"
            }
            body += "</ol>\n"
        }
        body += "<p><a href=\"/errors\">Back to the known errors</a></p>"
        return HTML.page("Triage", section: .errors, live: false, body)
    }
}
