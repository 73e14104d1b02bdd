import BeadsStore
import Foundation
import Testing

@testable import BeadsKnowledge

/// Runbooks as other teams write them (TeamKB: ids in metadata tables, front matter,
/// headings and prose; whole incident pastes; commands; look-alikes named in prose) and
/// real logs of their errors from public threads (Logs/teams.jsonl).
@Suite struct TeamRunbookTests {
    static let logs: [LabelledLog] = LabelledLog.load("teams")

    /// Measured (bench/corpus.py) with the fitted scorer: 51 of 60 positives named at
    /// top-1, none of 40 look-alikes matched (the hand-tuned matcher before it: 56 and 2, on
    /// the corpus it was tuned on). The floors keep that from getting worse.
    static let top1Floor = 0.83
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

    /// Eight more families (HeldOutKB, Logs/heldout.jsonl), collected after the first
    /// matcher was built, since tuned on and now part of the scorer's dev corpus: 37 of 48
    /// at top-1, none of 31 look-alikes matched. They guard against regressions like the rest.
    @Test func theHeldOutRunbooksStayAtTheirFloors() throws {
        try Self.score(LabelledLog.load("heldout"), in: Repository.heldOutKnowledgeBase, top1Floor: 0.75, maxFalseAlarms: 1)
    }

    static func score(_ logs: [LabelledLog], in source: String, top1Floor: Double, maxFalseAlarms: Int) throws {
        let (_, kb) = Repository.scratchKnowledgeBase(from: source)
        let finder = KnownErrorFinder(store: kb.store)
        var correct = 0, falseAlarms = 0, misses: [String] = []
        for log in logs {
            let top = try finder.diagnose(log.text).matches.first?.beadID ?? "none"
            if log.expect == "none" {
                if top != "none" {
                    falseAlarms += 1
                    misses.append("\(log.id) -> \(top)")
                }
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
        #expect(docs["docs/disk-full.md"] == ["ops-14"])  // | Ticket | ops-14 |
        #expect(docs["docs/oom-killed.md"] == ["ops-23"])  // front matter issue:
        #expect(docs["docs/ci-dns.md"] == ["bd-57"])  // # Title (bd-57)
        #expect(docs["docs/x509-unknown-authority.md"] == ["web-2pz4"])  // Tracked in web-2pz4
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
