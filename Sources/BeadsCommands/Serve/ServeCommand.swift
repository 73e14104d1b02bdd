import ArgumentParser
import BeadsCore
import BeadsKnowledge
import BeadsStore
import Dispatch
import Foundation
import Hummingbird
import Logging

struct ServeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "serve",
        abstract: "Serve the team's page: paste an error, browse the board, the docs and the known errors.",
        discussion: HelpText.prose(
            """
            Binds 127.0.0.1 (this machine only) unless --host says otherwise; share it only on a
            network you trust. Pages: / (paste an error), /board, /beads/ID, /docs, /errors. They
            work with JavaScript off and update themselves when the store changes (a CLI write,
            a git pull). The same data is JSON under /api/ in the shapes of the CLI's --json,
            described by /api/openapi.json (manual/openapi.json). Every diagnosis is recorded as
            a hit (source serve), unless hits are turned off in beads/config.yaml.

            Running a fix from the page is off unless --allow-run is given; then the page shows
            the script, asks, and streams its output, and the run is recorded as
            `beads recipe run` records it. Whoever can open the page can then run the docs'
            recipes on this machine: keep --allow-run to 127.0.0.1.
            """))

    @OptionGroup var kb: KnowledgeBaseOptions
    @Option(help: "The port to listen on (0: any free one; the address is printed).")
    var port = 8_377
    @Option(help: "The address to bind: 127.0.0.1, or 0.0.0.0 to share on a trusted network.")
    var host = "127.0.0.1"
    @Option(
        name: .customLong("allow-host"),
        help: ArgumentHelp(
            "Also answer to this host name (repeatable). The server answers to localhost, 127.0.0.1 and [::1] only, so that a page on another name cannot reach it (DNS rebinding); name the machine's own name or address when sharing it with --host.",
            valueName: "NAME"))
    var allowedHosts: [String] = []
    @Flag(help: "Let the page run a fix's recipe on this machine (after showing it and asking).")
    var allowRun = false
    @Flag(help: "Print the OpenAPI description of /api/ and exit.")
    var openapi = false

    func validate() throws {
        if !(0...65_535).contains(port) { throw ValidationError("--port must be 0 to 65535") }
    }

    func run() async throws {
        let out = CommandContext.current.standardOutput
        if openapi {
            out.write(Data((ServeAPI.openAPIDocument().prettyEncoded() + "\n").utf8))
            return
        }
        let location = try kb.location()
        let environment = CommandContext.current.environment
        _ = try KnowledgeBase(location: location, environment: environment)
        let site = ServeSite(
            location: location, environment: environment, allowRun: allowRun, events: StoreEvents(), sessions: SessionTokens())
        // The address it was bound to is a name it answers to; a wildcard (0.0.0.0, ::)
        // names no host, and the machine's own names come with --allow-host.
        let wildcard = ["0.0.0.0", "::", "[::]"].contains(host)
        let router = ServeRoutes.router(site, allowedHosts: allowedHosts + (wildcard ? [] : [host.contains(":") ? "[\(host)]" : host]))
        // The server's own log goes to stderr, warnings and worse only: stdout is the address.
        var logger = Logger(label: "beads.serve") { label in StreamLogHandler.standardError(label: label) }
        logger.logLevel = Logger.Level.warning
        let (host, port, allowRun, allowedHosts) = (host, port, allowRun, allowedHosts)
        let app = Application(
            router: router, configuration: .init(address: .hostname(host, port: port), serverName: "beads"),
            onServerRunning: { channel in
                let bound = channel.localAddress?.port ?? port
                var banner =
                    "beads serve: http://\(host):\(bound)/ (Ctrl-C stops it)\(allowRun ? "; recipes can be run from the page" : "")\n"
                if wildcard, allowedHosts.isEmpty {
                    banner +=
                        "beads serve: it answers to localhost only until you name this machine: --allow-host NAME (the name or address others type)\n"
                }
                out.write(Data(banner.utf8))
            }, logger: logger)
        let watcher = Task { await site.events.watch(location) }
        // A stop (Ctrl-C, SIGTERM) first ends the pages' event streams, which the server's
        // graceful shutdown would otherwise wait on for as long as a tab stays open.
        let stops = [SIGINT, SIGTERM].map { signal in
            let source = DispatchSource.makeSignalSource(signal: signal)
            source.setEventHandler { Task { await site.events.closeAll() } }
            source.resume()
            return source
        }
        defer {
            watcher.cancel()
            stops.forEach { $0.cancel() }
        }
        do {
            try await app.runService()
        } catch {
            throw CommandFailure("cannot serve on \(host):\(port): \(error)")
        }
    }
}

enum ServeRoutes {
    /// The routes, for any request context: the server's, or a test's in process.
    static func router<Context: RequestContext>(
        _ site: ServeSite, allowedHosts: [String] = [], context: Context.Type = BasicRequestContext.self
    )
        -> Router<Context>
    {
        let router = Router(context: Context.self)
        router.add(middleware: RequestGuard<Context>(extraHosts: allowedHosts))
        router.add(middleware: FailurePage<Context>())
        router.page("/") { request, _ in await site.homePage(request) }
        router.post("/fix") { request, _ in try await site.fixPage(request) }
        router.page("/board") { request, _ in site.page(try BoardPage.render(request, site: site)) }
        router.page("/beads/:id") { _, context in
            site.page(try BeadPage.render(context.parameters.get("id") ?? "", site: site))
        }
        router.page("/docs") { _, _ in site.page(try DocPages.list(site: site)) }
        router.page("/docs/**") { _, context in
            site.page(try DocPages.doc(context.parameters.getCatchAll().joined(separator: "/"), site: site))
        }
        router.page("/errors") { request, _ in
            let (token, newSession) = await site.formToken(request)
            return site.page(try KnownErrorsPage.render(site: site, token: token), newSession: newSession)
        }
        router.post("/triage") { request, _ in site.page(try await KnownErrorsPage.triage(request, site: site)) }
        router.post("/run/confirm") { request, _ in try await RecipeRunPages.confirm(request, site: site) }
        router.post("/run") { request, _ in try await RecipeRunPages.run(request, site: site) }
        router.get("/events") { _, _ in site.eventStream() }
        router.page("/assets/beads.js") { _, _ in site.asset(ServeScript.source, type: "text/javascript; charset=utf-8") }
        ServeAPI.register(router, site: site)
        return router
    }
}

extension Router {
    /// A GET route that answers HEAD too (a monitor's `curl -I`): GET's status and
    /// headers, no body.
    func page(_ path: RouterPath, _ handler: @escaping @Sendable (Request, Context) async throws -> Response) {
        get(path, use: handler)
        head(path) { request, context in
            let response = try await handler(request, context)
            return Response(status: response.status, headers: response.headers)
        }
    }
}

/// Every failure answered in one place, as a page that says what to do (JSON under
/// /api/): a path that names nothing, a request refused, a use case's failure. Nothing
/// crashes the server, and nothing is written on a bad request.
struct FailurePage<Context: RequestContext>: RouterMiddleware {
    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        do {
            return try await next(request, context)
        } catch {
            let (status, message) = Self.describe(error, request: request)
            return ServeSite.failure(message, status: status, json: request.uri.path.hasPrefix("/api/"))
        }
    }

    static func describe(_ error: Error, request: Request) -> (HTTPResponse.Status, String) {
        switch error {
        case let error as HTTPError where error.status == .notFound:
            (
                .notFound,
                "Nothing is at \(request.uri.path): the pages are /, /board, /docs and /errors; the API is described at /api/openapi.json."
            )
        case let error as HTTPError where error.status == .methodNotAllowed:
            (.methodNotAllowed, "\(request.method) is not answered at \(request.uri.path).")
        case let error as HTTPError: (error.status, error.body ?? "\(error.status)")
        case let failure as ServeFailure: (failure.status, failure.message)
        case let failure as Failure: (ServeSite.status(of: failure.kind), failure.message)
        case let error as ValidationError: (.badRequest, error.message)
        case let error as PresentableError: (.internalServerError, error.message)
        default: (.internalServerError, "\(error)")
        }
    }
}
