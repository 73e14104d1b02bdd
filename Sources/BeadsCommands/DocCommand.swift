import ArgumentParser
import BeadsKnowledge
import BeadsStore

struct DocCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "doc",
        abstract: "Index, list, show, lint, test, write and sync the solution docs in docs/.",
        subcommands: [DocIndexCommand.self, DocListCommand.self, DocShowCommand.self, DocLintCommand.self, DocNewCommand.self,
                      DocSyncCommand.self, DocLinksCommand.self, DocTestCommand.self])
}

struct DocIndexCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "index",
        abstract: "Re-index docs/ now (every command already re-indexes what changed).")

    @OptionGroup var kb: KnowledgeBaseOptions
    @Flag(help: "Parse every doc again, changed or not.")
    var force = false

    func run() throws {
        let base = try kb.open()
        var report = base.refresh
        if force {
            report = try DocsIndexer(location: base.location, store: base.store, configPrefix: base.config.prefix).refresh(force: true)
            for warning in report.warnings { Terminal.standardError.write("warning: \(warning)\n") }
        }
        let signatures = try base.store.signatureCount()
        let out = Terminal.standardOutput
        out.write("Indexed \(report.indexed.count) doc(s), \(report.unchanged) unchanged, \(report.removed.count) removed; \(signatures) error signatures in all.\n")
        for path in report.indexed { out.write("  indexed \(path)\n") }
        for path in report.removed { out.write("  removed \(path)\n") }
    }
}

struct DocListCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "list",
        abstract: "List indexed docs with their beads, signatures and recipes.")

    @OptionGroup var kb: KnowledgeBaseOptions
    @Flag(help: "Print JSON.")
    var json = false

    func run() throws {
        let base = try kb.open()
        let docs = try base.store.docSummaries()
        let out = Terminal.standardOutput
        if json {
            out.write(JSONValue.array(docs.map { d in
                .object([("path", .string(d.path)), ("title", .string(d.title)), ("beads", JSONValue(d.primaryBeads)),
                         ("signatures", JSONValue(d.signatureCount)), ("recipes", JSONValue(d.recipeCount)),
                         ("warnings", JSONValue(d.warnings))])
            }).prettyEncoded() + "\n")
            return
        }
        if docs.isEmpty { out.write("No docs in \(base.location.docsDirectory).\n"); return }
        for d in docs {
            out.write("\(d.path)  \(d.title)\n")
            out.write("    beads \(d.primaryBeads.isEmpty ? "(none named)" : d.primaryBeads.joined(separator: ", ")) · \(d.signatureCount) signatures · \(d.recipeCount) recipes\(d.warnings.isEmpty ? "" : " · \(d.warnings.count) warnings")\n")
            // Where a doc cannot help `beads fix`, say so where people look.
            if d.primaryBeads.isEmpty, d.warnings.contains(where: { $0.contains("names no bead") }) {
                out.write("    ! names no bead: its error text matches nothing; write `**Bead**: ID` under the title\n")
            } else if !d.primaryBeads.isEmpty, d.signatureCount == 0 {
                out.write("    ! gives no error text: `beads fix` cannot recognise its bead from it (see `beads doc lint \(d.path)`)\n")
            }
        }
    }
}
