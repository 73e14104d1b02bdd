import ArgumentParser
import BeadsKnowledge
import BeadsStore

struct UpdateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "update",
        abstract: "Change a bead's status, priority, type, title, description, assignee or labels.")

    @OptionGroup var kb: KnowledgeBaseOptions
    @Argument(help: "The bead id.")
    var id: String
    @Option(
        name: [.customShort("s"), .long], help: "New status: open, in_progress, blocked, deferred, closed, pinned, hooked.",
        transform: BeadArguments.status)
    var status: BeadStatus?
    @Option(
        name: [.customShort("p"), .long], help: "New priority: 0 (critical) to 4 (backlog), as 1 or P1.",
        transform: BeadArguments.priority)
    var priority: Int?
    @Option(name: [.customShort("t"), .long], help: "New issue type (bd's names and aliases).")
    var type: String?
    @Option(help: "New title.")
    var title: String?
    @Option(name: [.customShort("d"), .long], help: "New description.")
    var description: String?
    @Option(help: "New assignee (empty to clear).")
    var assignee: String?
    @Option(name: .customLong("add-label"), help: "Add a label (repeatable).")
    var addLabels: [String] = []
    @Option(name: .customLong("remove-label"), help: "Remove a label (repeatable).")
    var removeLabels: [String] = []
    @Flag(help: "Take the bead: assign it to you and set in_progress, unless someone else holds it.")
    var claim = false
    @Flag(help: "Print the updated bead as JSON.")
    var json = false

    func validate() throws {
        if claim, assignee != nil || status != nil { throw ValidationError("--claim sets the assignee and status itself") }
        if !claim, status == nil, priority == nil, type == nil, title == nil, description == nil, assignee == nil, addLabels.isEmpty,
            removeLabels.isEmpty
        {
            throw ValidationError(
                "nothing to change: give --status, --priority, --type, --title, --description, --assignee, --add-label or --remove-label")
        }
    }

    func run() throws {
        let base = try kb.open()
        let now = Timestamp.now()
        let issueType = try type.map { try BeadArguments.issueType($0, in: base) }
        let bead = try base.store.update(id) { bead throws(StoreError) in
            if claim { try bead.claim(by: base.store.actor, at: now) }
            if let status { bead.setStatus(status, at: now) }
            if let priority { bead.priority = priority }
            if let issueType { bead.issueType = issueType }
            if let title { bead.title = title }
            if let description { bead.description = description }
            if let assignee { bead.assignee = assignee.isEmpty ? nil : assignee }
            for label in addLabels where !bead.labels.contains(label) { bead.labels.append(label) }
            bead.labels.removeAll { removeLabels.contains($0) }
        }
        let out = Terminal.standardOutput
        out.write(
            json
                ? bead.jsonValue.prettyEncoded() + "\n"
                : "Updated \(bead.id): \(bead.status.rawValue) · P\(bead.priority) · \(bead.title)\n")
    }
}
