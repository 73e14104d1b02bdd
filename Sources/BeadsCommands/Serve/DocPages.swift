import BeadsCore
import BeadsKnowledge
import BeadsMarkdown
import BeadsStore
import Foundation

/// The solution docs: a list with what each holds and how stale it is, and each doc
/// rendered by cmark-gfm with its lint findings beside it, its beads and its backlinks.
enum DocPages {
    /// `/docs/PATH` names the doc `docs/PATH`; only docs the index knows are served, so no
    /// path leads outside the knowledge base.
    static func url(_ path: String) -> String {
        "/docs/" + HTML.urlComponent(path.hasPrefix("docs/") ? String(path.dropFirst(5)) : path, keepSlash: true)
    }

    static func list(site: ServeSite) throws -> String {
        let base = try site.open()
        let docs = try base.store.docSummaries()
        let texts = docs.map { (try? DocFiles.read($0.path, in: base)) ?? "" }
        let linter = try site.linting(base).linter(for: texts)
        var body = "<h1>Solution docs</h1>\n"
        guard !docs.isEmpty else {
            return HTML.page(
                "Docs", section: .docs,
                body
                    + "<p>No docs in <code>\(HTML.escape(base.location.docsDirectory))</code> yet: <code>beads doc new ID</code> writes one for a bead.</p>"
            )
        }
        body +=
            "<table><thead><tr><th scope=\"col\">Doc</th><th scope=\"col\">Beads</th><th scope=\"col\">Signatures</th><th scope=\"col\">Recipes</th><th scope=\"col\">Findings</th></tr></thead><tbody>\n"
        for (d, text) in zip(docs, texts) {
            let findings = linter.lint(path: d.path, text: text).count
            body +=
                "<tr><td>\(HTML.docLink(d.path, text: d.title.isEmpty ? d.path : d.title))<div class=\"meta\">\(HTML.escape(d.path))</div></td>"
            body +=
                "<td>\(d.primaryBeads.map(HTML.beadLink).joined(separator: ", "))</td><td>\(d.signatureCount)</td><td>\(d.recipeCount)</td>"
            body += "<td>\(findings == 0 ? "none" : "<span class=\"regression\">\(findings)</span>")</td></tr>\n"
        }
        body += "</tbody></table>\n"
        return HTML.page("Docs", section: .docs, body)
    }

    static func doc(_ rest: String, site: ServeSite) throws -> String {
        let base = try site.open()
        let docs = try base.store.docSummaries()
        guard let summary = docs.first(where: { $0.path == "docs/" + rest }) ?? docs.first(where: { $0.path == rest }) else {
            throw ServeFailure.notFound("No doc at \(rest) in this knowledge base: the docs are listed at /docs.")
        }
        let path = summary.path
        let text = try DocFiles.read(path, in: base)
        let rendered = MarkdownHTML.render(text)
        let findings = try site.linting(base).linter(for: [text]).lint(path: path, text: text)
        let beads = try base.store.docBeadLinks().filter { $0.path == path }.map(\.beadID)
        let e = HTML.escape

        var aside =
            "<aside aria-labelledby=\"findings-h\">\n<h2 id=\"findings-h\">Lint: \(findings.isEmpty ? "nothing stale" : "\(findings.count) finding\(findings.count == 1 ? "" : "s")")</h2>\n"
        for f in findings {
            let heading = rendered.headings.last { $0.line <= f.line }
            let place = heading.map { "<a href=\"#\(HTML.urlComponent($0.anchor))\">line \(f.line)</a>" } ?? "line \(f.line)"
            aside +=
                "<div class=\"finding\"><strong>\(e(f.rule.rawValue))</strong> \(place): \(e(f.message))\(f.edit != nil ? " <span class=\"meta\">(beads doc lint --fix repairs it)</span>" : "")</div>\n"
        }
        aside +=
            "<h2>Beads</h2>\n"
            + (beads.isEmpty
                ? "<p class=\"meta\">It names no bead.</p>\n" : "<ul>" + beads.map { "<li>\(HTML.beadLink($0))</li>" }.joined() + "</ul>\n")
        let backlinks = try backlinks(to: path, among: docs.map(\.path), base: base)
        aside +=
            "<h2>Linked from</h2>\n"
            + (backlinks.isEmpty
                ? "<p class=\"meta\">No other doc links here.</p>\n"
                : "<ul>" + backlinks.map { "<li>\(HTML.docLink($0))</li>" }.joined() + "</ul>\n")
        aside += "<p class=\"meta\">\(e(path)) · \(summary.signatureCount) signatures · \(summary.recipeCount) recipes</p>\n</aside>\n"

        let body = "<div class=\"doc\"><article class=\"markdown\">\n\(rendered.html)</article>\n\(aside)</div>\n"
        return HTML.page(summary.title.isEmpty ? path : summary.title, section: .docs, body)
    }

    /// The docs whose Markdown links to `path` (relative links, with or without an anchor).
    static func backlinks(to path: String, among docs: [String], base: KnowledgeBase) throws -> [String] {
        let name = (path as NSString).lastPathComponent
        var found: [String] = []
        for other in docs where other != path {
            guard let text = try? DocFiles.read(other, in: base), text.contains(name) else { continue }
            let directory = (other as NSString).deletingLastPathComponent
            let links = MarkdownParser.parse(text).all(.link).compactMap(\.destination)
            if links.contains(where: { resolve($0, from: directory) == path }) { found.append(other) }
        }
        return found
    }

    /// A link's target as a path from the root, or nil for one that leaves the site.
    static func resolve(_ destination: String, from directory: String) -> String? {
        var target = destination.split(separator: "#", maxSplits: 1, omittingEmptySubsequences: false).first.map(String.init) ?? ""
        if target.isEmpty || target.contains("://") || target.hasPrefix("mailto:") { return nil }
        target = target.removingPercentEncoding ?? target
        let joined = target.hasPrefix("/") ? String(target.dropFirst()) : (directory.isEmpty ? target : directory + "/" + target)
        var parts: [Substring] = []
        for part in joined.split(separator: "/") {
            if part == "." { continue }
            if part == ".." {
                if parts.popLast() == nil { return nil }
                continue
            }
            parts.append(part)
        }
        return parts.joined(separator: "/")
    }
}
