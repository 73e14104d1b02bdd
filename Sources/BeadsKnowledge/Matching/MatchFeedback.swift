import BeadsStore

/// What `fix --confirm` and `fix --reject` teach: a paste's shape recorded on the bead,
/// as a signature it should match (`error_signatures`) or a shape it must not match
/// (`rejected_signatures`). Both travel in the bead's JSONL line, so the lesson reaches
/// everyone through git and survives a rebuilt database.
public enum MatchFeedback {
    static let confirmedKey = "error_signatures"
    static let rejectedKey = "rejected_signatures"
    /// A rejection holds for pastes this close to the rejected one; it was generalised
    /// from the very lines, so anything less is another shape.
    static let rejectionThreshold = 0.9

    /// The lines of a paste to learn from: where the bead matched or came nearest, else
    /// the first line that reads like an error.
    public static func shape(of paste: String, for beadID: String, in diagnosis: Diagnosis) -> ErrorSignature.Generalized? {
        let index = PasteIndex(text: paste)
        if let match = (diagnosis.matches + diagnosis.nearest).first(where: { $0.beadID == beadID }) {
            let lines = index.lines[match.alignment.firstLine...match.alignment.lastLine].map(\.text).joined(separator: "\n")
            if let shape = ErrorSignature.generalize(lines) { return shape }
        }
        return ErrorSignature.generalize(paste)
    }

    /// Records `shape` as a signature of the bead and withdraws any rejection of it.
    /// Returns false when the bead already had it.
    @discardableResult
    public static func confirm(_ shape: ErrorSignature.Generalized, on bead: inout Bead) -> Bool {
        var rejected = entries(bead, rejectedKey)
        rejected.removeAll { $0["pattern"]?.stringValue == shape.pattern }
        bead.setExtra(rejectedKey, rejected.isEmpty ? nil : .array(rejected))
        var confirmed = entries(bead, confirmedKey)
        guard !confirmed.contains(where: { $0["pattern"]?.stringValue == shape.pattern }) else { return false }
        confirmed.append(ErrorSignature.json(shape))
        bead.setExtra(confirmedKey, .array(confirmed))
        return true
    }

    /// Records `shape` as one the bead must not match, and drops it from the bead's own
    /// recorded signatures if it was there. Returns false when it was already rejected.
    @discardableResult
    public static func reject(_ shape: ErrorSignature.Generalized, on bead: inout Bead) -> Bool {
        var confirmed = entries(bead, confirmedKey)
        let before = confirmed.count
        confirmed.removeAll { $0["pattern"]?.stringValue == shape.pattern }
        if confirmed.count != before { bead.setExtra(confirmedKey, confirmed.isEmpty ? nil : .array(confirmed)) }
        var rejected = entries(bead, rejectedKey)
        guard !rejected.contains(where: { $0["pattern"]?.stringValue == shape.pattern }) else { return false }
        rejected.append(ErrorSignature.json(shape))
        bead.setExtra(rejectedKey, .array(rejected))
        return true
    }

    /// Whether a paste has a shape the bead was rejected for.
    static func isRejected(_ bead: Bead, for paste: PasteIndex) -> Bool {
        entries(bead, rejectedKey).contains { entry in
            guard let pattern = entry["pattern"]?.stringValue, !pattern.isEmpty else { return false }
            let tokens = pattern.split(separator: " ").map { LogToken(text: String($0)) }
            return (SignatureMatcher.align(tokens, in: paste)?.score ?? 0) >= rejectionThreshold
        }
    }

    static func entries(_ bead: Bead, _ key: String) -> [JSONValue] {
        if case let .array(items)? = bead.extraValue(key) { return items }
        return []
    }
}
