import Foundation
import Testing

@testable import BeadsStore

@Suite struct JSONLFileTests {
    /// A link planted at this process's temporary name is unlinked, never written
    /// through: the file it points at keeps its bytes, and the export is a plain file.
    @Test func aLinkAtTheTemporaryNameIsNotFollowed() throws {
        let folder = NSTemporaryDirectory() + "jsonl-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let victim = folder + "/victim.txt"
        try "precious\n".write(toFile: victim, atomically: false, encoding: .utf8)
        let target = folder + "/issues.jsonl"
        #expect(symlink(victim, folder + "/.issues.jsonl.\(getpid()).tmp") == 0)
        try JSONLFile.writeAtomically("{\"id\":\"bd-1\"}\n", to: target)
        #expect(try String(contentsOfFile: victim, encoding: .utf8) == "precious\n")
        var info = stat()
        #expect(lstat(target, &info) == 0 && (info.st_mode & S_IFMT) == S_IFREG)
        #expect(try String(contentsOfFile: target, encoding: .utf8) == "{\"id\":\"bd-1\"}\n")
    }

    /// The store refuses to open over a link in place of one of its own files.
    @Test func aLinkInPlaceOfTheTrackerIsRefused() throws {
        let folder = NSTemporaryDirectory() + "jsonl-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        try "".write(toFile: folder + "/elsewhere.jsonl", atomically: false, encoding: .utf8)
        #expect(symlink(folder + "/elsewhere.jsonl", folder + "/issues.jsonl") == 0)
        #expect(throws: StoreError.self) {
            _ = try BeadStore(databasePath: folder + "/beads.db", jsonlPath: folder + "/issues.jsonl", actor: "t")
        }
    }
}
