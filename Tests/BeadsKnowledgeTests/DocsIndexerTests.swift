import BeadsStore
import Foundation
import Testing
@testable import BeadsKnowledge

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
