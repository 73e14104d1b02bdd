import BeadsStore

/// Rules on what a doc gives `beads fix` to match: error sections that yield nothing,
/// error text that names no bead, signatures too generic to tell failures apart,
/// signatures that two beads share, and scaffolds never filled in.
extension DocLinter {
    func errorSections(in doc: ParsedDoc) -> [LintFinding] {
        var out: [LintFinding] = []
        for section in doc.sections where section.record.level >= 2 && DocumentAnalyzer.headingSaysError(section.record.title) {
            let range = section.record.lineStart...subtreeEnd(of: section, in: doc.sections)
            let signed = doc.indexed.signatures.contains { range.contains($0.line) }
            let unlinked = doc.unlinked.contains { range.contains($0.line) }
            guard !signed, !unlinked else { continue }
            out.append(
                LintFinding(
                    rule: .noErrorText, path: doc.path, line: section.record.lineStart,
                    message:
                        "\"\(section.record.title)\" gives no error text beads can match: quote the line the build prints (in a ```text block or `inline`), not only a description of it"
                ))
        }
        if let first = doc.unlinked.first {
            let more = doc.unlinked.count > 1 ? " (and \(doc.unlinked.count - 1) more)" : ""
            out.append(
                LintFinding(
                    rule: .errorWithoutBead, path: doc.path, line: first.line,
                    message:
                        "\"\(first.text.split(separator: "\n").first.map { String($0.prefix(60)) } ?? "")\"\(more) names no bead, so `beads fix` never matches it: write `**Bead**: ID` under the title, or put the id in the heading"
                ))
        }
        return out
    }

    /// The last line of a section and everything under it.
    func subtreeEnd(of section: DocumentAnalyzer.Section, in sections: [DocumentAnalyzer.Section]) -> Int {
        let after = sections.dropFirst(section.record.ordinal + 1)
        let next = after.first { $0.record.level <= section.record.level }
        return next.map { $0.record.lineStart - 1 } ?? Int.max
    }

    func genericSignatures(in doc: ParsedDoc) -> [LintFinding] {
        var out: [LintFinding] = []
        var reported = Set<String>()
        for signature in doc.indexed.signatures where reported.insert(signature.pattern).inserted {
            let pattern = signature.pattern.split(separator: " ").map { LogToken(text: String($0)) }
            let shown = String(signature.text.split(separator: "\n").first?.prefix(60) ?? "")
            if let alignment = SignatureMatcher.align(pattern, in: OrdinaryBuildOutput.index, atLeast: SignatureMatcher.sameText),
                KnownErrorFinder.rounded(alignment.score) >= SignatureMatcher.sameText
            {
                let line = OrdinaryBuildOutput.index.lines[alignment.firstLine].message
                out.append(
                    LintFinding(
                        rule: .genericSignature, path: doc.path, line: signature.line,
                        message:
                            "\"\(shown)\" also matches what successful builds print (\"\(line.prefix(60))\"): quote the line that says why it failed"
                    ))
                continue
            }
            let distinctive = Set(pattern.filter { $0.weight >= 1 })
            if pattern.contains(.wildcard), distinctive.count <= 1 {
                out.append(
                    LintFinding(
                        rule: .genericSignature, path: doc.path, line: signature.line,
                        message:
                            "\"\(shown)\" is mostly wildcard: \(distinctive.isEmpty ? "no word" : "only '\(distinctive.first!)'") of it tells errors apart, so unrelated failures of the same shape match it; quote the part the wildcard hides"
                    ))
            }
        }
        return out
    }

    /// Signatures of this doc that another bead's signature (in another doc) matches, or
    /// that match it: a paste of either would be taken for both.
    func overlappingSignatures(in doc: ParsedDoc) -> [LintFinding] {
        guard let candidates = context.signatureCandidates else { return [] }
        var out: [LintFinding] = []
        var reported = Set<String>()
        for signature in doc.indexed.signatures {
            let paste = PasteIndex(text: signature.text)
            for other in candidates(paste.searchTerms)
            where other.beadID != signature.beadID && other.docPath != doc.path && other.origin != SignatureOrigin.fallout
                && signature.origin != SignatureOrigin.fallout && !reported.contains(other.beadID)
            {
                let pattern = other.pattern.split(separator: " ").map { LogToken(text: String($0)) }
                guard let alignment = SignatureMatcher.align(pattern, in: paste, atLeast: SignatureMatcher.sameText),
                    KnownErrorFinder.rounded(alignment.score) >= SignatureMatcher.sameText
                else { continue }
                reported.insert(other.beadID)
                out.append(
                    LintFinding(
                        rule: .overlappingSignatures, path: doc.path, line: signature.line,
                        message:
                            "\"\(signature.text.split(separator: "\n").first?.prefix(50) ?? "")\" (\(signature.beadID)) is also matched by \(other.beadID)'s \"\(other.text.split(separator: "\n").first?.prefix(50) ?? "")\" in \(other.docPath ?? "its bead"):\(other.line): a paste of it would be taken for both; make one of them more specific"
                    ))
            }
        }
        return out
    }

    func unfilledScaffold(in doc: ParsedDoc) -> [LintFinding] {
        doc.lines.enumerated().compactMap { k, line in
            guard SolutionDocScaffold.Placeholder.appears(in: line) else { return nil }
            return LintFinding(
                rule: .unfilledScaffold, path: doc.path, line: k + 1,
                message:
                    "placeholder from `beads doc new` still here: \"\(line.trimmingCharacters(in: .whitespaces).prefix(60))\"; write what it asks for"
            )
        }
    }
}
