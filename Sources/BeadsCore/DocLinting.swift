import BeadsKnowledge
import BeadsRemedy
import BeadsStore
import Foundation

/// Lints the knowledge base's docs: what `beads doc lint`, the Docs pages, /api/lint and
/// MCP's doc_findings find.
public struct DocLinting: Sendable {
    let base: KnowledgeBase
    let environment: [String: String]
    /// The commands `beads` answers to: a recipe calling another is a finding.
    let subcommands: Set<String>

    public init(base: KnowledgeBase, environment: [String: String], subcommands: Set<String>) {
        self.base = base
        self.environment = environment
        self.subcommands = subcommands
    }

    /// Every doc's findings, and the urgent beads no doc covers.
    public func wholeKnowledgeBase() throws -> [LintFinding] {
        let docs = base.docPaths()
        let texts = try docs.map { try base.readDoc($0) }
        let linter = try linter(for: texts)
        var findings: [LintFinding] = []
        for (doc, text) in zip(docs, texts) { findings += linter.lint(path: doc, text: text) }
        return findings + (try uncoveredBeads(linter))
    }

    /// Open P0/P1 beads that no doc covers: part of linting the whole knowledge base.
    public func uncoveredBeads(_ linter: DocLinter) throws -> [LintFinding] {
        let mentioned = try base.store.beadIDsMentionedInDocs()
        let jsonl = (try? String(contentsOfFile: base.location.jsonlPath, encoding: .utf8)) ?? ""
        return linter.uncoveredBeads(mentioned: mentioned, jsonlPath: "beads/issues.jsonl", jsonlText: jsonl)
    }

    /// The linter for `texts`, the docs about to be checked. Its context holds the beads
    /// those texts name (any id of a known prefix, and the parents of child ids) and the
    /// open P0/P1 beads (for uncovered-bead), not every bead: at 10k beads loading them
    /// all was most of a lint.
    public func linter(for texts: [String]) throws -> DocLinter {
        let analyzer = try base.docAnalyzer()
        var named = Set<String>()
        for text in texts {
            for id in BeadID.mentions(in: text, prefixes: analyzer.prefixes, held: analyzer.heldIDs) {
                var id = Substring(id)
                named.insert(String(id))
                while let dot = id.lastIndex(of: ".") {
                    id = id[..<dot]
                    named.insert(String(id))
                }
            }
        }
        var urgent = BeadFilter()
        var beads = try base.store.beads(ids: Array(named))
        for priority in 0...1 {
            urgent.priority = priority
            for bead in try base.store.beads(matching: urgent) { beads[bead.id] = bead }
        }
        let signed = try base.store.beadIDsWithSignatures()
        let locator = CommandLocator(environment: environment)
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
}

extension KnowledgeBase {
    /// Every doc under docs/, relative to the root.
    public func docPaths() -> [String] {
        DocsIndexer(location: location, store: store, configPrefix: config.prefix).markdownFiles()
    }

    /// A doc's path on disk: relative ones from the root.
    public func absoluteDocPath(_ doc: String) -> String {
        doc.hasPrefix("/") ? doc : location.root + "/" + doc
    }

    /// A doc's text; one that is not UTF-8 is refused with what to do about it.
    public func readDoc(_ doc: String) throws -> String {
        guard let data = FileManager.default.contents(atPath: absoluteDocPath(doc)) else {
            throw Failure(.notFound, "\(doc): cannot be read")
        }
        guard let text = String(data: data, encoding: .utf8) else {
            throw Failure(.failed, "\(doc): is not UTF-8; convert it first (iconv -f WINDOWS-1252 -t UTF-8, or the encoding it is in)")
        }
        return text
    }
}
