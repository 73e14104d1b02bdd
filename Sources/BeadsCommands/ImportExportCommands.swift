import ArgumentParser
import BeadsKnowledge
import BeadsRemedy
import BeadsStore
import Foundation

struct ImportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import",
        abstract: "Import beads from a bd JSONL file (all of it, or nothing if a line is bad).",
        discussion: "Beads with a known id are replaced; every key, known or not, is kept.")

    @OptionGroup var kb: KnowledgeBaseOptions
    @Argument(help: "A bd JSONL file (e.g. .beads/issues.jsonl).")
    var file: String
    @Flag(help: "Print the counts as JSON.")
    var json = false

    func run() throws {
        let base = try kb.open()
        let beads = try storeCall { () throws(StoreError) in try JSONLFile.read(path: file, now: Timestamp.now()) }
        let counts = try storeCall { () throws(StoreError) in try base.store.upsert(beads) }
        let out = Terminal.standardOutput
        if json {
            out.write(JSONValue.object([("created", JSONValue(counts.created)), ("updated", JSONValue(counts.updated)),
                                        ("unchanged", JSONValue(counts.unchanged))]).prettyEncoded() + "\n")
        } else {
            out.write("Imported \(beads.count) beads from \(file): \(counts.created) new, \(counts.updated) updated, \(counts.unchanged) unchanged.\n")
        }
    }
}

struct ExportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export",
        abstract: "Write every bead as bd JSONL, sorted by id.")

    @OptionGroup var kb: KnowledgeBaseOptions
    @Option(name: [.customShort("o"), .long], help: "Write to this file (atomically) instead of standard output.")
    var output: String?

    func run() throws {
        let base = try kb.open()
        let text = try storeCall { () throws(StoreError) in try base.store.exportText() }
        if let output {
            try storeCall { () throws(StoreError) in try JSONLFile.writeAtomically(text, to: output) }
        } else {
            Terminal.standardOutput.write(text)
        }
    }
}

struct InitCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "init",
        abstract: "Make this folder a knowledge base: beads/ (config, JSONL, database) and docs/.")

    @Option(help: "Id prefix of new beads (mo gives mo-jgo).")
    var prefix = "bd"
    @Option(name: .customLong("kb"), help: ArgumentHelp("Folder to initialise (default: here).", valueName: "DIR"))
    var directory: String?

    func validate() throws {
        if prefix.range(of: "^[a-z][a-z0-9]*$", options: .regularExpression) == nil {
            throw ValidationError("prefix must be lowercase letters and digits, starting with a letter")
        }
    }

    func run() async throws {
        let root = directory ?? FileManager.default.currentDirectoryPath
        let location = KnowledgeBaseLocation(root: root)
        let fm = FileManager.default
        let out = Terminal.standardOutput
        do {
            try fm.createDirectory(atPath: location.beadsDirectory, withIntermediateDirectories: true)
            try fm.createDirectory(atPath: location.docsDirectory, withIntermediateDirectories: true)
            if fm.fileExists(atPath: location.configPath) {
                let existing = try? KnowledgeBaseConfig.load(path: location.configPath)
                out.write("\(location.configPath) exists (prefix \(existing?.prefix ?? "?")); left as it is.\n")
            } else {
                try KnowledgeBaseConfig(prefix: prefix).yaml().write(toFile: location.configPath, atomically: true, encoding: .utf8)
            }
            let ignore = location.beadsDirectory + "/.gitignore"
            if !fm.fileExists(atPath: ignore) {
                try "# the database is a working copy, rebuilt from issues.jsonl and docs/\nbeads.db*\n# a writer that died before renaming its temporary file leaves one; the next write removes it\n.*.tmp\n".write(toFile: ignore, atomically: true, encoding: .utf8)
            }
        } catch {
            throw CommandFailure("cannot create the knowledge base in \(root): \(error.localizedDescription)")
        }
        do {
            let base = try KnowledgeBase(location: location)
            out.write("Knowledge base ready in \(location.root) (prefix \(base.config.prefix)): beads/issues.jsonl, beads/config.yaml, docs/.\n")
        } catch {
            throw CommandFailure(error.description)
        }
        if let top = try await Self.gitTopLevel(of: location.root) {
            try await Self.registerMergeDriver(gitTop: top, jsonlPath: location.jsonlPath)
            out.write("Registered the merge driver for beads/issues.jsonl (.gitattributes and git config merge.beads).\n")
        }
    }

    static func git(_ arguments: [String], in directory: String) async throws -> ChildOutcome? {
        let env = ProcessInfo.processInfo.environment
        guard let git = CommandLocator(environment: env).find("git") else { return nil }
        return try await ChildProcess(executable: git, arguments: arguments, environment: env, workingDirectory: directory).run { _, _ in }
    }

    static func gitTopLevel(of directory: String) async throws -> String? {
        guard let outcome = try await git(["rev-parse", "--show-toplevel"], in: directory), outcome.exitCode == 0 else { return nil }
        return outcome.output.trimmingCharacters(in: .whitespacesAndNewlines)
    }

    /// `.gitattributes` names the driver for the JSONL; the repository's git config says
    /// how to run it (config is local to a clone, so each clone runs `beads init` once).
    static func registerMergeDriver(gitTop: String, jsonlPath: String) async throws {
        let resolvedTop = (gitTop as NSString).resolvingSymlinksInPath
        let resolvedJSONL = (jsonlPath as NSString).resolvingSymlinksInPath
        let relative = resolvedJSONL.hasPrefix(resolvedTop + "/") ? String(resolvedJSONL.dropFirst(resolvedTop.count + 1)) : "beads/issues.jsonl"
        let attributes = gitTop + "/.gitattributes"
        let line = "\(relative) merge=beads"
        let existing = (try? String(contentsOfFile: attributes, encoding: .utf8)) ?? ""
        if !existing.split(separator: "\n").contains(where: { $0.trimmingCharacters(in: .whitespaces) == line }) {
            let text = existing + (existing.isEmpty || existing.hasSuffix("\n") ? "" : "\n") + line + "\n"
            do { try text.write(toFile: attributes, atomically: true, encoding: .utf8) } catch {
                throw CommandFailure("cannot write \(attributes): \(error.localizedDescription)")
            }
        }
        let binary = RecipeExecution.ownDirectory.map { $0 + "/beads" } ?? "beads"
        _ = try await git(["config", "merge.beads.name", "beads: merge issues.jsonl by bead id"], in: gitTop)
        _ = try await git(["config", "merge.beads.driver", "\(binary) merge %O %A %B"], in: gitTop)
    }
}
