import ArgumentParser
import BeadsKnowledge
import BeadsStore

struct DepListCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "list", abstract: "What a bead depends on, and what depends on it.")

    @OptionGroup var kb: KnowledgeBaseOptions
    @Argument(help: "The bead.") var id: String
    @Flag(help: "Print JSON.") var json = false

    func run() throws {
        let base = try kb.open()
        let bead = try requireBead(id, in: base)
        let dependents = try base.store.dependents(of: id)
        let out = Terminal.standardOutput
        if json {
            out.write(
                JSONValue.object([
                    ("dependencies", .array(bead.dependencies)),
                    (
                        "dependents",
                        .array(
                            dependents.map {
                                .object([("issue_id", .string($0.0)), ("depends_on_id", .string(id)), ("type", .string($0.1))])
                            })
                    ),
                ]).prettyEncoded() + "\n")
            return
        }
        out.write("\(id) depends on:\n")
        if bead.dependencies.isEmpty { out.write("  nothing\n") }
        for d in bead.dependencies {
            out.write("  \(d["depends_on_id"]?.stringValue ?? "?")  (\(DependencyType(stored: d["type"]?.stringValue)))\n")
        }
        out.write("Depending on \(id):\n")
        if dependents.isEmpty { out.write("  nothing\n") }
        for (other, type) in dependents { out.write("  \(other)  (\(type))\n") }
    }
}
