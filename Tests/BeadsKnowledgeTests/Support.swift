import BeadsKnowledge
import BeadsStore
@_exported import BeadsTestSupport
import Foundation

enum Repository {
    /// The package root, found from this file's path.
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .path

    /// Other teams' runbooks and beads (Tests/BeadsKnowledgeTests/TeamKB).
    static let teamKnowledgeBase = root + "/Tests/BeadsKnowledgeTests/TeamKB"
    static let heldOutKnowledgeBase = root + "/Tests/BeadsKnowledgeTests/HeldOutKB"

    /// A scratch copy of a knowledge base (docs/ and beads/ without the database): the
    /// shipped one unless another folder is named.
    static func scratchKnowledgeBase(from source: String = root) -> (TemporaryDirectory, KnowledgeBase) {
        let dir = TemporaryDirectory()
        let fm = FileManager.default
        try! fm.copyItem(atPath: source + "/docs", toPath: dir.path + "/docs")
        try! fm.createDirectory(atPath: dir.path + "/beads", withIntermediateDirectories: true)
        for file in ["issues.jsonl", "config.yaml"] {
            try! fm.copyItem(atPath: source + "/beads/" + file, toPath: dir.path + "/beads/" + file)
        }
        let kb = try! KnowledgeBase(location: KnowledgeBaseLocation(root: dir.path))
        return (dir, kb)
    }
}
