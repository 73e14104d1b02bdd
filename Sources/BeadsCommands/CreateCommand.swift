import ArgumentParser
import BeadsCore
import BeadsKnowledge
import BeadsStore
import Foundation

struct CreateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "create",
        abstract: "Create a bead with a hash id (prefix from beads/config.yaml).")

    @OptionGroup var kb: KnowledgeBaseOptions
    @Argument(
        help: ArgumentHelp(
            "The bead's title. With --from-error and nothing on standard input or --error-file: the error itself.",
            valueName: "TITLE"))
    var title: String?
    @Option(name: [.customShort("d"), .long], help: "Description.")
    var description: String = ""
    @Option(
        name: [.customShort("p"), .long], help: "Priority: 0 (critical) to 4 (backlog), as 1 or P1.",
        transform: BeadArguments.priority)
    var priority = 2
    @Option(
        name: [.customShort("t"), .long],
        help:
            "Issue type: bug, feature, task, epic, chore, decision, spike, story, milestone (bd's aliases too: enhancement, feat, adr, ms…)."
    )
    var type = "task"
    @Option(name: [.customShort("l"), .long], help: "Labels, comma-separated.")
    var labels: String?
    @Option(help: "Who works on it.")
    var assignee: String?
    @Option(help: "Use this id instead of a generated one.")
    var id: String?
    @Option(help: "Make it a child of this bead (id PARENT.N, up to three levels).")
    var parent: String?
    @Option(help: ArgumentHelp("Dependencies, comma-separated: ID or TYPE:ID (blocks when no type).", valueName: "DEPS"))
    var deps: String?
    @Flag(
        help:
            "Record a pasted error's generalised signature on the bead, so `beads fix` recognises it next time. The error comes from --error-file, else standard input, else the TEXT argument: beads create --from-error 'npm ERR! code EINTEGRITY'."
    )
    var fromError = false
    @Option(help: ArgumentHelp("With --from-error: read the error from this file.", valueName: "PATH"))
    var errorFile: String?
    @Flag(help: "Print the new bead as JSON.")
    var json = false

    func validate() throws {
        if let title, title.trimmingCharacters(in: .whitespaces).isEmpty { throw ValidationError("the title must not be empty") }
        if title == nil, !fromError { throw ValidationError("give the bead a title") }
        if errorFile != nil, !fromError { throw ValidationError("--error-file goes with --from-error") }
        if let id, !BeadID.isWellFormed(id) {
            throw ValidationError("\(id) is not a bead id: write PREFIX-HASH, e.g. mo-3t8p")
        }
        if id != nil, parent != nil { throw ValidationError("--parent makes the id (PARENT.N); do not give --id too") }
        if let parent, parent.split(separator: ".").count > 3 { throw ValidationError("\(parent) is already three levels deep") }
    }

    func run() throws {
        var request = CreateBead.Request(title: title)
        if fromError {
            // The error: --error-file, else what is piped in, else the one argument given.
            request.pastedError = errorFile != nil ? try PasteInput.read(file: errorFile) : PasteInput.readStandardInputIfGiven()
            if request.pastedError == nil, let text = title {
                request.pastedError = text
                request.title = nil
            }
            guard request.pastedError != nil else {
                throw CommandFailure.usage(
                    "--from-error needs the error: beads create --from-error 'TEXT', --error-file PATH, or pipe it in")
            }
        }
        request.description = description
        request.priority = priority
        request.type = type
        request.assignee = assignee
        request.labels = Self.labels(labels)
        request.id = id
        request.parent = parent
        request.dependencies = try Self.labels(deps).map { spec in
            let parts = spec.split(separator: ":", maxSplits: 1).map(String.init)
            guard parts.count == 1 || DependencyType.parse(parts[0]) != nil else {
                throw CommandFailure("--deps \(spec): " + DependencyType.problem(parts[0]))
            }
            return parts.count == 2 ? (DependencyType(rawValue: parts[0].lowercased()), parts[1]) : (DependencyType.blocks, parts[0])
        }
        let outcome = try CreateBead(base: try kb.open(), environment: CommandContext.current.environment)(request)
        let bead = outcome.bead
        let out = Terminal.standardOutput
        out.write(json ? bead.jsonValue.prettyEncoded() + "\n" : "Created \(bead.id): \(bead.title)\n")
        for match in outcome.alreadyKnown.prefix(3) {
            Terminal.standardError.write(
                "warning: this error already matches \(match.beadID) (\(match.bead?.title ?? "named in \(match.docs.first?.path ?? "a doc")")). "
                    + "If it is the same failure, `beads delete \(bead.id) --force` and `beads fix --confirm \(match.beadID)` with the paste adds this wording to \(match.beadID) instead.\n"
            )
        }
    }

    static func labels(_ text: String?) -> [String] {
        (text ?? "").split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
    }
}
