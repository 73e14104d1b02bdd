import Foundation
import Testing

/// `beads doc test` and the lint rules on what docs give `beads fix` to match.
@Suite struct DocTestEndToEndTests {
    @Test func theShippedExamplesAndLookAlikesBehave() throws {
        let kb = ScratchKnowledgeBase()
        let run = try kb.run("doc", "test")
        #expect(run.status == 0, "\(run.stdout)")
        #expect(run.stdout.isEmpty)
        #expect(run.stderr.contains("all behave"))
        let rows = try #require(try json(try kb.run("doc", "test", "--json").stdout) as? [[String: Any]])
        #expect(rows.allSatisfy { $0["passed"] as? Bool == true })
        // The rate limit and the USB stick are there as look-alikes, and match nothing.
        let lookAlikes = rows.filter { $0["expect"] as? String == "none" }
        #expect(lookAlikes.count >= 3)
        #expect(rows.contains { $0["expect"] as? String == "match" && $0["matched"] as? String == "mo-3bol" })
    }

    @Test func anExampleThatMissesAndALookAlikeThatMatchesFail() throws {
        let kb = ScratchKnowledgeBase()
        kb.write(
            "docs/flaky.md",
            """
            # Flaky registry

            **Bead**: mo-jgo

            ## Examples

            ```text
            registry timed out after 30s while pushing layer 7
            ```

            Not this:

            ```text {example=not}
            ERROR: mount source: "overlay", target: "/x", fstype: overlay, flags: 0, data: "x", err: invalid argument
            ```
            """)
        let run = try kb.run("doc", "test", "docs/flaky.md")
        #expect(run.status == 1)
        #expect(run.stdout.contains("docs/flaky.md:8: [example] registry timed out"))
        #expect(run.stdout.contains("matched no bead; expected mo-jgo"))
        #expect(run.stdout.contains("docs/flaky.md:14: [look-alike] ERROR: mount source"))
        #expect(run.stdout.contains("look-alike matched mo-jgo"))
        #expect(run.stderr.contains("2 failed"))
    }

    @Test func lintSaysWhatADocGivesFixToMatch() throws {
        let kb = ScratchKnowledgeBase()
        #expect(try kb.run("create", "Pods restart", "--id", "mo-p0ds").status == 0)
        kb.write(
            "docs/pods.md",
            """
            # Pods restart

            **Bead**: mo-p0ds

            ## What you see

            The pods restart over and over and the deploy never finishes.

            ## Error

            ```text
            failed to mount ...: invalid argument
            ```

            ```text
            Step 3/9 : RUN npm ci
            ```
            """)
        kb.write(
            "docs/unnamed.md",
            """
            # A note without a bead

            ## Error

            ```text
            kex_exchange_identification: Connection closed by remote host
            ```
            """)
        let run = try kb.run("doc", "lint", "--json", "docs/pods.md", "docs/unnamed.md")
        #expect(run.status == 1)
        let rows = try #require(try json(run.stdout) as? [[String: Any]])
        let found = Set(rows.map { "\($0["path"] as! String):\($0["line"] as! Int):\($0["rule"] as! String)" })
        #expect(found.contains("docs/pods.md:5:no-error-text"))
        #expect(found.contains("docs/pods.md:12:generic-signature"))
        // The same shape as the shipped doc's containerd signature: two beads would match it.
        #expect(found.contains("docs/pods.md:12:overlapping-signatures"))
        #expect(found.contains("docs/unnamed.md:6:error-without-bead"))
        let message = rows.first { $0["rule"] as? String == "error-without-bead" }?["message"] as? String ?? ""
        #expect(message.contains("kex_exchange_identification"))
        #expect(message.contains("**Bead**: ID"))
        // doc list says it too, where people look for their docs.
        let list = try kb.run("doc", "list")
        #expect(
            list.stdout.contains(
                "docs/unnamed.md  A note without a bead\n    beads (none named) · 0 signatures · 0 recipes · 1 warnings\n    ! names no bead"
            ))
    }

    @Test func showSaysWhenFixCannotRecogniseABugBead() throws {
        let kb = ScratchKnowledgeBase()
        #expect(try kb.run("create", "Registry mirror flaps", "--id", "mo-m1rr", "-t", "bug").status == 0)
        kb.write("docs/mirror.md", "# Registry mirror flaps\n\n**Bead**: mo-m1rr\n\nIt flaps on Mondays; nobody kept the error.\n")
        let show = try kb.run("show", "mo-m1rr")
        #expect(show.stdout.contains("No error signature: `beads fix` cannot recognise this bead."))
        #expect(show.stdout.contains("docs/mirror.md"))
    }
}
