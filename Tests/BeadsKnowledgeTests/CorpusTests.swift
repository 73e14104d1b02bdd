import BeadsStore
import Foundation
import Testing
@testable import BeadsKnowledge

/// Real failed-build logs (public issue threads, the seed docs, CI log shapes), each
/// labelled with the bead it must match, or "none".
struct LabelledLog: Sendable, CustomTestStringConvertible {
    var id: String
    var expect: String
    var family: String
    var text: String
    var testDescription: String { id }

    static let all: [LabelledLog] = load("corpus")

    /// The logs of `Logs/NAME.jsonl`.
    static func load(_ name: String) -> [LabelledLog] {
        let url = Bundle.module.url(forResource: name, withExtension: "jsonl", subdirectory: "Logs")!
        let text = try! String(contentsOf: url, encoding: .utf8)
        return text.split(separator: "\n").map { line in
            let object = try! JSONSerialization.jsonObject(with: Data(line.utf8)) as! [String: Any]
            return LabelledLog(id: object["id"] as! String, expect: object["expect"] as! String,
                               family: object["family"] as? String ?? "", text: object["text"] as! String)
        }
    }
}

@Suite struct CorpusTests {
    /// Measured on the shipped docs: every positive scores 1.00 except a truncated paste
    /// (0.76); the closest negative reaches 0.56. The floors leave no room: every
    /// positive right, no negative matched.
    static let precisionFloor = 1.0
    static let top1Floor = 1.0

    @Test(arguments: LabelledLog.all)
    func eachLogGetsItsBead(log: LabelledLog) throws {
        let (_, kb) = Repository.scratchKnowledgeBase()
        let diagnosis = try KnownErrorFinder(store: kb.store).diagnose(log.text)
        #expect((diagnosis.matches.first?.beadID ?? "none") == log.expect)
    }

    @Test func precisionAndTopOneAccuracyStayAtTheirFloors() throws {
        let (_, kb) = Repository.scratchKnowledgeBase()
        let finder = KnownErrorFinder(store: kb.store)
        var truePositives = 0, falsePositives = 0, correctTop1 = 0
        let positives = LabelledLog.all.filter { $0.expect != "none" }
        for log in LabelledLog.all {
            let top = try finder.diagnose(log.text).matches.first?.beadID
            if let top {
                if top == log.expect { truePositives += 1 } else { falsePositives += 1 }
            }
            if log.expect != "none", top == log.expect { correctTop1 += 1 }
        }
        let precision = Double(truePositives) / Double(max(1, truePositives + falsePositives))
        let top1 = Double(correctTop1) / Double(positives.count)
        #expect(positives.count >= 15)
        #expect(precision >= Self.precisionFloor)
        #expect(top1 >= Self.top1Floor)
    }

    @Test func theDockerHubRateLimitIsNotTheOverlayBead() throws {
        let (_, kb) = Repository.scratchKnowledgeBase()
        for log in LabelledLog.all where log.id.hasPrefix("dockerhub-rate-limit") {
            let diagnosis = try KnownErrorFinder(store: kb.store).diagnose(log.text)
            #expect(!diagnosis.matches.contains { $0.beadID == "mo-jgo" })
        }
    }
}

@Suite struct KnownErrorFinderTests {
    @Test func theSeedErrorExplainsItself() throws {
        let (_, kb) = Repository.scratchKnowledgeBase()
        let paste = "Step 3/9\n#5 0.412 ERROR: mount source: \"overlay\", target: \"/var/lib/docker/overlay2/q/merged\", fstype: overlay, flags: 0, data: \"lowerdir=/a\", err: invalid argument\n"
        let diagnosis = try KnownErrorFinder(store: kb.store).diagnose(paste)
        let match = try #require(diagnosis.matches.first)
        #expect(match.beadID == "mo-jgo")
        #expect(match.bead?.status == .closed)
        #expect(match.lineNumber == 2)
        #expect(match.score == 1)
        #expect(match.rootCauseRef?.display == "docs/docker-build-devpod.md#root-cause")
        #expect(match.rootCause?.contains("overlay on top of an overlay") == true)
        #expect(Set(match.recipes.map(\.name)) == ["kaniko-build", "actions-build", "host-build"])
        #expect(match.docs.first?.path == "docs/docker-build-devpod.md")
    }

    @Test func aSubProblemUsesItsOwnRootCause() throws {
        let (_, kb) = Repository.scratchKnowledgeBase()
        let match = try #require(try KnownErrorFinder(store: kb.store).diagnose("npm ERR! code ENOTEMPTY").matches.first)
        #expect(match.beadID == "mo-3bol")
        #expect(match.rootCauseRef?.section == "root-cause-the-same-nested-overlay")
    }

    @Test func nothingKnownGivesNearestCandidates() throws {
        let (_, kb) = Repository.scratchKnowledgeBase()
        let diagnosis = try KnownErrorFinder(store: kb.store).diagnose("unable to connect to the frobnicator socket")
        #expect(diagnosis.matches.isEmpty)
        #expect(diagnosis.nearest.first?.beadID == "mo-jgo")
    }

    @Test func aHugePasteIsReadWhole() throws {
        let (_, kb) = Repository.scratchKnowledgeBase()
        var paste = String(repeating: "#7 12.3 npm WARN deprecated some-package@1.0.0: use something else\n", count: 40_000)
        paste += "#7 99.1 npm ERR! code ENOTEMPTY\n"
        let diagnosis = try KnownErrorFinder(store: kb.store).diagnose(paste)
        #expect(diagnosis.matches.first?.beadID == "mo-3bol")
        #expect(diagnosis.matches.first?.lineNumber == 40_001)
    }
}

@Suite struct DocsIndexerTests {
    @Test func onlyChangedDocsAreParsedAgain() throws {
        let (dir, kb) = Repository.scratchKnowledgeBase()
        let indexer = DocsIndexer(location: kb.location, store: kb.store, configPrefix: "mo")
        #expect(try indexer.refresh().indexed.isEmpty)
        dir.write("docs/new.md", "# New\n\n**Bead**: mo-jgo\n\n## Error\n\n```\nthe brand new distinctive failure\n```\n")
        let report = try indexer.refresh()
        #expect(report.indexed == ["docs/new.md"])
        #expect(try kb.store.signatures(ofBead: "mo-jgo").contains { $0.text == "the brand new distinctive failure" })
        try FileManager.default.removeItem(atPath: dir.path + "/docs/new.md")
        #expect(try indexer.refresh().removed == ["docs/new.md"])
        #expect(try !kb.store.signatures(ofBead: "mo-jgo").contains { $0.text == "the brand new distinctive failure" })
        // Removed signatures leave FTS5 too: the old words no longer retrieve anything.
        #expect(try kb.store.signatureCandidates(terms: ["brand"]).isEmpty)
    }

    @Test func aTouchedButUnchangedDocIsNotParsed() throws {
        let (dir, kb) = Repository.scratchKnowledgeBase()
        let path = dir.path + "/docs/docker-build-devpod.md"
        try FileManager.default.setAttributes([.modificationDate: Date(timeIntervalSinceNow: 60)], ofItemAtPath: path)
        let report = try DocsIndexer(location: kb.location, store: kb.store, configPrefix: "mo").refresh()
        #expect(report.indexed.isEmpty)
        #expect(report.unchanged >= 1)
    }
}
