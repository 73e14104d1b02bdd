import ArgumentParser
import BeadsKnowledge
import BeadsStore
import Foundation

struct CreateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "create",
        abstract: "Create a bead with a hash id (prefix from beads/config.yaml).")

    @OptionGroup var kb: KnowledgeBaseOptions
    @Argument(help: "The bead's title.")
    var title: String
    @Option(name: [.customShort("d"), .long], help: "Description.")
    var description: String = ""
    @Option(name: [.customShort("p"), .long], help: "Priority 0 (critical) to 4 (backlog).")
    var priority = 2
    @Option(name: [.customShort("t"), .long], help: "Issue type: bug, feature, task, epic, chore.")
    var type = "task"
    @Option(name: [.customShort("l"), .long], help: "Labels, comma-separated.")
    var labels: String?
    @Option(help: "Who works on it.")
    var assignee: String?
    @Option(help: "Use this id instead of a generated one.")
    var id: String?
    @Flag(help: "Print the new bead as JSON.")
    var json = false

    func validate() throws {
        try PriorityCheck.validate(priority)
        if title.trimmingCharacters(in: .whitespaces).isEmpty { throw ValidationError("the title must not be empty") }
        if let id, !BeadID.isWellFormed(id) {
            throw ValidationError("\(id) is not a bead id: write PREFIX-HASH, e.g. mo-3t8p")
        }
    }

    func run() throws {
        let base = try kb.open()
        let now = Timestamp.now()
        let creator = ProcessInfo.processInfo.environment["BEADS_ACTOR"] ?? ProcessInfo.processInfo.environment["USER"] ?? "beads"
        let taken = try storeCall { () throws(StoreError) in try base.store.allBeadIDs() }
        let newID = id ?? BeadID.fresh(prefix: base.config.prefix, title: title, description: description,
                                       creator: creator, createdAt: now, taken: taken)
        let bead = Bead(
            id: newID, title: title, description: description, priority: priority, issueType: type,
            assignee: assignee, labels: Self.labels(labels), createdAt: now, updatedAt: now,
            extra: [("created_by", .string(creator))])
        try storeCall { () throws(StoreError) in try base.store.insert(bead) }
        let out = Terminal.standardOutput
        out.write(json ? bead.jsonValue.prettyEncoded() + "\n" : "Created \(bead.id): \(bead.title)\n")
    }

    static func labels(_ text: String?) -> [String] {
        (text ?? "").split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
    }
}
