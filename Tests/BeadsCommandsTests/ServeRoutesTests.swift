import BeadsKnowledge
import BeadsStore
import BeadsTestSupport
import Foundation
import Hummingbird
import Logging
import Testing

@testable import BeadsCommands

/// The server's routes in process, through the router's own responder with a context of
/// the test's: no port, no binary, no HTTP client. (The journeys that need a real server,
/// a browser or curl stay end to end.)
@Suite struct ServeRoutesTests {
    struct TestSource: RequestContextSource {
        let logger = Logger(label: "beads.serve.tests")
    }

    struct Context: RequestContext {
        typealias Source = TestSource
        var coreContext: CoreRequestContextStorage
        init(source: TestSource) { coreContext = .init(source: source) }
    }

    /// A response's status, headers and whole body.
    struct Answer {
        var status: HTTPResponse.Status
        var headers: HTTPFields
        var body: ByteBuffer
    }

    /// Collects what a response writes.
    struct Collector: ResponseBodyWriter {
        let parts: Locked<ByteBuffer>
        mutating func write(_ buffer: ByteBuffer) async throws { parts.withLock { $0.writeImmutableBuffer(buffer) } }
        consuming func finish(_ trailingHeaders: HTTPFields?) async throws {}
    }

    /// Sends requests to the routes of a server on a scratch copy of the shipped knowledge base.
    struct Client {
        let responder: RouterResponder<Context>

        func execute(uri: String, method: HTTPRequest.Method, headers: HTTPFields = [:], body: ByteBuffer? = nil) async throws -> Answer {
            let request = Request(
                head: HTTPRequest(method: method, scheme: "http", authority: "localhost", path: uri, headerFields: headers),
                body: RequestBody(buffer: body ?? ByteBuffer()))
            let response = try await responder.respond(to: request, context: Context(source: TestSource()))
            let parts = Locked(ByteBuffer())
            try await response.body.write(Collector(parts: parts))
            return Answer(status: response.status, headers: response.headers, body: parts.current)
        }
    }

    static func withRoutes(_ body: (Client) async throws -> Void) async throws {
        let dir = try shippedKnowledgeBase()
        defer { withExtendedLifetime(dir) {} }
        let site = ServeSite(
            location: KnowledgeBaseLocation(root: dir.path), environment: ["PATH": "/usr/bin:/bin", "BEADS_ENV": "host"],
            allowRun: false, events: StoreEvents(), sessions: SessionTokens())
        try await body(Client(responder: ServeRoutes.router(site, context: Context.self).buildResponder()))
    }

    static func text(_ response: Answer) -> String { String(buffer: response.body) }

    @Test func pagesAnswerGetAndHead() async throws {
        try await Self.withRoutes { client in
            let home = try await client.execute(uri: "/", method: .get)
            #expect(home.status == .ok && Self.text(home).contains(#"name="csrf""#))
            #expect(home.headers[.setCookie]?.contains("HttpOnly; SameSite=Strict") == true)
            let head = try await client.execute(uri: "/board", method: .head)
            #expect(head.status == .ok && head.body.readableBytes == 0)
        }
    }

    @Test func theAPIDiagnosesJSONOnlyAndTakesPrioritiesAsPrinted() async throws {
        try await Self.withRoutes { client in
            var json = HTTPFields()
            json[.contentType] = "application/json"
            let fixed = try await client.execute(
                uri: "/api/fix", method: .post, headers: json,
                body: ByteBuffer(string: #"{"text": "npm ERR! code ENOTEMPTY"}"#))
            #expect(fixed.status == .ok)
            #expect(try JSONTree.parse(Self.text(fixed))["matches"]?.array?.first?["bead"] == .string("mo-3bol"))
            var plain = HTTPFields()
            plain[.contentType] = "text/plain"
            let refused = try await client.execute(
                uri: "/api/fix", method: .post, headers: plain,
                body: ByteBuffer(string: #"{"text": "npm ERR! code ENOTEMPTY"}"#))
            #expect(refused.status == .unsupportedMediaType)
            let urgent = try await client.execute(uri: "/api/beads?priority=P1&all=true", method: .get)
            #expect(urgent.status == .ok)
            let priorities = (try JSONTree.parse(Self.text(urgent)).array ?? []).compactMap { $0["priority"] }
            #expect(!priorities.isEmpty && priorities.allSatisfy { $0 == .integer(1) })
        }
    }

    @Test func writesNeedTheTokenAndTheSitesOwnOrigin() async throws {
        try await Self.withRoutes { client in
            var form = HTTPFields()
            form[.contentType] = "application/x-www-form-urlencoded"
            let noToken = try await client.execute(uri: "/fix", method: .post, headers: form, body: ByteBuffer(string: "text=npm+ERR%21"))
            #expect(noToken.status == .forbidden && Self.text(noToken).contains("token"))
            var cross = form
            cross[.origin] = "https://evil.example"
            let crossSite = try await client.execute(uri: "/api/fix", method: .post, headers: cross, body: ByteBuffer(string: "{}"))
            #expect(crossSite.status == .forbidden)
        }
    }
}
