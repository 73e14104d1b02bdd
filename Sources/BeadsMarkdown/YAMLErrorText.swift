import Yams

/// What a Yams error says, for a person: the problem and the line to look at. Front
/// matter and `beads/config.yaml` are read with Yams, and both report through this.
public enum YAMLErrorText {
    /// The 0-based YAML line of a Yams error. An unclosed `[` is noticed at the end of
    /// the text; the line where the construct began is where to look, so that wins.
    public static func line(_ error: Error) -> Int {
        guard let e = error as? YamlError else { return 0 }
        switch e {
        case let .scanner(context, _, mark, _), let .parser(context, _, mark, _):
            return (context?.mark.line ?? mark.line) - 1
        default:
            return 0
        }
    }

    public static func reason(_ error: Error) -> String {
        if let e = error as? YamlError {
            switch e {
            case let .scanner(_, problem, _, _), let .parser(_, problem, _, _): return problem
            default: break
            }
        }
        return "\(error)".split(separator: "\n").first.map(String.init) ?? "\(error)"
    }
}
