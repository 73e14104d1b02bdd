import ArgumentParser
import BeadsKnowledge
import BeadsRemedy
import BeadsStore
import Foundation

struct DocLintCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "lint",
        abstract: "Check solution docs against the store and the repository, and say what went stale.",
        discussion: HelpText.prose("""
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
        let linter = try Self.linter(for: base, texts: Array(texts.values))
        func lintAll() -> [LintFinding] { docs.flatMap { linter.lint(path: $0, text: texts[$0]!) } }
        var findings = lintAll()
        if paths.isEmpty { findings += try Self.uncoveredBeads(linter, in: base) }
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
            var summary = findings.isEmpty ? "\(docs.count) doc(s) checked: nothing stale." :
                "\(findings.count) finding(s) in \(docs.count) doc(s) checked"
            if fixed > 0 { summary += findings.isEmpty ? " Fixed \(fixed)." : "; fixed \(fixed) first" }
            if !findings.isEmpty { summary += fixable > 0 ? "; \(fixable) can be fixed with --fix." : "." }
            Terminal.standardError.write(summary + "\n")
        }
        if !findings.isEmpty { throw ExitCode(1) }
    }

    /// Open P0/P1 beads that no doc covers: part of linting the whole knowledge base.
    static func uncoveredBeads(_ linter: DocLinter, in base: KnowledgeBase) throws -> [LintFinding] {
        let mentioned = try base.store.beadIDsMentionedInDocs()
        let jsonl = (try? String(contentsOfFile: base.location.jsonlPath, encoding: .utf8)) ?? ""
        return linter.uncoveredBeads(mentioned: mentioned, jsonlPath: "beads/issues.jsonl", jsonlText: jsonl)
    }

    /// What `beads doc lint` finds with no PATH, here and from `beads serve`.
    static func wholeKnowledgeBase(_ base: KnowledgeBase) throws -> [LintFinding] {
        let docs = try DocFiles.resolve([], in: base)
        let texts = try docs.map { try DocFiles.read($0, in: base) }
        let linter = try linter(for: base, texts: texts)
        var findings: [LintFinding] = []
        for (doc, text) in zip(docs, texts) { findings += linter.lint(path: doc, text: text) }
        return findings + (try uncoveredBeads(linter, in: base))
    }

    /// The linter for `texts`, the docs about to be checked. Its context holds the beads
    /// those texts name (any id of a known prefix, and the parents of child ids) and the
    /// open P0/P1 beads (for uncovered-bead), not every bead: at 10k beads loading them
    /// all was most of a lint.
    static func linter(for base: KnowledgeBase, texts: [String]) throws -> DocLinter {
        let analyzer = try base.docAnalyzer()
        var named = Set<String>()
        for text in texts {
            for id in BeadID.mentions(in: text, prefixes: analyzer.prefixes, held: analyzer.heldIDs) {
                var id = Substring(id)
                named.insert(String(id))
                while let dot = id.lastIndex(of: ".") { id = id[..<dot]; named.insert(String(id)) }
            }
        }
        var urgent = BeadFilter()
        var beads = try base.store.beads(ids: Array(named))
        for priority in 0...1 {
            urgent.priority = priority
            for bead in try base.store.beads(matching: urgent) { beads[bead.id] = bead }
        }
        let signed = try base.store.beadIDsWithSignatures()
        let locator = CommandLocator(environment: CommandContext.current.environment)
        let subcommands = Set(BeadsCommand.configuration.subcommands.compactMap { $0.configuration.commandName })
        let recipes = try base.store.allRecipes()
        var context = LintContext(
            root: base.location.root, prefixes: analyzer.prefixes, beads: beads,
            beadsWithSignatures: signed, beadsSubcommands: subcommands, commandExists: { locator.find($0) != nil },
            signatureCandidates: { [store = base.store] terms in (try? store.signatureCandidates(terms: terms, limit: 40)) ?? [] })
        context.heldIDs = analyzer.heldIDs
        context.recipeLocations = Dictionary(grouping: recipes, by: \.name).mapValues { $0.map { "\($0.docPath):\($0.line)" } }
        context.hits = try base.store.hitSummaries(HitWindows(now: Date()))
        return DocLinter(context: context)
    }

    /// The `lint_finding` shape, here and from the MCP tool.
    static func json(_ f: LintFinding) -> JSONValue {
        .object([("rule", .string(f.rule.rawValue)), ("path", .string(f.path)), ("line", JSONValue(f.line)),
                 ("message", .string(f.message)), ("fixable", .bool(f.edit != nil))])
    }
}
