import ArgumentParser
import BeadsStore

struct DeleteCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "delete",
        abstract: "Delete beads: shows what would go first; --force deletes.",
        discussion: HelpText.prose(
            """
            Without --force nothing changes: beads lists the beads that would go and the
            dependencies of other beads that would be cut, as bd does. With --force they go
            (all named, or none if one is unknown), and beads that depended on them lose
            those dependencies. --cascade deletes everything that depends on them too,
            transitively, instead of cutting. A deleted bead's last state stays in its
            history (`beads history ID`).

            Examples:
              beads delete mo-abc                 # what would go
              beads delete mo-abc --force         # delete it, cut what depended on it
              beads delete mo-abc --cascade --force
            """))

    @OptionGroup var kb: KnowledgeBaseOptions
    @Argument(help: "Bead ids.") var ids: [String]
    @Flag(name: [.customShort("f"), .long], help: "Delete; without it, only show what would be deleted.")
    var force = false
    @Flag(help: "Delete the beads that depend on these too, transitively.")
    var cascade = false
    @Flag(help: "Print the plan (or what was done) as JSON.")
    var json = false

    func validate() throws {
        if ids.isEmpty { throw ValidationError("name at least one bead to delete") }
    }

    func run() throws {
        let base = try kb.open()
        let plan = force ? try base.store.delete(ids, cascade: cascade) : try base.store.deletionPlan(ids, cascade: cascade)
        let out = Terminal.standardOutput
        if json {
            out.write(
                JSONValue.object([
                    ("deleted", .bool(force)),
                    ("ids", .array(plan.ids.map(JSONValue.string))),
                    ("cascaded", .array(plan.cascaded.map(JSONValue.string))),
                    (
                        "cut_dependencies",
                        .array(
                            plan.cutLinks.map { edge in
                                .object([
                                    ("issue_id", .string(edge.from)), ("depends_on_id", .string(edge.to)), ("type", .string(edge.type)),
                                ])
                            })
                    ),
                ]).prettyEncoded() + "\n")
            return
        }
        out.write(force ? "Deleted \(plan.ids.joined(separator: ", ")).\n" : "Would delete \(plan.ids.joined(separator: ", ")).\n")
        if !plan.cascaded.isEmpty {
            out.write(
                "  (\(plan.cascaded.joined(separator: ", ")) \(plan.cascaded.count == 1 ? "depends" : "depend") on them: --cascade)\n")
        }
        if !plan.cutLinks.isEmpty {
            out.write(force ? "Cut dependencies:\n" : "Would cut these dependencies (--cascade deletes those beads instead):\n")
            for edge in plan.cutLinks { out.write("  \(edge.from) depends on \(edge.to) (\(edge.type))\n") }
        }
        if !force { out.write("Nothing was deleted: pass --force to delete.\n") }
    }
}
