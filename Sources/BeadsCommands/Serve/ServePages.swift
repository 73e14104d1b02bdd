import BeadsKnowledge
import BeadsRemedy
import BeadsStore
import Foundation
import Hummingbird

/// The paste box and what it answers: the pages of `fix`.
enum ServePages {
    static func home(token: String) -> String {
        HTML.page(
            "Paste an error", section: .paste, live: false,
            """
            <h1>Paste an error, get the fix</h1>
            <form method="post" action="/fix">
            <input type="hidden" name="csrf" value="\(HTML.escape(token))">
            <p><label for="text">The error, or the end of the build log</label></p>
            <textarea id="text" name="text" required placeholder="ERROR: mount source: &quot;overlay&quot; … err: invalid argument"></textarea>
            <p id="file-picker" hidden><label>…or pick a log file <input type="file" accept=".log,.txt,text/*"></label> (dropping one on the box works too)</p>
            <p><button type="submit">Find the known error</button></p>
            </form>
            <p>Secrets in the paste (tokens, passwords in URLs) are masked before anything is matched, and the paste itself is never stored: a diagnosis is recorded as a hit with a fingerprint of it.</p>
            """)
    }

    static func error(_ message: String, status: HTTPResponse.Status = .badRequest) -> String {
        HTML.page(
            "Error", section: nil, live: false,
            "<h1>\(status.code == 404 ? "Not found" : "That did not work")</h1>\n<p role=\"alert\">\(HTML.escape(message))</p>\n<p><a href=\"/\">Paste an error</a> · <a href=\"/board\">the board</a></p>"
        )
    }

    static func diagnosis(_ diagnosis: Diagnosis, env: EnvironmentReport, paste: String, runToken: String?) -> String {
        let e = HTML.escape
        guard !diagnosis.matches.isEmpty else {
            var body =
                "<h1>No known error matched</h1>\n<p>\(diagnosis.linesRead) lines read; a match needs a score of \(MatchModel.threshold) or more.</p>\n"
            if !diagnosis.nearest.isEmpty {
                body += "<h2>Nearest known errors</h2>\n<ul>\n"
                for m in diagnosis.nearest {
                    body +=
                        "<li>\(HTML.beadLink(m.beadID)) \(e(m.bead?.title ?? "")) (score \(String(format: "%.2f", m.score))): \(e(MatchWhy.sentence(m)))</li>\n"
                }
                body += "</ul>\n"
            }
            body += "<p>If this is a new known error, record it: <code>beads create --from-error</code> with the same text.</p>"
            return HTML.page("No known error", section: .paste, live: false, body)
        }
        var body = ""
        for m in diagnosis.matches.prefix(3) {
            body += "<section>\n<h1>Known error <span class=\"bead\">\(e(m.beadID))</span>: \(e(m.bead?.title ?? ""))</h1>\n"
            body += "<p>\(HTML.beadLink(m.beadID)) · \(e(m.bead?.status.rawValue ?? "not in the store"))</p>\n"
            body +=
                "<p>Matched line \(m.lineNumber) (score \(String(format: "%.2f", m.score))); the parts read as variable are marked, the log's prefix is dimmed:</p>\n"
            body += matchedLines(m, paste: paste)
            body += "<p>Signature: <code>\(e(m.signature.text))</code></p>\n"
            if let cause = m.rootCause { body += "<h2>Root cause</h2>\n<p>\(e(cause))</p>\n" }
            if let advice = m.fixAdvice { body += "<h2>Fix</h2>\n<p>\(e(advice))</p>\n" }
            let ranked = RecipeRanker.rank(m.recipes, in: env)
            if !ranked.isEmpty {
                body += "<h2>Fixes, ranked for this machine (\(e(env.verdict)))</h2>\n<ol>\n"
                for r in ranked {
                    body +=
                        "<li\(r.recommended ? " class=\"recommended\"" : "")>\(e(r.recipe.name))\(r.recommended ? " (recommended)" : ""): \(e(r.reason))"
                    body += "<pre>\(e(r.recipe.body))</pre>"
                    if let runToken {
                        body += RecipeRunPages.runForm(
                            r.recipe, beadID: m.beadID, paste: paste, token: runToken, action: "/run/confirm",
                            button: "Run \(r.recipe.name)…")
                    }
                    body += "</li>\n"
                }
                body += "</ol>\n"
                if runToken == nil {
                    body +=
                        "<p>Running a fix from this page is off (the server was started without <code>--allow-run</code>); in a terminal: <code>beads fix --run</code>.</p>\n"
                }
            }
            if !m.docs.isEmpty {
                body += "<p>Docs: " + m.docs.map { HTML.docLink($0.path, section: $0.section) }.joined(separator: ", ") + "</p>\n"
            }
            body += "</section>\n"
        }
        return HTML.page("Known error \(diagnosis.matches[0].beadID)", section: .paste, live: false, body)
    }

    /// The lines a match spans as the matcher read them: the prefix it stripped (times,
    /// BuildKit steps) dimmed, and each part it masked (paths, hashes, numbers) marked with
    /// what it was read as. Secrets were masked before any of this.
    static func matchedLines(_ m: KnownErrorMatch, paste: String) -> String {
        let lines = MatchExplanation.lines(m.alignment, in: PasteIndex(text: paste))
        guard !lines.isEmpty else { return "<pre>\(HTML.escape(m.lineText))</pre>\n" }
        var html = "<pre class=\"matched\">"
        for line in lines {
            var text = line.text[...]
            if !line.strippedPrefix.isEmpty, let range = text.range(of: line.strippedPrefix) {
                html += "<span class=\"meta\">\(HTML.escape(String(text[..<range.upperBound])))</span>"
                text = text[range.upperBound...]
            }
            for (mask, source) in line.masked {
                guard !source.isEmpty, let range = text.range(of: source) else { continue }
                html += HTML.escape(String(text[..<range.lowerBound]))
                html += "<mark title=\"read as \(HTML.escape(mask.description))\">\(HTML.escape(source))</mark>"
                text = text[range.upperBound...]
            }
            html += HTML.escape(String(text)) + "\n"
        }
        return html + "</pre>\n"
    }
}
