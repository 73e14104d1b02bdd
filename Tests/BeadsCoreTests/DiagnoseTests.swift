import BeadsCore
import BeadsKnowledge
import BeadsStore
import BeadsTestSupport
import Foundation
import Testing

/// The diagnose use case in process, as the CLI, the server and MCP reach it: no binary.
@Suite struct DiagnoseTests {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .path

    /// A scratch copy of the shipped knowledge base.
    static func knowledgeBase() throws -> (TemporaryDirectory, KnowledgeBase) {
        let dir = TemporaryDirectory()
        let fm = FileManager.default
        try fm.copyItem(atPath: root + "/docs", toPath: dir.path + "/docs")
        try fm.createDirectory(atPath: dir.path + "/beads", withIntermediateDirectories: true)
        for file in ["issues.jsonl", "config.yaml"] {
            try fm.copyItem(atPath: root + "/beads/" + file, toPath: dir.path + "/beads/" + file)
        }
        return (dir, try KnowledgeBase(location: KnowledgeBaseLocation(root: dir.path), environment: [:]))
    }

    /// Masked, matched, probed, recorded: the paste's secret reaches neither the outcome
    /// nor the hit, and the hit names its source.
    @Test func aPasteIsMaskedMatchedAndRecorded() throws {
        let (dir, base) = try Self.knowledgeBase()
        let environment = ["REGISTRY_PASSWORD": "s3cr3t-hunter2", "BEADS_ENV": "host"]
        let outcome = try Diagnose(base: base, environment: environment)("npm ERR! code ENOTEMPTY (login s3cr3t-hunter2)", source: "mcp")
        #expect(outcome.diagnosis.matches.first?.beadID == "mo-3bol")
        #expect(!outcome.paste.contains("s3cr3t") && outcome.paste.contains("***"))
        #expect(outcome.environment.verdict == "host")
        #expect(outcome.recordingProblem == nil)
        let hits = try String(contentsOfFile: dir.path + "/beads/hits.jsonl", encoding: .utf8)
        #expect(hits.contains(#""bead":"mo-3bol""#) && hits.contains(#""source":"mcp""#) && !hits.contains("s3cr3t"))
    }

    @Test func notRecordingRecordsNothing() throws {
        let (dir, base) = try Self.knowledgeBase()
        _ = try Diagnose(base: base, environment: [:])("npm ERR! code ENOTEMPTY", source: "fix", record: false)
        #expect(!FileManager.default.fileExists(atPath: dir.path + "/beads/hits.jsonl"))
    }

    /// A BEADS_ENV that names no place is the caller's to fix: a usage failure, which each
    /// front door turns into its own status.
    @Test func aPlaceNoOneKnowsIsAUsageFailure() throws {
        let (dir, base) = try Self.knowledgeBase()
        defer { withExtendedLifetime(dir) {} }
        #expect(throws: Failure.self) { _ = try Diagnose(base: base, environment: ["BEADS_ENV": "moon"])("x", source: "fix") }
        do {
            _ = try Diagnose(base: base, environment: ["BEADS_ENV": "moon"])("x", source: "fix")
        } catch let failure as Failure {
            #expect(failure.kind == .usage && failure.message.contains("BEADS_ENV=moon"))
        }
    }
}
