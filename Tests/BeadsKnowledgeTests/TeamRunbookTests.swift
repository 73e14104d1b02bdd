import BeadsStore
import Foundation
import Testing
@testable import BeadsKnowledge

/// Runbooks as other teams write them (TeamKB: ids in metadata tables, front matter,
/// headings and prose; whole incident pastes; commands; look-alikes named in prose) and
/// real logs of their errors from public threads (Logs/teams.jsonl).
@Suite struct TeamRunbookTests {
    static let logs: [LabelledLog] = LabelledLog.load("teams")

    /// Measured (bench/corpus.py, this commit): 56 of 60 positives named at top-1, 2 of
    /// 40 look-alikes matched. The floors keep that from getting worse.
    static let top1Floor = 0.93
    static let maxFalseAlarms = 2

    @Test func theCorpusKeepsItsShape() {
        let positives = Self.logs.filter { $0.expect != "none" }
        #expect(Set(Self.logs.map(\.family)).count >= 10)
        #expect(positives.count >= 60)
        // Near 60/40 positives to look-alikes.
        #expect(abs(Double(positives.count) / Double(Self.logs.count) - 0.6) < 0.05)
    }

    @Test func recallAndFalseAlarmsStayAtTheirFloors() throws {
        try Self.score(Self.logs, in: Repository.teamKnowledgeBase, top1Floor: Self.top1Floor, maxFalseAlarms: Self.maxFalseAlarms)
    }

    /// Eight more families (HeldOutKB, Logs/heldout.jsonl), collected after the matcher
    /// was built and first measured on them unseen: 40 of 48 at top-1, 3 of 31 look-alikes
    /// matched. Three mechanisms changed after that (see manual/benchmarks.md); now 46 of
    /// 48 and none. They guard against regressions like the rest.
    @Test func theHeldOutRunbooksStayAtTheirFloors() throws {
        try Self.score(LabelledLog.load("heldout"), in: Repository.heldOutKnowledgeBase, top1Floor: 0.95, maxFalseAlarms: 0)
    }

    static func score(_ logs: [LabelledLog], in source: String, top1Floor: Double, maxFalseAlarms: Int) throws {
        let (_, kb) = Repository.scratchKnowledgeBase(from: source)
        let finder = KnownErrorFinder(store: kb.store)
        var correct = 0, falseAlarms = 0, misses: [String] = []
        for log in logs {
            let top = try finder.diagnose(log.text).matches.first?.beadID ?? "none"
            if log.expect == "none" {
                if top != "none" { falseAlarms += 1; misses.append("\(log.id) -> \(top)") }
            } else if top == log.expect {
                correct += 1
            } else {
                misses.append("\(log.id) -> \(top)")
            }
        }
        let positives = logs.filter { $0.expect != "none" }.count
        #expect(Double(correct) / Double(positives) >= top1Floor, "misses: \(misses)")
        #expect(falseAlarms <= maxFalseAlarms, "misses: \(misses)")
    }

    @Test func everyRunbookLinksItsBeadWhereverItIsWritten() throws {
        let (_, kb) = Repository.scratchKnowledgeBase(from: Repository.teamKnowledgeBase)
        let docs = Dictionary(uniqueKeysWithValues: try kb.store.docSummaries().map { ($0.path, $0.primaryBeads) })
        #expect(docs["docs/disk-full.md"] == ["ops-14"])                    // | Ticket | ops-14 |
        #expect(docs["docs/oom-killed.md"] == ["ops-23"])                   // front matter issue:
        #expect(docs["docs/ci-dns.md"] == ["bd-57"])                        // # Title (bd-57)
        #expect(docs["docs/x509-unknown-authority.md"] == ["web-2pz4"])     // Tracked in web-2pz4
        for (path, beads) in docs { #expect(!beads.isEmpty, "\(path) names no bead") }
        for id in ["ops-14", "ops-23", "bd-57", "plat-k4t", "plat-9m2x", "plat-r7w", "infra-7qm", "infra-3hx", "web-9fk", "web-2pz4"] {
            #expect(try !kb.store.signatures(ofBead: id).isEmpty, "\(id) has no signature")
        }
    }

    @Test func theLookAlikesTheTeamsNamedMatchNothing() throws {
        let (dir, kb) = Repository.scratchKnowledgeBase(from: Repository.teamKnowledgeBase)
        let analyzer = DocumentAnalyzer(prefixes: try kb.store.beadPrefixes())
        var examples: [DocExample] = []
        for path in DocsIndexer(location: kb.location, store: kb.store, configPrefix: "ops").markdownFiles() {
            let text = try String(contentsOfFile: dir.path + "/" + path, encoding: .utf8)
            examples += analyzer.read(path: path, text: text, fingerprint: FileFingerprint(size: 0, mtimeNanoseconds: 0), hash: "").examples
        }
        #expect(examples.count >= 10)
        #expect(examples.allSatisfy { !$0.expectsMatch })
        let failures = try DocExampleRunner(store: kb.store).run(examples).filter { !$0.passed }
        #expect(failures.isEmpty, "\(failures.map { "\($0.example.text) -> \($0.matched ?? "")" })")
    }
}

/// Matching behaviours a team's runbook relies on, each on a small knowledge base.
@Suite struct RunbookMatchingTests {
    func knowledgeBase(_ doc: String, beads: [String] = ["ops-7"]) -> (TemporaryDirectory, KnowledgeBase) {
        let dir = TemporaryDirectory()
        dir.write("beads/config.yaml", "prefix: ops\n")
        dir.write("beads/issues.jsonl", beads.map {
            #"{"id":"\#($0)","title":"t","status":"open","priority":2,"issue_type":"bug","created_at":"2026-01-01T00:00:00Z","updated_at":"2026-01-01T00:00:00Z"}"#
        }.joined(separator: "\n") + "\n")
        dir.write("docs/runbook.md", doc)
        return (dir, try! KnowledgeBase(location: KnowledgeBaseLocation(root: dir.path)))
    }

    @Test func aCommandBeforeYouGetIsContextNotAnError() throws {
        let (_, kb) = knowledgeBase("""
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
        let (_, kb) = knowledgeBase("""
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
        let (_, kb) = knowledgeBase("""
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
        let (_, kb) = knowledgeBase("""
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
        let (_, kb) = knowledgeBase("""
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
        #expect(nearest.score == 1)
        #expect(nearest.evidence.foundWords == ["mount"])
        #expect(!nearest.evidence.suffices)
        #expect(try finder.diagnose("2020/06/29 16:18:03 failed to mount /tmp/containerd-mount550114294: invalid argument")
            .matches.first?.beadID == "ops-7")
    }

    @Test func falloutAloneIsNotTheError() throws {
        let (_, kb) = knowledgeBase("""
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
        let refused = "ssh: connect to host app-09 port 22: Connection refused\nrsync: connection unexpectedly closed (0 bytes received so far) [sender]"
        #expect(try finder.diagnose(refused).matches.isEmpty)
        let same = "git@github.com: Permission denied (publickey).\nrsync: connection unexpectedly closed (0 bytes received so far) [sender]"
        #expect(try finder.diagnose(same).matches.first?.beadID == "ops-7")
    }
}
