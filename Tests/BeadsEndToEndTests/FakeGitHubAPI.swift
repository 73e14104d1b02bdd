import Foundation
import Hummingbird

/// GitHub's Actions API as a real HTTP server on 127.0.0.1: it answers dispatches,
/// runs lists and run look-ups the way the documentation says, and records every
/// request so tests can assert what beads sent.
final class FakeGitHubAPI: @unchecked Sendable {
    struct Recorded: Sendable {
        var method: String
        var path: String
        var authorization: String?
        var body: String
    }

    enum DispatchBehaviour: Sendable {
        /// GitHub since February 2026: 200 with the run's id and URL.
        case runDetails
        /// GitHub Enterprise Server 3.20 and older: 400 for return_run_details, then 204.
        case olderServer
        /// A fixed error reply.
        case fail(status: Int, message: String, headers: [String: String])
        /// 429 with Retry-After for the first `times` requests, then run details.
        case rateLimitedThenOK(times: Int)
    }

    private let lock = NSLock()
    private var requests: [Recorded] = []
    private var runPolls = 0
    let behaviour: DispatchBehaviour
    let conclusion: String
    let runID = 424242
    private var task: Task<Void, Error>?
    private(set) var port = 0

    init(behaviour: DispatchBehaviour, conclusion: String = "success") {
        self.behaviour = behaviour
        self.conclusion = conclusion
    }

    var recorded: [Recorded] {
        lock.lock()
        defer { lock.unlock() }
        return requests
    }

    var baseURL: String { "http://127.0.0.1:\(port)" }

    func start() async throws {
        let router = Router()
        router.on("**", method: .post) { request, _ in try await self.handle(request) }
        router.on("**", method: .get) { request, _ in try await self.handle(request) }
        let ready = AsyncStream<Int>.makeStream()
        let app = Application(
            router: router, configuration: .init(address: .hostname("127.0.0.1", port: 0)),
            onServerRunning: { channel in ready.continuation.yield(channel.localAddress?.port ?? 0) })
        task = Task { try await app.run() }
        for await port in ready.stream {
            self.port = port
            break
        }
    }

    func stop() { task?.cancel() }

    private func reply(_ status: Int, _ json: String = "", headers: [String: String] = [:]) -> Response {
        var fields = HTTPFields()
        fields[.contentType] = "application/json"
        for (k, v) in headers { fields[.init(k)!] = v }
        return Response(status: .init(code: status), headers: fields, body: .init(byteBuffer: ByteBuffer(string: json)))
    }

    private func handle(_ request: Request) async throws -> Response {
        var request = request
        let body = try await request.collectBody(upTo: 1 << 20)
        let path = request.uri.path + (request.uri.query.map { "?" + $0 } ?? "")
        let count: Int = {
            lock.lock()
            defer { lock.unlock() }
            requests.append(
                Recorded(
                    method: request.method.rawValue, path: path,
                    authorization: request.headers[.authorization], body: String(buffer: body)))
            return requests.count
        }()
        let text = String(buffer: body)
        if request.method == .post, path.hasSuffix("/dispatches") {
            switch behaviour {
            case .runDetails:
                return reply(
                    200,
                    #"{"workflow_run_id":\#(runID),"run_url":"\#(baseURL)/repos/o/r/actions/runs/\#(runID)","html_url":"https://github.example/o/r/actions/runs/\#(runID)"}"#
                )
            case .olderServer:
                if text.contains("return_run_details") {
                    return reply(400, #"{"message":"Invalid request.\n\n\"return_run_details\" is not a permitted key.","status":"400"}"#)
                }
                return reply(204)
            case let .fail(status, message, headers):
                return reply(status, #"{"message":"\#(message)","documentation_url":"https://docs.github.com/rest"}"#, headers: headers)
            case let .rateLimitedThenOK(times):
                if count <= times {
                    return reply(429, #"{"message":"You have exceeded a secondary rate limit."}"#, headers: ["Retry-After": "1"])
                }
                return reply(200, #"{"workflow_run_id":\#(runID),"html_url":"https://github.example/o/r/actions/runs/\#(runID)"}"#)
            }
        }
        if request.method == .get, path.contains("/runs?") {
            let created = ISO8601DateFormatter().string(from: Date())
            return reply(
                200,
                #"{"total_count":2,"workflow_runs":[{"id":\#(runID),"status":"queued","conclusion":null,"created_at":"\#(created)","html_url":"https://github.example/o/r/actions/runs/\#(runID)"},{"id":17,"status":"completed","conclusion":"failure","created_at":"2025-01-01T00:00:00Z"}]}"#
            )
        }
        if request.method == .get, path.hasSuffix("/actions/runs/\(runID)") {
            let poll: Int = {
                lock.lock()
                defer { lock.unlock() }
                runPolls += 1
                return runPolls
            }()
            let (status, conclusion) =
                poll == 1 ? ("queued", "null") : poll == 2 ? ("in_progress", "null") : ("completed", "\"\(self.conclusion)\"")
            return reply(
                200,
                #"{"id":\#(runID),"status":"\#(status)","conclusion":\#(conclusion),"html_url":"https://github.example/o/r/actions/runs/\#(runID)"}"#
            )
        }
        return reply(404, #"{"message":"Not Found"}"#)
    }
}
