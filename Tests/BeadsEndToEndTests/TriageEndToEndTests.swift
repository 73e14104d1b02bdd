import BeadsTestSupport
import Foundation
import Testing

/// `beads triage` over a week of generated CI failures: the known errors are named, the
/// three failures no doc explains come out as exactly three families, and the logs
/// with nothing wrong in them as none.
@Suite struct TriageEndToEndTests {
    func write(_ logs: [CIFailureLogs.Log], into folder: String) throws {
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        for log in logs { try log.text.write(toFile: folder + "/" + log.name, atomically: true, encoding: .utf8) }
    }

    @Test func aWeekOfFailuresGivesExactlyTheThreeUnknownFamilies() throws {
        let kb = ScratchKnowledgeBase()
        let logs = CIFailureLogs.generate(count: 70, noise: 10)
        try write(logs, into: kb.path + "/ci-logs")
        let run = try kb.run("triage", "ci-logs", "--json")
        #expect(run.status == 0, "\(run.stderr)")
        let families = try #require(try JSONTree.parse(run.stdout).array)
        let expected = Dictionary(grouping: logs.filter { $0.cause.hasPrefix("unknown:") }, by: \.cause).mapValues(\.count)
        #expect(families.count == 3, "\(run.stdout)")
        #expect(
            families.compactMap { $0["count"] }.sorted { "\($0)" < "\($1)" }
                == expected.values.map { JSONTree.integer($0) }.sorted { "\($0)" < "\($1)" })
        // Each family holds one cause only: its example is a log of that cause, and no
        // known error's log was taken for an unknown one.
        let causeOf = Dictionary(uniqueKeysWithValues: logs.map { ("ci-logs/" + $0.name, $0.cause) })
        let causes = families.compactMap { $0["example"]?.string.flatMap { causeOf[$0] } }
        #expect(Set(causes) == Set(expected.keys), "\(causes)")
        // Each family names its logs, every one of them of its cause, so a team can act on it.
        for family in families {
            let members = family["logs"]?.array?.compactMap(\.string) ?? []
            #expect(family["count"] == .integer(members.count), "\(family)")
            #expect(Set(members.compactMap { causeOf[$0] }).count == 1, "\(members)")
        }
        for family in families {
            let template = family["template"]?.string ?? ""
            #expect(!template.contains("deprecated") && !template.contains("Process completed"), "\(template)")
            #expect(family["create"]?.string?.hasPrefix("beads create --from-error --error-file ci-logs/") == true)
        }
        let known = logs.filter { $0.cause.hasPrefix("known:") }.count
        #expect(run.stderr.contains("70 logs") && run.stderr.contains("\(known) known"), "\(run.stderr)")
        #expect(run.stderr.contains("10 with no error line"), "\(run.stderr)")
        // Triage reads history: it records no hits.
        #expect(!FileManager.default.fileExists(atPath: kb.path + "/beads/hits.jsonl"))
    }

    @Test func aFamilyRecordedAsABeadIsKnownTheNextTime() throws {
        let kb = ScratchKnowledgeBase()
        let logs = CIFailureLogs.generate(count: 30, noise: 0, progressLines: 40)
        try write(logs, into: kb.path + "/ci-logs")
        let first = try #require(try JSONTree.parse(try kb.run("triage", "ci-logs", "--json").stdout).array)
        let heap = try #require(first.first { $0["signature"]?.string?.contains("OutOfMemoryError") == true })
        let words = try #require(heap["create"]?.string).split(separator: " ").dropFirst().map(String.init)
        #expect(try kb.run(words).status == 0)
        let second = try #require(try JSONTree.parse(try kb.run("triage", "ci-logs", "--json").stdout).array)
        #expect(second.count == first.count - 1)
        #expect(!second.contains { $0["signature"]?.string?.contains("OutOfMemoryError") == true })
    }

    @Test func logsOnStandardInputAreSplitAtTheSeparator() throws {
        let kb = ScratchKnowledgeBase()
        let logs = CIFailureLogs.generate(count: 12, noise: 2, progressLines: 20)
        let stream = logs.map(\.text).joined(separator: "-- >8 --\n")
        let run = try kb.run(["triage", "-"], stdin: stream)
        #expect(run.status == 0)
        #expect(run.stderr.contains("12 logs"), "\(run.stderr)")
        #expect(run.stdout.contains("record it: beads create --from-error '"), "\(run.stdout)")
        let missing = try kb.run("triage", "no-such-folder")
        #expect(missing.status == 2 && missing.stderr.contains("no-such-folder"))
    }
}
