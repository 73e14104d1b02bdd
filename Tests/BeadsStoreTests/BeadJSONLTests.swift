import Foundation
import Testing

@testable import BeadsStore

@Suite struct BeadJSONLTests {
    /// Lines shaped like bd's own exports (native order, unknown keys, nested values).
    static let bdLines = [
        #"{"id":"bd-0479m","title":"Add --tree flag","description":"bd show \u003cepic-id\u003e --tree","status":"open","priority":3,"issue_type":"task","created_at":"2026-01-21T01:37:13Z","created_by":"mayor","updated_at":"2026-01-21T01:37:13Z","work_type":"mutex"}"#,
        #"{"id":"bd-dolt","title":"Dolt backend","description":"Phase 1","notes":"n","status":"open","priority":1,"issue_type":"epic","assignee":"beads/crew/giles","owner":"someone@example.com","created_at":"2026-01-21T01:37:39Z","created_by":"mayor","updated_at":"2026-01-27T03:48:26Z","labels":["backend","dolt"],"dependencies":[{"issue_id":"bd-dolt","depends_on_id":"bd-2j2t5","type":"blocks","created_at":"2026-01-23T23:16:08Z","created_by":"import"}],"comments":[{"id":1,"issue_id":"bd-dolt","author":"a","text":"x","created_at":"2026-01-12T02:16:51Z"}],"work_type":"mutex"}"#,
        #"{"id":"bd-old","title":"Gone","status":"tombstone","priority":0,"issue_type":"bug","created_at":"2025-12-01T00:00:00.123456789Z","updated_at":"2025-12-02T00:00:00Z","closed_at":"2025-12-02T00:00:00Z","close_reason":"dup","deleted_at":"2025-12-02T00:00:00Z","deleted_by":"x","delete_reason":"dup","original_type":"bug"}"#,
        #"{"id":"bd-new","title":"Wisp","description":"d","status":"hooked","priority":2,"issue_type":"task","created_at":"2026-02-01T00:00:00Z","updated_at":"2026-02-01T00:00:00Z","ephemeral":true,"agent_state":"idle","dependency_count":0,"dependent_count":2,"comment_count":0,"parent":"bd-dolt"}"#,
    ]

    @Test(arguments: bdLines)
    func bdLinesRoundTripByteForByte(line: String) throws {
        let bead = try Bead(json: try JSONValue.parse(line), now: "unused")
        #expect(bead.jsonLine() == line)
    }

    @Test func typedFieldsAreRead() throws {
        let bead = try Bead(json: try JSONValue.parse(Self.bdLines[1]), now: "unused")
        #expect(bead.id == "bd-dolt")
        #expect(bead.priority == 1)
        #expect(bead.labels == ["backend", "dolt"])
        #expect(bead.assignee == "beads/crew/giles")
        #expect(bead.extraValue("owner") == .string("someone@example.com"))
        #expect(bead.prefix == "bd")
    }

    @Test func pythonStyleInputBecomesCompactAndStable() throws {
        let line =
            #"{"id": "mo-x1", "title": "T", "status": "open", "priority": 2, "issue_type": "task", "created_at": "2026-01-01T00:00:00Z", "updated_at": "2026-01-01T00:00:00Z", "zeta": {"b": 1,  "a": [1, 2]}}"#
        let first = try Bead(json: try JSONValue.parse(line), now: "x").jsonLine()
        #expect(
            first
                == #"{"id":"mo-x1","title":"T","status":"open","priority":2,"issue_type":"task","created_at":"2026-01-01T00:00:00Z","updated_at":"2026-01-01T00:00:00Z","zeta":{"b":1,"a":[1,2]}}"#
        )
        #expect(try Bead(json: try JSONValue.parse(first), now: "x").jsonLine() == first)
    }

    @Test(arguments: [
        (#"{"title":"no id"}"#, "id"),
        (#"{"id":"mo-a","title":"t","priority":"high"}"#, "priority"),
        (#"{"id":"mo-a","title":5}"#, "title"),
        (#"{"id":"mo-a","title":"t","labels":"x"}"#, "labels"),
    ])
    func badBeadsNameTheField(line: String, field: String) throws {
        let json = try JSONValue.parse(line)
        do {
            _ = try Bead(json: json, now: "x")
            Issue.record("expected an error for \(line)")
        } catch {
            #expect(error.field == field)
        }
    }

    @Test func aBadLineFailsTheWholeFileAndNamesTheLine() {
        let text = Self.bdLines[0] + "\n" + #"{"id":"mo-b","title":"ok"}"# + "\n\n" + #"{"id":"mo-c","title":"broken""# + "\n"
        do {
            _ = try JSONLFile.read(Data(text.utf8), path: "issues.jsonl", now: "x")
            Issue.record("expected an error")
        } catch {
            guard case let .badJSONL(path, line, _) = error else {
                Issue.record("wrong error \(error)")
                return
            }
            #expect(path == "issues.jsonl")
            #expect(line == 4)
            #expect(error.description.contains("nothing from this file was imported"))
        }
    }

    @Test func invalidUTF8IsALineError() {
        var data = Data(#"{"id":"mo-a","title":"x"}"#.utf8)
        data.append(0x0A)
        data.append(contentsOf: [0x7B, 0xFF, 0xFE, 0x7D, 0x0A])
        #expect(throws: StoreError.self) { try JSONLFile.read(data, path: "f", now: "x") }
    }

    @Test func renderSortsByID() throws {
        let a = Bead(id: "mo-b", title: "b", createdAt: "t", updatedAt: "t")
        let b = Bead(id: "mo-a", title: "a", createdAt: "t", updatedAt: "t")
        let text = JSONLFile.render([a, b])
        #expect(text.split(separator: "\n").map { $0.contains("mo-a") } == [true, false])
        #expect(text.hasSuffix("\n"))
    }
}
