import ArgumentParser
import BeadsKnowledge
import BeadsStore

struct MatchCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "match",
        abstract: "Score a paste against every known error signature, without the fix report.",
        discussion: HelpText.prose(
            """
            Shows each candidate signature retrieved for the paste, best first: the
            scorer's probability that the paste is its bead's error, the share of the
            signature found in order, and which of its tokens were found.
            --explain shows the working: the matched lines, how they were read (prefixes
            stripped, values masked), each token's weight, and the scorer's arithmetic
            (each feature's value times its fitted weight). --features prints every
            candidate's features as JSON lines, for fitting the scorer (bench/fit-scorer.py).
            The verdict, and the exit status, are `beads fix`'s own: 0 when a known error
            matched, 1 otherwise, 2 usage error.
            """))

    @OptionGroup var kb: KnowledgeBaseOptions
    @OptionGroup var input: PasteInput
    @Option(name: [.customShort("n"), .long], help: "How many signatures to list.")
    var limit = 10
    @Flag(help: "Print JSON.")
    var json = false
    @Flag(
        help:
            "For each signature shown: the paste lines it matched, what was stripped and masked, each token's weight, and the scorer's arithmetic."
    )
    var explain = false
    @Flag(help: "Print every candidate's features as JSON lines (bead, signature, features), for fitting the scorer.")
    var features = false

    func run() throws {
        let text = PasteInput.masked(try input.read())
        let base = try kb.open()
        // The verdict is fix's own diagnosis, rejections included: match lists the
        // scoring behind it, and never says yes where fix says no.
        let diagnosis = try KnownErrorFinder(store: base.store).diagnose(text)
        let paste = diagnosis.paste ?? PasteIndex(text: text)
        let matched = Set(diagnosis.matches.map(\.beadID))
        func verdict(_ s: SignatureRecord) -> String {
            matched.contains(s.beadID)
                ? "match"
                : diagnosis.rejected.contains(s.beadID)
                    ? "rejected"
                    : diagnosis.lookAlikes.contains(s.beadID) ? "look-alike" : "candidate"
        }
        let out = Terminal.standardOutput
        if features {
            for c in diagnosis.scored {
                out.write(
                    JSONValue.object([
                        ("bead", .string(c.signature.beadID)), ("signature", c.signature.id.map { JSONValue(Int($0)) } ?? .null),
                        ("text", .string(c.signature.text)), ("probability", JSONValue(c.probability, decimals: 6)),
                        ("always", .bool(c.verbatim)),
                        ("features", .object(zip(MatchFeatures.names, c.features.values).map { ($0, JSONValue($1, decimals: 6)) })),
                    ]).encoded() + "\n")
            }
            return
        }
        let shown = diagnosis.scored.prefix(max(limit, 0))
        if json {
            out.write(
                JSONValue.array(
                    shown.map { c in
                        .object(
                            [
                                ("bead", .string(c.signature.beadID)), ("score", JSONValue(KnownErrorFinder.rounded(c.probability))),
                                ("alignment", JSONValue(KnownErrorFinder.rounded(c.alignment.score))),
                                ("signature", .string(c.signature.text)), ("pattern", .string(c.signature.pattern)),
                                ("doc", JSONValue(c.signature.docPath.map { "\($0)#\(c.signature.sectionAnchor)" })),
                                ("line", JSONValue(paste.lines[c.alignment.firstLine].number)),
                                ("verdict", .string(verdict(c.signature))),
                            ] + (explain ? [("explain", Self.json(MatchExplanation(c, paste: paste)))] : []))
                    }
                ).prettyEncoded() + "\n")
        } else if shown.isEmpty {
            out.write("No signature shares a word with this paste (\(paste.lines.count) lines read).\n")
        } else {
            for c in shown {
                let s = c.signature, a = c.alignment
                let literal = c.pattern.filter { $0 != .wildcard }
                let found = zip(literal, a.matched).map { $1 ? $0.description : "·" }.joined(separator: " ")
                out.write(
                    "\(String(format: "%.2f", KnownErrorFinder.rounded(c.probability)))  \(s.beadID)  line \(paste.lines[a.firstLine].number)  \(s.docPath.map { "\($0):\(s.line)" } ?? s.origin)\n"
                )
                out.write("      signature: \(s.text.replacingOccurrences(of: "\n", with: " ⏎ "))\n")
                out.write("      found:     \(found)   (\(String(format: "%.2f", a.score)) in order, \(a.strayTokens) stray)\n")
                if c.verbatim {
                    out.write("      verdict:   the paste holds this error line as the doc writes it: a match whatever the score\n")
                }
                if verdict(s) == "rejected" { out.write("      verdict:   rejected for pastes of this shape (fix --reject)\n") }
                if verdict(s) == "look-alike" { out.write("      verdict:   its doc gives this paste as a look-alike of its error\n") }
                if explain { Self.write(MatchExplanation(c, paste: paste), to: out) }
            }
        }
        if !json {
            out.write(
                diagnosis.matches.isEmpty
                    ? "Verdict: no known error (as `beads fix` says; `beads fix` shows why the nearest fell short).\n"
                    : "Verdict: \(diagnosis.matches.map(\.beadID).joined(separator: ", ")) (as `beads fix` says).\n")
        }
        if diagnosis.matches.isEmpty { throw ExitCode(1) }
    }

    static func write(_ e: MatchExplanation, to out: Terminal) {
        for line in e.lines {
            out.write("      line \(line.number):   \(FixReport.clip(line.text.trimmingCharacters(in: .whitespaces), 100))\n")
            if !line.strippedPrefix.isEmpty { out.write("        stripped:  \(line.strippedPrefix)\n") }
            out.write("        read as:   \(line.tokens.map(\.description).joined(separator: " "))\n")
            for (mask, source) in line.masked { out.write("        masked:    \(mask) ← \(FixReport.clip(source, 80))\n") }
        }
        let weights = e.terms.map { "\($0.token)\($0.found ? "✓" : "✗")\(String(format: "%.2f", $0.weight))" }
        out.write("      tokens:    \(weights.joined(separator: " "))\n")
        out.write("      score:     \(e.arithmetic)  (match at \(String(format: "%.2f", MatchModel.threshold)) or more)\n")
    }

    static func json(_ e: MatchExplanation) -> JSONValue {
        .object([
            (
                "lines",
                .array(
                    e.lines.map { line in
                        .object([
                            ("line", JSONValue(line.number)), ("text", .string(line.text)), ("stripped", .string(line.strippedPrefix)),
                            ("tokens", JSONValue(line.tokens.map(\.description))),
                            (
                                "masked",
                                .array(line.masked.map { .object([("mask", .string($0.mask.description)), ("text", .string($0.source))]) })
                            ),
                        ])
                    })
            ),
            (
                "terms",
                .array(
                    e.terms.map {
                        .object([("token", .string($0.token.description)), ("weight", JSONValue($0.weight)), ("found", .bool($0.found))])
                    })
            ),
            ("alignment", JSONValue(e.alignment)),
            (
                "features",
                .array(
                    e.contributions.map {
                        .object([("name", .string($0.name)), ("value", JSONValue($0.value)), ("weight", JSONValue($0.weight))])
                    })
            ),
            ("bias", JSONValue(e.bias)), ("score", JSONValue(e.score)),
            ("arithmetic", .string(e.arithmetic)),
        ])
    }
}
