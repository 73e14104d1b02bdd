import Foundation

/// Who a change is recorded as (history, `created_by`, claims, comments, recipe runs):
/// one rule for every command, bd's order. `--actor`, then BEADS_ACTOR or BD_ACTOR,
/// then git's `user.name` for the knowledge base's repository, then USER (LOGNAME).
/// An empty value counts as unset.
public enum ActorIdentity {
    public static func resolve(explicit: String?, environment: [String: String], repositoryRoot: String?) -> String {
        func set(_ value: String?) -> String? {
            guard let value = value?.trimmingCharacters(in: .whitespaces), !value.isEmpty else { return nil }
            return value
        }
        return set(explicit)
            ?? set(environment["BEADS_ACTOR"]) ?? set(environment["BD_ACTOR"])
            ?? set(gitUserName(repositoryRoot: repositoryRoot, environment: environment))
            ?? set(environment["USER"]) ?? set(environment["LOGNAME"])
            ?? "unknown"
    }

    /// `user.name` as git would answer it, read from the config files rather than by
    /// starting git: the repository's own config wins over the global ones. Includes
    /// are not followed (an included name is missed, and USER is used instead).
    static func gitUserName(repositoryRoot: String?, environment: [String: String]) -> String? {
        var files: [String] = []
        if let root = repositoryRoot, let gitDir = gitDirectory(above: root) { files.append(gitDir + "/config") }
        if let global = environment["GIT_CONFIG_GLOBAL"], !global.isEmpty {
            files.append(global)
        } else {
            if let home = environment["HOME"], !home.isEmpty { files.append(home + "/.gitconfig") }
            let xdg = environment["XDG_CONFIG_HOME"].flatMap { $0.isEmpty ? nil : $0 } ?? environment["HOME"].map { $0 + "/.config" }
            if let xdg { files.append(xdg + "/git/config") }
        }
        for file in files {
            if let text = try? String(contentsOfFile: file, encoding: .utf8), let name = userName(inGitConfig: text) { return name }
        }
        return nil
    }

    /// The last `name` under `[user]` (git's last-one-wins within a file).
    static func userName(inGitConfig text: String) -> String? {
        var inUser = false
        var found: String?
        for raw in text.split(whereSeparator: \.isNewline) {
            let line = raw.trimmingCharacters(in: .whitespaces)
            if line.hasPrefix("[") {
                inUser = line.lowercased().hasPrefix("[user]")
                continue
            }
            guard inUser, let equals = line.firstIndex(of: "="),
                line[..<equals].trimmingCharacters(in: .whitespaces).lowercased() == "name"
            else { continue }
            var value = line[line.index(after: equals)...].trimmingCharacters(in: .whitespaces)
            if value.count >= 2, value.hasPrefix("\""), value.hasSuffix("\"") { value = String(value.dropFirst().dropLast()) }
            found = value
        }
        return found
    }

    /// The `.git` folder of the repository holding `path` (a `.git` file of a worktree
    /// or submodule names it with `gitdir:`).
    static func gitDirectory(above path: String) -> String? {
        var current = (path as NSString).standardizingPath
        while true {
            let candidate = current + "/.git"
            var isDir: ObjCBool = false
            if FileManager.default.fileExists(atPath: candidate, isDirectory: &isDir) {
                if isDir.boolValue { return candidate }
                if let text = try? String(contentsOfFile: candidate, encoding: .utf8),
                    let line = text.split(separator: "\n").first(where: { $0.hasPrefix("gitdir:") })
                {
                    let dir = line.dropFirst("gitdir:".count).trimmingCharacters(in: .whitespaces)
                    // A worktree's own config is shared with the main repository's.
                    let resolved = dir.hasPrefix("/") ? dir : current + "/" + dir
                    let common = (try? String(contentsOfFile: resolved + "/commondir", encoding: .utf8))?
                        .trimmingCharacters(in: .whitespacesAndNewlines)
                    if let common { return common.hasPrefix("/") ? common : resolved + "/" + common }
                    return resolved
                }
                return nil
            }
            let parent = (current as NSString).deletingLastPathComponent
            if parent == current || parent.isEmpty { return nil }
            current = parent
        }
    }
}
