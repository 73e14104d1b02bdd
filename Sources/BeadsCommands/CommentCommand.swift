import ArgumentParser
import BeadsKnowledge
import BeadsStore

struct CommentCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "comment", abstract: "Add a comment to a bead.")
    @OptionGroup var kb: KnowledgeBaseOptions
    @Argument(help: "The bead.") var id: String
    @Argument(help: "The comment text.") var text: String
    @Flag(help: "Print the comment as JSON.") var json = false

    func validate() throws {
        if text.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty { throw ValidationError("the comment is empty") }
    }

    func run() throws {
        let base = try kb.open()
        let now = Timestamp.now()
        var added: JSONValue = .null
        try base.store.update(id) { bead in
            added = bead.addComment(author: base.store.actor, text: text, at: now)
        }
        Terminal.standardOutput.write(json ? added.prettyEncoded() + "\n" : "Comment \(added["id"]?.intValue ?? 0) added to \(id).\n")
    }
}
