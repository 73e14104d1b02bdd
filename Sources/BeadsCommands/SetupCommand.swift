import ArgumentParser
import BeadsKnowledge
import BeadsStore
import Foundation

struct SetupCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "setup",
        abstract: "Set a coding agent up to use beads here: its instructions, MCP server and session-start hook.",
        discussion: HelpText.prose(
            """
            Writes, between markers and without touching the rest, what each agent reads:
              claude     CLAUDE.md, .mcp.json (the beads server), .claude/settings.json (SessionStart: beads prime --hook)
              cursor     .cursor/rules/beads.mdc, .cursor/mcp.json
              codex      AGENTS.md (Codex keeps MCP servers in ~/.codex/config.toml: the entry to add is printed)
              agents-md  AGENTS.md
            Running it again changes nothing. --check exits 1 when something is missing or
            out of date; --remove takes beads' part out again.
            """))

    enum Agent: String, ExpressibleByArgument, CaseIterable {
        case claude, cursor, codex, agentsMD = "agents-md"
    }

    @OptionGroup var kb: KnowledgeBaseOptions
    @Argument(help: "claude, cursor, codex or agents-md.")
    var agent: Agent
    @Flag(help: "Change nothing; exit 1 if the set-up is missing or out of date.")
    var check = false
    @Flag(help: "Take beads' instructions, server entry and hook out again.")
    var remove = false

    func validate() throws {
        if check, remove { throw ValidationError("--check or --remove, not both") }
    }

    static let start = "<!-- beads:start (written by `beads setup`; edit outside these markers) -->"
    static let end = "<!-- beads:end -->"

    static let instructions = """
        ## beads: known build errors and work tracking
        - A build or command failed? Before debugging, run `beads fix --json 'THE ERROR'` (or pipe the
          log's end into it). Exit 0: a known error; it names the bead, the root cause and the fix.
        - `beads ready --json` lists work; `beads update ID --claim` takes it; `beads close ID -r "why"`.
        - New failure you understood: `beads create --from-error --error-file build.log -t bug`.
        - `beads prime` prints this with the ready work and the known errors.
        """

    func run() throws {
        let root = try kb.location().root
        var changes: [SetupChange] = []
        switch agent {
        case .claude:
            changes.append(.markdown(root + "/CLAUDE.md"))
            changes.append(.json(root + "/.mcp.json", path: ["mcpServers", "beads"], value: Self.server))
            changes.append(.json(root + "/.claude/settings.json", path: ["hooks", "SessionStart"], value: Self.hook))
        case .cursor:
            changes.append(
                .whole(
                    root + "/.cursor/rules/beads.mdc",
                    "---\ndescription: beads, known build errors and work tracking\nalwaysApply: true\n---\n\n" + Self.instructions + "\n"))
            changes.append(.json(root + "/.cursor/mcp.json", path: ["mcpServers", "beads"], value: Self.server))
        case .codex, .agentsMD:
            changes.append(.markdown(root + "/AGENTS.md"))
        }
        let out = Terminal.standardOutput
        var stale: [String] = []
        for change in changes {
            let relative = change.path.hasPrefix(root + "/") ? String(change.path.dropFirst(root.count + 1)) : change.path
            let current = (try? String(contentsOfFile: change.path, encoding: .utf8))
            let wanted = try change.apply(to: current, removing: remove)
            if wanted == current || (wanted == nil && current == nil) { continue }
            stale.append(relative)
            if check { continue }
            if let wanted {
                try FileManager.default.createDirectory(
                    atPath: (change.path as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
                try JSONLFile.writeAtomically(wanted, to: change.path)
            } else {
                try FileManager.default.removeItem(atPath: change.path)
            }
            out.write("\(remove ? "Removed beads from" : "Wrote") \(relative)\n")
        }
        if agent == .codex, !remove, !check {
            out.write(
                "Codex reads MCP servers from ~/.codex/config.toml; add:\n  [mcp_servers.beads]\n  command = \"beads\"\n  args = [\"mcp\"]\n"
            )
        }
        if check {
            if stale.isEmpty {
                out.write("beads set-up for \(agent.rawValue) is current.\n")
                return
            }
            out.write("Out of date or missing: \(stale.joined(separator: ", ")). Run `beads setup \(agent.rawValue)`.\n")
            throw ExitCode(1)
        }
        if stale.isEmpty { out.write("Nothing to change: the set-up for \(agent.rawValue) is current.\n") }
    }

    static let server = JSONValue.object([("command", .string("beads")), ("args", .array([.string("mcp")]))])
    static let hookCommand = "beads prime --hook"
    static let hook = JSONValue.array([
        .object([("hooks", .array([.object([("type", .string("command")), ("command", .string(hookCommand))])]))])
    ])
}

/// One file `setup` keeps: a section between markers, a key in a JSON file, or a file of its own.
enum SetupChange {
    case markdown(String)
    case json(String, path: [String], value: JSONValue)
    case whole(String, String)

    var path: String {
        switch self {
        case let .markdown(path), let .json(path, _, _), let .whole(path, _): return path
        }
    }

    /// The file as it should be (nil: it should not exist).
    func apply(to current: String?, removing: Bool) throws -> String? {
        switch self {
        case .markdown:
            var text = current ?? ""
            if let start = text.range(of: SetupCommand.start),
                let end = text.range(of: SetupCommand.end, range: start.upperBound..<text.endIndex)
            {
                var cut = end.upperBound
                if cut < text.endIndex, text[cut] == "\n" { cut = text.index(after: cut) }
                text.removeSubrange(start.lowerBound..<cut)
            }
            if removing { return current == nil || text.isEmpty ? nil : text }
            let section = SetupCommand.start + "\n" + SetupCommand.instructions + "\n" + SetupCommand.end + "\n"
            if text.isEmpty { return section }
            return text + (text.hasSuffix("\n\n") ? "" : text.hasSuffix("\n") ? "\n" : "\n\n") + section
        case let .whole(_, content):
            return removing ? nil : content
        case let .json(path, keys, value):
            var root = JSONValue.object([])
            if let current, !current.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty {
                do { root = try JSONValue.parse(current) } catch {
                    throw CommandFailure("\(path) is not valid JSON (\(error)); fix it, then run `beads setup` again")
                }
            }
            if removing, current == nil { return nil }
            return Self.set(keys, removing ? nil : value, in: root).prettyEncoded() + "\n"
        }
    }

    /// `root` with the value at `keys` set (or, with nil, beads' part removed, and the
    /// objects and lists it leaves empty with it); other keys are kept in their order.
    static func set(_ keys: [String], _ value: JSONValue?, in root: JSONValue) -> JSONValue {
        var fields: [(String, JSONValue)] = []
        if case let .object(existing) = root { fields = existing }
        let key = keys[0]
        let index = fields.firstIndex { $0.0 == key }
        let current = index.map { fields[$0].1 }
        var next: JSONValue?
        if keys.count == 1 {
            next = value.map { wanted in current.map { merged($0, wanted) } ?? wanted } ?? current.flatMap(removed)
        } else {
            next = set(Array(keys.dropFirst()), value, in: current ?? .object([]))
        }
        if value == nil, let left = next {
            if case let .array(items) = left, items.isEmpty { next = nil }
            if case let .object(items) = left, items.isEmpty { next = nil }
        }
        if let next {
            if let index { fields[index].1 = next } else { fields.append((key, next)) }
        } else if let index {
            fields.remove(at: index)
        }
        return .object(fields)
    }

    /// A hook list keeps the other hooks: beads' entry is there once. Anything else is
    /// replaced by what beads wants.
    static func merged(_ existing: JSONValue, _ wanted: JSONValue) -> JSONValue {
        guard case let .array(items) = existing, case let .array(add) = wanted else { return wanted }
        return .array(items.filter { !isBeadsHook($0) } + add)
    }

    /// A hook list without beads' entry; beads' own value (its server entry) is dropped.
    static func removed(_ existing: JSONValue) -> JSONValue? {
        guard case let .array(items) = existing else { return nil }
        return .array(items.filter { !isBeadsHook($0) })
    }

    static func isBeadsHook(_ entry: JSONValue) -> Bool {
        entry.encoded().contains(SetupCommand.hookCommand)
    }
}
