import BeadsStore

/// What a doc says about the state of a bead or a system, reduced to three states
/// that a bead's status can be compared with.
public enum ClaimedState: String, Sendable, Equatable {
    case done, inProgress = "in progress", open

    /// The state a bead's stored status amounts to.
    public init(_ status: BeadStatus) {
        switch status {
        case .closed, .tombstone: self = .done
        case .inProgress, .hooked: self = .inProgress
        default: self = .open
        }
    }

    /// Words first (`✅ Documented` is done, `⚠️ configured but failing` is open), then
    /// the emoji alone. nil when the text claims nothing.
    public static func classify(_ text: String) -> ClaimedState? {
        let lower = " " + text.lowercased().replacingOccurrences(of: "_", with: " ") + " "
        func has(_ words: [String]) -> Bool {
            words.contains { word in
                var search = lower.startIndex..<lower.endIndex
                while let r = lower.range(of: word, range: search) {
                    let before = lower[lower.index(before: r.lowerBound)]
                    let after = r.upperBound < lower.endIndex ? lower[r.upperBound] : " "
                    if !before.isLetter, !after.isLetter { return true }
                    search = r.upperBound..<lower.endIndex
                }
                return false
            }
        }
        // Negations and failures outrank the success words they contain ("not working").
        if has([
            "failing", "fails", "failed", "broken", "not working", "not fixed", "not started", "open", "blocked", "todo", "to do",
            "pending", "unresolved",
        ]) {
            return .open
        }
        if has(["in progress", "wip", "ongoing", "started", "underway"]) { return .inProgress }
        if has([
            "completed", "complete", "resolved", "done", "closed", "fixed", "documented", "working", "works", "builds successfully",
            "succeeds", "available", "shipped", "merged",
        ]) {
            return .done
        }
        if text.contains("❌") || text.contains("⚠") { return .open }
        if text.contains("🔄") || text.contains("⏳") { return .inProgress }
        if text.contains("✅") || text.contains("✔") { return .done }
        return nil
    }

    /// How `--fix` and `doc sync` write a bead's status in a table cell, in the cell's
    /// own style (with or without an emoji).
    public static func cellText(for status: BeadStatus, withEmoji: Bool) -> String {
        let word: String
        let emoji: String
        switch status {
        case .closed, .tombstone:
            word = "Closed"
            emoji = "✅"
        case .inProgress, .hooked:
            word = "In progress"
            emoji = "🔄"
        case .blocked:
            word = "Blocked"
            emoji = "⚠️"
        case .deferred:
            word = "Deferred"
            emoji = "⏳"
        default:
            word = status.rawValue == "open" ? "Open" : status.rawValue.capitalized
            emoji = "❌"
        }
        return withEmoji ? "\(emoji) \(word)" : word
    }

    static func hasMarker(_ text: String) -> Bool {
        text.unicodeScalars.contains { "✅🔄⚠❌⏳✔".unicodeScalars.contains($0) }
    }
}

/// One claim: a doc line saying a subject (a bead id, or a named system such as
/// "GitHub Actions") is in a state.
struct StatusClaim {
    enum Subject: Hashable {
        case bead(String)
        /// A named system, by its lower-cased words ("github actions").
        case system(String)
    }

    enum Source {
        /// A table's status cell; `cell` is its text as written, for `--fix`.
        case tableCell(cell: String)
        case statusLine
        case prose
    }

    var subject: Subject
    /// The subject as the doc wrote it ("GitHub Actions").
    var name: String
    var state: ClaimedState
    var line: Int
    /// The words that made the claim, as the doc wrote them.
    var wording: String
    var source: Source
}
