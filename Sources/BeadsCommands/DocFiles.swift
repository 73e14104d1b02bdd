import BeadsCore
import BeadsKnowledge
import Foundation

/// How the doc commands name and read docs: relative to the knowledge base root when
/// they are inside it (`docs/x.md`), absolute otherwise.
enum DocFiles {
    /// The doc a command-line path names (from the working folder, else from the
    /// knowledge base root), or nil if there is no such file.
    static func relative(_ path: String, in base: KnowledgeBase) -> String? {
        guard !path.isEmpty else { return nil }
        let cwd = CommandContext.current.currentDirectory
        let root = base.location.root + "/"
        for candidate in [path.hasPrefix("/") ? path : cwd + "/" + path, root + path] {
            let standard = (candidate as NSString).standardizingPath
            guard FileManager.default.fileExists(atPath: standard) else { continue }
            return standard.hasPrefix(root) ? String(standard.dropFirst(root.count)) : standard
        }
        return nil
    }

    /// The docs named on the command line, or every doc under docs/ when none is.
    static func resolve(_ paths: [String], in base: KnowledgeBase) throws -> [String] {
        if paths.isEmpty { return base.docPaths() }
        return try paths.map { path in
            guard let doc = relative(path, in: base) else { throw CommandFailure("\(path): no such file") }
            return doc
        }
    }

    static func absolute(_ doc: String, in base: KnowledgeBase) -> String { base.absoluteDocPath(doc) }

    static func read(_ doc: String, in base: KnowledgeBase) throws -> String { try base.readDoc(doc) }
}
