import BeadsTestSupport
import Foundation
import Testing

/// Running a fix from the page: off without --allow-run; with it, only after the
/// confirmation page and only with the session's CSRF token; the output streams back
/// masked, and the run is recorded as the CLI records it.
@Suite struct ServeRunEndToEndTests {
    static let secret = "ghp_" + String(repeating: "Zq7", count: 12)

    /// A team doc whose recipe echoes what it was given, and a token it must not show.
    static func knowledgeBase() throws -> (ScratchKnowledgeBase, String) {
        let kb = ScratchKnowledgeBase()
        let id = try JSONTree.parse(try kb.run("create", "Layer cache key mismatch", "-t", "bug", "--json").stdout)["id"]?.string ?? ""
        try """
        # Layer cache key mismatch

        **Bead**: \(id)

        ## Error

        ```text
        error: cache key mismatch for layer sha256:0f3a while exporting to the registry cache
        ```

        ## Fix

        ```bash {recipe=clear-layer-cache when=any}
        echo "clearing the cache for $BEADS_BEAD"
        echo "with token $GITHUB_TOKEN"
        echo "the paste names the layer cache $(grep -c 'cache key mismatch' "$BEADS_ERROR_FILE") time(s)"
        ```
        """.write(toFile: kb.path + "/docs/layer-cache.md", atomically: true, encoding: .utf8)
        _ = try kb.run("doc", "index")
        return (kb, id)
    }

    static let paste = "#12 ERROR: error: cache key mismatch for layer sha256:9bc1 while exporting to the registry cache"

    func csrf(in html: String) -> String? {
        guard let range = html.range(of: #"name="csrf" value="[0-9a-f]{64}""#, options: .regularExpression) else { return nil }
        return String(html[range].dropLast().suffix(64))
    }

    func runs(_ kb: ScratchKnowledgeBase) throws -> [JSONTree] {
        try JSONTree.parse(try kb.run("runs", "--json").stdout).array ?? []
    }

    @Test func aRecipeRunsOnlyAfterConfirmationWithTheSessionsToken() throws {
        let (kb, id) = try Self.knowledgeBase()
        let server = try ServeProcess(kb: kb, arguments: ["--allow-run"], environment: ["GITHUB_TOKEN": Self.secret])
        let jar = kb.path + "/cookies"
        let fix = try server.postForm("fix", ["--data-urlencode", "text=" + Self.paste], jar: jar)
        #expect(fix.body.contains("<span class=\"bead\">\(id)</span>"), "\(fix.body.prefix(600))")
        let token = try #require(csrf(in: fix.body), "the fix page carries a CSRF token in its run form")
        let fields = [
            "--data-urlencode", "recipe=clear-layer-cache", "--data-urlencode", "doc=docs/layer-cache.md",
            "--data-urlencode", "bead=\(id)", "--data-urlencode", "text=" + Self.paste,
        ]

        // Without the token, with another session's cookie, or with a forged one: refused.
        let noToken = try server.curl(["-b", jar] + fields + [server.url + "run"])
        #expect(noToken.status == 403 && noToken.body.contains("CSRF"))
        let otherSession = try server.curl(fields + ["--data-urlencode", "csrf=\(token)", server.url + "run"])
        #expect(otherSession.status == 403)
        let forged = try server.curl(
            ["-b", jar] + fields + ["--data-urlencode", "csrf=" + String(repeating: "0", count: 64), server.url + "run"])
        #expect(forged.status == 403)
        #expect(try runs(kb).isEmpty, "nothing ran")

        let confirm = try server.curl(["-b", jar] + fields + ["--data-urlencode", "csrf=\(token)", server.url + "run/confirm"])
        #expect(confirm.status == 200)
        #expect(confirm.body.contains("echo &quot;clearing the cache for $BEADS_BEAD&quot;"), "the exact script is shown")
        #expect(confirm.body.contains("Yes, run clear-layer-cache"))
        #expect(try runs(kb).isEmpty, "the confirmation page runs nothing")

        // The confirmation carries the hash of the script it showed; without it nothing runs.
        let hash = try #require(
            confirm.body.range(of: #"name="hash" value="[0-9a-f]+""#, options: .regularExpression)
                .map { confirm.body[$0].dropFirst(19).dropLast() }.map(String.init))
        let unconfirmed = try server.curl(["-b", jar] + fields + ["--data-urlencode", "csrf=\(token)", server.url + "run"])
        #expect(unconfirmed.status == 409, "\(unconfirmed.body.prefix(300))")
        let run = try server.curl(
            ["-b", jar] + fields + [
                "--data-urlencode", "csrf=\(token)", "--data-urlencode", "hash=\(hash)",
                server.url + "run",
            ])
        #expect(run.status == 200)
        #expect(run.body.contains("clearing the cache for \(id)"), "\(run.body.prefix(1200))")
        #expect(run.body.contains("the paste names the layer cache 1 time(s)"), "the paste reached the script as a file")
        #expect(!run.body.contains(Self.secret), "the token is masked in the streamed output")
        #expect(run.body.contains("clear-layer-cache succeeded (exit 0"))
        let recorded = try runs(kb)
        #expect(recorded.count == 1)
        #expect(recorded.first?["recipe"]?.string == "clear-layer-cache")
        #expect(recorded.first?["bead"]?.string == id || recorded.first?["bead_id"]?.string == id, "\(recorded)")
    }

    /// The page showed one script; the doc was edited before the form was sent: the
    /// edited text is refused, not run and approved.
    @Test func aScriptEditedAfterItWasShownDoesNotRun() throws {
        let (kb, id) = try Self.knowledgeBase()
        let server = try ServeProcess(kb: kb, arguments: ["--allow-run"])
        let jar = kb.path + "/cookies"
        let fix = try server.postForm("fix", ["--data-urlencode", "text=" + Self.paste], jar: jar)
        let token = try #require(csrf(in: fix.body))
        let fields = [
            "-b", jar, "--data-urlencode", "recipe=clear-layer-cache", "--data-urlencode", "doc=docs/layer-cache.md",
            "--data-urlencode", "bead=\(id)", "--data-urlencode", "csrf=\(token)",
        ]
        let confirm = try server.curl(fields + [server.url + "run/confirm"])
        let hash = try #require(
            confirm.body.range(of: #"name="hash" value="[0-9a-f]+""#, options: .regularExpression)
                .map { String(confirm.body[$0].dropFirst(19).dropLast()) })
        let doc = kb.read("docs/layer-cache.md")
        kb.write(
            "docs/layer-cache.md",
            doc.replacingOccurrences(of: "echo \"clearing the cache", with: "echo \"EDITED after confirming; clearing the cache"))
        let run = try server.curl(fields + ["--data-urlencode", "hash=\(hash)", server.url + "run"])
        #expect(run.status == 409, "\(run.body.prefix(400))")
        #expect(!run.body.contains("EDITED after confirming"))
        #expect(try runs(kb).isEmpty, "nothing ran, nothing was approved")
    }

    @Test func withoutAllowRunThePageRunsNothing() throws {
        let (kb, id) = try Self.knowledgeBase()
        let server = try ServeProcess(kb: kb)
        let fix = try server.postForm("fix", ["--data-urlencode", "text=" + Self.paste])
        #expect(fix.body.contains("<span class=\"bead\">\(id)</span>"))
        #expect(!fix.body.contains("action=\"/run/confirm\"") && fix.body.contains("--allow-run"))
        let run = try server.curl([
            "--data-urlencode", "recipe=clear-layer-cache", "--data-urlencode", "doc=docs/layer-cache.md",
            "--data-urlencode", "csrf=x", server.url + "run",
        ])
        #expect(run.status == 403 && run.body.contains("--allow-run"))
        #expect(try runs(kb).isEmpty)
    }
}
