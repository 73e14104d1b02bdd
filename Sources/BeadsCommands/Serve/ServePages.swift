import BeadsKnowledge
import BeadsRemedy
import BeadsStore

/// The pages, rendered on the server as plain HTML: they read and work with JavaScript
/// off, fetch nothing from outside, and fit a narrow window.
enum ServePages {
    static func escape(_ text: String) -> String {
        var out = ""
        out.reserveCapacity(text.utf8.count)
        for c in text.unicodeScalars {
            switch c {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&#39;"
            default: out.unicodeScalars.append(c)
            }
        }
        return out
    }

    static let style = """
        body{font:16px/1.5 system-ui,sans-serif;max-width:60rem;margin:0 auto;padding:1rem;color:#1b1b1b;background:#fff}
        textarea{width:100%;min-height:12rem;font:14px/1.4 ui-monospace,monospace;box-sizing:border-box}
        pre{background:#f3f3f3;padding:.5rem;overflow-x:auto;white-space:pre-wrap}
        button{font-size:1rem;padding:.4rem 1rem}
        .recommended{font-weight:bold}
        nav a{margin-right:1rem}
        """

    static func layout(_ title: String, _ body: String) -> String {
        """
        <!doctype html>
        <html lang="en"><head><meta charset="utf-8">
        <meta name="viewport" content="width=device-width, initial-scale=1">
        <title>\(escape(title)) · beads</title><style>\(style)</style></head>
        <body><nav><a href="/">Paste an error</a></nav>
        <main>
        \(body)
        </main></body></html>

        """
    }

    static func home() -> String {
        layout("Paste an error", """
            <h1>Paste an error, get the fix</h1>
            <form method="post" action="/fix">
            <label for="text">The error, or the end of the build log</label>
            <textarea id="text" name="text" required placeholder="ERROR: mount source: &quot;overlay&quot; … err: invalid argument"></textarea>
            <p><button type="submit">Find the known error</button></p>
            </form>
            """)
    }

    static func error(_ message: String) -> String {
        layout("Error", "<h1>That did not work</h1>\n<p role=\"alert\">\(escape(message))</p>\n<p><a href=\"/\">Paste again</a></p>")
    }

    static func diagnosis(_ diagnosis: Diagnosis, env: EnvironmentReport, paste: String) -> String {
        guard !diagnosis.matches.isEmpty else {
            var body = "<h1>No known error matched</h1>\n<p>\(diagnosis.linesRead) lines read; a match needs a score of \(SignatureMatcher.threshold) or more.</p>\n"
            if !diagnosis.nearest.isEmpty {
                body += "<h2>Nearest known errors</h2>\n<ul>\n"
                for m in diagnosis.nearest {
                    body += "<li><strong>\(escape(m.beadID))</strong> \(escape(m.bead?.title ?? "")) (score \(String(format: "%.2f", m.score))): \(escape(MatchWhy.sentence(m)))</li>\n"
                }
                body += "</ul>\n"
            }
            body += "<p>If this is a new known error, record it: <code>beads create --from-error</code> with the same text.</p>"
            return layout("No known error", body)
        }
        var body = ""
        for m in diagnosis.matches.prefix(3) {
            body += "<section>\n<h1>Known error <span class=\"bead\">\(escape(m.beadID))</span>: \(escape(m.bead?.title ?? ""))</h1>\n"
            body += "<p>Matched line \(m.lineNumber) (score \(String(format: "%.2f", m.score))):</p>\n<pre>\(escape(m.lineText))</pre>\n"
            body += "<p>Signature: <code>\(escape(m.signature.text))</code></p>\n"
            if let cause = m.rootCause { body += "<h2>Root cause</h2>\n<p>\(escape(cause))</p>\n" }
            if let advice = m.fixAdvice { body += "<h2>Fix</h2>\n<p>\(escape(advice))</p>\n" }
            let ranked = RecipeRanker.rank(m.recipes, in: env)
            if !ranked.isEmpty {
                body += "<h2>Fixes, ranked for this machine (\(escape(env.verdict)))</h2>\n<ol>\n"
                for r in ranked {
                    body += "<li\(r.recommended ? " class=\"recommended\"" : "")>\(escape(r.recipe.name))\(r.recommended ? " (recommended)" : ""): \(escape(r.reason))"
                    body += "<pre>\(escape(r.recipe.body))</pre></li>\n"
                }
                body += "</ol>\n"
            }
            if !m.docs.isEmpty {
                body += "<p>Docs: " + m.docs.map { "<code>\(escape($0.path))#\(escape($0.section))</code>" }.joined(separator: ", ") + "</p>\n"
            }
            body += "</section>\n"
        }
        return layout("Known error \(diagnosis.matches[0].beadID)", body)
    }
}
