import ArgumentParser
import BeadsKnowledge
import BeadsMarkdown
import BeadsStore
import Foundation

struct DocShowCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "show",
        abstract: "Render a solution doc in the terminal (or as HTML), whole or one section.",
        discussion: HelpText.prose(
            """
            DOC is a path, or a bead id: then the doc about that bead (the one declaring it,
            else the first that mentions it). --section takes an anchor (root-cause), a title,
            or part of one. Styles are used on a terminal unless NO_COLOR is set.
            """))

    @OptionGroup var kb: KnowledgeBaseOptions
    @Argument(help: "A doc path, or a bead id.")
    var doc: String
    @Option(name: [.customShort("s"), .long], help: "Only this section.")
    var section: String?
    @Flag(help: "Print HTML from cmark-gfm's renderer (tables, strikethrough, autolinks, task lists).")
    var html = false
    @Option(help: "Wrap to this many columns (default: the terminal's, else 80).")
    var width: Int?

    func validate() throws {
        if let width, width < 20 { throw ValidationError("--width must be 20 or more") }
    }

    func run() throws {
        let base = try kb.open()
        let path = try locate(doc, in: base)
        var text = FrontMatterSplit.split(try DocFiles.read(path, in: base)).body
        if let section {
            guard let found = DocumentAnalyzer.section(section, of: text) else {
                let titles = DocumentAnalyzer.sectionTitles(of: text).map { "  #\($0.anchor)  \($0.title)" }.joined(separator: "\n")
                throw CommandFailure("\(path) has no section \"\(section)\". Its sections:\n\(titles)")
            }
            text = found.text
        }
        if html {
            Terminal.standardOutput.write(MarkdownParser.renderHTML(text))
            return
        }
        let context = CommandContext.current
        let tty = context.standardOutput.isTerminal
        let renderer = TerminalRenderer(
            width: width ?? Terminal.columns(environment: context.environment, tty: tty) ?? 80,
            styled: Style.isEnabled(for: context.standardOutput, environment: context.environment))
        // Styled output is beads' own escapes; the renderer drops the doc's.
        Pager.show(renderer.render(MarkdownParser.parse(text)), raw: renderer.styled)
    }

    /// A path as given (from here or from the knowledge base root), or the doc about a bead.
    func locate(_ argument: String, in base: KnowledgeBase) throws -> String {
        if let path = DocFiles.relative(argument, in: base) { return path }
        let summaries = try base.store.docSummaries()
        if let declared = summaries.first(where: { $0.primaryBeads.contains(argument) }) { return declared.path }
        if let mention = try base.store.mentions(ofBead: argument).first { return mention.path }
        throw CommandFailure("\(argument) is neither a doc nor a bead any doc mentions (`beads doc list` shows the docs)")
    }
}
