import BeadsMarkdown
import Foundation

extension DocumentAnalyzer {
    /// The text of one section, its heading and sub-sections included, found by anchor
    /// (`root-cause`), by title, or by a part of the title; nil when none matches.
    /// Lines outside it are dropped, so line-based rendering stays simple.
    public static func section(_ wanted: String, of text: String) -> (title: String, text: String)? {
        let body = FrontMatterSplit.split(text).body
        let sections = sections(of: MarkdownParser.parse(body)).map(\.record).filter { $0.level > 0 }
        let key = wanted.lowercased().trimmingCharacters(in: .whitespaces).trimmingCharacters(in: CharacterSet(charactersIn: "#"))
        guard
            let index = sections.firstIndex(where: { $0.anchor == key || $0.title.lowercased() == key })
                ?? sections.firstIndex(where: { $0.title.lowercased().contains(key) })
        else { return nil }
        let section = sections[index]
        let next = sections[(index + 1)...].first { $0.level <= section.level }
        let lines = body.split(separator: "\n", omittingEmptySubsequences: false)
        let end = min(next.map { $0.lineStart - 1 } ?? lines.count, lines.count)
        return (section.title, lines[(section.lineStart - 1)..<end].joined(separator: "\n"))
    }

    /// Every section's anchor and title, for telling a user what there is.
    public static func sectionTitles(of text: String) -> [(anchor: String, title: String)] {
        sections(of: MarkdownParser.parse(FrontMatterSplit.split(text).body)).map(\.record)
            .filter { $0.level > 0 }.map { ($0.anchor, $0.title) }
    }
}
