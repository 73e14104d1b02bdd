import BeadsMarkdown
import Foundation

extension DocLinter {
    /// Relative links whose file is missing, `#anchors` no heading generates (as GitHub
    /// makes them), and repository paths in inline code that are not in the repository.
    func links(in doc: ParsedDoc) -> [LintFinding] {
        var out: [LintFinding] = []
        let docDirectory = (doc.path as NSString).deletingLastPathComponent
        var anchorCache: [String: Set<String>] = [doc.path: Self.anchors(of: doc.root)]
        forEachInline(in: doc) { node, line in
            switch node.kind {
            case .link, .image:
                guard let destination = node.destination, !destination.isEmpty, !Self.isExternal(destination) else { return }
                let (file, fragment) = Self.split(destination)
                let target = file.isEmpty ? doc.path : resolve(file, from: docDirectory)
                if !file.isEmpty, !FileManager.default.fileExists(atPath: context.root + "/" + target) {
                    out.append(
                        LintFinding(
                            rule: .brokenLink, path: doc.path, line: line,
                            message:
                                "links to \(file), which is not in the repository (looked for \(target)): correct the path or drop the link"
                        ))
                    return
                }
                guard let fragment, !fragment.isEmpty, target.lowercased().hasSuffix(".md") else { return }
                if anchorCache[target] == nil {
                    let text = (try? String(contentsOfFile: context.root + "/" + target, encoding: .utf8)) ?? ""
                    anchorCache[target] = Self.anchors(of: MarkdownParser.parse(FrontMatterSplit.split(text).body))
                }
                let decoded = fragment.removingPercentEncoding ?? fragment
                if !(anchorCache[target] ?? []).contains(decoded.lowercased()) {
                    let near = Self.nearest(decoded.lowercased(), in: anchorCache[target] ?? [])
                    out.append(
                        LintFinding(
                            rule: .brokenAnchor, path: doc.path, line: line,
                            message:
                                "#\(fragment) matches no heading in \(file.isEmpty ? "this doc" : target)\(near.map { "; did you mean #\($0)?" } ?? "")"
                        ))
                }
            case .code:
                guard let literal = node.literal, Self.looksLikeRepositoryPath(literal) else { return }
                let candidates = [resolve(literal, from: docDirectory), literal]
                guard !candidates.contains(where: { FileManager.default.fileExists(atPath: context.root + "/" + $0) }) else { return }
                out.append(
                    LintFinding(
                        rule: .missingFile, path: doc.path, line: line,
                        message: "`\(literal)` is not in the repository: add it, correct the path, or say where it lives"))
            default:
                return
            }
        }
        return out
    }

    /// Visits links, images and inline code with the source line each is on.
    /// cmark gives positions to blocks only, so the line is found in the block's source.
    func forEachInline(in doc: ParsedDoc, _ visit: (MarkdownNode, Int) -> Void) {
        func lineOf(_ needle: String, from start: Int, to end: Int, after used: inout [String: Int]) -> Int {
            let first = max(start, used[needle].map { $0 } ?? start)
            for line in first...max(first, min(end, doc.lines.count)) where doc.lines.indices.contains(line - 1) {
                if doc.lines[line - 1].contains(needle) {
                    used[needle] = line
                    return line
                }
            }
            return start
        }
        func inlines(_ node: MarkdownNode, block: MarkdownNode, used: inout [String: Int]) {
            switch node.kind {
            case .link, .image:
                visit(node, lineOf(node.destination ?? "", from: block.startLine, to: block.endLine, after: &used))
            case .code:
                visit(node, lineOf(node.literal ?? "", from: block.startLine, to: block.endLine, after: &used))
            default:
                break
            }
            for child in node.children { inlines(child, block: block, used: &used) }
        }
        doc.root.walk { node in
            switch node.kind {
            case .paragraph, .heading, .tableRow:
                var used: [String: Int] = [:]
                for child in node.children { inlines(child, block: node, used: &used) }
                return .skipChildren
            case .codeBlock, .htmlBlock:
                return .skipChildren
            default:
                return .descend
            }
        }
    }

    func resolve(_ path: String, from directory: String) -> String {
        if path.hasPrefix("/") { return String(path.drop { $0 == "/" }) }
        let joined = directory.isEmpty ? path : directory + "/" + path
        var parts: [Substring] = []
        for part in joined.split(separator: "/") {
            if part == "." { continue }
            if part == "..", !parts.isEmpty {
                parts.removeLast()
                continue
            }
            parts.append(part)
        }
        return parts.joined(separator: "/")
    }

    static func anchors(of root: MarkdownNode) -> Set<String> {
        var generator = HeadingAnchorGenerator()
        var out: Set<String> = []
        root.walk { node in
            if node.kind == .heading { out.insert(generator.anchor(for: node.plainText.trimmingCharacters(in: .whitespaces))) }
            return node.kind == .heading ? .skipChildren : .descend
        }
        return out
    }

    static func isExternal(_ destination: String) -> Bool {
        destination.hasPrefix("//") || destination.range(of: "^[A-Za-z][A-Za-z0-9+.-]*:", options: .regularExpression) != nil
    }

    static func split(_ destination: String) -> (String, String?) {
        guard let hash = destination.firstIndex(of: "#") else { return (destination, nil) }
        return (String(destination[..<hash]), String(destination[destination.index(after: hash)...]))
    }

    /// `k8s/kaniko/README.md`, `scripts/build.sh`, `./run.sh`: a folder and a file with an
    /// extension, relative. Not image names (`ghcr.io/x/y`), actions (`a/b@v5`), absolute
    /// or home paths, globs or variables.
    static func looksLikeRepositoryPath(_ text: String) -> Bool {
        guard text.contains("/"), !text.hasPrefix("/"), !text.hasPrefix("~"),
            text.rangeOfCharacter(from: CharacterSet(charactersIn: " @:*$<>{}?=,")) == nil
        else { return false }
        let parts = text.split(separator: "/")
        guard let first = parts.first, let last = parts.last, parts.count >= 2 || text.hasPrefix("./") else { return false }
        if first.contains("."), first != ".", first != "..", !first.hasPrefix(".") { return false }
        guard let dot = last.lastIndex(of: "."), dot != last.startIndex else { return false }
        let ext = last[last.index(after: dot)...]
        return (1...5).contains(ext.count) && ext.allSatisfy { $0.isLetter || $0.isNumber }
    }

    static func nearest(_ anchor: String, in anchors: Set<String>) -> String? {
        anchors.min { editDistance($0, anchor) < editDistance($1, anchor) }
            .flatMap { editDistance($0, anchor) <= max(2, anchor.count / 3) ? $0 : nil }
    }

    static func editDistance(_ a: String, _ b: String) -> Int {
        let a = Array(a), b = Array(b)
        var row = Array(0...b.count)
        for i in 1...max(a.count, 1) where !a.isEmpty {
            var previous = row[0]
            row[0] = i
            for j in stride(from: 1, through: b.count, by: 1) {
                let current = row[j]
                row[j] = min(row[j] + 1, row[j - 1] + 1, previous + (a[i - 1] == b[j - 1] ? 0 : 1))
                previous = current
            }
        }
        return a.isEmpty ? b.count : row[b.count]
    }
}
