import ArgumentParser
import BeadsKnowledge
import BeadsStore

struct MatchCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "match",
        abstract: "Score a paste against every known error signature, without the fix report.",
        discussion: HelpText.prose("""
            Shows each candidate signature FTS5 retrieved, the score its alignment got, and
            which of its tokens were found. Useful to see why `fix` did or did not match.
            --explain shows the working: the matched lines, how they were read (prefixes
            stripped, values masked), each token's weight, and
            score = (weight found − strays × \(SignatureMatcher.strayCost)) ÷ total weight.
            The verdict, and the exit status, are `beads fix`'s own: 0 when a known error
            matched (score and evidence both), 1 otherwise, 2 usage error.
            """))

    @OptionGroup var kb: KnowledgeBaseOptions
    @OptionGroup var input: PasteInput
    @Option(name: [.customShort("n"), .long], help: "How many signatures to list.")
    var limit = 10
    @Flag(help: "Print JSON.")
    var json = false
    @Flag(help: "For each signature shown: the paste lines it matched, what was stripped and masked, each token's weight, and the score's arithmetic.")
    var explain = false

    func run() throws {
        let text = try input.read()
        let paste = PasteIndex(text: text)
        let base = try kb.open()
        // The verdict is fix's own diagnosis, evidence and rejections included: match
        // lists the scoring behind it, and never says yes where fix says no.
        let diagnosis = try KnownErrorFinder(store: base.store).diagnose(text)
        let matched = Set(diagnosis.matches.map(\.beadID))
        func verdict(_ s: SignatureRecord) -> String {
            matched.contains(s.beadID) ? "match" : diagnosis.rejected.contains(s.beadID) ? "rejected" : "candidate"
        }
        let candidates = try base.store.signatureCandidates(terms: paste.searchTerms, focus: paste.focusTerms())
        var scored: [(SignatureRecord, SignatureAlignment, [LogToken])] = []
        for c in candidates {
            let pattern = c.pattern.split(separator: " ").map { LogToken(text: String($0)) }
            if let a = SignatureMatcher.align(pattern, in: paste) { scored.append((c, a, pattern)) }
        }
        scored.sort { $0.1.score != $1.1.score ? $0.1.score > $1.1.score : $0.0.beadID < $1.0.beadID }
        let shown = scored.prefix(max(limit, 0))
        let out = Terminal.standardOutput
        if json {
            out.write(JSONValue.array(shown.map { s, a, pattern in
                .object([
                    ("bead", .string(s.beadID)), ("score", JSONValue(KnownErrorFinder.rounded(a.score))),
                    ("signature", .string(s.text)), ("pattern", .string(s.pattern)),
                    ("doc", JSONValue(s.docPath.map { "\($0)#\(s.sectionAnchor)" })),
                    ("line", JSONValue(paste.lines[a.firstLine].number)),
                    ("verdict", .string(verdict(s))),
                ] + (explain ? [("explain", Self.json(MatchExplanation(pattern: pattern, alignment: a, paste: paste)))] : []))
            }).prettyEncoded() + "\n")
        } else if shown.isEmpty {
            out.write("No signature shares a word with this paste (\(paste.lines.count) lines read).\n")
        } else {
            for (s, a, pattern) in shown {
                let literal = pattern.filter { $0 != .wildcard }
                let found = zip(literal, a.matched).map { $1 ? $0.description : "·" }.joined(separator: " ")
                out.write("\(String(format: "%.2f", KnownErrorFinder.rounded(a.score)))  \(s.beadID)  line \(paste.lines[a.firstLine].number)  \(s.docPath.map { "\($0)#\(s.sectionAnchor)" } ?? s.origin)\n")
                out.write("      signature: \(s.text.replacingOccurrences(of: "\n", with: " ⏎ "))\n")
                out.write("      found:     \(found)   (\(String(format: "%.2f", a.matchedWeight)) of \(String(format: "%.2f", a.totalWeight)), \(a.strayTokens) stray)\n")
                if verdict(s) == "rejected" { out.write("      verdict:   rejected for pastes of this shape (fix --reject)\n") }
                if explain { Self.write(MatchExplanation(pattern: pattern, alignment: a, paste: paste), to: out) }
            }
        }
        if !json {
            out.write(diagnosis.matches.isEmpty
                ? "Verdict: no known error (as `beads fix` says; `beads fix` shows why the nearest fell short).\n"
                : "Verdict: \(diagnosis.matches.map(\.beadID).joined(separator: ", ")) (as `beads fix` says).\n")
        }
        if diagnosis.matches.isEmpty { throw CommandFailure("", exitCode: 1) }
    }

    static func write(_ e: MatchExplanation, to out: Terminal) {
        for line in e.lines {
            out.write("      line \(line.number):   \(FixReport.clip(line.text.trimmingCharacters(in: .whitespaces), 100))\n")
            if !line.strippedPrefix.isEmpty { out.write("        stripped:  \(line.strippedPrefix)\n") }
            out.write("        read as:   \(line.tokens.map(\.description).joined(separator: " "))\n")
            for (mask, source) in line.masked { out.write("        masked:    \(mask) ← \(FixReport.clip(source, 80))\n") }
        }
        let weights = e.terms.map { "\($0.token)\($0.found ? "✓" : "✗")\(String(format: "%.2f", $0.weight))" }
        out.write("      weights:   \(weights.joined(separator: " "))\n")
        out.write("      score:     \(e.arithmetic)  (match at \(String(format: "%.2f", SignatureMatcher.threshold)) or more)\n")
    }

    static func json(_ e: MatchExplanation) -> JSONValue {
        .object([
            ("lines", .array(e.lines.map { line in
                .object([
                    ("line", JSONValue(line.number)), ("text", .string(line.text)), ("stripped", .string(line.strippedPrefix)),
                    ("tokens", JSONValue(line.tokens.map(\.description))),
                    ("masked", .array(line.masked.map { .object([("mask", .string($0.mask.description)), ("text", .string($0.source))]) })),
                ])
            })),
            ("terms", .array(e.terms.map { .object([("token", .string($0.token.description)), ("weight", JSONValue($0.weight)), ("found", .bool($0.found))]) })),
            ("matched_weight", JSONValue(e.matchedWeight)), ("total_weight", JSONValue(e.totalWeight)),
            ("stray_tokens", JSONValue(e.strayTokens)), ("stray_cost", JSONValue(e.strayCost)), ("score", JSONValue(e.score)),
            ("arithmetic", .string(e.arithmetic)),
        ])
    }
}
