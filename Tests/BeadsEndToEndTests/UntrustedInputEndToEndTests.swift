import Foundation
import Testing

/// Imports and pastes are untrusted: what `create` and `update` refuse, `import` refuses
/// too, naming line and field; a paste is bounded and read whatever shape it comes in.
@Suite struct UntrustedInputEndToEndTests {
    static let good =
        #"{"id":"mo-g00d","title":"Fine","status":"open","priority":1,"issue_type":"bug","created_at":"2026-02-04T15:30:00Z","updated_at":"2026-02-04T15:30:00Z"}"#

    func importing(_ lines: [String]) throws -> (BeadsRun, ScratchKnowledgeBase) {
        let kb = ScratchKnowledgeBase()
        kb.write("in.jsonl", lines.joined(separator: "\n") + "\n")
        return (try kb.run("import", "in.jsonl"), kb)
    }

    @Test(arguments: [
        (#""priority":99"#, "in.jsonl:2: field \"priority\" must be 0 (critical) to 4 (backlog), not 99"),
        (#""id":"../../etc/passwd""#, "in.jsonl:2: field \"id\" \"../../etc/passwd\" is not a bead id"),
        (#""status":"bogus""#, "in.jsonl:2: field \"status\" \"bogus\" is not a status"),
        (#""updated_at":"yesterday""#, "in.jsonl:2: field \"updated_at\" \"yesterday\" is not an RFC 3339 time"),
    ])
    func importRefusesWhatCreateRefuses(field: String, message: String) throws {
        let bad =
            #"{"id":"mo-b4d","title":"Bad","status":"open","priority":1,"created_at":"2026-02-04T15:30:00Z","updated_at":"2026-02-04T15:30:00Z"}"#
        let key = String(field.prefix { $0 != ":" })
        // Replace the field's value in the line, or add the field.
        var line = bad.replacingOccurrences(of: #"(\#(key):("[^"]*"|[0-9]+))"#, with: field, options: .regularExpression)
        if !line.contains(field) { line = String(line.dropLast()) + "," + field + "}" }
        let (run, kb) = try importing([Self.good, line])
        #expect(run.status != 0)
        #expect(run.stderr.contains(message), "\(run.stderr)")
        // Nothing of the file was imported.
        #expect(!kb.read("beads/issues.jsonl").contains("mo-g00d"))
    }

    @Test func aByteOrderMarkIsAcceptedAndDuplicatesAreReported() throws {
        let kb = ScratchKnowledgeBase()
        kb.write("bom.jsonl", "\u{FEFF}" + Self.good + "\n")
        let bom = try kb.run("import", "bom.jsonl")
        #expect(bom.status == 0, "\(bom.stderr)")
        #expect(kb.read("beads/issues.jsonl").contains("mo-g00d"))
        kb.write("dup.jsonl", Self.good + "\n" + Self.good.replacingOccurrences(of: "Fine", with: "Again") + "\n")
        let dup = try kb.run("import", "dup.jsonl")
        #expect(dup.status != 0)
        #expect(dup.stderr.contains("dup.jsonl:2: id mo-g00d appears again (first on line 1)"), "\(dup.stderr)")
    }

    @Test func aDeadWritersTemporaryFileIsRemovedByTheNextWrite() throws {
        let kb = ScratchKnowledgeBase()
        kb.write("beads/.issues.jsonl.99999999.tmp", "half a file")
        let alive = "beads/.issues.jsonl.\(ProcessInfo.processInfo.processIdentifier).tmp"
        kb.write(alive, "a writer still at work")
        #expect(try kb.run("create", "Anything").status == 0)
        #expect(!FileManager.default.fileExists(atPath: kb.path + "/beads/.issues.jsonl.99999999.tmp"))
        #expect(FileManager.default.fileExists(atPath: kb.path + "/" + alive))
    }

    @Test func pasteFilesThatAreNotLogsSayWhat() throws {
        let kb = ScratchKnowledgeBase()
        let folder = try kb.run("fix", "--file", "docs")
        #expect(folder.status == 2)
        #expect(folder.stderr.contains("docs is a folder"))
        let missing = try kb.run("fix", "--file", "nope.log")
        #expect(missing.stderr.contains("cannot read nope.log: no such file"))
        let empty = try kb.run("fix", "--file", "/dev/null")
        #expect(empty.status == 2)
        #expect(empty.stderr.contains("nothing to match"))
    }

    @Test func anErrorAtTheEndOfAVeryLongLineIsMatched() throws {
        let kb = ScratchKnowledgeBase()
        let line =
            "{\"log\":\"" + String(repeating: "a", count: 9_000)
            + #" ERROR: mount source: \"overlay\", target: \"/x\", fstype: overlay, flags: 0, data: \"y\", err: invalid argument"}"#
        let run = try kb.run("fix", "--json", stdin: line)
        #expect(run.status == 0, "\(run.stdout)")
        #expect(run.stdout.contains(#""bead": "mo-jgo""#))
    }

    @Test func aPasteIsBounded() throws {
        let kb = ScratchKnowledgeBase()
        let line = String(repeating: "noise ", count: 1_500) + "\n"
        let run = try kb.runData(["fix"], stdin: Data(String(repeating: line, count: 1_900).utf8))
        #expect(run.status == 1)
        #expect(run.stderr.contains("standard input goes on past 16 MiB; matched the first 16 MiB only"))
    }
}
