import BeadsCore
import BeadsKnowledge
import BeadsRemedy
import BeadsStore
import Foundation

/// The tools `beads mcp` offers an agent: few, read and write kept apart, each with an
/// output schema its structured result matches and a short text for clients that only
/// show text. Every tool opens the knowledge base afresh (a git pull or a CLI write in
/// between is seen) and goes through the same library calls as the CLI.
struct MCPTools: Sendable {
    let location: KnowledgeBaseLocation
    let environment: [String: String]
    let allowRun: Bool

    /// What an agent may paste at once: the end of a log is where builds report.
    static let maxText = 1 << 20

    // MARK: - Catalogue

    static func schema(_ properties: KeyValuePairs<String, JSONValue>, required: [String] = []) -> JSONValue {
        var object: [(String, JSONValue)] = [("type", "object"), ("properties", .object(properties.map { ($0.key, $0.value) }))]
        if !required.isEmpty { object.append(("required", JSONValue(required))) }
        return .object(object)
    }

    static func property(_ type: String, _ description: String? = nil) -> JSONValue {
        var object: [(String, JSONValue)] = [("type", .string(type))]
        if let description { object.append(("description", .string(description))) }
        return .object(object)
    }

    /// A tool's output schema: its shape in the JSON contract (`OutputContract`), as
    /// `toolSchema` trims it because every session pays for `tools/list`.
    static func output(_ tool: String) -> JSONValue? {
        OutputContract.forTool(tool).map { $0.toolSchema() }
    }

    func catalogue() -> [MCPTool] {
        var tools = [
            MCPTool(
                name: "diagnose_error",
                description:
                    "Recognise a pasted build error: the known bead, root cause, doc, and fixes ranked for this machine (as `beads fix --json`).",
                inputSchema: Self.schema(
                    ["text": Self.property("string", "The error or the end of the log (≤1 MiB).")], required: ["text"]),
                annotations: MCPTool.Annotations(readOnlyHint: true), outputSchema: Self.output("diagnose_error"),
                handler: { try await $0.diagnoseError($1) }),
            MCPTool(
                name: "show_bead", description: "A bead with its dependencies, docs, error signatures, recipes and recent runs.",
                inputSchema: Self.schema(["id": Self.property("string")], required: ["id"]),
                annotations: MCPTool.Annotations(readOnlyHint: true), outputSchema: Self.output("show_bead"),
                handler: { try await $0.showBead($1) }),
            MCPTool(
                name: "list_beads",
                description: "Compact rows (id, title, status, priority). ready=true: work that can start now. Page with cursor.",
                inputSchema: Self.schema([
                    "ready": Self.property("boolean"), "status": Self.property("string"),
                    "priority": Self.property("string", "0-4 or P0-P4"),
                    "type": Self.property("string"), "label": Self.property("string"), "assignee": Self.property("string"),
                    "query": Self.property("string", "Words in title or description."), "limit": Self.property("integer"),
                    "cursor": Self.property("string"),
                ]),
                annotations: MCPTool.Annotations(readOnlyHint: true), outputSchema: Self.output("list_beads"),
                handler: { try await $0.list($1) }),
            MCPTool(
                name: "create_bead",
                description: "Create a bead. With error_text, its generalised signature is recorded so the error is recognised next time.",
                inputSchema: Self.schema([
                    "title": Self.property("string"), "description": Self.property("string"), "priority": Self.property("string"),
                    "type": Self.property("string"), "labels": .object([("type", "array"), ("items", Self.property("string"))]),
                    "error_text": Self.property("string"),
                ]),
                annotations: MCPTool.Annotations(readOnlyHint: false, destructiveHint: false, idempotentHint: false),
                outputSchema: Self.output("create_bead"),
                handler: { try await $0.create($1) }),
            MCPTool(
                name: "update_bead",
                description: "Change status, priority or assignee; claim (assign to you, in_progress); close with a reason.",
                inputSchema: Self.schema(
                    [
                        "id": Self.property("string"), "status": Self.property("string"), "priority": Self.property("string"),
                        "assignee": Self.property("string"), "claim": Self.property("boolean"), "close_reason": Self.property("string"),
                    ], required: ["id"]),
                annotations: MCPTool.Annotations(readOnlyHint: false, destructiveHint: false, idempotentHint: true),
                outputSchema: Self.output("update_bead"),
                handler: { try await $0.update($1) }),
            MCPTool(
                name: "add_dependency", description: "Make issue depend on depends_on (type blocks by default); cycles are refused.",
                inputSchema: Self.schema(
                    ["issue": Self.property("string"), "depends_on": Self.property("string"), "type": Self.property("string")],
                    required: ["issue", "depends_on"]),
                annotations: MCPTool.Annotations(readOnlyHint: false, destructiveHint: false, idempotentHint: true),
                outputSchema: Self.output("add_dependency"),
                handler: { try await $0.addDependency($1) }),
            MCPTool(
                name: "doc_findings", description: "What went stale in the solution docs (beads doc lint).",
                inputSchema: Self.schema([:]), annotations: MCPTool.Annotations(readOnlyHint: true),
                outputSchema: Self.output("doc_findings"),
                handler: { try await $0.docFindings($1) }),
        ]
        if allowRun {
            tools.append(
                MCPTool(
                    name: "run_fix",
                    description: "Run a known error's recommended fix (or recipe) here; recorded as a CLI run is. Enabled by --allow-run.",
                    inputSchema: Self.schema(
                        [
                            "bead": Self.property("string"), "recipe": Self.property("string"),
                            "text": Self.property("string", "The error, passed to the recipe as data."),
                        ],
                        required: ["bead"]),
                    annotations: MCPTool.Annotations(
                        readOnlyHint: false, destructiveHint: true, idempotentHint: false, openWorldHint: true),
                    outputSchema: Self.output("run_fix"),
                    handler: { try await $0.runFix($1) }))
        }
        return tools
    }

    // MARK: - Calls

    /// One call, any failure turned into a tool error carrying the CLI's own guidance.
    func call(_ name: String, _ arguments: JSONValue?) async -> MCPToolResult {
        do {
            guard let tool = catalogue().first(where: { $0.name == name }) else {
                throw CommandFailure.usage("no tool \(name); tools/list names them")
            }
            let (structured, text) = try await tool.handler(self, try MCPArguments(arguments))
            return MCPToolResult(text: text, structured: structured, isError: false)
        } catch let error as PresentableError {
            return MCPToolResult(text: error.message, structured: nil, isError: true)
        } catch {
            return MCPToolResult(text: "\(error)", structured: nil, isError: true)
        }
    }

    func open() throws -> KnowledgeBase {
        try KnowledgeBase(location: location, environment: environment)
    }

    func diagnoseError(_ args: MCPArguments) async throws -> (JSONValue, String) {
        let text = try args.text("text", limit: Self.maxText)
        let outcome = try Diagnose(base: try open(), environment: environment)(text, source: "mcp")
        if let problem = outcome.recordingProblem { Terminal.standardError.write("beads: \(problem)\n") }
        let (diagnosis, env) = (outcome.diagnosis, outcome.environment)
        let report = FixReport.json(diagnosis, env: env)
        guard let best = diagnosis.matches.first else {
            return (report, "No known error matched (\(diagnosis.linesRead) lines read). Record it with create_bead and error_text.")
        }
        let ranked = RecipeRanker.rank(best.recipes, in: env)
        let fix =
            ranked.first(where: \.recommended).map { "Recommended fix: \($0.recipe.name) (\($0.reason))." }
            ?? (ranked.isEmpty ? "No recipe." : "No fix can run here: " + RecipeRanker.setUpAdvice(ranked).joined(separator: "; "))
        return (report, "\(best.beadID): \(best.bead?.title ?? "") (score \(best.score)). \(best.rootCause ?? "") \(fix)")
    }

    func showBead(_ args: MCPArguments) async throws -> (JSONValue, String) {
        let base = try open()
        let bead = try requireBead(try args.string("id"), in: base)
        return (try ShowCommand.jsonObject(bead, in: base), "\(bead.id) \(bead.title) [\(bead.status.rawValue), P\(bead.priority)]")
    }

    func addDependency(_ args: MCPArguments) async throws -> (JSONValue, String) {
        let base = try open()
        let issue = try args.string("issue"), target = try args.string("depends_on")
        let type =
            try args.optionalString("type").map { text in
                guard let type = DependencyType.parse(text) else { throw CommandFailure.usage(DependencyType.problem(text)) }
                return type
            } ?? .blocks
        let added = try base.store.addDependency(issue, on: target, type: type, at: Timestamp.now()) == .added
        return (
            DepAddCommand.json(issue: issue, dependsOn: target, type: type, added: added),
            added ? "\(issue) now depends on \(target) (\(type))." : "Already there."
        )
    }

    func docFindings(_ args: MCPArguments) async throws -> (JSONValue, String) {
        let base = try open()
        let docs = base.docPaths()
        let texts = try docs.map { try base.readDoc($0) }
        let linter = try DocLinting(base: base, environment: environment, subcommands: BeadsCommand.commandNames).linter(for: texts)
        let findings = zip(docs, texts).flatMap { linter.lint(path: $0, text: $1) }
        return (
            .object([("findings", .array(findings.map(DocLintCommand.json)))]),
            findings.isEmpty ? "\(docs.count) docs, nothing stale." : findings.prefix(20).map(\.display).joined(separator: "\n")
        )
    }

    static func row(_ bead: Bead) -> JSONValue {
        .object([
            ("id", .string(bead.id)), ("title", .string(bead.title)), ("status", .string(bead.status.rawValue)),
            ("priority", JSONValue(bead.priority)),
        ])
    }

    func list(_ args: MCPArguments) throws -> (JSONValue, String) {
        let base = try open()
        let limit = min(max(try args.int("limit") ?? 20, 1), 200)
        let offset =
            try args.optionalString("cursor").map { cursor in
                guard let value = Int(cursor), value >= 0 else {
                    throw CommandFailure.usage("cursor \(cursor) is not one this server gave")
                }
                return value
            } ?? 0
        var beads: [Bead]
        if try args.bool("ready") == true {
            beads = try base.store.readyBeads(now: Timestamp.now(), limit: 0).map(\.bead)
        } else if let query = try args.optionalString("query") {
            beads = try base.store.search(query, limit: 0)
        } else {
            var filter = BeadFilter()
            if let status = try args.optionalString("status") { filter.statuses = [try BeadArguments.statusFilter(status)] }
            filter.includeClosed = filter.statuses != nil
            filter.priority = try args.optionalString("priority").map(BeadArguments.priority)
            filter.issueType = try args.optionalString("type").map { try BeadArguments.issueType($0, in: base) }
            filter.label = try args.optionalString("label")
            filter.assignee = try args.optionalString("assignee")
            filter.limit = 0
            beads = try base.store.beads(matching: filter)
        }
        let page = Array(beads.dropFirst(offset).prefix(limit))
        let next = offset + page.count < beads.count ? String(offset + page.count) : nil
        let text = page.map { "\($0.id) P\($0.priority) \($0.status.rawValue) \($0.title)" }.joined(separator: "\n")
        return (
            .object([("beads", .array(page.map(Self.row))), ("next_cursor", next.map(JSONValue.string) ?? .null)]),
            (text.isEmpty ? "No beads." : text) + (next.map { "\n(more: cursor \($0))" } ?? "")
        )
    }

    func create(_ args: MCPArguments) throws -> (JSONValue, String) {
        var request = CreateBead.Request(title: try args.optionalString("title"))
        request.pastedError = try args.optionalText("error_text", limit: Self.maxText)
        guard request.title != nil || request.pastedError != nil else { throw CommandFailure.usage("give a title, or error_text") }
        request.priority = try args.optionalString("priority").map(BeadArguments.priority) ?? 2
        request.type = try args.optionalString("type") ?? "task"
        request.description = try args.optionalString("description") ?? ""
        request.labels = try args.strings("labels")
        let bead = try CreateBead(base: try open(), environment: environment)(request).bead
        return (Self.row(bead), "Created \(bead.id): \(bead.title)")
    }

    func update(_ args: MCPArguments) throws -> (JSONValue, String) {
        let base = try open()
        let id = try args.string("id")
        let status = try args.optionalString("status").map(BeadArguments.status)
        let priority = try args.optionalString("priority").map(BeadArguments.priority)
        let assignee = try args.optionalString("assignee")
        let claim = try args.bool("claim") ?? false
        let reason = try args.optionalString("close_reason")
        let now = Timestamp.now(), actor = base.store.actor
        let bead = try base.store.update(id) { bead throws(StoreError) in
            if claim { try bead.claim(by: actor, at: now) }
            if let reason { bead.setStatus(.closed, at: now, reason: reason) } else if let status { bead.setStatus(status, at: now) }
            if let priority { bead.priority = priority }
            if let assignee { bead.assignee = assignee.isEmpty ? nil : assignee }
        }
        return (Self.row(bead), "Updated \(bead.id): \(bead.status.rawValue) · P\(bead.priority) · \(bead.title)")
    }

    func runFix(_ args: MCPArguments) async throws -> (JSONValue, String) {
        let base = try open()
        let beadID = try args.string("bead")
        _ = try requireBead(beadID, in: base)
        let env = try Diagnose.probe(environment)
        let recipe: RecipeRecord
        if let name = try args.optionalString("recipe") {
            recipe = try lookUpRecipe(name, in: base)
        } else {
            let ranked = RecipeRanker.rank(try base.store.recipes(forBead: beadID), in: env)
            guard let best = ranked.first(where: \.recommended) else {
                throw CommandFailure("no fix of \(beadID) can run here: " + RecipeRanker.setUpAdvice(ranked).joined(separator: "; "))
            }
            recipe = best.recipe
        }
        // The run's output is the tool's result, never the protocol's stdout.
        let captured = Locked(Data())
        let sink = OutputSink { data in captured.withLock { $0.append(data) } }
        let context = CommandContext(environment: environment, currentDirectory: location.root, standardOutput: sink, standardError: sink)
        let status = try await CommandContext.$current.withValue(context) {
            try await RecipeExecution(
                base: base, recipe: recipe, beadID: beadID, paste: try args.optionalText("text", limit: Self.maxText),
                assumeYes: true, dryRun: false, timeout: .seconds(1800)
            ).perform()
        }
        let output = String(decoding: captured.current.suffix(64 << 10), as: UTF8.self)
        return (
            .object([("recipe", .string(recipe.name)), ("exit_code", JSONValue(Int(status))), ("output", .string(output))]),
            "\(recipe.name) exited \(status).\n" + FixReport.clip(output, 2000)
        )
    }
}
