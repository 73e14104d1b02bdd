import ArgumentParser
import BeadsKnowledge
import BeadsStore
import Foundation

/// `--kb DIR`, shared by every command that reads a knowledge base.
struct KnowledgeBaseOptions: ParsableArguments {
    @Option(name: .customLong("kb"), help: ArgumentHelp(
        "The knowledge base folder (the one holding beads/).",
        discussion: "Default: BEADS_DIR, else the nearest folder upward from here holding beads/.",
        valueName: "DIR"))
    var directory: String?
    @Option(help: ArgumentHelp(
        "Who changes are recorded as.",
        discussion: "Default: BEADS_ACTOR or BD_ACTOR, else git's user.name, else USER.",
        valueName: "NAME"))
    var actor: String?

    /// These options as they would be typed again (for commands beads suggests).
    var repeated: String {
        (directory.map { " --kb " + ShellWords.quote($0) } ?? "") + (actor.map { " --actor " + ShellWords.quote($0) } ?? "")
    }

    func validate() throws {
        if let directory, directory.trimmingCharacters(in: .whitespaces).isEmpty {
            throw ValidationError("--kb needs a folder; leave it out to find the knowledge base upward from here")
        }
    }

    func location() throws -> KnowledgeBaseLocation {
        do {
            return try KnowledgeBaseLocation.find(
                explicit: directory, environment: ProcessInfo.processInfo.environment,
                start: FileManager.default.currentDirectoryPath)
        } catch {
            // Not a failure of the command but of where it was run: a usage error.
            throw CommandFailure.usage(error.description)
        }
    }

    /// Opens the knowledge base, bringing the store up to date with the JSONL and docs.
    func open() throws -> KnowledgeBase {
        let location = try location()
        do {
            let kb = try KnowledgeBase(location: location, actor: actor)
            for warning in kb.refresh.warnings { Terminal.standardError.write("warning: \(warning)\n") }
            return kb
        } catch {
            throw CommandFailure(error.description)
        }
    }
}

/// Runs a store call, turning its typed error into a message and exit 1.
func storeCall<T>(_ body: () throws(StoreError) -> T) throws -> T {
    do {
        return try body()
    } catch {
        throw CommandFailure(error.description)
    }
}

/// The bead with this id, or a failure that says there is none.
func requireBead(_ id: String, in base: KnowledgeBase) throws -> Bead {
    guard let bead = try storeCall({ () throws(StoreError) in try base.store.bead(id) }) else {
        throw CommandFailure(StoreError.beadNotFound(id).description)
    }
    return bead
}
