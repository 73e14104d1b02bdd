import BeadsStore

/// Turns a pasted error into a signature to record on a new bead: the first line that
/// reads like an error, with its variable parts masked, so the next paste of the same
/// shape matches.
public enum ErrorSignature {
    public struct Generalized: Sendable, Equatable {
        /// The message of the line (colours, timestamps and CI prefixes removed).
        public var text: String
        /// Normalised tokens, masks in place of variable parts.
        public var pattern: String
        public var terms: String
    }

    public static func generalize(_ paste: String) -> Generalized? {
        let lines = LogNormalizer.lines(of: paste)
        let reading = PasteReading(lines: lines)
        // The line that says what failed, as a person reads the log: a stack trace's
        // exception (not its `Traceback` header, frames, or Node's `throw er;`), else the
        // first error that is neither a wrapper (`Process completed with exit code 1`) nor a
        // warning (a Kubernetes `Warning FailedScheduling` event is the failure itself).
        let candidates = ([reading.primaryLine(in: lines)].compactMap { $0 } + reading.rootLines + reading.errorLines)
            .filter { tellsApart(lines[$0]) }
        let chosen =
            candidates.first.map { lines[$0] }
            ?? lines.last { tellsApart($0) && !ErrorVocabulary.holdsGenericPhrase($0.text) }
        guard let chosen else { return nil }
        var seen = Set<String>()
        let terms = chosen.tokens.compactMap(\.searchTerm).filter { seen.insert($0).inserted }
        return Generalized(
            text: toolPrefix(of: chosen) + chosen.message,
            pattern: chosen.tokens.map(\.description).joined(separator: " "),
            terms: terms.joined(separator: " "))
    }

    /// A line that can be a signature: it says something of which error it is.
    static func tellsApart(_ line: NormalizedLine) -> Bool {
        line.tokens.contains { $0.searchTerm != nil } && line.tokens.reduce(0) { $0 + $1.weight } >= DocumentAnalyzer.minimumSignatureWeight
    }

    /// The root error line of a log, as `generalize` chooses it, for triage to key families on.
    public static func rootLine(of paste: String) -> String? {
        generalize(paste).map(\.text)
    }

    /// The tool's own prefix of a line (`npm error `, `yarn error `), without the CI's
    /// wrapping before it (timestamps, BuildKit steps): the signature keeps it, because
    /// it says which tool failed as much as the message does, and a later paste with the
    /// same prefix counts that as evidence.
    static func toolPrefix(of line: NormalizedLine) -> String {
        let prefix = String(decoding: line.text.utf8.prefix(line.messageStart), as: UTF8.self)
        let wrapperWords: Set<String> = ["error", "err", "warn", "warning", "info", "notice", "debug", "container", "step"]
        var start: String.Index?
        var index = prefix.startIndex
        while index < prefix.endIndex {
            guard prefix[index].isLetter else {
                index = prefix.index(after: index)
                continue
            }
            let end = prefix[index...].firstIndex { !$0.isLetter } ?? prefix.endIndex
            let word = prefix[index..<end].lowercased()
            let before = index == prefix.startIndex ? " " : prefix[prefix.index(before: index)]
            if word.count >= 2, before == " ", !wrapperWords.contains(word) {
                start = index
                break
            }
            index = end
        }
        guard let start else { return "" }
        return prefix[start...].trimmingCharacters(in: .whitespaces) + " "
    }

    /// The JSONL form kept on the bead.
    public static func json(_ g: Generalized) -> JSONValue {
        .object([("text", .string(g.text)), ("pattern", .string(g.pattern)), ("terms", .string(g.terms))])
    }
}
