import BeadsKnowledge
import BeadsTestSupport
import Foundation
import Hummingbird
import HummingbirdTesting
import Testing

@testable import BeadsCommands

/// The server's routes in process, through Hummingbird's router test client: no port, no
/// binary. (The journeys that need a real server, a browser or curl stay end to end.)
@Suite struct ServeRoutesTests {
    static func withRoutes(_ body: @Sendable (any TestClientProtocol) async throws -> Void) async throws {
        let dir = try shippedKnowledgeBase()
        defer { withExtendedLifetime(dir) {} }
        let site = ServeSite(
            location: KnowledgeBaseLocation(root: dir.path), environment: ["PATH": "/usr/bin:/bin", "BEADS_ENV": "host"],
            allowRun: false, events: StoreEvents(), sessions: SessionTokens())
        let app = Application(router: ServeRoutes.router(site))
        try await app.test(.router) { client in try await body(client) }
    }

    static func text(_ response: TestResponse) -> String { String(buffer: response.body) }

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
