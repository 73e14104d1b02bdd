import ArgumentParser
import BeadsKnowledge
import BeadsMarkdown
import BeadsStore
import Foundation

struct DocLinksCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "links",
        abstract: "Show which docs mention which beads, both ways.")

    @OptionGroup var kb: KnowledgeBaseOptions
    @Flag(help: "Print {\"docs\": {PATH: [ID…]}, \"beads\": {ID: [PATH…]}}.")
    var json = false

    func run() throws {
        let base = try kb.open()
        let links = try base.store.docBeadLinks()
        var byDoc: [(String, [String])] = []
        var byBead: [String: [String]] = [:]
        for link in links {
            if byDoc.last?.0 == link.path { byDoc[byDoc.count - 1].1.append(link.beadID) } else { byDoc.append((link.path, [link.beadID])) }
            byBead[link.beadID, default: []].append(link.path)
        }
        let beads = byBead.keys.sorted()
        let out = Terminal.standardOutput
        if json {
            out.write(
                JSONValue.object([
                    ("docs", .object(byDoc.map { ($0.0, JSONValue($0.1)) })),
                    ("beads", .object(beads.map { ($0, JSONValue(byBead[$0]!)) })),
                ]).prettyEncoded() + "\n")
            return
        }
        if links.isEmpty {
            out.write("No doc mentions a bead yet.\n")
            return
        }
        out.write("Docs → beads\n")
        for (path, ids) in byDoc { out.write("  \(path) → \(ids.joined(separator: ", "))\n") }
        out.write("Beads → docs\n")
        for id in beads { out.write("  \(id) → \(byBead[id]!.joined(separator: ", "))\n") }
    }
}
