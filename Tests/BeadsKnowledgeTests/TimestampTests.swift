import BeadsStore
import Foundation
import Testing

@testable import BeadsKnowledge

@Suite struct TimestampTests {
    @Test func formatsRFC3339InUTCAsBdDoes() {
        #expect(Timestamp.now(Date(timeIntervalSince1970: 1_770_196_320.75)) == "2026-02-04T09:12:00Z")
    }

    @Test func configPrefixIsRead() throws {
        let dir = TemporaryDirectory()
        dir.write("config.yaml", "# comment\nprefix: mo\n")
        #expect(try KnowledgeBaseConfig.load(path: dir.path + "/config.yaml").prefix == "mo")
        dir.write("bad.yaml", "prefix: Not Valid\n")
        #expect(throws: KnowledgeError.self) { try KnowledgeBaseConfig.load(path: dir.path + "/bad.yaml") }
        #expect(try KnowledgeBaseConfig.load(path: dir.path + "/missing.yaml").prefix == "bd")
    }
}
