/// Heading anchors as GitHub generates them, so `doc.md#root-cause` links resolve the
/// same way in beads as on github.com.
///
/// GitHub lowercases the heading text, drops every character that is not a letter,
/// digit, space, hyphen or underscore (emoji and punctuation go), turns spaces into
/// hyphens, and numbers repeats: `usage`, `usage-1`, `usage-2`.
public struct HeadingAnchorGenerator: Sendable {
    private var used: [String: Int] = [:]

    public init() {}

    public static func slug(_ text: String) -> String {
        var out = ""
        for scalar in text.lowercased().unicodeScalars {
            if scalar == " " {
                out.append("-")
            } else if scalar == "-" || scalar == "_" {
                out.unicodeScalars.append(scalar)
            } else if scalar.properties.isAlphabetic || scalar.properties.numericType != nil {
                if scalar.properties.isEmojiPresentation { continue }
                out.unicodeScalars.append(scalar)
            }
        }
        return out
    }

    /// The anchor for the next heading with this text, made unique within the document.
    public mutating func anchor(for text: String) -> String {
        let base = Self.slug(text)
        if let count = used[base] {
            used[base] = count + 1
            return "\(base)-\(count)"
        }
        used[base] = 1
        return base
    }
}
