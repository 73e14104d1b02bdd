import ArgumentParser
import BeadsStore

struct DepTreeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "tree",
        abstract: "Show what a bead waits on, level by level (or what waits on it, with --reverse).",
        discussion: "A bead reached twice is shown again but not expanded again; `…` marks where the walk stopped.")

    @OptionGroup var kb: KnowledgeBaseOptions
    @Argument(help: "The bead at the root.") var id: String
    @Flag(name: [.customShort("r"), .long], help: "Follow dependents instead: what waits on this bead.")
    var reverse = false
    @Option(name: [.customShort("d"), .long], help: "Stop this many levels down.")
    var maxDepth = 50
    @Flag(help: "Print a JSON array of nodes: the bead's fields plus depth, parent_id, dependency_type and truncated.")
    var json = false

    func validate() throws {
        if maxDepth < 1 { throw ValidationError("--max-depth must be 1 or more") }
    }

    func run() throws {
        let base = try kb.open()
        let nodes = try base.store.dependencyTree(of: id, reverse: reverse, maxDepth: maxDepth)
        let out = Terminal.standardOutput
        if json {
            out.write(JSONValue.array(nodes.map(Self.json)).prettyEncoded() + "\n")
            return
        }
        for node in nodes {
            let indent = String(repeating: "  ", count: node.depth)
            let body = node.bead.map(BeadOutput.line) ?? "\(node.id)  (no such bead in the store)"
            let relation = node.type.flatMap { type in node.parentID.map { Self.sentence(node.id, type, $0, reverse: reverse) } }
            out.write("\(indent)\(body)\(relation.map { "   (\($0))" } ?? "")\(node.truncated ? "  …" : "")\n")
        }
        if nodes.count == 1 { out.write(reverse ? "Nothing depends on \(id).\n" : "\(id) depends on nothing.\n") }
    }

    /// How a line's bead relates to the one above it, said as a sentence with both ids,
    /// so the direction cannot be misread. Walking forward, the line's bead is what the
    /// one above depends on; with --reverse, it depends on the one above.
    static func sentence(_ id: String, _ type: String, _ above: String, reverse: Bool) -> String {
        let (dependent, target) = reverse ? (id, above) : (above, id)
        switch DependencyType(rawValue: type) {
        case .parentChild: return "\(target) is the parent of \(dependent)"
        case let kind where kind.holdsWork:
            return "\(target) blocks \(dependent)" + (kind == .blocks ? "" : " (\(type))")
        default: return "\(dependent) \(type) \(target)"
        }
    }

    static func json(_ node: DependencyTreeNode) -> JSONValue {
        var fields: [(String, JSONValue)] = []
        if case let .object(beadFields)? = node.bead?.jsonValue { fields = beadFields } else { fields = [("id", .string(node.id))] }
        fields.append(("depth", JSONValue(node.depth)))
        fields.append(("parent_id", node.parentID.map(JSONValue.string) ?? .null))
        fields.append(("dependency_type", node.type.map(JSONValue.string) ?? .null))
        fields.append(("truncated", .bool(node.truncated)))
        return .object(fields)
    }
}
