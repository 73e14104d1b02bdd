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
            return LabelledLog(
                id: object["id"] as! String, expect: object["expect"] as! String,
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
