import ArgumentParser
import BeadsKnowledge
import BeadsStore
import Foundation
import MCP

struct MCPCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "mcp",
        abstract: "Serve this knowledge base to a coding agent over MCP (stdio).",
        discussion: HelpText.prose("""
            An MCP server on standard input and output (newline-delimited JSON-RPC), built
            on the official Swift SDK. Tools: diagnose_error (a pasted error → bead, cause,
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
        let server = Server(name: "beads", version: BeadsCommand.configuration.version,
                            instructions: "Paste a failing build's error into diagnose_error before debugging it yourself.",
                            capabilities: .init(resources: .init(subscribe: false, listChanged: false), tools: .init(listChanged: false)))
        await server.withMethodHandler(ListTools.self) { _ in .init(tools: tools.catalogue()) }
        await server.withMethodHandler(CallTool.self) { params in
            await CommandContext.$current.withValue(quiet) { await tools.call(params.name, params.arguments ?? [:]) }
        }
        await server.withMethodHandler(ListResources.self) { _ in
            try CommandContext.$current.withValue(quiet) { try MCPResources(tools: tools).list() }
        }
        await server.withMethodHandler(ReadResource.self) { params in
            try CommandContext.$current.withValue(quiet) { try MCPResources(tools: tools).read(params.uri) }
        }
        try await server.start(transport: MCPStdioTransport())
        await server.waitUntilCompleted()
    }
}

/// `bead://ID` (the bead as `show --json` gives it) and `doc://PATH` (the doc's Markdown).
struct MCPResources {
    let tools: MCPTools

    func list() throws -> ListResources.Result {
        let base = try tools.open()
        let docs = try base.store.docSummaries().map { doc in
            Resource(name: doc.title, uri: "doc://\(doc.path)", description: "Solution doc \(doc.path)", mimeType: "text/markdown")
        }
        var open = BeadFilter()
        open.limit = 200
        let beads = try base.store.beads(matching: open).map { bead in
            Resource(name: "\(bead.id) \(bead.title)", uri: "bead://\(bead.id)", mimeType: "application/json")
        }
        return .init(resources: docs + beads, nextCursor: nil)
    }

    func read(_ uri: String) throws -> ReadResource.Result {
        let base = try tools.open()
        if uri.hasPrefix("bead://") {
            let bead = try requireBead(String(uri.dropFirst("bead://".count)), in: base)
            return .init(contents: [.text(try ShowCommand.jsonObject(bead, in: base).prettyEncoded(), uri: uri, mimeType: "application/json")])
        }
        if uri.hasPrefix("doc://") {
            let path = String(uri.dropFirst("doc://".count))
            // Only indexed docs: a doc:// URI cannot read any other file.
            guard try base.store.docSummaries().contains(where: { $0.path == path }) else {
                throw MCPError.invalidParams("no indexed doc \(path); resources/list names them")
            }
            return .init(contents: [.text(try DocFiles.read(path, in: base), uri: uri, mimeType: "text/markdown")])
        }
        throw MCPError.invalidParams("unknown resource \(uri): use bead://ID or doc://PATH")
    }
}
