import ArgumentParser
import BeadsKnowledge
import BeadsStore

struct CommentsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "comments", abstract: "Show a bead's comments.")
    @OptionGroup var kb: KnowledgeBaseOptions
    @Argument(help: "The bead.") var id: String
    @Flag(help: "Print JSON.") var json = false

    func run() throws {
        let base = try kb.open()
        let bead = try requireBead(id, in: base)
        let out = Terminal.standardOutput
        if json {
            out.write(JSONValue.array(bead.comments).prettyEncoded() + "\n")
            return
        }
        if bead.comments.isEmpty {
            out.write("No comments on \(id).\n")
            return
        }
        for c in bead.comments {
            out.write("[\(c["author"]?.stringValue ?? "?") at \(c["created_at"]?.stringValue ?? "?")]\n\(c["text"]?.stringValue ?? "")\n\n")
        }
    }
}
