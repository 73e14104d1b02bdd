/// Help text written in the source as wrapped paragraphs, handed to ArgumentParser as
/// one line per paragraph: it wraps to the terminal's width itself, and wrapping a
/// hand-wrapped line again leaves one-word lines behind.
enum HelpText {
    /// Joins each paragraph's lines. Indented lines (examples, lists of rules), bullets,
    /// and the line after one ending in ":" keep their own line.
    static func prose(_ text: String) -> String {
        var lines: [String] = []
        for line in text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init) {
            if let previous = lines.last, joins(line, after: previous) {
                lines[lines.count - 1] = previous + " " + line
            } else {
                lines.append(line)
            }
        }
        return lines.joined(separator: "\n")
    }

    private static func joins(_ line: String, after previous: String) -> Bool {
        guard let first = line.first, let start = previous.first else { return false }
        if first == " " || start == " " || previous.hasSuffix(":") { return false }
        return !(line.hasPrefix("- ") || line.hasPrefix("* "))
    }
}
