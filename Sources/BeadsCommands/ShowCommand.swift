import ArgumentParser
import BeadsCore
import BeadsKnowledge
import BeadsStore
import Foundation

struct ShowCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "show",
        abstract: "Show a bead with the docs that mention it, its error signatures and its fixes.")

    @OptionGroup var kb: KnowledgeBaseOptions
    @Argument(help: "The bead ids, e.g. mo-jgo (one or more).")
    var ids: [String]
    @Flag(help: "Print the bead as a JSON object (bd's shape, plus dependents, docs, signatures and recipes); several ids print an array.")
    var json = false

    func validate() throws {
        if ids.isEmpty { throw ValidationError("name the bead to show: beads show mo-jgo") }
    }

    func run() throws {
        let base = try kb.open()
        // Every id is checked before anything is printed: all shown, or an error.
        let beads = try ids.map { try requireBead($0, in: base) }
        let out = Terminal.standardOutput
        if json {
            let objects = try beads.map { try Self.jsonObject($0, in: base) }
            out.write((objects.count == 1 ? objects[0] : .array(objects)).prettyEncoded() + "\n")
            return
        }
        for (index, bead) in beads.enumerated() {
            if index > 0 { out.write("\n" + String(repeating: "─", count: 40) + "\n\n") }
            try write(bead, in: base, to: out)
        }
    }

    /// What `show` tells about a bead besides its own fields, read once for text or JSON.
    static func jsonObject(_ bead: Bead, in base: KnowledgeBase) throws -> JSONValue {
        let details = try BeadDetails(bead.id, in: base.store)
        let (mentions, signatures, recipes, runs, links) = (
            details.mentions, details.signatures, details.recipes, details.runs, details.links
        )
        guard case var .object(fields) = bead.jsonValue else { return bead.jsonValue }
        fields.append(
            (
                "dependents",
                .array(
                    links.dependents.map { link in
                        var row: [(String, JSONValue)] = [("id", .string(link.id)), ("dependency_type", .string(link.type))]
                        if let other = link.bead {
                            row += [
                                ("title", .string(other.title)), ("status", .string(other.status.rawValue)),
                                ("priority", JSONValue(other.priority)),
                            ]
                        }
                        return .object(row)
                    })
            ))
        fields.append(
            (
                "docs",
                .array(
                    mentions.map { path, m in
                        .object([("path", .string(path)), ("section", .string(m.sectionAnchor)), ("line", JSONValue(m.line))])
                    })
            ))
        fields.append(
            (
                "signatures",
                .array(
                    signatures.map { s in
                        .object([
                            ("text", .string(s.text)), ("doc", JSONValue(s.docPath)), ("section", .string(s.sectionAnchor)),
                            ("line", JSONValue(s.line)),
                        ])
                    })
            ))
        fields.append(("recipes", .array(recipes.map { .object(RecipeJSON.fields($0)) })))
        fields.append(
            (
                "runs",
                .array(
                    runs.map { r in
                        .object([
                            ("id", JSONValue(Int(r.id ?? 0))), ("recipe", .string(r.recipe)), ("started_at", .string(r.startedAt)),
                            ("exit_code", JSONValue(r.exitCode)), ("outcome", .string(r.outcome)),
                        ])
                    })
            ))
        fields.append(("hits", HitPresentation.summary(details.hits)))
        fields.append(("regression", .bool(RegressionRule.isRegression(bead, hits: details.hits))))
        return .object(fields)
    }

    func write(_ bead: Bead, in base: KnowledgeBase, to out: Terminal) throws {
        let details = try BeadDetails(bead.id, in: base.store)
        let (mentions, signatures, recipes, runs, links) = (
            details.mentions, details.signatures, details.recipes, details.runs, details.links
        )
        out.write(BeadOutput.header(bead))
        if !bead.description.isEmpty { out.write("\n" + bead.description + "\n") }
        for (heading, list) in [
            ("Depends on (waits for these)", links.dependsOn), ("Depended on by (these wait for it)", links.dependents),
        ]
        where !list.isEmpty {
            out.write("\n\(heading):\n")
            let width = list.map(\.type.count).max() ?? 0
            for link in list {
                let type = link.type.padding(toLength: width, withPad: " ", startingAt: 0)
                let other = link.bead.map { "P\($0.priority)  \($0.status.rawValue)  \($0.title)" } ?? "(not in this store)"
                out.write("  \(type)  \(link.id)  \(other)\n")
            }
        }
        if !mentions.isEmpty {
            out.write("\nDocs:\n")
            var seen = Set<String>()
            for (path, m) in mentions where seen.insert("\(path)#\(m.sectionAnchor)").inserted {
                out.write("  \(path)\(m.sectionAnchor.isEmpty ? "" : "#" + m.sectionAnchor)  (line \(m.line))\n")
            }
        }
        if signatures.isEmpty, !mentions.isEmpty, bead.issueType == "bug" {
            out.write("\nNo error signature: `beads fix` cannot recognise this bead. Quote its error line under an\n")
            out.write("error heading of \(mentions[0].0) (`beads doc lint` says what is missing there).\n")
        }
        if !signatures.isEmpty {
            out.write("\nError signatures:\n")
            for s in signatures {
                out.write("  \(s.text.replacingOccurrences(of: "\n", with: " ⏎ "))\n")
                out.write("      from \(s.docPath.map { "\($0):\(s.line)" } ?? s.origin)\n")
            }
        }
        if !recipes.isEmpty {
            out.write("\nFixes (recipes):\n")
            for r in recipes {
                out.write(
                    "  \(r.name)  (\(FixReport.place(r.when))\(r.requires.isEmpty ? "" : "; needs " + r.requires.joined(separator: ", ")))  \(r.docPath):\(r.line)\n"
                )
            }
        }
        if !runs.isEmpty {
            out.write("\nRecent runs:\n")
            for r in runs {
                out.write("  #\(r.id ?? 0)  \(r.startedAt)  \(r.recipe)  \(r.outcome) (exit \(r.exitCode))  by \(r.actor)\n")
            }
        }
        if details.hits.total > 0 {
            out.write("\nHits: \(HitPresentation.line(details.hits))  (beads hits --bead \(bead.id))\n")
        }
        if RegressionRule.isRegression(bead, hits: details.hits) {
            out.write(Style.yellow("Regression: ") + RegressionRule.sentence(bead, hits: details.hits) + ".\n")
        }
    }
}
