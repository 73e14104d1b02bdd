/// One thing `beads doc lint` found: which rule, where, and what to change.
public struct LintFinding: Sendable, Equatable {
    public enum Rule: String, Sendable, CaseIterable {
        case unknownBead = "unknown-bead"
        case statusMismatch = "status-mismatch"
        case contradiction
        case brokenLink = "broken-link"
        case brokenAnchor = "broken-anchor"
        case missingFile = "missing-file"
        case mojibake
        case noSignature = "no-signature"
        case unknownCommand = "unknown-command"
        case changelogOrder = "changelog-order"
        case uncoveredBead = "uncovered-bead"
        case noErrorText = "no-error-text"
        case errorWithoutBead = "error-without-bead"
        case genericSignature = "generic-signature"
        case overlappingSignatures = "overlapping-signatures"
        case unfilledScaffold = "unfilled-scaffold"
        case duplicateRecipe = "duplicate-recipe"
        case regression

        public var summary: String {
            switch self {
            case .unknownBead: "a bead id that no bead has"
            case .statusMismatch: "a status the doc claims that the store contradicts"
            case .contradiction: "the doc says two different things about one subject"
            case .brokenLink: "a relative link to a file that does not exist"
            case .brokenAnchor: "a #anchor that no heading generates"
            case .missingFile: "a repository path in code that does not exist"
            case .mojibake: "UTF-8 text that was read in another encoding"
            case .noSignature: "a doc about a bead that gives no error signature"
            case .unknownCommand: "a recipe calls a command that does not exist"
            case .changelogOrder: "\"Updated: DATE\" lines out of date order"
            case .uncoveredBead: "an open P0/P1 bead that no doc covers"
            case .noErrorText: "an error section from which no error text can be matched"
            case .errorWithoutBead: "error text that names no bead, so it matches nothing"
            case .genericSignature: "a signature so generic it matches ordinary build output, or little but a wildcard"
            case .overlappingSignatures: "two beads' signatures that match each other's text"
            case .unfilledScaffold: "placeholder text from `beads doc new` never replaced"
            case .duplicateRecipe: "a recipe name defined more than once in the knowledge base"
            case .regression: "a bead closed as fixed whose error is being hit again"
            }
        }
    }

    public var rule: Rule
    public var path: String
    public var line: Int
    public var message: String
    /// A mechanical repair `--fix` may make; nil when a person has to decide.
    public var edit: LintEdit?

    public init(rule: Rule, path: String, line: Int, message: String, edit: LintEdit? = nil) {
        self.rule = rule
        self.path = path
        self.line = line
        self.message = message
        self.edit = edit
    }

    /// `docs/x.md:12: [unknown-bead] …`, the shape compilers use, so editors jump to it.
    public var display: String { "\(path):\(line): [\(rule.rawValue)] \(message)" }
}

/// Replace `original` with `replacement` on one line of a file.
public struct LintEdit: Sendable, Equatable {
    public var line: Int
    public var original: String
    public var replacement: String

    /// Applies edits to a text, each on its line; edits whose original text is no
    /// longer on the line are skipped and returned.
    public static func apply(_ edits: [LintEdit], to text: String) -> (text: String, skipped: [LintEdit]) {
        var lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        var skipped: [LintEdit] = []
        for edit in edits {
            let index = edit.line - 1
            guard lines.indices.contains(index), let range = lines[index].range(of: edit.original) else {
                skipped.append(edit)
                continue
            }
            lines[index].replaceSubrange(range, with: edit.replacement)
        }
        return (lines.joined(separator: "\n"), skipped)
    }
}
