import ArgumentParser
import BeadsKnowledge
import BeadsRemedy
import BeadsStore
import Foundation

struct InitCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "init",
        abstract: "Make this folder a knowledge base: beads/ (config, JSONL, database) and docs/.")

    @Option(help: "Id prefix of new beads (mo gives mo-jgo).")
    var prefix = "bd"
    @Option(name: .customLong("kb"), help: ArgumentHelp("Folder to initialise (default: here).", valueName: "DIR"))
    var directory: String?

    func validate() throws {
        if !BeadID.isNewPrefix(prefix) {
            throw ValidationError("prefix must be lowercase letters and digits, starting with a letter")
        }
    }

    func run() async throws {
        let root = CommandContext.current.absolute(directory ?? ".")
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
                try
                    "# the database is a working copy, rebuilt from issues.jsonl and docs/\nbeads.db*\n# a writer that died before renaming its temporary file leaves one; the next write removes it\n.*.tmp\n"
                    .write(toFile: ignore, atomically: true, encoding: .utf8)
            }
        } catch {
            throw CommandFailure("cannot create the knowledge base in \(root): \(error.localizedDescription)")
        }
        let base = try KnowledgeBase(location: location, environment: CommandContext.current.environment)
        out.write(
            "Knowledge base ready in \(location.root) (prefix \(base.config.prefix)): beads/issues.jsonl, beads/config.yaml, docs/.\n")
        if let top = try await Self.gitTopLevel(of: location.root) {
            try await Self.registerMergeDriver(gitTop: top, jsonlPath: location.jsonlPath)
            out.write(
                "Registered the merge drivers (.gitattributes; git config merge.beads): beads/hits.jsonl merges as a union, beads/issues.jsonl through `beads merge`"
            )
            if let found = CommandLocator(environment: CommandContext.current.environment).find("beads") {
                out.write(", found on PATH at \(found).\n")
            } else {
                out.write(".\n")
                Terminal.standardError.write(
                    "warning: beads is not on PATH, so git cannot run the merge driver: merging issues.jsonl will fail until it is (put beads on PATH, or `git config merge.beads.driver '/full/path/to/beads merge %O %A %B'`).\n"
                )
            }
        }
    }

    static func git(_ arguments: [String], in directory: String) async throws -> ChildOutcome? {
        let env = CommandContext.current.environment
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
        let relative =
            resolvedJSONL.hasPrefix(resolvedTop + "/") ? String(resolvedJSONL.dropFirst(resolvedTop.count + 1)) : "beads/issues.jsonl"
        let attributes = gitTop + "/.gitattributes"
        // hits.jsonl only ever gains lines: git's own union driver merges two branches'
        // hits with no conflict, and needs no configuration.
        let hits = (relative as NSString).deletingLastPathComponent
        let lines = ["\(relative) merge=beads", "\(hits.isEmpty ? "" : hits + "/")hits.jsonl merge=union"]
        let existing = (try? String(contentsOfFile: attributes, encoding: .utf8)) ?? ""
        let present = Set(existing.split(separator: "\n").map { $0.trimmingCharacters(in: .whitespaces) })
        let missing = lines.filter { !present.contains($0) }
        if !missing.isEmpty {
            let text = existing + (existing.isEmpty || existing.hasSuffix("\n") ? "" : "\n") + missing.joined(separator: "\n") + "\n"
            do { try text.write(toFile: attributes, atomically: true, encoding: .utf8) } catch {
                throw CommandFailure("cannot write \(attributes): \(error.localizedDescription)")
            }
        }
        // `beads` as found on PATH when git merges, not this binary's path: a debug build
        // or a moved install would break every later merge.
        _ = try await git(["config", "merge.beads.name", "beads: merge issues.jsonl by bead id"], in: gitTop)
        _ = try await git(["config", "merge.beads.driver", "beads merge %O %A %B"], in: gitTop)
    }
}
