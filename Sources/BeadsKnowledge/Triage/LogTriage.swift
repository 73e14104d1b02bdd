import BeadsStore
import Foundation

/// `beads triage`: many failed builds' logs, each diagnosed as `fix` would, and those no
/// known error explains grouped by the template of their error line (Drain-style:
/// same shape, differing words masked), so the new failures show before they are
/// pasted twice.
public struct LogTriage: Sendable {
    public enum Outcome: Sendable, Equatable {
        case known(String)
        /// No known error; the error line's template and the line as the log has it.
        case unknown(ErrorSignature.Generalized, line: String)
        /// Nothing in it reads like an error.
        case noErrorLine
    }

    /// A group of logs failing the same unknown way.
    public struct Family: Sendable, Equatable {
        public var count: Int
        /// The pattern, tokens that differ between its logs as `<*>`.
        public var template: String
        public var example: String
        public var exampleLine: String
        public var signature: ErrorSignature.Generalized
        /// Every log in the family, in the order given.
        public var logs: [String] = []
    }

    let finder: KnownErrorFinder
    /// Error lines kept from the end of a log, each with `context` lines around it.
    public var errorLines = 200
    public var context = 2

    public init(store: BeadStore) {
        finder = KnownErrorFinder(store: store)
    }

    /// The part of a log worth diagnosing: its last error lines with a little context.
    /// Build logs are mostly progress; the error and what corroborates it are around
    /// the lines that read like errors.
    public func excerpt(_ data: Data) -> String {
        data.withUnsafeBytes { raw -> String in
            let bytes = raw.bindMemory(to: UInt8.self)
            let (lines, errors) = ErrorLineScanner.scan(bytes)
            guard !errors.isEmpty else { return "" }
            var keep = IndexSet()
            for n in errors.suffix(errorLines) {
                keep.insert(integersIn: max(0, n - context)...min(lines.count - 1, n + context))
            }
            var text = ""
            text.reserveCapacity(keep.count * 100)
            for n in keep {
                text += String(decoding: UnsafeBufferPointer(rebasing: bytes[lines[n]]), as: UTF8.self)
                text += "\n"
            }
            return text
        }
    }

    public func classify(_ data: Data) throws(StoreError) -> Outcome {
        let text = excerpt(data)
        guard !text.isEmpty else { return .noErrorLine }
        let diagnosis = try finder.diagnose(text, nearestCount: 0)
        if let best = diagnosis.matches.first { return .known(best.beadID) }
        guard let template = ErrorSignature.generalize(text) else { return .noErrorLine }
        let line =
            text.split(separator: "\n").first { $0.contains(template.text.suffix(min(40, template.text.count))) }.map(String.init)
            ?? template.text
        // Warnings alone did not fail the build (and a build that failed on one says so
        // in a line that is not a warning).
        if ErrorVocabulary.readsLikeWarning(line) { return .noErrorLine }
        return .unknown(template, line: line)
    }

    /// Groups unknown failures: first by exact pattern, then a pattern joins a larger
    /// family of as many tokens when at least `similarity` of its tokens agree position
    /// by position (the rest are names and numbers the masks did not catch).
    public static func families(
        _ unknown: [(name: String, signature: ErrorSignature.Generalized, line: String)],
        similarity: Double = 0.7
    ) -> [Family] {
        var exact: [String: [Int]] = [:]
        for (k, item) in unknown.enumerated() { exact[item.signature.pattern, default: []].append(k) }
        let groups = exact.values.sorted { $0.count != $1.count ? $0.count > $1.count : $0[0] < $1[0] }
        var families: [(tokens: [Substring], members: [Int])] = []
        // Which families of each length hold a token at a position. A family agreeing
        // with a template on `similarity` of its n positions shares one of any
        // n - ceil(similarity·n) + 1 of them; so the families listed at the template's
        // rarest positions are every family that may agree, and only those are compared
        // (all families of a length were compared before: 8,000 distinct errors took 105 s).
        var postings: [Int: [Position: [Int]]] = [:]
        for group in groups {
            let tokens = unknown[group[0]].signature.pattern.split(separator: " ")
            let n = tokens.count
            let needed = Int((similarity * Double(n)).rounded(.up))
            let lists = tokens.enumerated().map { postings[n]?[Position($0.offset, $0.element)] ?? [] }
            let probe = max(1, n - needed + 1)
            let rarest = lists.sorted { $0.count < $1.count }.prefix(probe)
            var candidates = Set<Int>()
            for list in rarest { candidates.formUnion(list) }
            let match = candidates.sorted().first { Self.agree(families[$0].tokens, tokens) >= similarity }
            if let k = match {
                let merged = zip(families[k].tokens, tokens).map { $0 == $1 ? $0 : "<*>" }
                for (i, token) in merged.enumerated() where token != families[k].tokens[i] {
                    postings[n, default: [:]][Position(i, token), default: []].append(k)
                }
                families[k].tokens = merged
                families[k].members += group
            } else {
                for (i, token) in tokens.enumerated() { postings[n, default: [:]][Position(i, token), default: []].append(families.count) }
                families.append((tokens, group))
            }
        }
        return families.map { family in
            let members = family.members.sorted()
            let first = unknown[members[0]]
            return Family(
                count: members.count, template: family.tokens.joined(separator: " "), example: first.name,
                exampleLine: first.line, signature: first.signature, logs: members.map { unknown[$0].name })
        }.sorted { $0.count != $1.count ? $0.count > $1.count : $0.template < $1.template }
    }

    /// A token at a position of a template.
    struct Position: Hashable {
        var offset: Int
        var token: Substring
        init(_ offset: Int, _ token: Substring) {
            self.offset = offset
            self.token = token
        }
    }

    /// The share of positions at which two token lists agree; 0 when their lengths differ.
    static func agree(_ a: [Substring], _ b: [Substring]) -> Double {
        guard a.count == b.count, !a.isEmpty else { return 0 }
        return Double(zip(a, b).filter { $0 == $1 }.count) / Double(a.count)
    }
}
