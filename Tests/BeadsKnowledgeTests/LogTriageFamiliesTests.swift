import BeadsTestSupport
import Testing

@testable import BeadsKnowledge

@Suite struct LogTriageFamiliesTests {
    /// The grouping of issue 14, comparing each template with every family of its
    /// length: the reference the indexed grouping must agree with.
    static func reference(_ patterns: [String], similarity: Double) -> [[Int]] {
        var exact: [String: [Int]] = [:]
        for (k, p) in patterns.enumerated() { exact[p, default: []].append(k) }
        let groups = exact.values.sorted { $0.count != $1.count ? $0.count > $1.count : $0[0] < $1[0] }
        var families: [(tokens: [Substring], members: [Int])] = []
        for group in groups {
            let tokens = patterns[group[0]].split(separator: " ")
            if let k = families.indices.first(where: { LogTriage.agree(families[$0].tokens, tokens) >= similarity }) {
                families[k].tokens = zip(families[k].tokens, tokens).map { $0 == $1 ? $0 : "<*>" }
                families[k].members += group
            } else {
                families.append((tokens, group))
            }
        }
        return families.map { $0.members.sorted() }.sorted { $0[0] < $1[0] }
    }

    /// Random templates from a small vocabulary (so that many agree in part): the
    /// families found through the position index are exactly the reference's.
    @Test(arguments: [1, 2, 3, 4, 5])
    func theIndexedGroupingIsTheExhaustiveOne(seed: UInt64) {
        var random = SeededRandom(state: seed)
        let vocabulary = ["error", "failed", "cannot", "open", "<path>", "<num>", "module", "missing", "timeout", "denied"]
        let patterns = (0..<400).map { _ in
            (0..<Int.random(in: 4...9, using: &random)).map { _ in vocabulary.randomElement(using: &random)! }.joined(separator: " ")
        }
        let unknown = patterns.enumerated().map { k, p in
            (name: "log\(k)", signature: ErrorSignature.Generalized(text: p, pattern: p, terms: p), line: p)
        }
        for similarity in [0.5, 0.7, 0.9] {
            let found = LogTriage.families(unknown, similarity: similarity)
                .map { $0.logs.map { Int($0.dropFirst(3))! }.sorted() }.sorted { $0[0] < $1[0] }
            #expect(found == Self.reference(patterns, similarity: similarity), "seed \(seed), similarity \(similarity)")
        }
    }
}
