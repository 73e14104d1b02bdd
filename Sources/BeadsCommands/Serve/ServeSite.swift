import ArgumentParser
import BeadsCore
import BeadsKnowledge
import BeadsRemedy
import BeadsStore
import Foundation
import Hummingbird

/// What the routes share. Each request opens the knowledge base afresh (a CLI write or a
/// git pull in between is seen, JSONL and docs synced as any command syncs them) and goes
/// through the same library calls as the CLI, one transaction each.
struct ServeSite: Sendable {
    let location: KnowledgeBaseLocation
    let environment: [String: String]
    /// Whether a page may run a recipe (`--allow-run`).
    let allowRun: Bool
    let events: StoreEvents
    let sessions: SessionTokens

    /// The largest paste taken: the end of a log is where builds report.
    static let maxPaste = 10 << 20

    func open() throws -> KnowledgeBase {
        try KnowledgeBase(location: location, environment: environment)
    }

    func page(_ html: String, status: HTTPResponse.Status = .ok, newSession: String? = nil) -> Response {
        var headers = HTTPFields()
        headers[.contentType] = "text/html; charset=utf-8"
        headers[.cacheControl] = "no-store"
        Self.secure(&headers)
        if let newSession {
            headers[.setCookie] = "\(SessionTokens.cookieName)=\(newSession); Path=/; HttpOnly; SameSite=Strict"
        }
        return Response(status: status, headers: headers, body: .init(byteBuffer: ByteBuffer(string: html)))
    }

    /// A failure answered before any route: as JSON under /api/, else as a page.
    static func failure(_ message: String, status: HTTPResponse.Status, json: Bool) -> Response {
        var headers = HTTPFields()
        headers[.contentType] = json ? "application/json" : "text/html; charset=utf-8"
        headers[.cacheControl] = "no-store"
        secure(&headers)
        let body = json ? JSONValue.object([("error", .string(message))]).prettyEncoded() + "\n" : ServePages.error(message, status: status)
        return Response(status: status, headers: headers, body: .init(byteBuffer: ByteBuffer(string: body)))
    }

    func json(_ value: JSONValue, status: HTTPResponse.Status = .ok) -> Response {
        var headers = HTTPFields()
        headers[.contentType] = "application/json"
        headers[.cacheControl] = "no-store"
        Self.secure(&headers)
        return Response(status: status, headers: headers, body: .init(byteBuffer: ByteBuffer(string: value.prettyEncoded() + "\n")))
    }

    func asset(_ text: String, type: String) -> Response {
        var headers = HTTPFields()
        headers[.contentType] = type
        headers[.cacheControl] = "no-cache"
        Self.secure(&headers)
        return Response(status: .ok, headers: headers, body: .init(byteBuffer: ByteBuffer(string: text)))
    }

    /// Scripts and everything else from this server only; no framing by other sites.
    static func secure(_ headers: inout HTTPFields) {
        headers[.init("Content-Security-Policy")!] =
            "default-src 'self'; style-src 'unsafe-inline'; frame-ancestors 'none'; form-action 'self'"
        headers[.init("X-Content-Type-Options")!] = "nosniff"
        // same-origin, not no-referrer: under no-referrer a browser sends its own forms'
        // posts with `Origin: null`, which RequestGuard cannot tell from a sandboxed
        // page elsewhere. Other sites are still told nothing.
        headers[.init("Referrer-Policy")!] = "same-origin"
    }

    /// The request's session, and a new one (to set as a cookie) when it had none.
    func session(of request: Request) -> (id: String, new: String?) {
        if let id = request.cookies[SessionTokens.cookieName]?.value, id.count == 64, id.allSatisfy(\.isHexDigit) {
            return (id, nil)
        }
        let id = SessionTokens.random()
        return (id, id)
    }

    /// A form body, up to the paste limit and a little for the other fields.
    func formBody(_ request: Request) async throws -> Data {
        let limit = Self.maxPaste + 64 << 10
        var body = Data()
        do {
            for try await chunk in request.body {
                guard body.count + chunk.readableBytes <= limit else {
                    throw ServeFailure(
                        status: .contentTooLarge,
                        message: "The paste is over 10 MiB: paste the end of the log, where builds report the error.")
                }
                body.append(contentsOf: chunk.readableBytesView)
            }
        } catch let failure as ServeFailure {
            throw failure
        } catch {
            // A body that ends early or whose chunks do not parse is the client's error.
            throw ServeFailure(
                status: .badRequest, message: "The request's body could not be read (it ended early or is not well formed): send it again.")
        }
        return body
    }

    /// A use case's failure as HTTP says it: the one place kinds become statuses.
    static func status(of kind: Failure.Kind) -> HTTPResponse.Status {
        switch kind {
        case .usage: .badRequest
        case .notFound: .notFound
        case .refused: .forbidden
        case .conflict: .conflict
        case .failed: .internalServerError
        }
    }

    /// The session's token for the forms that write, and the cookie to set when the
    /// browser had no session yet.
    func formToken(_ request: Request) async -> (token: String, newSession: String?) {
        let session = session(of: request)
        return (await sessions.token(for: session.id), session.new)
    }

    /// A form's body, when its `csrf` field is the session's token: every form that
    /// writes (a diagnosis records a hit) or works hard carries it.
    func tokenCheckedForm(_ request: Request) async throws -> Data {
        let bytes = try await formBody(request)
        let session = request.cookies[SessionTokens.cookieName]?.value
        guard await sessions.isValid(FormFields.value("csrf", in: bytes), for: session) else {
            throw ServeFailure(
                status: .forbidden,
                message:
                    "This form carries no valid token (it came from another page, or the server restarted): open the page again and submit it from there. Nothing was changed."
            )
        }
        return bytes
    }

    func paste(_ request: Request, form: Bool) async throws -> String {
        if !form, request.headers[.contentType].map({ !$0.lowercased().hasPrefix("application/json") }) ?? true {
            // A cross-site form can post text/plain without asking; JSON it cannot.
            throw ServeFailure(
                status: .unsupportedMediaType,
                message: "Send the paste as JSON with Content-Type: application/json: {\"text\": \"the error\"}.")
        }
        let bytes = form ? try await tokenCheckedForm(request) : try await formBody(request)
        let text: String?
        if form {
            guard let field = FormFields.value("text", in: bytes) else {
                throw ServeFailure(
                    status: .badRequest, message: "The paste is not UTF-8 text (or the form has no text field): paste the log as text.")
            }
            text = field
        } else {
            guard let object = try? JSONValue.parse(bytes: Array(bytes)), case .object = object else {
                throw ServeFailure(status: .badRequest, message: "Send a JSON object: {\"text\": \"the error\"}.")
            }
            text = object["text"]?.stringValue
        }
        guard let text, !text.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty else {
            throw ServeFailure(status: .badRequest, message: "Nothing to match: paste the error (or the end of the build log).")
        }
        guard text.utf8.count <= Self.maxPaste else {
            throw ServeFailure(
                status: .contentTooLarge, message: "The paste is over 10 MiB: paste the end of the log, where builds report the error.")
        }
        // Unmasked: the diagnose use case masks it with the server's own secrets.
        return text
    }

    /// The lint use case under the server's own environment.
    func linting(_ base: KnowledgeBase) -> DocLinting {
        DocLinting(base: base, environment: environment, subcommands: BeadsCommand.commandNames)
    }

    /// Heavy work (a diagnosis, a triage of many logs) runs on its own queue, one job at
    /// a time, off the threads that answer every other page: two large triages used to
    /// hold both of them, and /api/ready waited 35 s behind.
    static let heavyWork = DispatchQueue(label: "beads.serve.heavy-work")

    func offloaded<T: Sendable>(_ work: @escaping @Sendable () throws -> T) async throws -> T {
        try await withCheckedThrowingContinuation { continuation in
            Self.heavyWork.async { continuation.resume(with: Result { try work() }) }
        }
    }

    func diagnose(_ text: String) async throws -> Diagnose.Outcome {
        // The queue's thread has no task-locals: the request's context goes along.
        let context = CommandContext.current
        return try await offloaded { try CommandContext.$current.withValue(context) { try diagnoseNow(text) } }
    }

    /// The server's own environment decides (its secrets, its BEADS_ENV), not the
    /// command context of the process that started it.
    private func diagnoseNow(_ text: String) throws -> Diagnose.Outcome {
        let outcome = try Diagnose(base: try open(), environment: environment)(text, source: "serve")
        if let problem = outcome.recordingProblem { Terminal.standardError.write("beads serve: \(problem)\n") }
        return outcome
    }

    func homePage(_ request: Request) async -> Response {
        let (token, newSession) = await formToken(request)
        return page(ServePages.home(token: token), newSession: newSession)
    }

    func fixPage(_ request: Request) async throws -> Response {
        let outcome = try await diagnose(try await paste(request, form: true))
        let (token, newSession) = await formToken(request)
        return page(
            ServePages.diagnosis(outcome.diagnosis, env: outcome.environment, paste: outcome.paste, runToken: allowRun ? token : nil),
            newSession: newSession)
    }

    /// The event stream of one page: `change` whenever the store does.
    func eventStream() -> Response {
        var headers = HTTPFields()
        headers[.contentType] = "text/event-stream"
        headers[.cacheControl] = "no-store"
        let events = events
        return Response(
            status: .ok, headers: headers,
            body: ResponseBody { writer in
                let (id, stream) = await events.subscribe()
                do {
                    // Written at once, so the page knows it is connected.
                    try await writer.write(ByteBuffer(string: "retry: 2000\n: connected\n\n"))
                    for await frame in stream { try await writer.write(ByteBuffer(string: frame)) }
                } catch {
                    // The page went away.
                }
                await events.unsubscribe(id)
                try? await writer.finish(nil)
            })
    }
}

struct ServeFailure: Error {
    var status: HTTPResponse.Status
    var message: String

    static func notFound(_ message: String) -> ServeFailure { ServeFailure(status: .notFound, message: message) }
}
