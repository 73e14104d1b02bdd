import ArgumentParser
import BeadsKnowledge
import BeadsStore

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
            out.write(Self.json(docs).prettyEncoded() + "\n")
            return
        }
        if docs.isEmpty {
            out.write("No docs in \(base.location.docsDirectory).\n")
            return
        }
        for d in docs {
            out.write("\(d.path)  \(d.title)\n")
            out.write(
                "    beads \(d.primaryBeads.isEmpty ? "(none named)" : d.primaryBeads.joined(separator: ", ")) · \(d.signatureCount) signatures · \(d.recipeCount) recipes\(d.warnings.isEmpty ? "" : " · \(d.warnings.count) warnings")\n"
            )
            // What the index holds, per bead: a page about several beads gives each its own.
            if d.signaturesByBead.count > 1 || (d.signaturesByBead.first.map { !d.primaryBeads.contains($0.bead) } ?? false) {
                out.write("    signatures by bead: \(d.signaturesByBead.map { "\($0.bead) \($0.count)" }.joined(separator: ", "))\n")
            }
            // Where a doc cannot help `beads fix`, say so where people look.
            if d.primaryBeads.isEmpty, d.warnings.contains(where: { $0.contains("names no bead") }) {
                out.write("    ! names no bead: its error text matches nothing; write `**Bead**: ID` under the title\n")
            } else if !d.primaryBeads.isEmpty, d.signatureCount == 0 {
                out.write("    ! gives no error text: `beads fix` cannot recognise its bead from it (see `beads doc lint \(d.path)`)\n")
            }
        }
    }

    /// The `docs` shape, here and from `beads serve`.
    static func json(_ docs: [DocSummary]) -> JSONValue {
        .array(
            docs.map { d in
                .object([
                    ("path", .string(d.path)), ("title", .string(d.title)), ("beads", JSONValue(d.primaryBeads)),
                    ("signatures", JSONValue(d.signatureCount)), ("recipes", JSONValue(d.recipeCount)),
                    ("warnings", JSONValue(d.warnings)),
                ])
            })
    }
}
