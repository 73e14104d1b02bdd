import ArgumentParser
import BeadsKnowledge
import BeadsStore

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
        out.write(
            "Indexed \(report.indexed.count) doc(s), \(report.unchanged) unchanged, \(report.removed.count) removed; \(signatures) error signatures in all.\n"
        )
        for path in report.indexed { out.write("  indexed \(path)\n") }
        for path in report.removed { out.write("  removed \(path)\n") }
    }
}
