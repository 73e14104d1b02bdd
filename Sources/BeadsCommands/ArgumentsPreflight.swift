import ArgumentParser

/// What is settled about a command line before ArgumentParser reads it: `--kb DIR` and
/// `--actor NAME` given before the subcommand move after it (they belong to every
/// command that opens a knowledge base), and a mistyped subcommand gets a suggestion instead of a bare
/// "unexpected argument".
enum ArgumentsPreflight {
    /// The arguments with a leading `--kb DIR` (or `--kb=DIR`) moved behind the
    /// subcommand path, or a usage failure for a subcommand name that does not exist.
    static func prepare(_ arguments: [String], root: ParsableCommand.Type) throws -> [String] {
        var rest = arguments
        var hoisted: [String] = []
        var level = root
        var index = 0
        var path: [String] = []
        while index < rest.count {
            let token = rest[index]
            if token == "--kb" || token == "--actor" {
                hoisted += rest[index..<min(index + 2, rest.count)]
                rest.removeSubrange(index..<min(index + 2, rest.count))
                continue
            }
            if token.hasPrefix("--kb=") || token.hasPrefix("--actor=") {
                hoisted.append(token)
                rest.remove(at: index)
                continue
            }
            guard let next = subcommand(named: token, of: level) else { break }
            level = next
            path.append(token)
            index += 1
        }
        if index < rest.count, let token = Optional(rest[index]), !token.hasPrefix("-"), token != "help",
            !level.configuration.subcommands.isEmpty, level.configuration.defaultSubcommand == nil
        {
            let names = level.configuration.subcommands.compactMap { $0.configuration.commandName }
            let command = (["beads"] + path).joined(separator: " ")
            var message = "'\(token)' is not a \(command) command."
            if let guess = closest(to: token, among: names) { message += " Did you mean '\(guess)'?" }
            message += " See '\(command) --help' for the commands."
            throw CommandFailure.usage(message)
        }
        rest.insert(contentsOf: hoisted, at: index)
        return rest
    }

    static func subcommand(named name: String, of command: ParsableCommand.Type) -> ParsableCommand.Type? {
        command.configuration.subcommands.first {
            $0.configuration.commandName == name || $0.configuration.aliases.contains(name)
        }
    }

    /// The name a typo most likely meant: within two edits, or the only one it begins.
    static func closest(to typo: String, among names: [String]) -> String? {
        let scored = names.map { (name: $0, distance: editDistance(typo.lowercased(), $0)) }
        if let best = scored.min(by: { $0.distance < $1.distance }), best.distance <= min(2, max(1, typo.count / 2)) {
            return best.name
        }
        let prefixed = names.filter { $0.hasPrefix(typo.lowercased()) }
        return prefixed.count == 1 ? prefixed[0] : nil
    }

    static func editDistance(_ a: String, _ b: String) -> Int {
        let a = Array(a), b = Array(b)
        var previous = Array(0...b.count)
        for i in 1...max(a.count, 1) where !a.isEmpty {
            var current = [i] + Array(repeating: 0, count: b.count)
            for j in 1...max(b.count, 1) where !b.isEmpty {
                current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1))
            }
            previous = current
        }
        return a.isEmpty ? b.count : previous[b.count]
    }
}
