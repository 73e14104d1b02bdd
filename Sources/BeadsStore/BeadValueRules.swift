/// The values a priority and a status may take, in one place for the store, the
/// import, and every command that takes them.
public enum BeadPriority {
    public static let range = 0...4
    public static let meaning = "0 (critical) to 4 (backlog)"

    /// `1`, `P1` or `p1` as 1: every listing prints `P1`, so it is accepted wherever a
    /// priority is taken. Nil when out of range or not a priority at all.
    public static func parse(_ text: String) -> Int? {
        var digits = Substring(text.trimmingCharacters(in: .whitespaces))
        if digits.first == "P" || digits.first == "p" { digits = digits.dropFirst() }
        guard digits.count == 1, let value = Int(digits), range.contains(value) else { return nil }
        return value
    }

    public static func problem(_ text: String) -> String {
        "priority must be \(meaning), as 1 or P1; not \(text)"
    }
}

extension BeadStatus {
    /// The status a person typed, if it is one a person may set (or filter by, with
    /// `filtering`, which adds tombstone). `in-progress` is read as `in_progress`.
    public static func parse(_ text: String, filtering: Bool = false) -> BeadStatus? {
        let status = BeadStatus(rawValue: text.lowercased().replacingOccurrences(of: "-", with: "_"))
        return (filtering ? Array(known) : settable).contains(status) ? status : nil
    }

    public static func problem(_ text: String) -> String {
        "status must be one of \(settable.map(\.rawValue).joined(separator: ", ")); not \(text)"
    }
}
