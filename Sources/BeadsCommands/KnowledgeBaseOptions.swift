import ArgumentParser
import BeadsKnowledge
import BeadsStore
import Foundation

/// `--kb DIR`, shared by every command that reads a knowledge base.
struct KnowledgeBaseOptions: ParsableArguments {
    @Option(
        name: .customLong("kb"),
        help: ArgumentHelp(
            "The knowledge base folder (the one holding beads/).",
            discussion: "Default: BEADS_DIR, else the nearest folder upward from here holding beads/.",
            valueName: "DIR"))
    var directory: String?
    @Option(
        help: ArgumentHelp(
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

    /// Where the knowledge base is; none found is a usage error (KnowledgeError says so).
    func location() throws(KnowledgeError) -> KnowledgeBaseLocation {
        try KnowledgeBaseLocation.find(
            explicit: directory, environment: CommandContext.current.environment,
            start: CommandContext.current.currentDirectory)
    }

    /// Opens the knowledge base, bringing the store up to date with the JSONL and docs.
    func open() throws(KnowledgeError) -> KnowledgeBase {
        let kb = try KnowledgeBase(location: try location(), actor: actor, environment: CommandContext.current.environment)
        for warning in kb.refresh.warnings { Terminal.standardError.write("warning: \(warning)\n") }
        return kb
    }

    /// The knowledge base, or nil when there is none here: for commands that also work
    /// without one (`safe-build`, `kaniko`, `run`). A knowledge base that is there but
    /// broken (a bad config.yaml, a damaged store) is still an error, not silence.
    func openIfPresent() throws(KnowledgeError) -> KnowledgeBase? {
        do {
            return try open()
        } catch {
            switch error {
            case .noKnowledgeBase: return nil
            default: throw error
            }
        }
    }
}

/// The bead with this id, or a failure that says there is none.
func requireBead(_ id: String, in base: KnowledgeBase) throws -> Bead {
    guard let bead = try base.store.bead(id) else {
        throw StoreError.beadNotFound(id)
    }
    return bead
}
