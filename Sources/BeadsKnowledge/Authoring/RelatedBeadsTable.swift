import BeadsStore

/// The related-beads table a doc keeps between two marker comments, written from the
/// store so the statuses in it cannot drift.
public enum RelatedBeadsTable {
    public static let startMarker = "<!-- beads:related-beads:start -->"
    public static let endMarker = "<!-- beads:related-beads:end -->"

    /// The table, markers included.
    public static func block(for beads: [Bead]) -> String {
        var lines = [startMarker, "| Bead | Title | Priority | Status |", "|------|-------|----------|--------|"]
        for bead in beads {
            let title = bead.title.replacingOccurrences(of: "|", with: "\\|")
            lines.append("| \(bead.id) | \(title) | P\(bead.priority) | \(ClaimedState.cellText(for: bead.status, withEmoji: true)) |")
        }
        lines.append(endMarker)
        return lines.joined(separator: "\n")
    }

    public enum SyncResult: Equatable {
        case updated(String, beads: [String], unknown: [String])
        case unchanged(beads: [String])
        /// The doc has no markers (or only one).
        case noMarkers
    }

    /// Rewrites the table between the markers. Its beads are the ones already listed
    /// there, in their order; an empty table is filled with every bead the doc
    /// mentions elsewhere. Ids the store does not have are dropped and returned.
    public static func sync(_ text: String, analyzer: DocumentAnalyzer, lookup: (String) -> Bead?) -> SyncResult {
        var lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        guard let start = lines.firstIndex(where: { $0.trimmingCharacters(in: .whitespaces) == startMarker }),
            let end = lines[start...].firstIndex(where: { $0.trimmingCharacters(in: .whitespaces) == endMarker })
        else { return .noMarkers }
        var ids = unique(lines[(start + 1)..<end].flatMap { analyzer.beadIDs(in: $0) })
        if ids.isEmpty {
            let outside = lines[..<start] + lines[(end + 1)...]
            ids = unique(outside.flatMap { analyzer.beadIDs(in: $0) })
        }
        let known = ids.compactMap(lookup)
        let unknown = ids.filter { lookup($0) == nil }
        let replacement = block(for: known).split(separator: "\n").map(String.init)
        if Array(lines[start...end]) == replacement { return .unchanged(beads: known.map(\.id)) }
        lines.replaceSubrange(start...end, with: replacement)
        return .updated(lines.joined(separator: "\n"), beads: known.map(\.id), unknown: unknown)
    }

    static func unique(_ ids: [String]) -> [String] {
        var seen = Set<String>()
        return ids.filter { seen.insert($0).inserted }
    }
}
