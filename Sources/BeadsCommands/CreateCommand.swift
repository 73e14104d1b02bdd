import ArgumentParser
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
        var signature: ErrorSignature.Generalized?
        var givenTitle = self.title
        var pastedError: String?
        if fromError {
            // The error: --error-file, else what is piped in, else the one argument given.
            pastedError = errorFile != nil ? try PasteInput.read(file: errorFile) : PasteInput.readStandardInputIfGiven()
            if pastedError == nil, let text = givenTitle {
                pastedError = PasteInput.masked(text)
                givenTitle = nil
            }
            guard let pasted = pastedError else {
                throw CommandFailure.usage(
                    "--from-error needs the error: beads create --from-error 'TEXT', --error-file PATH, or pipe it in")
            }
            guard let g = ErrorSignature.generalize(pasted) else {
                throw CommandFailure.usage(
                    "the pasted text has no line distinctive enough to recognise it by (lines that only say a step failed, such as \"Process completed with exit code 1\", are not): paste the error lines above them"
                )
            }
            signature = g
        }
        let title = givenTitle ?? "Known error: " + FixReport.clip(signature?.text ?? "", 90)
        let description =
            self.description.isEmpty && signature != nil ? "Recorded from a pasted error:\n\n    \(signature!.text)" : self.description
        let base = try kb.open()
        let issueType = try BeadArguments.issueType(type, in: base)
        // A second bead for an error beads already knows splits its history in two: say so.
        let known =
            try pastedError.map { paste in
                (try KnownErrorFinder(store: base.store).diagnose(paste)).matches
            } ?? []
        let date = Date()
        let now = Timestamp.now(date)
        let creator = base.store.actor
        let dependencies = try Self.labels(deps).map { spec -> (type: DependencyType, target: String) in
            let parts = spec.split(separator: ":", maxSplits: 1).map(String.init)
            guard parts.count == 1 || DependencyType.parse(parts[0]) != nil else {
                throw CommandFailure("--deps \(spec): " + DependencyType.problem(parts[0]))
            }
            let dep =
                parts.count == 2
                ? (type: DependencyType(rawValue: parts[0].lowercased()), target: parts[1])
                : (type: DependencyType.blocks, target: parts[0])
            guard try base.store.bead(dep.target) != nil else {
                throw CommandFailure("--deps \(spec): " + StoreError.beadNotFound(dep.target).description)
            }
            return dep
        }
        let newID: NewBeadID =
            if let id { .given(id) } else if let parent { .child(of: parent) } else {
                .hashed(BeadID.Seed(prefix: base.config.prefix, title: title, description: description, creator: creator, createdAt: date))
            }
        let bead = try base.store.create(newID) { id in
            var bead = Bead(
                id: id, title: title, description: description, priority: priority, issueType: issueType,
                assignee: assignee, labels: Self.labels(labels), createdAt: now, updatedAt: now,
                extra: [("created_by", .string(creator))])
            if let parent { _ = bead.addDependency(on: parent, type: .parentChild, at: now, by: creator) }
            if let signature { bead.setExtra("error_signatures", .array([ErrorSignature.json(signature)])) }
            for dep in dependencies { _ = bead.addDependency(on: dep.target, type: dep.type, at: now, by: creator) }
            return bead
        }
        let out = Terminal.standardOutput
        out.write(json ? bead.jsonValue.prettyEncoded() + "\n" : "Created \(bead.id): \(bead.title)\n")
        for match in known.prefix(3) {
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
