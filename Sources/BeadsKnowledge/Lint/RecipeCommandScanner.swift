import Foundation

/// The commands a shell recipe calls: the first word of each simple command, after
/// variable assignments and keywords, with the script line it is on. A reader for
/// lint, not a shell parser: heredoc bodies are skipped, quoting is honoured for the
/// separators that matter (`|`, `;`, `&&`, `||`, `(`, `)`).
public enum RecipeCommandScanner {
    public struct Call: Sendable, Equatable {
        /// 1-based line within the script.
        public var line: Int
        public var command: String
        /// The word after the command (`beads safe-build` → `safe-build`).
        public var firstArgument: String?
    }

    static let keywords: Set<String> = [
        "if", "then", "else", "elif", "fi", "for", "in", "do", "done", "while", "until",
        "case", "esac", "function", "{", "}", "!", "time", "[[", "]]", "select",
    ]
    public static let builtins: Set<String> = [
        "echo", "printf", "cd", "export", "set", "unset", "test", "[", "read", "local", "return", "exit", "source", ".",
        "true", "false", "shift", "eval", "exec", "trap", "wait", "command", "type", "pwd", "umask", "alias", "declare",
        "readonly", "let", "break", "continue", "getopts", "hash", "kill", "ulimit", "pushd", "popd", ":", "builtin",
    ]
    /// Words that run the next word as the command.
    static let wrappers: Set<String> = ["sudo", "env", "nohup", "exec", "command", "xargs", "timeout", "nice"]

    public static func calls(in script: String) -> [Call] {
        var calls: [Call] = []
        var heredocEnd: String?
        var pending = ""
        var pendingLine = 0
        for (k, raw) in script.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let line = String(raw)
            if let end = heredocEnd {
                if line.trimmingCharacters(in: .whitespaces) == end { heredocEnd = nil }
                continue
            }
            if pending.isEmpty { pendingLine = k + 1 }
            if line.hasSuffix("\\") {
                pending += String(line.dropLast()) + " "
                continue
            }
            let full = pending + line
            pending = ""
            if let marker = full.range(of: #"<<-?\s*['"]?([A-Za-z_]+)['"]?"#, options: .regularExpression) {
                heredocEnd = String(full[marker]).trimmingCharacters(in: CharacterSet(charactersIn: "<-'\" "))
            }
            for segment in segments(of: full) {
                if let call = firstCommand(in: segment, line: pendingLine) { calls.append(call) }
            }
        }
        return calls
    }

    /// Splits a line into simple commands, ignoring separators inside quotes, and drops
    /// a trailing comment.
    static func segments(of line: String) -> [String] {
        var out: [String] = []
        var current = ""
        var quote: Character?
        var previous: Character = " "
        let chars = Array(line)
        for (k, ch) in chars.enumerated() {
            let next: Character? = k + 1 < chars.count ? chars[k + 1] : nil
            if let q = quote {
                current.append(ch)
                if ch == q { quote = nil }
            } else if ch == "'" || ch == "\"" {
                quote = ch
                current.append(ch)
            } else if ch == "#", previous == " " || previous == "\t" || current.isEmpty {
                break
            } else if ch == "&", previous == ">" || previous == "<" || next == ">" {
                // A redirection (`>&2`, `2>&1`, `&>file`), not a separator.
                current.append(ch)
            } else if ch == "|" || ch == ";" || ch == "&" || ch == "(" || ch == ")" || ch == "`" {
                out.append(current)
                current = ""
            } else {
                current.append(ch)
            }
            previous = ch
        }
        out.append(current)
        return out.filter { !$0.trimmingCharacters(in: .whitespaces).isEmpty }
    }

    static func firstCommand(in segment: String, line: Int) -> Call? {
        var words = segment.split(whereSeparator: { $0 == " " || $0 == "\t" }).map(String.init)[...]
        while let word = words.first {
            let isAssignment = word.range(of: "^[A-Za-z_][A-Za-z0-9_]*=", options: .regularExpression) != nil
            if isAssignment || keywords.contains(word) || (wrappers.contains(word) && words.count > 1) {
                words = words.dropFirst()
                // Options of a wrapper (`sudo -E cmd`, `timeout 30 cmd`) are not the command.
                if wrappers.contains(word) {
                    while let next = words.first, next.hasPrefix("-") || Int(next) != nil { words = words.dropFirst() }
                }
                continue
            }
            break
        }
        guard let command = words.first else { return nil }
        // Variables, quoted words and redirections name no command we can check.
        if command.hasPrefix("$") || command.hasPrefix("\"") || command.hasPrefix("'") || command.hasPrefix(">")
            || command.hasPrefix("<") || command.first?.isNumber == true && command.contains(">") || command.hasSuffix(")")
        {
            return nil
        }
        return Call(line: line, command: command, firstArgument: words.dropFirst().first)
    }
}

extension DocLinter {
    /// Recipe blocks that call a command that is not a shell builtin, not on PATH, not a
    /// file in the repository and not declared in the recipe's `requires=`.
    func recipeCommands(in doc: ParsedDoc) -> [LintFinding] {
        var out: [LintFinding] = []
        for recipe in doc.indexed.recipes {
            let declared = Set((recipe.attributes["requires"] ?? "").split(separator: ",").map(String.init))
            var reported: Set<String> = []
            for call in RecipeCommandScanner.calls(in: recipe.body) {
                let line = recipe.line + call.line
                if call.command == "beads" {
                    if let sub = call.firstArgument, !sub.hasPrefix("-"), !context.beadsSubcommands.isEmpty,
                        !context.beadsSubcommands.contains(sub), reported.insert("beads " + sub).inserted
                    {
                        out.append(
                            LintFinding(
                                rule: .unknownCommand, path: doc.path, line: line,
                                message:
                                    "recipe \(recipe.name) calls `beads \(sub)`, which is not a beads command (`beads --help` lists them)"))
                    }
                    continue
                }
                guard !RecipeCommandScanner.builtins.contains(call.command), !declared.contains(call.command),
                    !exists(call.command, near: doc.path), reported.insert(call.command).inserted
                else { continue }
                out.append(
                    LintFinding(
                        rule: .unknownCommand, path: doc.path, line: line,
                        message:
                            "recipe \(recipe.name) calls `\(call.command)`, which is not on PATH, not a file in the repository and not in its requires=: correct the name or add it to requires="
                    ))
            }
        }
        return out
    }

    func exists(_ command: String, near docPath: String) -> Bool {
        guard command.contains("/") else { return context.commandExists(command) }
        if command.hasPrefix("/") { return context.commandExists(command) }
        let directory = (docPath as NSString).deletingLastPathComponent
        return [command, resolve(command, from: directory)].contains { FileManager.default.fileExists(atPath: context.root + "/" + $0) }
    }
}
