import ArgumentParser
import BeadsKnowledge
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

struct InitCommand: ParsableCommand {
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

    func run() throws {
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
                try "# the database is a working copy, rebuilt from issues.jsonl and docs/\nbeads.db*\n".write(toFile: ignore, atomically: true, encoding: .utf8)
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
    }
}
