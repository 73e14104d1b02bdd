import BeadsStore
import Foundation
import Testing

@testable import BeadsKnowledge

/// Matching behaviours a team's runbook relies on, each on a small knowledge base.
@Suite struct RunbookMatchingTests {
    func knowledgeBase(_ doc: String, beads: [String] = ["ops-7"]) -> (TemporaryDirectory, KnowledgeBase) {
        let dir = TemporaryDirectory()
        dir.write("beads/config.yaml", "prefix: ops\n")
        dir.write(
            "beads/issues.jsonl",
            beads.map {
                #"{"id":"\#($0)","title":"t","status":"open","priority":2,"issue_type":"bug","created_at":"2026-01-01T00:00:00Z","updated_at":"2026-01-01T00:00:00Z"}"#
            }.joined(separator: "\n") + "\n")
        dir.write("docs/runbook.md", doc)
        return (dir, try! KnowledgeBase(location: KnowledgeBaseLocation(root: dir.path)))
    }

    @Test func aCommandBeforeYouGetIsContextNotAnError() throws {
        let (_, kb) = knowledgeBase(
            """
            # Registry pulls hang

            **Bead**: ops-7

            ## Symptoms

            When you run `docker pull registry.corp.example/api:latest` you get:

            ```
            Error response from daemon: Get "https://registry.corp.example/v2/": net/http: TLS handshake timeout
            ```
            """)
        let texts = try kb.store.signatures(ofBead: "ops-7").map(\.text)
        #expect(!texts.contains { $0.contains("docker pull") })
        #expect(try KnownErrorFinder(store: kb.store).diagnose("docker pull ghcr.io/org/web:1.2").matches.isEmpty)
        let paste = #"Error response from daemon: Get "https://other.example/v2/": net/http: TLS handshake timeout"#
        #expect(try KnownErrorFinder(store: kb.store).diagnose(paste).matches.first?.beadID == "ops-7")
    }

    @Test func aMessageQuotedInAJSONReplyIsRead() throws {
        let (_, kb) = knowledgeBase(
            """
            # Private registry unreachable

            **Bead**: ops-7

            ## Error

            ```
            dial tcp: lookup registry.internal on 10.0.0.2:53: no such host
            ```
            """)
        let paste = #"{"message":"Get \"https://registry.other/v2/\": dial tcp: lookup registry.other on 172.20.0.10:53: no such host"}"#
        #expect(try KnownErrorFinder(store: kb.store).diagnose(paste).matches.first?.beadID == "ops-7")
    }

    @Test func alternateWordingsInBulletsAreSignatures() throws {
        let (_, kb) = knowledgeBase(
            """
            # Runner disk full

            | Ticket | ops-7 |
            |---|---|

            ## What you see

            ```
            #9 41.22 npm ERR! nospc ENOSPC: no space left on device, write
            ```

            Also seen as:

            - `java.io.IOException: No space left on device` from Gradle
            - on older runners, `write /var/lib/docker/tmp/GetImageBlob1: no space left on device`
            """)
        let finder = KnownErrorFinder(store: kb.store)
        #expect(try finder.diagnose("Caused by: java.io.IOException: No space left on device").matches.first?.beadID == "ops-7")
        #expect(try finder.diagnose("failed to register layer: write /usr/lib/x: no space left on device").matches.first?.beadID == "ops-7")
    }

    @Test func sharedGenericWordsDoNotOutrankDistinctiveOnes() throws {
        let (_, kb) = knowledgeBase(
            """
            # Registry errors

            ## Rate limit (ops-7)

            ```
            Error response from daemon: Get "https://registry-1.docker.io/v2/": unauthorized: incorrect username or password
            ```

            ## Certificate (ops-8)

            ```
            x509: certificate signed by unknown authority
            ```
            """, beads: ["ops-7", "ops-8"])
        let paste = #"Error response from daemon: Get "https://harbor.local/v2/": x509: certificate signed by unknown authority"#
        let diagnosis = try KnownErrorFinder(store: kb.store).diagnose(paste)
        #expect(diagnosis.matches.first?.beadID == "ops-8")
        #expect(!diagnosis.matches.contains { $0.beadID == "ops-7" })
    }

    @Test func aSignatureOfCommonWordsAloneNeedsTheBeadsOwnWordsNearby() throws {
        let (_, kb) = knowledgeBase(
            """
            # Nested overlay

            **Bead**: ops-7

            ## Error

            ```
            failed to mount /tmp/containerd-mount...: invalid argument
            ```
            """)
        let finder = KnownErrorFinder(store: kb.store)
        let usb = "Error mounting /dev/sdb1 at /media/alex/USB: Failed to mount '/dev/sdb1': Invalid argument"
        let diagnosis = try finder.diagnose(usb)
        #expect(diagnosis.matches.isEmpty)
        // It is still the nearest candidate, and says why it was not taken.
        let nearest = try #require(diagnosis.nearest.first)
        #expect(nearest.alignment.score == 1)
        #expect(nearest.evidence.foundWords == ["mount"])
        #expect(!nearest.evidence.suffices)
        #expect(
            try finder.diagnose("2020/06/29 16:18:03 failed to mount /tmp/containerd-mount550114294: invalid argument")
                .matches.first?.beadID == "ops-7")
    }

    @Test func falloutAloneIsNotTheError() throws {
        let (_, kb) = knowledgeBase(
            """
            # Deploy key refused

            **Bead**: ops-7

            ## How it shows up

            ```
            $ rsync -az build/ deploy@app-03:/srv/app/
            deploy@app-03: Permission denied (publickey).
            rsync: connection unexpectedly closed (0 bytes received so far) [sender]
            ```
            """)
        let finder = KnownErrorFinder(store: kb.store)
        let refused =
            "ssh: connect to host app-09 port 22: Connection refused\nrsync: connection unexpectedly closed (0 bytes received so far) [sender]"
        #expect(try finder.diagnose(refused).matches.isEmpty)
        let same =
            "git@github.com: Permission denied (publickey).\nrsync: connection unexpectedly closed (0 bytes received so far) [sender]"
        #expect(try finder.diagnose(same).matches.first?.beadID == "ops-7")
    }
}
