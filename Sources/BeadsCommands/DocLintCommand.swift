import ArgumentParser
import BeadsKnowledge
import BeadsRemedy
import BeadsStore
import Foundation

struct DocLintCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "lint",
        abstract: "Check solution docs against the store and the repository, and say what went stale.",
        discussion: """
            Rules (the id in brackets starts each finding):
            \(LintFinding.Rule.allCases.map { "  \($0.rawValue): \($0.summary)" }.joined(separator: "\n"))

            With no PATH, every doc under docs/ is checked, and open P0/P1 beads that no doc
            covers are reported too. Exits 1 when anything is found. --fix repairs the
            mechanical findings (mojibake, status cells the store contradicts) in place and
            touches nothing else; the rest need a person.
            """)

    @OptionGroup var kb: KnowledgeBaseOptions
    @Argument(help: "Docs to check (default: every doc under docs/).")
    var paths: [String] = []
    @Flag(help: "Print a JSON array of findings: rule, path, line, message, fixable.")
    var json = false
    @Flag(help: "Repair mojibake and status cells in place, then report what is left.")
    var fix = false

    func run() throws {
        let base = try kb.open()
        let linter = try Self.linter(for: base)
        let docs = try Self.resolve(paths, in: base)
        var findings = try docs.flatMap { try Self.lint($0, with: linter, root: base.location.root) }
        if paths.isEmpty {
            let mentioned = try storeCall { () throws(StoreError) in try base.store.beadIDsMentionedInDocs() }
            let jsonl = (try? String(contentsOfFile: base.location.jsonlPath, encoding: .utf8)) ?? ""
            findings += linter.uncoveredBeads(mentioned: mentioned, jsonlPath: "beads/issues.jsonl", jsonlText: jsonl)
        }
        var fixed = 0
        if fix {
            for doc in docs {
                let edits = findings.filter { $0.path == doc }.compactMap(\.edit)
                guard !edits.isEmpty else { continue }
                let absolute = base.location.root + "/" + doc
                let text = try Self.read(absolute, shown: doc)
                let result = LintEdit.apply(edits, to: text)
                try storeCall { () throws(StoreError) in try JSONLFile.writeAtomically(result.text, to: absolute) }
                fixed += edits.count - result.skipped.count
            }
            if fixed > 0 {
                findings = try docs.flatMap { try Self.lint($0, with: linter, root: base.location.root) }
                    + findings.filter { $0.rule == .uncoveredBead }
            }
        }
        let out = Terminal.standardOutput
        if json {
            out.write(JSONValue.array(findings.map { f in
                .object([("rule", .string(f.rule.rawValue)), ("path", .string(f.path)), ("line", JSONValue(f.line)),
                         ("message", .string(f.message)), ("fixable", .bool(f.edit != nil))])
            }).prettyEncoded() + "\n")
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

    static func linter(for base: KnowledgeBase) throws -> DocLinter {
        let beads = try storeCall { () throws(StoreError) in
            var all = BeadFilter()
            all.includeClosed = true
            return try base.store.beads(matching: all)
        }
        let prefixes = try storeCall { () throws(StoreError) in try base.store.beadPrefixes() }.union([base.config.prefix])
        let signed = try storeCall { () throws(StoreError) in try base.store.beadIDsWithSignatures() }
        let locator = CommandLocator(environment: ProcessInfo.processInfo.environment)
        let subcommands = Set(BeadsCommand.configuration.subcommands.compactMap { $0.configuration.commandName })
        return DocLinter(context: LintContext(
            root: base.location.root, prefixes: prefixes, beads: Dictionary(beads.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a }),
            beadsWithSignatures: signed, beadsSubcommands: subcommands, commandExists: { locator.find($0) != nil }))
    }

    /// Docs as paths relative to the knowledge base root.
    static func resolve(_ paths: [String], in base: KnowledgeBase) throws -> [String] {
        if paths.isEmpty {
            return DocsIndexer(location: base.location, store: base.store, configPrefix: base.config.prefix).markdownFiles()
        }
        let cwd = FileManager.default.currentDirectoryPath
        return try paths.map { path in
            let absolute = ((path.hasPrefix("/") ? path : cwd + "/" + path) as NSString).standardizingPath
            guard FileManager.default.fileExists(atPath: absolute) else { throw CommandFailure("\(path): no such file") }
            let root = base.location.root + "/"
            return absolute.hasPrefix(root) ? String(absolute.dropFirst(root.count)) : absolute
        }
    }

    static func lint(_ doc: String, with linter: DocLinter, root: String) throws -> [LintFinding] {
        let absolute = doc.hasPrefix("/") ? doc : root + "/" + doc
        return linter.lint(path: doc, text: try read(absolute, shown: doc))
    }

    static func read(_ path: String, shown: String) throws -> String {
        guard let data = FileManager.default.contents(atPath: path) else { throw CommandFailure("\(shown): cannot be read") }
        guard let text = String(data: data, encoding: .utf8) else {
            throw CommandFailure("\(shown): is not UTF-8; convert it first (iconv -f WINDOWS-1252 -t UTF-8, or the encoding it is in)")
        }
        return text
    }
}
