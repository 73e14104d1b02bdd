import BeadsStore
import Foundation

/// A fenced block's info string: `bash {recipe=kaniko-build when=devpod requires=kubectl}`.
public struct RecipeInfo: Sendable, Equatable {
    public var language: String
    public var attributes: [String: String]

    public init(_ info: String) {
        let trimmed = info.trimmingCharacters(in: .whitespaces)
        let brace = trimmed.firstIndex(of: "{")
        let head = trimmed[..<(brace ?? trimmed.endIndex)].trimmingCharacters(in: .whitespaces)
        language = head.split(separator: " ").first.map { $0.lowercased() } ?? ""
        attributes = [:]
        guard let brace, let close = trimmed.lastIndex(of: "}"), close > brace else { return }
        var key = "", value = "", inValue = false, quote: Character?
        func finish() {
            if !key.isEmpty { attributes[key] = inValue ? value : "true" }
            key = ""
            value = ""
            inValue = false
        }
        for ch in trimmed[trimmed.index(after: brace)..<close] {
            if let q = quote {
                if ch == q { quote = nil } else { value.append(ch) }
            } else if ch == " " {
                finish()
            } else if ch == "=", !inValue {
                inValue = true
            } else if inValue, value.isEmpty, ch == "\"" || ch == "'" {
                quote = ch
            } else if inValue {
                value.append(ch)
            } else {
                key.append(ch)
            }
        }
        finish()
    }

    /// Attributes that say where a recipe applies, not what it runs.
    static let placementAttributes: Set<String> = ["recipe", "when", "requires", "title"]

    /// What an approval covers: everything that decides what runs. The interpreter (a
    /// `bash` block made `python3` runs the same text as other code), every attribute but
    /// the ones that only place the recipe, and the body.
    public func approvalHash(body: String) -> String {
        let settings = attributes.filter { !Self.placementAttributes.contains($0.key) }
            .sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }.joined(separator: "\u{1F}")
        return ContentHash.sha256("language=\(language)\u{1E}\(settings)\u{1E}\(body)")
    }
}
