import ArgumentParser
import BeadsStore

struct ListCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "list",
        abstract: "List beads, open ones by default, most urgent first.")

    @OptionGroup var kb: KnowledgeBaseOptions
    @Option(
        name: [.customShort("s"), .long], help: "Only this status (open, in_progress, blocked, deferred, closed, pinned, hooked).",
        transform: BeadArguments.statusFilter)
    var status: BeadStatus?
    @Flag(name: [.customShort("a"), .long], help: "Include closed beads.")
    var all = false
    @Option(name: [.customShort("p"), .long], help: "Only this priority (0-4, or P0-P4).", transform: BeadArguments.priority)
    var priority: Int?
    @Option(name: [.customShort("t"), .long], help: "Only this issue type (bd's names; aliases such as enhancement or feat work too).")
    var type: String?
    @Option(name: [.customShort("l"), .long], help: "Only beads with this label.")
    var label: String?
    @Option(help: "Only beads assigned to this person.")
    var assignee: String?
    @Option(name: .customLong("text"), help: "Only beads whose title, description or id contains this.")
    var text: String?
    @Option(
        help: ArgumentHelp(
            "Order by priority (default), created, updated, closed, status, id, title, type or assignee; dates newest first.",
            valueName: "FIELD"))
    var sort: String = "priority"
    @Flag(name: [.customShort("r"), .long], help: "Reverse the order.")
    var reverse = false
    @Option(name: [.customShort("n"), .long], help: "At most this many (0 for all).")
    var limit = 50
    @Flag(help: "Print a JSON array of beads (bd's shape).")
    var json = false

    func validate() throws {
        if limit < 0 { throw ValidationError("--limit must be 0 (all) or more") }
        if BeadSort(rawValue: sort) == nil {
            throw ValidationError("--sort \(sort): sort by one of \(BeadSort.allCases.map(\.rawValue).joined(separator: ", "))")
        }
    }

    func run() throws {
        let base = try kb.open()
        var filter = BeadFilter()
        if let status { filter.statuses = [status] }
        filter.includeClosed = all
        filter.priority = priority
        filter.issueType = try type.map { try BeadArguments.issueType($0, in: base) }
        filter.label = label
        filter.assignee = assignee
        filter.text = text
        filter.limit = limit
        filter.sort = BeadSort(rawValue: sort) ?? .priority
        filter.reverse = reverse
        let beads = try base.store.beads(matching: filter)
        let out = Terminal.standardOutput
        if json {
            out.write(JSONValue.array(beads.map(\.jsonValue)).prettyEncoded() + "\n")
            return
        }
        if beads.isEmpty {
            out.write(all || status != nil ? "No beads match.\n" : "No open beads. (--all shows closed ones too.)\n")
            return
        }
        for line in BeadOutput.lines(beads, width: BeadOutput.terminalWidth) { out.write(line + "\n") }
    }
}
