import ArgumentParser
import BeadsKnowledge
import BeadsStore
import Foundation

struct HitsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "hits",
        abstract: "List recorded diagnoses: which known error each paste showed, where and when.",
        discussion: HelpText.prose(
            """
            fix, run, safe-build and the MCP server record every diagnosis in beads/hits.jsonl
            (a fingerprint of the paste, never the paste itself), which git shares: `git pull`
            brings the team's hits. --no-record on a command, or `hits: {record: false}` in
            beads/config.yaml, turns recording off. `beads stats --errors` ranks known errors
            by what they cost.
            """))

    @OptionGroup var kb: KnowledgeBaseOptions
    @Option(help: "Only hits of this bead.")
    var bead: String?
    @Option(help: ArgumentHelp("Only hits this recent: 24h, 7d, 2w …", valueName: "DURATION"), transform: BeadArguments.duration)
    var since: Double?
    @Flag(help: "Only diagnoses that matched no known error.")
    var unmatched = false
    @Option(help: "At most this many, newest first (0: all).")
    var limit = 50
    @Flag(help: "Print the hits as JSON, as their lines in beads/hits.jsonl.")
    var json = false

    func validate() throws {
        if unmatched, bead != nil { throw ValidationError("--unmatched or --bead, not both") }
        if limit < 0 { throw ValidationError("--limit must be 0 (all) or more") }
    }

    func run() throws {
        let base = try kb.open()
        if let bead { _ = try requireBead(bead, in: base) }
        if let problem = try base.store.hitsFileProblem() {
            Terminal.standardError.write("warning: beads/hits.jsonl:\(problem) (that line was skipped)\n")
        }
        let cutoff = since.map { Timestamp.now(Date().addingTimeInterval(-$0)) }
        let hits = try base.store.hits(beadID: bead, unmatched: unmatched, since: cutoff, limit: limit)
        let out = Terminal.standardOutput
        if json {
            out.write(JSONValue.array(hits.map(\.jsonValue)).prettyEncoded() + "\n")
            return
        }
        if hits.isEmpty {
            out.write("No hits recorded\(bead.map { " for \($0)" } ?? "")\(cutoff == nil ? "" : " in that time").\n")
            return
        }
        let titles = try base.store.beads(ids: Array(Set(hits.compactMap(\.beadID)))).mapValues(\.title)
        let beadWidth = hits.map { ($0.beadID ?? "(none)").count }.max() ?? 6
        for hit in hits {
            let id = (hit.beadID ?? "(none)").padding(toLength: beadWidth, withPad: " ", startingAt: 0)
            let score = hit.score.map { String(format: "%.2f", $0) } ?? "  - "
            var line = "\(hit.at)  \(id)  \(score)  \(hit.source)"
            if hit.count > 1 { line += " ×\(hit.count)" }
            if let where_ = [hit.environment, hit.host, hit.ciJob].compactMap({ $0 }).joined(separator: " ").nilIfEmpty {
                line += "  \(where_)"
            }
            if let id = hit.beadID, let title = titles[id] { line += "  " + FixReport.clip(title, 60) }
            out.write(line + "\n")
        }
    }
}

extension String {
    var nilIfEmpty: String? { isEmpty ? nil : self }
}
