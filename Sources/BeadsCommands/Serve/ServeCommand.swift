import ArgumentParser
import BeadsKnowledge
import BeadsRemedy
import BeadsStore
import Foundation
import Hummingbird
import Logging

struct ServeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "serve",
        abstract: "Serve the team's page: paste an error in a browser and get the fix.",
        discussion: HelpText.prose("""
            Binds 127.0.0.1 (this machine only) unless --host says otherwise; share it only on a
            network you trust. The home page has a paste box that works with JavaScript off;
            POST /api/fix with {"text": …} answers as `beads fix --json` does. Every diagnosis is
            recorded as a hit (source serve), unless hits are turned off in beads/config.yaml.
            """))

    @OptionGroup var kb: KnowledgeBaseOptions
    @Option(help: "The port to listen on (0: any free one; the address is printed).")
    var port = 8_377
    @Option(help: "The address to bind: 127.0.0.1, or 0.0.0.0 to share on a trusted network.")
    var host = "127.0.0.1"

    /// The largest paste taken: the end of a log is where builds report.
    static let maxPaste = 10 << 20

    func validate() throws {
        if !(0...65_535).contains(port) { throw ValidationError("--port must be 0 to 65535") }
    }

    func run() async throws {
        let location = try kb.location()
        _ = try KnowledgeBase(location: location, environment: CommandContext.current.environment)
        let site = ServeSite(location: location, environment: CommandContext.current.environment)
        let router = Router()
        router.get("/") { _, _ in site.page(ServePages.home()) }
        router.post("/fix") { request, _ in await site.respond { try await site.fixPage(request) } }
        router.post("/api/fix") { request, _ in await site.respond(json: true) { try await site.fixJSON(request) } }
        let out = CommandContext.current.standardOutput
        // The server's own log goes to stderr, warnings and worse only: stdout is the address.
        var logger = Logger(label: "beads.serve") { label in StreamLogHandler.standardError(label: label) }
        logger.logLevel = Logger.Level.warning
        let app = Application(
            router: router, configuration: .init(address: .hostname(host, port: port), serverName: "beads"),
            onServerRunning: { channel in
                let bound = channel.localAddress?.port ?? port
                out.write(Data("beads serve: http://\(host):\(bound)/ (Ctrl-C stops it)\n".utf8))
            }, logger: logger)
        do {
            try await app.runService()
        } catch {
            throw CommandFailure("cannot serve on \(host):\(port): \(error)")
        }
    }
}

/// What the routes do, each request opening the knowledge base afresh (a CLI write or a
/// git pull in between is seen), through the same library calls as the CLI.
struct ServeSite: Sendable {
    let location: KnowledgeBaseLocation
    let environment: [String: String]

    func page(_ html: String, status: HTTPResponse.Status = .ok) -> Response {
        var headers = HTTPFields()
        headers[.contentType] = "text/html; charset=utf-8"
        headers[.init("Content-Security-Policy")!] = "default-src 'self'; style-src 'unsafe-inline'"
        return Response(status: status, headers: headers, body: .init(byteBuffer: ByteBuffer(string: html)))
    }

    func json(_ value: JSONValue, status: HTTPResponse.Status = .ok) -> Response {
        var headers = HTTPFields()
        headers[.contentType] = "application/json"
        return Response(status: status, headers: headers, body: .init(byteBuffer: ByteBuffer(string: value.prettyEncoded() + "\n")))
    }

    /// Every failure answered as a page (or JSON) that says what to do; nothing crashes
    /// the server, and nothing is written on a bad request.
    func respond(json wantsJSON: Bool = false, _ body: () async throws -> Response) async -> Response {
        do {
            return try await body()
        } catch let failure as ServeFailure {
            return wantsJSON ? json(.object([("error", .string(failure.message))]), status: failure.status)
                : page(ServePages.error(failure.message), status: failure.status)
        } catch let error as PresentableError {
            return wantsJSON ? json(.object([("error", .string(error.message))]), status: .internalServerError)
                : page(ServePages.error(error.message), status: .internalServerError)
        } catch {
            return wantsJSON ? json(.object([("error", .string("\(error)"))]), status: .internalServerError)
                : page(ServePages.error("\(error)"), status: .internalServerError)
        }
    }

    func paste(_ request: Request, form: Bool) async throws -> String {
        var request = request
        let body: ByteBuffer
        do {
            body = try await request.collectBody(upTo: ServeCommand.maxPaste + 64 << 10)
        } catch {
            throw ServeFailure(status: .contentTooLarge, message: "The paste is over 10 MiB: paste the end of the log, where builds report the error.")
        }
        let bytes = Data(buffer: body)
        let text: String?
        if form {
            guard let field = FormFields.value("text", in: bytes) else {
                throw ServeFailure(status: .badRequest, message: "The paste is not UTF-8 text (or the form has no text field): paste the log as text.")
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
        guard text.utf8.count <= ServeCommand.maxPaste else {
            throw ServeFailure(status: .contentTooLarge, message: "The paste is over 10 MiB: paste the end of the log, where builds report the error.")
        }
        return PasteInput.masked(text)
    }

    func diagnose(_ text: String) throws -> (Diagnosis, EnvironmentReport) {
        let base = try KnowledgeBase(location: location, environment: environment)
        let diagnosis = try KnownErrorFinder(store: base.store).diagnose(text)
        let env = try EnvironmentCheck.checked(EnvironmentProbe.current(environment: environment).probe())
        HitRecording.record(diagnosis, paste: text, source: "serve", env: env, in: base)
        return (diagnosis, env)
    }

    func fixPage(_ request: Request) async throws -> Response {
        let text = try await paste(request, form: true)
        let (diagnosis, env) = try diagnose(text)
        return page(ServePages.diagnosis(diagnosis, env: env, paste: text))
    }

    func fixJSON(_ request: Request) async throws -> Response {
        let text = try await paste(request, form: false)
        let (diagnosis, env) = try diagnose(text)
        return json(FixReport.json(diagnosis, env: env), status: .ok)
    }
}

struct ServeFailure: Error {
    var status: HTTPResponse.Status
    var message: String
}

/// `application/x-www-form-urlencoded`, as a browser posts the paste box.
enum FormFields {
    static func value(_ name: String, in body: Data) -> String? {
        for pair in body.split(separator: UInt8(ascii: "&")) {
            let parts = pair.split(separator: UInt8(ascii: "="), maxSplits: 1, omittingEmptySubsequences: false)
            guard parts.count == 2, decode(parts[0]) == name else { continue }
            // Only the field asked for must be UTF-8.
            return decode(parts[1])
        }
        return nil
    }

    /// `+` is a space, `%XX` a byte; nil when the bytes are not UTF-8.
    static func decode(_ bytes: Data.SubSequence) -> String? {
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count)
        var k = bytes.startIndex
        while k < bytes.endIndex {
            let b = bytes[k]
            if b == UInt8(ascii: "+") {
                out.append(0x20)
            } else if b == UInt8(ascii: "%"), k + 2 < bytes.endIndex, let byte = UInt8(String(decoding: bytes[(k + 1)...(k + 2)], as: UTF8.self), radix: 16) {
                out.append(byte)
                k += 2
            } else {
                out.append(b)
            }
            k += 1
        }
        return String(validating: out, as: UTF8.self)
    }
}
