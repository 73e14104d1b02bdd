import ArgumentParser
import BeadsKnowledge
import BeadsStore

struct ShowCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "show",
        abstract: "Show a bead with the docs that mention it, its error signatures and its fixes.")

    @OptionGroup var kb: KnowledgeBaseOptions
    @Argument(help: "The bead id, e.g. mo-jgo.")
    var id: String
    @Flag(help: "Print the bead as a JSON object (bd's shape, plus docs, signatures and recipes).")
    var json = false

    func run() throws {
        let base = try kb.open()
        let store = base.store
        let bead = try requireBead(id, in: base)
        let mentions = try storeCall { () throws(StoreError) in try store.mentions(ofBead: id) }
        let signatures = try storeCall { () throws(StoreError) in try store.signatures(ofBead: id) }
        let recipes = try storeCall { () throws(StoreError) in try store.recipes(forBead: id) }
        let runs = try storeCall { () throws(StoreError) in try store.runs(beadID: id, limit: 5) }
        let out = Terminal.standardOutput
        if json {
            guard case var .object(fields) = bead.jsonValue else { return }
            fields.append(("docs", .array(mentions.map { path, m in
                .object([("path", .string(path)), ("section", .string(m.sectionAnchor)), ("line", JSONValue(m.line))])
            })))
            fields.append(("signatures", .array(signatures.map { s in
                .object([("text", .string(s.text)), ("doc", JSONValue(s.docPath)), ("section", .string(s.sectionAnchor)), ("line", JSONValue(s.line))])
            })))
            fields.append(("recipes", .array(recipes.map { r in
                .object([("name", .string(r.name)), ("doc", .string(r.docPath)), ("section", .string(r.sectionAnchor)),
                         ("when", .string(r.when)), ("requires", JSONValue(r.requires))])
            })))
            fields.append(("runs", .array(runs.map { r in
                .object([("id", JSONValue(Int(r.id ?? 0))), ("recipe", .string(r.recipe)), ("started_at", .string(r.startedAt)),
                         ("exit_code", JSONValue(r.exitCode)), ("outcome", .string(r.outcome))])
            })))
            out.write(JSONValue.object(fields).prettyEncoded() + "\n")
            return
        }
        out.write(BeadOutput.header(bead))
        if !bead.description.isEmpty { out.write("\n" + bead.description + "\n") }
        if !mentions.isEmpty {
            out.write("\nDocs:\n")
            var seen = Set<String>()
            for (path, m) in mentions where seen.insert("\(path)#\(m.sectionAnchor)").inserted {
                out.write("  \(path)\(m.sectionAnchor.isEmpty ? "" : "#" + m.sectionAnchor)  (line \(m.line))\n")
            }
        }
        if signatures.isEmpty, !mentions.isEmpty, bead.issueType == "bug" {
            out.write("\nNo error signature: `beads fix` cannot recognise this bead. Quote its error line under an\n")
            out.write("error heading of \(mentions[0].0) (`beads doc lint` says what is missing there).\n")
        }
        if !signatures.isEmpty {
            out.write("\nError signatures:\n")
            for s in signatures {
                out.write("  \(s.text.replacingOccurrences(of: "\n", with: " ⏎ "))\n")
                out.write("      from \(s.docPath.map { "\($0):\(s.line)" } ?? s.origin)\n")
            }
        }
        if !recipes.isEmpty {
            out.write("\nFixes (recipes):\n")
            for r in recipes {
                out.write("  \(r.name)  (\(FixReport.place(r.when))\(r.requires.isEmpty ? "" : "; needs " + r.requires.joined(separator: ", ")))  \(r.docPath):\(r.line)\n")
            }
        }
        if !runs.isEmpty {
            out.write("\nRecent runs:\n")
            for r in runs {
                out.write("  #\(r.id ?? 0)  \(r.startedAt)  \(r.recipe)  \(r.outcome) (exit \(r.exitCode))  by \(r.actor)\n")
            }
        }
    }
}
