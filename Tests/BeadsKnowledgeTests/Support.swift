import BeadsKnowledge
import BeadsStore
@_exported import BeadsTestSupport
import Foundation

enum Repository {
    /// The package root, found from this file's path.
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().path

    /// A scratch copy of the shipped knowledge base (docs/ and beads/ without the database).
    static func scratchKnowledgeBase() -> (TemporaryDirectory, KnowledgeBase) {
        let dir = TemporaryDirectory()
        let fm = FileManager.default
        try! fm.copyItem(atPath: root + "/docs", toPath: dir.path + "/docs")
        try! fm.createDirectory(atPath: dir.path + "/beads", withIntermediateDirectories: true)
        for file in ["issues.jsonl", "config.yaml"] {
            try! fm.copyItem(atPath: root + "/beads/" + file, toPath: dir.path + "/beads/" + file)
        }
        let kb = try! KnowledgeBase(location: KnowledgeBaseLocation(root: dir.path))
        return (dir, kb)
    }
}
