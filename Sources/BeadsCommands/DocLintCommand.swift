import ArgumentParser
import BeadsCore
import BeadsKnowledge
import BeadsRemedy
import BeadsStore
import Foundation

struct DocLintCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "lint",
        abstract: "Check solution docs against the store and the repository, and say what went stale.",
        discussion: HelpText.prose(
            """
            Rules (the id in brackets starts each finding):
            \(LintFinding.Rule.allCases.map { "  \($0.rawValue): \($0.summary)" }.joined(separator: "\n"))

            With no PATH, every doc under docs/ is checked, and open P0/P1 beads that no doc
            covers are reported too. Exits 1 when anything is found. --fix repairs the
            mechanical findings (mojibake, status cells the store contradicts) in place and
            touches nothing else; the rest need a person.
            """))

    @OptionGroup var kb: KnowledgeBaseOptions
    @Argument(help: "Docs to check (default: every doc under docs/).")
    var paths: [String] = []
    @Flag(help: "Print a JSON array of findings: rule, path, line, message, fixable.")
    var json = false
    @Flag(help: "Repair mojibake and status cells in place, then report what is left.")
    var fix = false

    func run() throws {
        let base = try kb.open()
        let docs = try DocFiles.resolve(paths, in: base)
        var texts: [String: String] = [:]
        for doc in docs { texts[doc] = try DocFiles.read(doc, in: base) }
        let linting = Self.linting(base)
        let linter = try linting.linter(for: Array(texts.values))
        func lintAll() -> [LintFinding] { docs.flatMap { linter.lint(path: $0, text: texts[$0]!) } }
        var findings = lintAll()
        if paths.isEmpty { findings += try linting.uncoveredBeads(linter) }
        var fixed = 0
        if fix {
            for doc in docs {
                let edits = findings.filter { $0.path == doc }.compactMap(\.edit)
                guard !edits.isEmpty else { continue }
                let result = LintEdit.apply(edits, to: texts[doc]!)
                try JSONLFile.writeAtomically(result.text, to: DocFiles.absolute(doc, in: base))
                texts[doc] = result.text
                fixed += edits.count - result.skipped.count
            }
            if fixed > 0 { findings = lintAll() + findings.filter { $0.rule == .uncoveredBead } }
        }
        let out = Terminal.standardOutput
        if json {
            out.write(JSONValue.array(findings.map(Self.json)).prettyEncoded() + "\n")
        } else {
            for finding in findings { out.write(finding.display + "\n") }
            let fixable = findings.filter { $0.edit != nil }.count
            var summary =
                findings.isEmpty
                ? "\(docs.count) doc(s) checked: nothing stale." : "\(findings.count) finding(s) in \(docs.count) doc(s) checked"
            if fixed > 0 { summary += findings.isEmpty ? " Fixed \(fixed)." : "; fixed \(fixed) first" }
            if !findings.isEmpty { summary += fixable > 0 ? "; \(fixable) can be fixed with --fix." : "." }
            Terminal.standardError.write(summary + "\n")
        }
        if !findings.isEmpty { throw ExitCode(1) }
    }

    /// The lint use case as the CLI runs it: the subcommands are this binary's.
    static func linting(_ base: KnowledgeBase, environment: [String: String] = CommandContext.current.environment) -> DocLinting {
        DocLinting(base: base, environment: environment, subcommands: BeadsCommand.commandNames)
    }

    /// The `lint_finding` shape, here and from the MCP tool.
    static func json(_ f: LintFinding) -> JSONValue {
        .object([
            ("rule", .string(f.rule.rawValue)), ("path", .string(f.path)), ("line", JSONValue(f.line)),
            ("message", .string(f.message)), ("fixable", .bool(f.edit != nil)),
        ])
    }
}
