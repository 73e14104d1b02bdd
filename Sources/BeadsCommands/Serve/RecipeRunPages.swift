import BeadsKnowledge
import BeadsRemedy
import BeadsStore
import Foundation
import Hummingbird

/// Running a recipe from the page: only when the server was started with --allow-run,
/// only after a page that shows the exact script and asks, and only with the session's
/// CSRF token. The output streams into the page, masked as the CLI masks it, and the run
/// is recorded as `beads recipe run` records it.
enum RecipeRunPages {
    /// The fields that name one run; the paste reaches the script only as data.
    struct RunForm {
        var recipe: String
        var doc: String
        var bead: String?
        var paste: String?
        var token: String?
        /// The hash of the script the confirmation page showed: /run runs that text or nothing.
        var hash: String?

        init(_ body: Data) throws {
            guard let recipe = FormFields.value("recipe", in: body), let doc = FormFields.value("doc", in: body) else {
                throw ServeFailure(status: .badRequest, message: "The form names no recipe: start again from the paste box.")
            }
            self.recipe = recipe
            self.doc = doc
            bead = FormFields.value("bead", in: body).flatMap { $0.isEmpty ? nil : $0 }
            paste = FormFields.value("text", in: body).flatMap { $0.isEmpty ? nil : $0 }
            token = FormFields.value("csrf", in: body)
            hash = FormFields.value("hash", in: body)
        }
    }

    static func runForm(
        _ recipe: RecipeRecord, beadID: String?, paste: String?, token: String, action: String, button: String,
        shown: Bool = false
    ) -> String {
        let e = HTML.escape
        var form = "<form method=\"post\" action=\"\(action)\">"
        form += "<input type=\"hidden\" name=\"csrf\" value=\"\(e(token))\">"
        if shown { form += "<input type=\"hidden\" name=\"hash\" value=\"\(e(recipe.bodyHash))\">" }
        form += "<input type=\"hidden\" name=\"recipe\" value=\"\(e(recipe.name))\">"
        form += "<input type=\"hidden\" name=\"doc\" value=\"\(e(recipe.docPath))\">"
        if let beadID { form += "<input type=\"hidden\" name=\"bead\" value=\"\(e(beadID))\">" }
        if let paste { form += "<input type=\"hidden\" name=\"text\" value=\"\(e(paste))\">" }
        return form + "<button type=\"submit\">\(e(button))</button></form>"
    }

    /// Checks what every run request must carry, before anything is looked up or run.
    static func authorize(_ form: RunForm, request: Request, site: ServeSite) async throws {
        guard site.allowRun else {
            throw ServeFailure(
                status: .forbidden,
                message:
                    "Running recipes from the page is off: start the server with `beads serve --allow-run`, or run `beads recipe run NAME` in a terminal. Nothing was run."
            )
        }
        let session = request.cookies[SessionTokens.cookieName]?.value
        guard await site.sessions.isValid(form.token, for: session) else {
            throw ServeFailure(
                status: .forbidden,
                message:
                    "This request has no valid CSRF token (it came from another page, or the server restarted): paste the error again and use the page's own button. Nothing was run."
            )
        }
    }

    static func recipe(_ form: RunForm, in base: KnowledgeBase) throws -> RecipeRecord {
        let found = try base.store.recipes(named: form.recipe).filter { $0.docPath == form.doc }
        guard let recipe = found.first else {
            throw ServeFailure.notFound(
                "No recipe \(form.recipe) in \(form.doc): the doc changed since the page was drawn. Paste the error again.")
        }
        return recipe
    }

    static func confirm(_ request: Request, site: ServeSite) async throws -> Response {
        let form = try RunForm(try await site.formBody(request))
        try await authorize(form, request: request, site: site)
        let base = try site.open()
        let recipe = try recipe(form, in: base)
        let e = HTML.escape
        let approved = try RecipeRunner(store: base.store).isApproved(recipe)
        var body = "<h1>Run \(e(recipe.name))?</h1>\n"
        body +=
            "<p>From \(HTML.docLink(recipe.docPath, section: recipe.sectionAnchor)) (line \(recipe.line))\(form.bead.map { " for " + HTML.beadLink($0) } ?? ""). "
        body +=
            "It runs this \(e(recipe.language)) script on the machine serving this page, in <code>\(e(base.location.root))</code>, as \(e(base.store.actor)):</p>\n"
        body += "<pre>\(e(recipe.body))</pre>\n"
        if form.paste != nil {
            body +=
                "<p>The pasted error reaches it only as data: <code>$BEADS_ERROR</code> and the file <code>$BEADS_ERROR_FILE</code>.</p>\n"
        }
        if !approved {
            body +=
                "<p><strong>Running it approves this text of the recipe\(try base.store.approvedHash(recipe: recipe.name, docPath: recipe.docPath) != nil ? " (it changed since it was last approved)" : "")</strong>, as answering yes in a terminal does.</p>\n"
        }
        body += runForm(
            recipe, beadID: form.bead, paste: form.paste, token: form.token ?? "", action: "/run", button: "Yes, run \(recipe.name)",
            shown: true)
        body += "\n<p><a href=\"/\">No, go back</a></p>"
        return site.page(HTML.page("Run \(recipe.name)?", section: .paste, live: false, body))
    }

    static func run(_ request: Request, site: ServeSite) async throws -> Response {
        let form = try RunForm(try await site.formBody(request))
        try await authorize(form, request: request, site: site)
        let base = try site.open()
        let recipe = try recipe(form, in: base)
        guard form.hash == recipe.bodyHash else {
            throw ServeFailure(
                status: .conflict,
                message:
                    "The recipe's script is not the one you were shown (the doc changed, or the form did not come from its confirmation page): review it again. Nothing was run."
            )
        }
        let runner = RecipeRunner(store: base.store)
        if try !runner.isApproved(recipe) { try runner.approve(recipe, actor: base.store.actor) }
        let runRequest = RecipeRunRequest(
            recipe: recipe, beadID: form.bead, paste: form.paste, knowledgeBaseRoot: base.location.root,
            beadsDirectory: RecipeExecution.ownDirectory, environment: site.environment, timeout: nil, actor: base.store.actor)
        let page = HTML.page(
            "Running \(recipe.name)", section: .paste, live: false,
            "<h1>Running \(HTML.escape(recipe.name))</h1>\n<pre id=\"output\" aria-live=\"polite\">\u{1}</pre>\n\u{1}")
        // The frame around the output: before it, between it and the outcome, after.
        let parts = page.components(separatedBy: "\u{1}")
        let (head, afterOutput, foot) = (parts[0], parts[1], parts[2])
        var headers = HTTPFields()
        headers[.contentType] = "text/html; charset=utf-8"
        headers[.cacheControl] = "no-store"
        ServeSite.secure(&headers)
        return Response(
            status: .ok, headers: headers,
            body: ResponseBody { writer in
                // Written as it comes; the run goes on (and is recorded) if the page goes away.
                _ = try? await writer.write(ByteBuffer(string: head))
                let (output, sink) = AsyncStream.makeStream(of: String.self)
                let running = Task { () throws -> RecipeRunRecord in
                    defer { sink.finish() }
                    return try await runner.run(runRequest) { sink.yield($0) }.0
                }
                for await chunk in output { _ = try? await writer.write(ByteBuffer(string: HTML.escape(chunk))) }
                var tail: String
                switch await running.result {
                case .success(let record):
                    let seconds = String(format: "%.1f", Double(record.durationMilliseconds) / 1000)
                    tail =
                        "<p id=\"outcome\" class=\"\(record.outcome == "succeeded" ? "succeeded" : "failed")\">\(HTML.escape(recipe.name)) \(HTML.escape(record.outcome)) (exit \(record.exitCode), \(seconds) s); recorded as run #\(record.id ?? 0) (<code>beads runs \(record.id ?? 0)</code>).</p>"
                case .failure(let error):
                    tail =
                        "<p id=\"outcome\" class=\"failed\" role=\"alert\">Could not run \(HTML.escape(recipe.name)): \(HTML.escape((error as? PresentableError)?.message ?? "\(error)"))</p>"
                }
                if let bead = form.bead { tail += "\n<p>Back to \(HTML.beadLink(bead)).</p>" }
                _ = try? await writer.write(ByteBuffer(string: afterOutput + tail + foot))
                try? await writer.finish(nil)
            })
    }
}
