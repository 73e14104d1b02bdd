import Foundation

/// The pieces every page shares: escaping, the frame with its navigation, the style
/// sheet. Pages are server-rendered HTML that reads with JavaScript off, fetches nothing
/// from outside, and fits a phone's width.
enum HTML {
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

    /// A path or query component: everything but unreserved characters (and `/` in paths)
    /// percent-encoded, so an id or a doc path is always one safe link.
    static func urlComponent(_ text: String, keepSlash: Bool = false) -> String {
        var out = ""
        for byte in text.utf8 {
            let c = Character(Unicode.Scalar(byte))
            if c.isASCII && (c.isLetter || c.isNumber || "-._~".contains(c) || (keepSlash && c == "/")) {
                out.append(c)
            } else {
                out += String(format: "%%%02X", byte)
            }
        }
        return out
    }

    static func beadLink(_ id: String) -> String {
        "<a class=\"id\" href=\"/beads/\(urlComponent(id))\">\(escape(id))</a>"
    }

    static func docLink(_ path: String, section: String = "", text: String? = nil) -> String {
        let anchor = section.isEmpty ? "" : "#" + urlComponent(section)
        return "<a href=\"\(DocPages.url(path))\(anchor)\">\(escape(text ?? (path + (section.isEmpty ? "" : "#" + section))))</a>"
    }

    enum Section: String, CaseIterable {
        case paste = "/", board = "/board", docs = "/docs", errors = "/errors"
        var title: String {
            switch self {
            case .paste: "Paste an error"
            case .board: "Board"
            case .docs: "Docs"
            case .errors: "Known errors"
            }
        }
    }

    /// A whole page. `live` pages re-read themselves when the store changes (server-sent
    /// events, see beads.js); a page answering a POST is not live.
    static func page(_ title: String, section: Section?, live: Bool = true, _ body: String) -> String {
        let nav = Section.allCases.map { s in
            "<a href=\"\(s.rawValue)\"\(s == section ? " aria-current=\"page\"" : "")>\(s.title)</a>"
        }.joined(separator: "\n")
        return """
            <!doctype html>
            <html lang="en"><head><meta charset="utf-8">
            <meta name="viewport" content="width=device-width, initial-scale=1">
            <title>\(escape(title)) · beads</title><style>\(style)</style>
            <script src="/assets/beads.js" defer></script></head>
            <body data-live="\(live)"><a class="skip" href="#main">Skip to the content</a>
            <header><nav aria-label="beads">\(nav)</nav><p id="live" role="status" aria-live="polite"></p></header>
            <main id="main">
            \(body)
            </main></body></html>

            """
    }

    static let style = """
        *{box-sizing:border-box}
        body{font:16px/1.5 system-ui,sans-serif;max-width:75rem;margin:0 auto;padding:0 1rem 2rem;color:#1b1b1b;background:#fff}
        a{color:#0645ad}a:focus,button:focus,input:focus,select:focus,textarea:focus,summary:focus{outline:3px solid #f5a623;outline-offset:2px}
        header{display:flex;flex-wrap:wrap;align-items:center;gap:.5rem 1.5rem;border-bottom:1px solid #ccc;margin-bottom:1rem}
        nav{display:flex;flex-wrap:wrap;gap:.25rem 1rem;padding:.6rem 0}nav a[aria-current]{font-weight:bold;color:#1b1b1b}
        #live{margin:0;color:#2f5d1e;font-size:.9rem}
        .skip{position:absolute;left:-999px}.skip:focus{left:1rem;top:.5rem;background:#fff;padding:.25rem}
        textarea{width:100%;min-height:12rem;font:14px/1.4 ui-monospace,monospace}
        pre,code{font-family:ui-monospace,monospace;font-size:14px}
        pre{background:#f3f3f3;padding:.5rem;overflow-x:auto;white-space:pre-wrap;word-break:break-word}
        button,input,select{font-size:1rem;padding:.35rem .6rem}
        .recommended{font-weight:bold}
        mark{background:#fff2a8;color:#1b1b1b}
        .filters{display:flex;flex-wrap:wrap;gap:.5rem 1rem;align-items:end;margin-bottom:1rem}
        .filters label{display:flex;flex-direction:column;font-size:.9rem}
        .columns{display:grid;grid-template-columns:repeat(auto-fit,minmax(15rem,1fr));gap:1rem}
        .column h2{font-size:1.1rem;border-bottom:2px solid #555;margin:0 0 .5rem}
        .card{border:1px solid #bbb;border-radius:4px;padding:.4rem .6rem;margin:0 0 .5rem;list-style:none;overflow-wrap:anywhere}
        .cards{padding:0;margin:0}.meta{color:#4a4a4a;font-size:.85rem}
        .badge{display:inline-block;border-radius:3px;padding:0 .35rem;font-size:.8rem;border:1px solid currentColor}
        .p0{color:#a10000}.p1{color:#8a4b00}.regression{color:#a10000;font-weight:bold}
        .finding{border-left:4px solid #b36b00;padding:.2rem .6rem;margin:.4rem 0;background:#fff8ec}
        .doc{display:grid;grid-template-columns:minmax(0,1fr) 18rem;gap:1.5rem}
        @media (max-width:50rem){.doc{grid-template-columns:minmax(0,1fr)}}
        table{border-collapse:collapse;max-width:100%;display:block;overflow-x:auto}
        th,td{border:1px solid #ccc;padding:.25rem .5rem;text-align:left;vertical-align:top}
        svg{max-width:100%;height:auto}
        """

    /// A chart of hits per day, oldest on the left, drawn as bars (inline SVG).
    static func hitChart(_ daily: [Int], label: String) -> String {
        let peak = max(1, daily.max() ?? 0)
        let width = 4 * daily.count, height = 28
        var bars = ""
        for (k, n) in daily.enumerated() where n > 0 {
            let h = max(2, n * height / peak)
            bars += "<rect x=\"\(k * 4)\" y=\"\(height - h)\" width=\"3\" height=\"\(h)\"><title>\(n)</title></rect>"
        }
        return
            "<svg class=\"chart\" role=\"img\" aria-label=\"\(escape(label))\" width=\"\(width)\" height=\"\(height)\" viewBox=\"0 0 \(width) \(height)\" fill=\"#3465a4\">"
            + "<rect x=\"0\" y=\"\(height - 1)\" width=\"\(width)\" height=\"1\" fill=\"#999\"/>\(bars)</svg>"
    }
}
