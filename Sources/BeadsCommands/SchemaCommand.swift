import ArgumentParser
import BeadsStore
import Foundation

struct SchemaCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "schema",
        abstract: "Print the JSON Schema of a --json output or an MCP tool's result.",
        usage: """
            beads schema
            beads schema diagnosis
            beads schema fix
            beads schema --write manual/json
            """,
        discussion: HelpText.prose(
            """
            Every --json output beads prints has a documented shape, and the MCP tools return
            the same shapes. With no NAME, lists the shapes and what prints each; with NAME
            (a shape, a command such as 'fix', or an MCP tool such as 'diagnose_error'), prints
            its JSON Schema (draft 2020-12). The same files are in the repository's manual/json/.
            """))

    @Argument(help: "A shape's name, a command (fix, 'dep tree') or an MCP tool (diagnose_error).")
    var name: String?

    @Option(help: ArgumentHelp("Write every schema into DIR as NAME.schema.json, and DIR/README.md.", valueName: "DIR"))
    var write: String?

    @Flag(help: "List the shapes as JSON.")
    var json = false

    func validate() throws {
        if write != nil, name != nil { throw ValidationError("--write writes them all; leave NAME out") }
    }

    func run() throws {
        let out = Terminal.standardOutput
        if let write {
            let folder = CommandContext.current.absolute(write)
            try Self.write(to: folder)
            out.write("Wrote \(OutputContract.all.count) schemas and README.md into \(write).\n")
            return
        }
        guard let name else {
            if json {
                out.write(
                    JSONValue.array(
                        OutputContract.all.map { c in
                            .object([("name", .string(c.name)), ("producers", JSONValue(c.producers)), ("summary", .string(c.summary))])
                        }
                    ).prettyEncoded() + "\n")
                return
            }
            let width = OutputContract.all.map(\.name.count).max() ?? 0
            for contract in OutputContract.all {
                out.write(
                    contract.name.padding(toLength: width, withPad: " ", startingAt: 0) + "  " + contract.producers.joined(separator: ", ")
                        + "\n")
            }
            return
        }
        guard let contract = Self.lookUp(name) else {
            throw CommandFailure.usage("no JSON shape, command or MCP tool is called '\(name)'; `beads schema` lists them")
        }
        out.write(contract.document().prettyEncoded() + "\n")
    }

    /// A shape by its name, by a command that prints it (`fix`, `dep tree`), or by an MCP tool.
    static func lookUp(_ name: String) -> OutputContract? {
        if let contract = OutputContract.named(name) ?? OutputContract.forTool(name) { return contract }
        let words = name.split(separator: " ").map(String.init)
        return OutputContract.all.first { $0.producers.contains { commandWords($0) == words } }
    }

    /// `dep tree ID --json` → [dep, tree]: the words a user types to name the command.
    static func commandWords(_ producer: String) -> [String] {
        producer.split(separator: " ").map(String.init).filter { $0 != "--json" && $0 != "--hook" && $0.uppercased() != $0 }
    }

    /// The published files: one schema a shape, and an index saying what prints each.
    static func files() -> [(name: String, text: String)] {
        var index = """
            # beads' JSON shapes

            Every `--json` output and every MCP tool result has one of these shapes. Each file is
            a JSON Schema (draft 2020-12), generated from the code (`make schemas`); a test fails
            when a file here and the code differ, and the end-to-end tests check every command's
            real output against its schema. Objects marked open (bd's bead) may carry keys bd
            adds; every other object has exactly the keys its schema lists. `beads schema NAME`
            prints one.

            | Shape | Printed by | What it is |
            |---|---|---|

            """
        var files: [(String, String)] = []
        for contract in OutputContract.all {
            files.append((contract.name + ".schema.json", contract.document().prettyEncoded() + "\n"))
            let producers = contract.producers.map { "`\($0.hasPrefix("mcp ") ? $0 : "beads " + $0)`" }.joined(separator: ", ")
            index += "| [\(contract.name)](\(contract.name).schema.json) | \(producers) | \(contract.summary) |\n"
        }
        return files + [("README.md", index)]
    }

    static func write(to folder: String) throws {
        do {
            try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
            for file in files() {
                try file.text.write(toFile: folder + "/" + file.name, atomically: true, encoding: .utf8)
            }
        } catch {
            throw CommandFailure("cannot write the schemas into \(folder): \(error.localizedDescription)")
        }
    }
}
