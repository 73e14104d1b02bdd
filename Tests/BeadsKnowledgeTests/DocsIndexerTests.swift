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

    /// The whole-tree stamp lets an unchanged tree skip the index, but never hides a change:
    /// an edit of the same size, a doc in a new folder, a removal, each after a pass that
    /// took the short way.
    @Test func theShortWayForAnUnchangedTreeMissesNoChange() throws {
        let (dir, kb) = Repository.scratchKnowledgeBase()
        let indexer = DocsIndexer(location: kb.location, store: kb.store, configPrefix: "mo")
        dir.write("docs/team/a.md", "# A\n\n**Bead**: mo-jgo\n\n## Error\n\n```\nthe first distinctive failure\n```\n")
        #expect(try indexer.refresh().indexed == ["docs/team/a.md"])
        let quiet = try indexer.refresh()
        #expect(quiet.indexed.isEmpty && quiet.removed.isEmpty && quiet.unchanged >= 2)
        // Same size, new words, a later time.
        dir.write("docs/team/a.md", "# A\n\n**Bead**: mo-jgo\n\n## Error\n\n```\nthe other distinctive failure\n```\n")
        try FileManager.default.setAttributes(
            [.modificationDate: Date(timeIntervalSinceNow: 5)], ofItemAtPath: dir.path + "/docs/team/a.md")
        #expect(try indexer.refresh().indexed == ["docs/team/a.md"])
        #expect(try kb.store.signatures(ofBead: "mo-jgo").contains { $0.text == "the other distinctive failure" })
        _ = try indexer.refresh()
        dir.write("docs/deep/er/b.md", "# B\n")
        #expect(try indexer.refresh().indexed == ["docs/deep/er/b.md"])
        _ = try indexer.refresh()
        try FileManager.default.removeItem(atPath: dir.path + "/docs/team/a.md")
        #expect(try indexer.refresh().removed == ["docs/team/a.md"])
    }
}
