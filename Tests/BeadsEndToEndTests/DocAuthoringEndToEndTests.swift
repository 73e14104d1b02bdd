import Foundation
import Testing

/// `doc new`, `doc sync`, `doc show` and `doc links` on a scratch copy of the shipped docs.
@Suite struct DocAuthoringEndToEndTests {
    static let error = """
        #12 4.211 npm error code EACCES
        #12 4.212 npm error syscall mkdir
        #12 4.212 npm error path /root/.npm/_cacache/index-v5/3f
        """

    @Test func aScaffoldFromABeadPassesTheLintAndSyncKeepsItsTableTrue() throws {
        let kb = ScratchKnowledgeBase()
        let created = try kb.run(
            "create", "npm cache not writable in the image build", "-p", "1", "--from-error", "--json", stdin: Self.error)
        let id = try #require((try json(created.stdout) as? [String: Any])?["id"] as? String)
        let follow = try #require(
            (try json(try kb.run("create", "Run npm as the node user", "--deps", id, "--json").stdout) as? [String: Any])?["id"] as? String)

        let written = try kb.run("doc", "new", id)
        #expect(written.status == 0, "\(written.stderr)")
        let path = "docs/npm-cache-not-writable-in-the-image-build.md"
        #expect(written.stdout.hasPrefix("Wrote \(path) for \(id)."))
        let doc = kb.read(path)
        #expect(doc.hasPrefix("# npm cache not writable in the image build\n\n**Bead**: \(id)\n"))
        let signature = try #require(
            ((try json(created.stdout) as? [String: Any])?["error_signatures"] as? [[String: Any]])?.first?["text"] as? String)
        #expect(doc.contains("## Error\n\n```text\n\(signature)\n```\n"))
        #expect(doc.contains("```bash {recipe=fix-\(id) when=any}"))
        #expect(doc.contains("| \(follow) | Run npm as the node user | P2 | ❌ Open |"))
        #expect(try kb.run("doc", "new", id).stderr.contains("already exists"))

        // A scaffold is a draft: lint names each placeholder still to write.
        let draft = try kb.run("doc", "lint", path)
        #expect(draft.status == 1)
        let rules = draft.stdout.split(separator: "\n").map { $0.contains("[unfilled-scaffold]") }
        #expect(!rules.isEmpty && rules.allSatisfy { $0 }, "\(draft.stdout)")
        #expect(draft.stdout.contains("Why it happens, and how to tell this cause"))
        // Nor does fix offer the draft's placeholders as a cause or a fix.
        let drafted = try kb.run("fix", stdin: Self.error)
        #expect(drafted.stdout.contains("Known error  \(id)"))
        #expect(!drafted.stdout.contains("Why it happens"))
        #expect(!drafted.stdout.contains("fix-\(id)"), "\(drafted.stdout)")
        kb.write(path, Self.filled(kb.read(path)))
        let clean = try kb.run("doc", "lint", path)
        #expect(clean.status == 0, "\(clean.stdout)")
        // The doc is indexed: the paste that made the bead now finds it through the doc too.
        let show = try #require(try json(try kb.run("show", id, "--json").stdout) as? [String: Any])
        #expect((show["docs"] as? [[String: Any]])?.contains { $0["path"] as? String == path } == true)

        // The store moves on; the doc's table is now stale, lint says so, sync mends it.
        #expect(try kb.run("close", follow).status == 0)
        let stale = try kb.run("doc", "lint", path)
        #expect(stale.status == 1)
        #expect(stale.stdout.contains("[status-mismatch] says \(follow) is open"))
        #expect(try kb.run("doc", "sync", "--check", path).status == 1)
        let synced = try kb.run("doc", "sync", path)
        #expect(synced.stdout == "\(path): table rewritten (2 beads)\n")
        #expect(kb.read(path).contains("| \(follow) | Run npm as the node user | P2 | ✅ Closed |"))
        #expect(try kb.run("doc", "lint", path).status == 0)
        #expect(try kb.run("doc", "sync", "--check", path).stdout == "\(path): up to date (2 beads)\n")
    }

    @Test func aBeadWithoutAKnownErrorGetsAScaffoldThatAsksForIt() throws {
        let kb = ScratchKnowledgeBase()
        let id = try #require(
            (try json(try kb.run("create", "Flaky registry mirror", "--json").stdout) as? [String: Any])?["id"] as? String)
        let written = try kb.run("doc", "new", id, "-o", "docs/mirror.md")
        #expect(written.stdout.contains("paste the error under ## Error"))
        let lint = try kb.run("doc", "lint", "docs/mirror.md")
        #expect(lint.status == 1)
        let rules = lint.stdout.split(separator: "\n").compactMap { line in
            line.range(of: "[").map { String(line[$0.upperBound...].prefix { $0 != "]" }) }
        }
        #expect(rules.filter { $0 == "no-signature" }.count == 1)
        // The Error section holds only the scaffold's request for the error text.
        #expect(rules.filter { $0 == "no-error-text" }.count == 1)
        #expect(rules.filter { $0 != "no-signature" && $0 != "no-error-text" }.allSatisfy { $0 == "unfilled-scaffold" })
    }

    /// The scaffold with every placeholder written over, as its author would.
    static func filled(_ doc: String) -> String {
        doc.replacingOccurrences(of: "What happens, where, and who runs into it.", with: "The image build stops at npm ci.")
            .replacingOccurrences(
                of: "Why it happens, and how to tell this cause from the ones that look like it.",
                with: "The build runs npm as root with a cache owned by another user."
            )
            .replacingOccurrences(
                of: "When it applies, and what it changes. `beads fix` offers the recipe below, ranked by",
                with: "Always: it runs npm as the node user. `beads fix` offers the recipe below, ranked by"
            )
            .replacingOccurrences(of: "# Replace with the commands that fix it", with: "# Rebuild with the node user")
    }

    @Test func showRendersTheShippedDocWithinEightyColumns() throws {
        let kb = ScratchKnowledgeBase()
        let run = try kb.run("doc", "show", "docs/docker-build-devpod.md", environment: ["COLUMNS": "80"])
        #expect(run.status == 0)
        let lines = run.stdout.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        let widest = lines.map(displayWidth).max() ?? 0
        #expect(widest <= 80)
        #expect(lines.first == "Docker image builds fail inside a devpod: nested overlayfs")
        #expect(lines[1].allSatisfy { $0 == "═" })
        #expect(!run.stdout.contains("\u{1B}["), "no colours when not on a terminal")
        #expect(!run.stdout.contains("beads:related-beads"), "marker comments are not shown")
        // The related-beads table: every row's dividers line up.
        let rows = lines.filter { $0.hasPrefix("mo-") && $0.contains(" │ ") }
        #expect(rows.count == 5)
        let columns = Set(rows.map { row in displayWidth(String(row[..<row.range(of: " │ ")!.lowerBound])) })
        #expect(columns.count == 1)
        #expect(run.stdout.contains("╭─ bash {recipe=kaniko-build when=devpod requires=kubectl}"))
        #expect(run.stdout.contains("┆ "), "the long error line is folded, marked")

        let section = try kb.run("doc", "show", "mo-3t8p", "--section", "root cause")
        #expect(section.stdout.hasPrefix("Root cause\n──────────\n"))
        #expect(!section.stdout.contains("What does not help"))
        let missing = try kb.run("doc", "show", "docs/docker-build-devpod.md", "--section", "nope")
        #expect(missing.status == 1)
        #expect(missing.stderr.contains("#root-cause  Root cause"))

        let html = try kb.run("doc", "show", "docs/docker-build-devpod.md", "--html")
        #expect(html.stdout.contains("<h1>Docker image builds fail inside a devpod: nested overlayfs</h1>"))
        #expect(html.stdout.contains("<table>"))
        #expect(try kb.run("doc", "show", "mo-nope").status == 1)
    }

    @Test func linksGoBothWays() throws {
        let kb = ScratchKnowledgeBase()
        let links = try #require(try json(try kb.run("doc", "links", "--json").stdout) as? [String: Any])
        let docs = try #require(links["docs"] as? [String: [String]])
        #expect(docs["docs/docker-build-devpod.md"] == ["mo-1na", "mo-1nh", "mo-3bol", "mo-3t8p", "mo-jgo"])
        let beads = try #require(links["beads"] as? [String: [String]])
        #expect(beads["mo-3t8p"]?.contains("docs/docker-build-devpod.md") == true)
        #expect(try kb.run("doc", "links").stdout.contains("Beads → docs\n"))
    }

    /// Columns a line takes in a terminal: emoji with presentation take two.
    func displayWidth(_ line: String) -> Int {
        line.unicodeScalars.reduce(0) { width, s in
            if s.properties.generalCategory == .nonspacingMark || s == "\u{FE0F}" { return width }
            return width + (s.properties.isEmojiPresentation ? 2 : 1)
        }
    }
}
