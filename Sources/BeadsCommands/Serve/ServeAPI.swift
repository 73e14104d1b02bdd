import BeadsCore
import BeadsKnowledge
import BeadsStore
import Foundation
import Hummingbird

/// The same data as the pages, as JSON under /api/, in the shapes of the CLI's --json
/// (each named by its contract in manual/json/). manual/openapi.json is this table
/// rendered; a test checks the committed file against it and the server against both.
struct APIEndpoint: Sendable {
    struct Parameter: Sendable {
        var name: String
        var location: String = "query"
        var type: String = "string"
        var summary: String
    }

    var method: HTTPRequest.Method
    /// As OpenAPI writes it: `/api/beads/{id}`.
    var path: String
    var summary: String
    /// The OutputContract its 200 answer follows.
    var contract: String
    var parameters: [Parameter] = []
    /// The JSON body it takes, for POST.
    var body: String?
    var handler: @Sendable (Request, APIRequest) async throws -> JSONValue
}

/// What an API handler gets besides the request.
struct APIRequest: Sendable {
    var site: ServeSite
    var pathParameter: String?

    func query(_ request: Request, _ name: String) -> String? {
        FormFields.query(request.uri.query ?? "")[name].flatMap { $0.isEmpty ? nil : $0 }
    }

    func integer(_ request: Request, _ name: String, default value: Int, in range: ClosedRange<Int>) throws -> Int {
        guard let text = query(request, name) else { return value }
        guard let n = Int(text), range.contains(n) else {
            throw ServeFailure(
                status: .badRequest, message: "\(name)=\(text): give a whole number from \(range.lowerBound) to \(range.upperBound).")
        }
        return n
    }
}

enum ServeAPI {
    static let endpoints: [APIEndpoint] = [
        APIEndpoint(
            method: .get, path: "/api/beads", summary: "Beads, as `beads list` filters them: open ones by default, most urgent first.",
            contract: "beads",
            parameters: [
                .init(name: "status", summary: "Only this status (open, in_progress, blocked, deferred, closed, …)."),
                .init(name: "priority", summary: "Only this priority: 0 to 4, or P0 to P4."),
                .init(name: "type", summary: "Only this issue type."), .init(name: "label", summary: "Only beads with this label."),
                .init(name: "assignee", summary: "Only beads assigned to this person."),
                .init(name: "q", summary: "Only beads whose title, description or id contains this."),
                .init(name: "all", type: "boolean", summary: "Include closed beads."),
                .init(name: "limit", type: "integer", summary: "At most this many (0: all; default 50)."),
            ]
        ) { request, api in
            let base = try api.site.open()
            var filter = BeadFilter()
            if let status = api.query(request, "status") { filter.statuses = [try BeadArguments.statusFilter(status)] }
            filter.includeClosed = api.query(request, "all") == "true"
            if let p = api.query(request, "priority") {
                guard let n = BeadPriority.parse(p) else { throw ServeFailure(status: .badRequest, message: BeadPriority.problem(p)) }
                filter.priority = n
            }
            filter.issueType = try api.query(request, "type").map { try BeadArguments.issueType($0, in: base) }
            filter.label = api.query(request, "label")
            filter.assignee = api.query(request, "assignee")
            filter.text = api.query(request, "q")
            filter.limit = try api.integer(request, "limit", default: 50, in: 0...1_000_000)
            return .array(try base.store.beads(matching: filter).map(\.jsonValue))
        },
        APIEndpoint(
            method: .get, path: "/api/beads/{id}", summary: "One bead as `beads show ID --json` gives it.", contract: "bead-details",
            parameters: [.init(name: "id", location: "path", summary: "The bead's id, e.g. mo-jgo.")]
        ) { _, api in
            let base = try api.site.open()
            let id = api.pathParameter ?? ""
            guard let bead = try base.store.bead(id) else { throw ServeFailure.notFound("No bead \(id) in this knowledge base.") }
            return try ShowCommand.jsonObject(bead, in: base)
        },
        APIEndpoint(
            method: .get, path: "/api/ready", summary: "Open beads nothing blocks, as `beads ready --json`.", contract: "ready",
            parameters: [.init(name: "limit", type: "integer", summary: "At most this many (0, the default: all).")]
        ) { request, api in
            let limit = try api.integer(request, "limit", default: 0, in: 0...1_000_000)
            return ReadyCommand.json(try api.site.open().store.readyBeads(now: Timestamp.now(), limit: limit))
        },
        APIEndpoint(method: .get, path: "/api/blocked", summary: "Beads waiting on others, as `beads blocked --json`.", contract: "blocked")
        { _, api in
            BlockedCommand.json(try api.site.open().store.blockedBeads(now: Timestamp.now()))
        },
        APIEndpoint(method: .get, path: "/api/stats", summary: "Counts over the whole store, as `beads stats --json`.", contract: "stats") {
            _, api in
            try StatsCommand.summary(try api.site.open().store, HitWindows(now: Date())).json
        },
        APIEndpoint(
            method: .get, path: "/api/known-errors",
            summary: "Known errors by cost with their daily hits, as `beads stats --errors --json`.",
            contract: "error-costs"
        ) { _, api in
            .array(try KnownErrorCost.ranked(in: try api.site.open().store, windows: HitWindows(now: Date())).map(HitPresentation.cost))
        },
        APIEndpoint(
            method: .get, path: "/api/hits", summary: "Recorded diagnoses, newest first, as `beads hits --json`.", contract: "hits",
            parameters: [
                .init(name: "bead", summary: "Only hits of this bead."),
                .init(name: "unmatched", type: "boolean", summary: "Only diagnoses that matched nothing."),
                .init(name: "limit", type: "integer", summary: "At most this many (default 50)."),
            ]
        ) { request, api in
            let limit = try api.integer(request, "limit", default: 50, in: 1...100_000)
            return .array(
                try api.site.open().store.hits(
                    beadID: api.query(request, "bead"), unmatched: api.query(request, "unmatched") == "true", limit: limit
                ).map(\.jsonValue))
        },
        APIEndpoint(
            method: .get, path: "/api/docs", summary: "The solution docs and what each holds, as `beads doc list --json`.", contract: "docs"
        ) { _, api in
            DocListCommand.json(try api.site.open().store.docSummaries())
        },
        APIEndpoint(
            method: .get, path: "/api/lint", summary: "What went stale in the docs, as `beads doc lint --json`.", contract: "lint-findings"
        ) { _, api in
            .array(try api.site.linting(try api.site.open()).wholeKnowledgeBase().map(DocLintCommand.json))
        },
        APIEndpoint(
            method: .post, path: "/api/fix", summary: "Diagnose a pasted error, as `beads fix --json`; recorded as a hit (source serve).",
            contract: "diagnosis", body: "{\"text\": \"the error or the end of the log\"}, at most 10 MiB"
        ) { request, api in
            let text = try await api.site.paste(request, form: false)
            let outcome = try await api.site.diagnose(text)
            let (diagnosis, env) = (outcome.diagnosis, outcome.environment)
            return FixReport.json(diagnosis, env: env)
        },
    ]

    static func register<Context: RequestContext>(_ router: Router<Context>, site: ServeSite) {
        for endpoint in endpoints {
            let route = RouterPath(endpoint.path.replacingOccurrences(of: "{id}", with: ":id"))
            router.on(route, method: endpoint.method) { request, context in
                let api = APIRequest(site: site, pathParameter: context.parameters.get("id"))
                return site.json(try await endpoint.handler(request, api))
            }
        }
        router.page("/api/openapi.json") { _, _ in site.json(openAPIDocument()) }
    }

    /// The OpenAPI 3.1 description of the endpoints; each answer's schema is the published
    /// JSON Schema of its contract, referenced beside this file (json/NAME.schema.json).
    static func openAPIDocument() -> JSONValue {
        var paths: [(String, JSONValue)] = []
        for path in endpoints.map(\.path).reduce(into: [String](), { if !$0.contains($1) { $0.append($1) } }) {
            var operations: [(String, JSONValue)] = []
            for endpoint in endpoints where endpoint.path == path {
                var operation: [(String, JSONValue)] = [
                    ("summary", .string(endpoint.summary)),
                    (
                        "operationId",
                        .string(
                            endpoint.method.rawValue.lowercased()
                                + endpoint.path.split(separator: "/").dropFirst().map {
                                    $0.hasPrefix("{") ? "ByID" : $0.prefix(1).uppercased() + $0.dropFirst()
                                }.joined().replacingOccurrences(of: "-", with: ""))
                    ),
                ]
                if !endpoint.parameters.isEmpty {
                    operation.append(
                        (
                            "parameters",
                            .array(
                                endpoint.parameters.map { p in
                                    .object([
                                        ("name", .string(p.name)), ("in", .string(p.location)), ("required", .bool(p.location == "path")),
                                        ("description", .string(p.summary)), ("schema", .object([("type", .string(p.type))])),
                                    ])
                                })
                        ))
                }
                if let body = endpoint.body {
                    operation.append(
                        (
                            "requestBody",
                            .object([
                                ("required", .bool(true)), ("description", .string(body)),
                                (
                                    "content",
                                    .object([
                                        (
                                            "application/json",
                                            .object([
                                                (
                                                    "schema",
                                                    .object([
                                                        ("type", "object"), ("required", .array(["text"])),
                                                        ("properties", .object([("text", .object([("type", "string")]))])),
                                                    ])
                                                )
                                            ])
                                        )
                                    ])
                                ),
                            ])
                        ))
                }
                let error = JSONValue.object([("$ref", "#/components/schemas/Error")])
                func answer(_ description: String, _ schema: JSONValue) -> JSONValue {
                    .object([
                        ("description", .string(description)), ("content", .object([("application/json", .object([("schema", schema)]))])),
                    ])
                }
                var responses: [(String, JSONValue)] = [
                    (
                        "200",
                        answer(
                            "The `\(endpoint.contract)` shape (manual/json/\(endpoint.contract).schema.json).",
                            .object([("$ref", .string("json/\(endpoint.contract).schema.json"))]))
                    )
                ]
                responses.append(("400", answer("A parameter or the body is wrong; the message says which.", error)))
                responses.append(
                    ("403", answer("The request named a host the server does not answer to, or came from another site's page.", error)))
                if endpoint.path.contains("{") { responses.append(("404", answer("Nothing has that id.", error))) }
                if endpoint.body != nil {
                    responses.append(("413", answer("The paste is over 10 MiB.", error)))
                    responses.append(("415", answer("The body was not sent as Content-Type: application/json.", error)))
                }
                responses.append(("500", answer("The knowledge base could not be read; the message says why.", error)))
                operation.append(("responses", .object(responses)))
                operations.append((endpoint.method.rawValue.lowercased(), .object(operation)))
            }
            paths.append((path, .object(operations)))
        }
        return .object([
            ("openapi", "3.1.0"),
            (
                "info",
                .object([
                    ("title", "beads serve"), ("version", .string(BeadsCommand.configuration.version)),
                    (
                        "description",
                        "The JSON API of `beads serve`: the shapes of the CLI's --json. Bound to 127.0.0.1 unless --host says otherwise."
                    ),
                ])
            ),
            ("paths", .object(paths)),
            (
                "components",
                .object([
                    (
                        "schemas",
                        .object([
                            (
                                "Error",
                                .object([
                                    ("type", "object"), ("required", .array(["error"])), ("additionalProperties", .bool(false)),
                                    (
                                        "properties",
                                        .object([
                                            ("error", .object([("type", "string"), ("description", "What went wrong and what to do.")]))
                                        ])
                                    ),
                                ])
                            )
                        ])
                    )
                ])
            ),
        ])
    }
}
