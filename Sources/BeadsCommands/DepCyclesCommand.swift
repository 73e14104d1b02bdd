import ArgumentParser
import BeadsStore

struct DepCyclesCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "cycles",
        abstract: "Find dependency cycles: beads that wait on each other and so can never be ready.",
        discussion: "Looks at blocking types only: blocks, conditional-blocks, waits-for and parent-child. Exits 1 when there is a cycle.")

    @OptionGroup var kb: KnowledgeBaseOptions
    @Flag(help: "Print a JSON array of cycles, each an array of ids that starts and ends at the same bead.")
    var json = false

    func run() throws {
        let base = try kb.open()
        let cycles = try base.store.dependencyCycles()
        let out = Terminal.standardOutput
        if json {
            out.write(JSONValue.array(cycles.map { JSONValue($0) }).prettyEncoded() + "\n")
        } else if cycles.isEmpty {
            out.write("No dependency cycles.\n")
        } else {
            out.write("\(cycles.count) dependency cycle\(cycles.count == 1 ? "" : "s"):\n")
            for cycle in cycles { out.write("  " + cycle.joined(separator: " → ") + "\n") }
            out.write("Break one link of each with `beads dep remove ISSUE DEPENDS_ON`.\n")
        }
        if !cycles.isEmpty { throw ExitCode(1) }
    }
}
