import ArgumentParser
import BeadsKnowledge
import BeadsStore
import Foundation

struct MCPCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "mcp",
        abstract: "Serve this knowledge base to a coding agent over MCP (stdio).",
        discussion: HelpText.prose(
            """
            An MCP server on standard input and output (newline-delimited JSON-RPC, protocol
            revisions 2024-11-05 to 2025-11-25). Tools: diagnose_error (a pasted error → bead, cause,
            fixes ranked for this machine), show_bead, list_beads (ready work too, paged),
            create_bead (from an error too), update_bead (claim, close), add_dependency,
            doc_findings; and run_fix only with --allow-run. Resources: bead://ID and
            doc://PATH. Errors come back as tool errors with the CLI's own guidance.

            Register it with an agent, for example:
              claude mcp add beads -- beads mcp --kb /path/to/repo
            """))

    @OptionGroup var kb: KnowledgeBaseOptions
    @Flag(help: "Offer run_fix, which runs recipes on this machine (off unless given).")
    var allowRun = false

    func run() async throws {
        let context = CommandContext.current
        let location = try kb.location()
        // Opened once up front, so a broken knowledge base is said before any client waits.
        _ = try kb.open()
        let tools = MCPTools(location: location, environment: context.environment, allowRun: allowRun)
        // Nothing but the protocol may reach standard output: whatever a library call
        // would print for a person goes to standard error.
        var redirected = context
        redirected.standardOutput = context.standardError
        let quiet = redirected
        // A client that goes away must not kill a fix that is running for it.
        signal(SIGPIPE, SIG_IGN)
        let server = MCPServer(
            info: .init(
                name: "beads", version: BeadsCommand.configuration.version,
                instructions: "Paste a failing build's error into diagnose_error before debugging it yourself."),
            tools: tools, quiet: quiet, writer: MCPStdioWriter())
        await server.serve(input: STDIN_FILENO)
    }
}

/// `bead://ID` (the bead as `show --json` gives it) and `doc://PATH` (the doc's Markdown).
struct MCPResources {
    let tools: MCPTools

    func list() throws -> JSONValue {
        let base = try tools.open()
        let docs = try base.store.docSummaries().map { doc in
            MCPResource(uri: "doc://\(doc.path)", name: doc.title, description: "Solution doc \(doc.path)", mimeType: "text/markdown")
        }
        var open = BeadFilter()
        open.limit = 200
        let beads = try base.store.beads(matching: open).map { bead in
            MCPResource(uri: "bead://\(bead.id)", name: "\(bead.id) \(bead.title)", mimeType: "application/json")
        }
        return .object([("resources", .array((docs + beads).map(\.json)))])
    }

    func read(_ uri: String) throws -> JSONValue {
        let base = try tools.open()
        if uri.hasPrefix("bead://") {
            let bead = try requireBead(String(uri.dropFirst("bead://".count)), in: base)
            return Self.contents(uri, "application/json", try ShowCommand.jsonObject(bead, in: base).prettyEncoded())
        }
        if uri.hasPrefix("doc://") {
            let path = String(uri.dropFirst("doc://".count))
            // Only indexed docs: a doc:// URI cannot read any other file.
            guard try base.store.docSummaries().contains(where: { $0.path == path }) else {
                throw MCPProtocolError.invalidParams("no indexed doc \(path); resources/list names them")
            }
            return Self.contents(uri, "text/markdown", try DocFiles.read(path, in: base))
        }
        throw MCPProtocolError.invalidParams("unknown resource \(uri): use bead://ID or doc://PATH")
    }

    static func contents(_ uri: String, _ mimeType: String, _ text: String) -> JSONValue {
        .object([("contents", .array([.object([("uri", .string(uri)), ("mimeType", .string(mimeType)), ("text", .string(text))])]))])
    }
}
