/// Colour and bold for people at a terminal: the bead id, the verdict, the recommended
/// fix. Styled text carries markers (private-use characters) that `Terminal` turns into
/// ANSI codes on a terminal and drops everywhere else: in a pipe, a file, with
/// `NO_COLOR` set, or for `TERM=dumb`. Each marker stands for one entry of a fixed
/// table, so a marker smuggled into a bead's title can change a colour at most, never
/// send the terminal anything else.
enum Style: Character, CaseIterable {
    case bold = "\u{E011}"
    case dim = "\u{E012}"
    case red = "\u{E013}"
    case green = "\u{E014}"
    case yellow = "\u{E015}"
    case cyan = "\u{E016}"
    case reset = "\u{E01F}"

    var code: String {
        switch self {
        case .bold: "1"
        case .dim: "2"
        case .red: "31"
        case .green: "32"
        case .yellow: "33"
        case .cyan: "36"
        case .reset: "0"
        }
    }

    func callAsFunction(_ text: String) -> String { "\(rawValue)\(text)\(Style.reset.rawValue)" }

    static let markers = Set(allCases.map(\.rawValue))

    /// Whether a stream gets colours: a terminal, no NO_COLOR, not a dumb terminal.
    static func isEnabled(for sink: OutputSink, environment: [String: String]) -> Bool {
        sink.isTerminal && (environment["NO_COLOR"] ?? "").isEmpty && environment["TERM"] != "dumb"
    }

    /// The text with its markers as ANSI codes, or without them.
    static func render(_ text: String, enabled: Bool) -> String {
        guard text.contains(where: { markers.contains($0) }) else { return text }
        var out = ""
        for character in text {
            if let style = Style(rawValue: character) {
                if enabled { out += "\u{1B}[\(style.code)m" }
            } else {
                out.append(character)
            }
        }
        return out
    }
}
