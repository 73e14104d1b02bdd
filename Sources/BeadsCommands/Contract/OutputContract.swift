import BeadsStore

/// One JSON shape beads promises: which commands (and MCP tools) print it, and what it
/// is. `manual/json/NAME.schema.json` is this rendered (`make schemas` writes them; a
/// test fails when the committed files and these differ), and every `--json` output is
/// checked against its schema by the end-to-end tests.
struct OutputContract: Sendable {
    var name: String
    /// How the shape is asked for: `fix --json`, `mcp diagnose_error`.
    var producers: [String]
    var summary: String
    var shape: JSONShape

    /// The schema as a document of its own: the shape with the shared definitions it uses.
    func document() -> JSONValue {
        guard case var .object(body) = shape.schema() else { return .null }
        let header: [(String, JSONValue)] = [
            ("$schema", "https://json-schema.org/draft/2020-12/schema"), ("title", .string(name)),
            ("description", .string(summary + " Printed by: " + producers.joined(separator: ", ") + ".")),
        ]
        let definitions = Self.definitionsUsed(by: shape)
        if !definitions.isEmpty {
            body.append(("$defs", .object(definitions.map { ($0, Self.definitions[$0]!.schema()) })))
        }
        return .object(header + body)
    }

    /// The same shape as an MCP tool declares it: its own keys and their types, no prose,
    /// since every session pays for `tools/list` (5.6 KB like this, 11.4 KB with the full
    /// schemas). The whole shape is `beads schema NAME` and manual/json/.
    func toolSchema() -> JSONValue {
        shape.schema(SchemaStyle(descriptions: false, depth: 1, definitions: Self.definitions))
    }

    /// Every definition reachable from the shape, in name order.
    static func definitionsUsed(by shape: JSONShape) -> [String] {
        var found = Set<String>(), pending = Array(shape.references)
        while let name = pending.popLast() {
            guard found.insert(name).inserted, let definition = definitions[name] else { continue }
            pending += definition.references
        }
        return found.sorted()
    }

    static func named(_ name: String) -> OutputContract? {
        all.first { $0.name == name }
    }

    /// The contract for an MCP tool, by its name in `producers`.
    static func forTool(_ tool: String) -> OutputContract? {
        all.first { $0.producers.contains("mcp " + tool) }
    }

    static let all: [OutputContract] = tracking + knowledge

    /// Shapes used by more than one contract, named once.
    static let definitions: [String: JSONShape] = trackingDefinitions.merging(knowledgeDefinitions) { first, _ in first }
}
