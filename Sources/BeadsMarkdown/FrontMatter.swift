/// YAML front matter at the top of a Markdown file (`---` … `---`).
///
/// cmark-gfm knows nothing of front matter, so the block is cut out here and replaced
/// by blank lines: the body keeps its line numbers, and every position cmark reports
/// is a position in the file.
public struct FrontMatterSplit: Sendable, Equatable {
    /// The YAML text between the fences, or nil when the file has none.
    public var yaml: String?
    /// 1-based line of the first YAML line (the line after the opening fence).
    public var yamlFirstLine: Int
    /// The file with the front matter blanked out, line for line.
    public var body: String
    /// True when an opening fence has no closing fence: the whole file is then body.
    public var isUnterminated: Bool

    public static func split(_ text: String) -> FrontMatterSplit {
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        guard let first = lines.first, first.trimmingTrailingCR() == "---" else {
            return FrontMatterSplit(yaml: nil, yamlFirstLine: 0, body: text, isUnterminated: false)
        }
        guard
            let end = lines.indices.dropFirst().first(where: {
                let line = lines[$0].trimmingTrailingCR()
                return line == "---" || line == "..."
            })
        else {
            return FrontMatterSplit(yaml: nil, yamlFirstLine: 0, body: text, isUnterminated: true)
        }
        let yaml = lines[1..<end].map { String($0.trimmingTrailingCR()) }.joined(separator: "\n")
        let blanked = Array(repeating: "", count: end + 1) + lines[(end + 1)...].map(String.init)
        return FrontMatterSplit(
            yaml: yaml, yamlFirstLine: 2, body: blanked.joined(separator: "\n"), isUnterminated: false)
    }
}

extension Substring {
    fileprivate func trimmingTrailingCR() -> Substring {
        last == "\r" ? dropLast() : self
    }
}
