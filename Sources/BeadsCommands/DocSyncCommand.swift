import ArgumentParser
import BeadsKnowledge
import BeadsStore
import Foundation

struct DocSyncCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "sync",
        abstract: "Rewrite each doc's related-beads table from the store, so its statuses never drift.",
        discussion: HelpText.prose(
            """
            The table lives between two lines:
              \(RelatedBeadsTable.startMarker)
              \(RelatedBeadsTable.endMarker)
            It keeps the beads it lists, in order (an empty one is filled with every bead the
            doc mentions), with title, priority and status from the store. Docs without the
            markers are left alone.
            """))

    @OptionGroup var kb: KnowledgeBaseOptions
    @Argument(help: "Docs to sync (default: every doc under docs/).")
    var paths: [String] = []
    @Flag(help: "Change nothing; exit 1 if a table is out of date (for CI).")
    var check = false

    func run() throws {
        let base = try kb.open()
        let docs = try DocFiles.resolve(paths, in: base)
        let analyzer = try base.docAnalyzer()
        let out = Terminal.standardOutput
        var stale = 0
        for doc in docs {
            let text = try DocFiles.read(doc, in: base)
            let result = RelatedBeadsTable.sync(text, analyzer: analyzer) { id in try? base.store.bead(id) }
            switch result {
            case .noMarkers:
                if !paths.isEmpty {
                    Terminal.standardError.write(
                        "\(doc): no related-beads markers; add \(RelatedBeadsTable.startMarker) and \(RelatedBeadsTable.endMarker) where the table belongs\n"
                    )
                }
            case let .unchanged(beads):
                out.write("\(doc): up to date (\(beads.count) bead\(beads.count == 1 ? "" : "s"))\n")
            case let .updated(newText, beads, unknown):
                stale += 1
                for id in unknown { Terminal.standardError.write("\(doc): \(id) is not in the store; left out of the table\n") }
                if check {
                    out.write("\(doc): out of date (\(beads.count) bead\(beads.count == 1 ? "" : "s"))\n")
                } else {
                    try JSONLFile.writeAtomically(newText, to: DocFiles.absolute(doc, in: base))
                    out.write("\(doc): table rewritten (\(beads.count) bead\(beads.count == 1 ? "" : "s"))\n")
                }
            }
        }
        if check, stale > 0 { throw ExitCode(1) }
    }
}
