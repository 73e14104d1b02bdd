import Foundation
import Testing

@Suite struct CrashSafetyEndToEndTests {
    @Test func anImportKilledMidWriteLeavesTheStoreAsItWas() throws {
        let kb = ScratchKnowledgeBase()
        #expect(try kb.run("list").status == 0)
        let before = kb.read("beads/issues.jsonl")
        var lines = ""
        for n in 0..<60_000 {
            lines +=
                #"{"id":"mo-k\#(String(n, radix: 36))","title":"bulk \#(n)","status":"open","priority":2,"issue_type":"task","created_at":"2026-02-06T00:00:00Z","updated_at":"2026-02-06T00:00:00Z"}"#
                + "\n"
        }
        kb.write("bulk.jsonl", lines)
        let wal = kb.path + "/beads/beads.db-wal"
        let walBefore = (try? FileManager.default.attributesOfItem(atPath: wal)[.size] as? Int) ?? 0
        let process = Process()
        process.executableURL = URL(fileURLWithPath: BeadsBinary.path)
        process.arguments = ["import", "bulk.jsonl"]
        process.currentDirectoryURL = URL(fileURLWithPath: kb.path)
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        // Kill it once the write transaction is under way (the WAL grows), not before.
        var writing = false
        for _ in 0..<3000 where process.isRunning {
            let size = (try? FileManager.default.attributesOfItem(atPath: wal)[.size] as? Int) ?? 0
            if size > walBefore + 64 * 1024 {
                writing = true
                break
            }
            usleep(5_000)
        }
        kill(process.processIdentifier, SIGKILL)
        process.waitUntilExit()
        #expect(writing, "the import finished or never started writing before it could be killed")
        #expect(kb.read("beads/issues.jsonl") == before)
        let all = try #require(try json(try kb.run("list", "--all", "-n", "0", "--json").stdout) as? [[String: Any]])
        #expect(all.count == 5)
    }
}
