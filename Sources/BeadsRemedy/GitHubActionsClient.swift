import BeadsStore
import Foundation

/// A workflow run as the API reports it.
public struct WorkflowRun: Sendable, Equatable {
    public var id: Int64
    public var status: String
    public var conclusion: String?
    public var htmlURL: String?
    public var createdAt: String?
}

public enum ActionsError: Error, Sendable, CustomStringConvertible, Equatable {
    case noToken
    case badRepository(String)
    case unauthorized
    case forbidden(String)
    case notFound(String)
    case unprocessable(String)
    case rateLimited(retryAfter: Int?)
    case server(status: Int, message: String)
    case network(String)
    case unexpectedReply(String)
    case runNotFound(String)
    case timedOut(String)

    public var description: String {
        switch self {
        case .noToken:
            return "set GITHUB_TOKEN (or GH_TOKEN) to a token with actions:write on the repository"
        case let .badRepository(text):
            return "cannot tell the repository from \(text); pass --repo OWNER/NAME"
        case .unauthorized:
            return "GitHub refused the token (401 Bad credentials): GITHUB_TOKEN is wrong or expired"
        case let .forbidden(message):
            return "GitHub said 403 Forbidden (\(message)): the token lacks actions:write on this repository, or the repository forbids it"
        case let .notFound(what):
            return "GitHub said 404 Not Found for \(what): check the repository and the workflow file name, and that the token can see them"
        case let .unprocessable(message):
            if message.contains("workflow_dispatch") {
                return "GitHub said 422: \(message). Add `on: workflow_dispatch:` to the workflow, push it to the ref, and try again"
            }
            return "GitHub said 422 Unprocessable: \(message)"
        case let .rateLimited(retryAfter):
            return "GitHub's rate limit stopped the request" + (retryAfter.map { " (retry after \($0) s)" } ?? "")
                + "; wait and run the command again"
        case let .server(status, message):
            return "GitHub answered \(status) (\(message)); it is GitHub's side, try again in a minute"
        case let .network(reason):
            return "cannot reach the GitHub API: \(reason)"
        case let .unexpectedReply(reason):
            return "GitHub's answer was not what the API documents: \(reason)"
        case let .runNotFound(workflow):
            return "the dispatch was accepted, but no run of \(workflow) showed up in the runs list; look at the repository's Actions tab"
        case let .timedOut(url):
            return "the run did not complete in time; it goes on at \(url)"
        }
    }
}

/// GitHub's REST API for Actions: dispatch a workflow, find its run, follow the run.
public struct GitHubActionsClient: Sendable {
    public var baseURL: URL
    public var repository: String
    /// Kept only to build the Authorization header; never printed or logged.
    let token: String
    /// The environment curl runs with (PATH to find it, proxies).
    public var environment: [String: String]
    /// Most retries after a rate limit's Retry-After, and the longest wait honoured.
    public var maxRetries = 3
    public var maxRetryWait = 60

    public init(
        baseURL: URL, repository: String, token: String,
        environment: [String: String] = ProcessInfo.processInfo.environment
    ) {
        self.baseURL = baseURL
        self.repository = repository
        self.token = token
        self.environment = environment
    }

    /// Token from GITHUB_TOKEN or GH_TOKEN; base URL from GITHUB_API_URL (GitHub Enterprise).
    public static func fromEnvironment(_ env: [String: String], repository: String) throws(ActionsError) -> GitHubActionsClient {
        guard let token = [env["GITHUB_TOKEN"], env["GH_TOKEN"]].compactMap({ $0 }).first(where: { !$0.isEmpty }) else {
            throw ActionsError.noToken
        }
        let base = env["GITHUB_API_URL"].flatMap { $0.isEmpty ? nil : $0 } ?? "https://api.github.com"
        guard let url = URL(string: base.hasSuffix("/") ? String(base.dropLast()) : base) else {
            throw ActionsError.network("GITHUB_API_URL \(base) is not a URL")
        }
        return GitHubActionsClient(baseURL: url, repository: repository, token: token, environment: env)
    }

    /// `OWNER/NAME` from a git remote URL (https, ssh, or scp-like).
    public static func repository(fromRemote remote: String) -> String? {
        var path = remote.trimmingCharacters(in: .whitespacesAndNewlines)
        if let scheme = path.range(of: "://") {
            path = String(path[scheme.upperBound...])
            guard let slash = path.firstIndex(of: "/") else { return nil }
            path = String(path[path.index(after: slash)...])
        } else if let colon = path.firstIndex(of: ":") {
            path = String(path[path.index(after: colon)...])
        } else {
            return nil
        }
        if path.hasSuffix(".git") { path.removeLast(4) }
        if path.hasSuffix("/") { path.removeLast() }
        let parts = path.split(separator: "/")
        guard parts.count >= 2 else { return nil }
        return parts.suffix(2).joined(separator: "/")
    }

    // MARK: - Requests

    struct Reply {
        var status: Int
        var body: Data
        var headers: [String: String]

        var json: JSONValue? { try? JSONValue.parse(bytes: [UInt8](body)) }
        var message: String { json?["message"]?.stringValue ?? String(decoding: body.prefix(200), as: UTF8.self) }
    }

    func send(_ method: String, _ path: String, body: JSONValue? = nil) async throws(ActionsError) -> Reply {
        let url = baseURL.absoluteString + path
        var headers = [
            ("Accept", "application/vnd.github+json"),
            ("X-GitHub-Api-Version", "2022-11-28"),
            ("Authorization", "Bearer \(token)"),
            ("User-Agent", "beads"),
        ]
        if body != nil { headers.append(("Content-Type", "application/json")) }
        let transport = CurlTransport(environment: environment)
        var attempt = 0
        while true {
            let reply: Reply
            do {
                let response = try await transport.send(
                    method: method, url: url, headers: headers, body: body.map { Data($0.encoded().utf8) })
                reply = Reply(status: response.status, body: response.body, headers: response.headers)
            } catch {
                switch error {
                case .missing:
                    throw ActionsError.network("curl is needed to reach GitHub and is not on PATH; install it (apt-get install curl)")
                case let .failed(message): throw ActionsError.network(message)
                }
            }
            let retryAfter = reply.headers["retry-after"].flatMap(Int.init)
            let limited =
                reply.status == 429
                || (reply.status == 403
                    && (retryAfter != nil || reply.headers["x-ratelimit-remaining"] == "0"
                        || reply.message.lowercased().contains("rate limit")))
            if limited {
                attempt += 1
                let wait = retryAfter ?? 0
                guard attempt <= maxRetries, wait <= maxRetryWait else { throw ActionsError.rateLimited(retryAfter: retryAfter) }
                try? await Task.sleep(for: .seconds(max(wait, 1)))
                continue
            }
            return reply
        }
    }

    func check(_ reply: Reply, what: String) throws(ActionsError) {
        switch reply.status {
        case 200..<300: return
        case 401: throw ActionsError.unauthorized
        case 403: throw ActionsError.forbidden(reply.message)
        case 404: throw ActionsError.notFound(what)
        case 422: throw ActionsError.unprocessable(reply.message)
        default: throw ActionsError.server(status: reply.status, message: reply.message)
        }
    }

    // MARK: - Dispatch and runs

    /// Dispatches the workflow and returns its run. Asks for the run's details in the
    /// dispatch (GitHub since February 2026); a server that answers 400 to that field
    /// (GitHub Enterprise Server 3.20 and older) gets the plain request, and the run is
    /// then found in the workflow's runs list.
    public func dispatch(workflow: String, ref: String, inputs: [(String, String)]) async throws(ActionsError) -> WorkflowRun {
        let path = "/repos/\(repository)/actions/workflows/\(Self.escape(workflow))/dispatches"
        let what = "workflow \(workflow) in \(repository)"
        var body: [(String, JSONValue)] = [("ref", .string(ref))]
        if !inputs.isEmpty { body.append(("inputs", .object(inputs.map { ($0.0, .string($0.1)) }))) }
        let started = Date()
        let reply = try await send("POST", path, body: .object(body + [("return_run_details", .bool(true))]))
        if reply.status == 200, let id = reply.json?["workflow_run_id"]?.intValue {
            return WorkflowRun(
                id: Int64(id), status: "queued", conclusion: nil,
                htmlURL: reply.json?["html_url"]?.stringValue, createdAt: nil)
        }
        if reply.status == 400 {
            let retry = try await send("POST", path, body: .object(body))
            try check(retry, what: what)
        } else {
            try check(reply, what: what)
        }
        return try await findDispatchedRun(workflow: workflow, ref: ref, after: started)
    }

    /// The newest workflow_dispatch run of the workflow created since the dispatch
    /// (a minute of clock skew allowed); runs take a few seconds to appear.
    func findDispatchedRun(workflow: String, ref: String, after: Date, attempts: Int = 10) async throws(ActionsError) -> WorkflowRun {
        let path =
            "/repos/\(repository)/actions/workflows/\(Self.escape(workflow))/runs?event=workflow_dispatch&branch=\(Self.escape(ref))&per_page=10"
        let formatter = ISO8601DateFormatter()
        for attempt in 0..<attempts {
            let reply = try await send("GET", path)
            try check(reply, what: "the runs of \(workflow)")
            if case let .array(runs)? = reply.json?["workflow_runs"] {
                let fresh = runs.compactMap(Self.run(from:)).filter { run in
                    guard let created = run.createdAt.flatMap(formatter.date(from:)) else { return false }
                    return created >= after.addingTimeInterval(-60)
                }
                if let newest = fresh.max(by: { $0.id < $1.id }) { return newest }
            }
            if attempt + 1 < attempts { try? await Task.sleep(for: .seconds(2)) }
        }
        throw ActionsError.runNotFound(workflow)
    }

    public func run(id: Int64) async throws(ActionsError) -> WorkflowRun {
        let reply = try await send("GET", "/repos/\(repository)/actions/runs/\(id)")
        try check(reply, what: "run \(id) in \(repository)")
        guard let json = reply.json, let run = Self.run(from: json) else { throw ActionsError.unexpectedReply("a run without an id") }
        return run
    }

    /// Polls the run until it completes, reporting each status change.
    public func watch(runID: Int64, interval: Duration, timeout: Duration?, onChange: @Sendable (WorkflowRun) -> Void)
        async throws(ActionsError) -> WorkflowRun
    {
        let deadline = timeout.map { ContinuousClock.now + $0 }
        var last: String?
        while true {
            let current = try await run(id: runID)
            let state = current.status + (current.conclusion ?? "")
            if state != last {
                onChange(current)
                last = state
            }
            if current.status == "completed" { return current }
            if let deadline, ContinuousClock.now >= deadline { throw ActionsError.timedOut(current.htmlURL ?? "run \(runID)") }
            try? await Task.sleep(for: interval)
        }
    }

    static func run(from json: JSONValue) -> WorkflowRun? {
        guard let id = json["id"]?.intValue else { return nil }
        return WorkflowRun(
            id: Int64(id), status: json["status"]?.stringValue ?? "unknown",
            conclusion: json["conclusion"]?.stringValue, htmlURL: json["html_url"]?.stringValue,
            createdAt: json["created_at"]?.stringValue)
    }

    static func escape(_ component: String) -> String {
        component.addingPercentEncoding(withAllowedCharacters: .urlPathAllowed.subtracting(CharacterSet(charactersIn: "/?&=#")))
            ?? component
    }
}
