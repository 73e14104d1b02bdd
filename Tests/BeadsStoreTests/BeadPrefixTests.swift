import BeadsTestSupport
import Foundation
import GRDB
import Testing

@testable import BeadsStore

@Suite struct BeadPrefixTests {
    let dir = TemporaryDirectory()

    @Test func prefixesAreFoundThroughTheIndex() throws {
        let store = try BeadStore(databasePath: dir.path + "/b.db", jsonlPath: dir.path + "/i.jsonl")
        let ids = ["mo-jgo", "mo-3t8p", "mo-3t8p.1", "bd-x1", "zz-top", "nodash", "a-b", "mo.x-y"]
        try store.upsert(ids.map { Bead(id: $0, title: $0, createdAt: "t", updatedAt: "t") })
        #expect(try store.beadPrefixes() == ["mo", "bd", "zz", "a", "mo.x"])
    }
}
