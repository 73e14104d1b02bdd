import Testing

@testable import BeadsStore

@Suite struct JSONLMergeTests {
    func line(
        _ id: String, title: String = "t", status: String = "open", priority: Int = 2, updated: String = "2026-02-04T00:00:00Z",
        labels: [String] = []
    ) -> String {
        var bead = Bead(
            id: id, title: title, status: BeadStatus(rawValue: status), priority: priority, createdAt: "2026-02-04T00:00:00Z",
            updatedAt: updated)
        bead.labels = labels
        return bead.jsonLine()
    }

    @Test func differentFieldsOfOneBeadBothLand() throws {
        let base = line("mo-a") + "\n"
        let ours = line("mo-a", priority: 0, updated: "2026-02-05T00:00:00Z") + "\n"
        let theirs = line("mo-a", status: "in_progress", updated: "2026-02-06T00:00:00Z") + "\n"
        let merged = try JSONLMerge.merge(base: base, ours: ours, theirs: theirs)
        #expect(merged.text == line("mo-a", status: "in_progress", priority: 0, updated: "2026-02-06T00:00:00Z") + "\n")
        #expect(merged.settled.isEmpty)
    }

    @Test func aTrueConflictGoesToTheLaterUpdate() throws {
        let base = line("mo-a", title: "old") + "\n"
        let ours = line("mo-a", title: "ours", updated: "2026-02-07T00:00:00Z") + "\n"
        let theirs = line("mo-a", title: "theirs", updated: "2026-02-06T00:00:00Z") + "\n"
        let merged = try JSONLMerge.merge(base: base, ours: ours, theirs: theirs)
        #expect(merged.text.contains(#""title":"ours""#))
        #expect(merged.settled == ["mo-a.title"])
    }

    @Test func labelsAreUnioned() throws {
        let base = line("mo-a") + "\n"
        let merged = try JSONLMerge.merge(base: base, ours: line("mo-a", labels: ["x"]) + "\n", theirs: line("mo-a", labels: ["y"]) + "\n")
        #expect(merged.text.contains(#""labels":["x","y"]"#))
    }

    @Test func additionsAndDeletionsByEitherSide() throws {
        let base = line("mo-a") + "\n" + line("mo-b") + "\n" + line("mo-c") + "\n"
        let ours = line("mo-a") + "\n" + line("mo-c", title: "changed") + "\n" + line("mo-new1") + "\n"  // deleted b
        let theirs = line("mo-b") + "\n" + line("mo-new2") + "\n"  // deleted a and c
        let merged = try JSONLMerge.merge(base: base, ours: ours, theirs: theirs)
        let ids = merged.text.split(separator: "\n").map { String($0.dropFirst(7).prefix { $0 != "\"" }) }
        // a: deleted by theirs, untouched by ours → gone. b: deleted by ours → gone.
        // c: deleted by theirs but changed by ours → kept. New ones from both sides.
        #expect(ids == ["mo-c", "mo-new1", "mo-new2"])
    }

    @Test func anUnreadableSideIsAnError() {
        #expect(throws: StoreError.self) { try JSONLMerge.merge(base: "", ours: "{broken\n", theirs: "") }
    }
}
