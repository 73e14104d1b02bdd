import BeadsCore
import BeadsKnowledge
import BeadsMarkdown
import BeadsStore
import Foundation

/// One bead, as `show` tells it and more: description, the dependency graph, comments,
/// history, the docs that cover it, its signatures and recipes, runs and hits.
enum BeadPage {
    static func render(_ id: String, site: ServeSite) throws -> String {
        let base = try site.open()
        guard let bead = try base.store.bead(id) else {
            throw ServeFailure.notFound("No bead \(id) in this knowledge base: the board lists them all.")
        }
        let details = try BeadDetails(bead.id, in: base.store)
        let e = HTML.escape
        var body = "<h1><span class=\"id\">\(e(bead.id))</span> \(e(bead.title))</h1>\n"
        var facts = ["<span class=\"badge p\(bead.priority)\">P\(bead.priority)</span>", e(bead.status.rawValue), e(bead.issueType)]
        if let assignee = bead.assignee, !assignee.isEmpty { facts.append("assigned to " + e(assignee)) }
        if !bead.labels.isEmpty {
            facts.append(
                "labels: " + bead.labels.map { "<a href=\"/board?label=\(HTML.urlComponent($0))\">\(e($0))</a>" }.joined(separator: ", "))
        }
        facts.append("created \(e(bead.createdAt))")
        if let closed = bead.closedAt { facts.append("closed \(e(closed))" + (bead.closeReason.map { ": " + e($0) } ?? "")) }
        body += "<p class=\"meta\">\(facts.joined(separator: " · "))</p>\n"
        if RegressionRule.isRegression(bead, hits: details.hits) {
            body += "<p class=\"regression\" role=\"alert\">Regression: \(e(RegressionRule.sentence(bead, hits: details.hits))).</p>\n"
        }
        if !bead.description.isEmpty {
            body += "<section aria-label=\"Description\" class=\"markdown\">\(MarkdownHTML.render(bead.description).html)</section>\n"
            if let cut = MarkdownBudget.bounded(bead.description).cuts.first {
                body += "<p class=\"meta\">The description was cut to be shown: \(e(cut.description)).</p>\n"
            }
        }

        let links = details.links
        body += "<h2>Dependencies</h2>\n"
        let graph = try DependencyGraphSVG(root: bead, store: base.store)
        if graph.isEmpty {
            body += "<p class=\"meta\">It depends on nothing, and nothing depends on it.</p>\n"
        } else {
            body += graph.svg(label: "Dependency graph of \(bead.id): what it waits for on the left, what waits for it on the right") + "\n"
            if graph.omitted > 0 {
                body += "<p class=\"meta\">\(graph.omitted) more not drawn; <code>beads dep tree \(e(bead.id))</code> shows all.</p>\n"
            }
            for (heading, list) in [("Waits for", links.dependsOn), ("Waited on by", links.dependents)] where !list.isEmpty {
                body +=
                    "<h3>\(heading)</h3>\n<ul>"
                    + list.map { link in
                        "<li>\(e(link.type)) \(HTML.beadLink(link.id)) "
                            + (link.bead.map { "\(e($0.title)) · \(e($0.status.rawValue))" } ?? "(not in this store)") + "</li>"
                    }.joined() + "</ul>\n"
            }
        }

        body += "<h2>Known error</h2>\n"
        if details.signatures.isEmpty {
            body += "<p class=\"meta\">No error signature: <code>beads fix</code> cannot recognise this bead.</p>\n"
        } else {
            body +=
                "<ul>"
                + details.signatures.map { s in
                    "<li><code>\(e(s.text))</code> <span class=\"meta\">from "
                        + (s.docPath.map { HTML.docLink($0, section: s.sectionAnchor, text: "\($0):\(s.line)") } ?? e(s.origin))
                        + "</span></li>"
                }.joined() + "</ul>\n"
        }
        if details.hits.total > 0 {
            let daily = try base.store.dailyHits(HitWindows(now: Date()).days(30))[bead.id] ?? []
            body +=
                "<p>Hits: \(e(HitPresentation.line(details.hits))) "
                + HTML.hitChart(daily, label: "Hits of \(bead.id) per day, last 30 days") + "</p>\n"
        }
        if !details.mentions.isEmpty {
            var seen = Set<String>()
            body +=
                "<h2>Docs</h2>\n<ul>"
                + details.mentions.compactMap { path, m in
                    seen.insert("\(path)#\(m.sectionAnchor)").inserted
                        ? "<li>\(HTML.docLink(path, section: m.sectionAnchor)) <span class=\"meta\">line \(m.line)</span></li>" : nil
                }.joined() + "</ul>\n"
        }
        if !details.recipes.isEmpty {
            body += "<h2>Fixes (recipes)</h2>\n"
            for r in details.recipes {
                body +=
                    "<h3>\(e(r.name)) <span class=\"meta\">\(e(FixReport.place(r.when)))\(r.requires.isEmpty ? "" : "; needs " + e(r.requires.joined(separator: ", "))) · \(HTML.docLink(r.docPath, section: r.sectionAnchor, text: "\(r.docPath):\(r.line)"))</span></h3>\n<pre>\(e(r.body))</pre>\n"
            }
        }
        if !details.runs.isEmpty {
            body +=
                "<h2>Recent runs</h2>\n<ul>"
                + details.runs.map { r in
                    "<li>#\(r.id ?? 0) \(e(r.startedAt)) \(e(r.recipe)): \(e(r.outcome)) (exit \(r.exitCode)) by \(e(r.actor))</li>"
                }.joined() + "</ul>\n"
        }
        let comments = bead.comments
        body +=
            "<h2>Comments</h2>\n"
            + (comments.isEmpty
                ? "<p class=\"meta\">None.</p>\n"
                : "<ul>"
                    + comments.map { c in
                        "<li><strong>\(e(c["author"]?.stringValue ?? "someone"))</strong> <span class=\"meta\">\(e(c["created_at"]?.stringValue ?? ""))</span><div class=\"markdown\">\(MarkdownHTML.render(c["text"]?.stringValue ?? "").html)</div></li>"
                    }.joined() + "</ul>\n")
        let history = try base.store.history(of: bead.id)
        if !history.isEmpty {
            body +=
                "<details><summary>History (\(history.count) changes)</summary>\n<ul>"
                + history.map { event in
                    "<li>\(e(event.at)) \(e(event.actor)): \(e(event.field))"
                        + (event.newValue.map { " → <code>\(e(FixReport.clip($0, 120)))</code>" } ?? "") + "</li>"
                }.joined() + "</ul></details>\n"
        }
        return HTML.page("\(bead.id) \(bead.title)", section: .board, body)
    }
}
