/// Admonitions, as MkDocs (`!!! failure "Build error"`, `??? note` with a body indented
/// four spaces) and Docusaurus (`:::danger Error` … `:::`) write them. cmark-gfm knows
/// neither: an indented MkDocs body is a code block to it, fences and all. They are read
/// before cmark sees the text: each marker line becomes blank and a MkDocs body loses its
/// indent, so its blocks parse as blocks, on the same line numbers.
struct Admonition: Sendable, Equatable {
    /// `failure`, `danger`, `note` …, lowercased.
    var kind: String
    var title: String
    /// 1-based lines, the marker lines included.
    var lines: ClosedRange<Int>

    /// Kinds that hold what goes wrong; others (`tip`, `note`) hold advice.
    static let errorKinds: Set<String> = [
        "failure", "fail", "danger", "error", "bug", "caution", "warning", "attention",
        "missing", "important",
    ]
    var saysError: Bool { Self.errorKinds.contains(kind) }
}

enum Admonitions {
    /// The text with admonition markers blanked and MkDocs bodies dedented, and the
    /// admonitions found.
    static func read(_ text: String) -> (text: String, admonitions: [Admonition]) {
        guard text.contains("!!!") || text.contains("???") || text.contains(":::") else { return (text, []) }
        var lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        var found: [Admonition] = []
        var open: [(kind: String, title: String, start: Int)] = []  // Docusaurus, which nest
        var k = 0
        var fence: String?
        while k < lines.count {
            let trimmed = lines[k].drop { $0 == " " }
            if let f = fence {
                if trimmed.hasPrefix(f) { fence = nil }
                k += 1
                continue
            }
            if trimmed.hasPrefix("```") || trimmed.hasPrefix("~~~") {
                fence = String(trimmed.prefix(3))
                k += 1
                continue
            }
            let indent = lines[k].count - trimmed.count
            if indent == 0, let (kind, title) = mkdocsMarker(lines[k]) {
                var end = k
                var j = k + 1
                while j < lines.count {
                    let line = lines[j]
                    if line.hasPrefix("    ") || line.hasPrefix("\t") {
                        lines[j] = line.hasPrefix("\t") ? String(line.dropFirst()) : String(line.dropFirst(4))
                        end = j
                    } else if line.allSatisfy({ $0 == " " }) {
                        // A blank line stays inside when an indented line follows.
                        let next = lines[(j + 1)...].first { !$0.allSatisfy { $0 == " " } }
                        guard let next, next.hasPrefix("    ") || next.hasPrefix("\t") else { break }
                    } else {
                        break
                    }
                    j += 1
                }
                lines[k] = ""
                found.append(Admonition(kind: kind, title: title, lines: (k + 1)...(end + 1)))
                k = end + 1
                continue
            }
            if trimmed.hasPrefix(":::") {
                let rest = trimmed.drop { $0 == ":" }.trimmingBlanks()
                if rest.isEmpty, let top = open.popLast() {
                    found.append(Admonition(kind: top.kind, title: top.title, lines: (top.start + 1)...(k + 1)))
                    lines[k] = ""
                } else if !rest.isEmpty, rest.first?.isLetter == true {
                    let kind = rest.prefix { $0.isLetter }.lowercased()
                    var title = String(rest.dropFirst(kind.count)).trimmingBlanks()
                    if title.hasPrefix("[") && title.hasSuffix("]") { title = String(title.dropFirst().dropLast()) }
                    open.append((kind, title, k))
                    lines[k] = ""
                }
            }
            k += 1
        }
        return (lines.joined(separator: "\n"), found.sorted { $0.lines.lowerBound < $1.lines.lowerBound })
    }

    /// `!!! failure "Build error"`, `???+ note`, `!!! danger inline end "x"`: kind and title.
    static func mkdocsMarker(_ line: String) -> (String, String)? {
        let markers = ["!!!", "???+", "???"]
        guard let marker = markers.first(where: { line.hasPrefix($0 + " ") }) else { return nil }
        let rest = line.dropFirst(marker.count).trimmingBlanks()
        let kind = rest.prefix { $0.isLetter || $0 == "-" }.lowercased()
        guard !kind.isEmpty else { return nil }
        var title = ""
        if let open = rest.firstIndex(of: "\""), let close = rest.lastIndex(of: "\""), open < close {
            title = String(rest[rest.index(after: open)..<close])
        }
        return (kind, title)
    }
}
