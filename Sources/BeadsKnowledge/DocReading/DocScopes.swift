import BeadsStore
import Foundation

/// A doc read as a tree of scopes, each of which can name beads: the doc, its sections,
/// admonitions and `<details>`, list items, block quotes and table rows. Error text
/// belongs to the bead named by its nearest scope; text in a scope that names none
/// belongs to the beads its doc names.
struct DocScopes {
    enum Kind: Sendable { case doc, section, admonition, details, item, quote, row }

    struct Scope {
        var kind: Kind
        var parent: Int?
        var mentions: [Mention] = []
    }

    /// A bead id written in a scope's own text (not in a scope inside it).
    struct Mention: Equatable {
        var beadID: String
        /// 3: a heading, a declaration (`Bead: ID`, front matter, a Bead column) names it;
        /// 2: "tracked as ID"; 1: mentioned; 0: in passing ("follow-up: ID").
        var strength: Int
        var line: Int
    }

    private(set) var scopes: [Scope] = [Scope(kind: .doc, parent: nil)]

    mutating func add(_ kind: Kind, parent: Int) -> Int {
        scopes.append(Scope(kind: kind, parent: parent))
        return scopes.count - 1
    }

    mutating func mention(_ id: String, strength: Int, line: Int, in scope: Int) {
        scopes[scope].mentions.append(Mention(beadID: id, strength: strength, line: line))
    }

    var allMentions: [Mention] { scopes.flatMap(\.mentions) }

    /// One bead a text is attributed to, and how.
    struct Attributed: Equatable {
        var beadID: String
        var attribution: SignatureTraits.Attribution
        var strength: Int
        var share: Int
        /// Its place among the beads sharing the attribution, in the order the doc names them.
        var order = 0
    }

    /// The beads text in `scope` belongs to, nearest first: those of the innermost scope
    /// that names any (its strongest mentions), with the beads an outer scope declares
    /// beside them when the inner ones are only mentioned; else those named anywhere in
    /// the doc; else those mentioned in passing.
    func attribution(of scope: Int) -> [Attributed] {
        var chain: [Int] = []
        var current: Int? = scope
        while let c = current {
            chain.append(c)
            current = scopes[c].parent
        }
        for (depth, s) in chain.enumerated() {
            let named = scopes[s].mentions.filter { $0.strength > 0 }
            guard let best = named.map(\.strength).max() else { continue }
            let primary = unique(named.filter { $0.strength == best }.map(\.beadID))
            var out = primary.enumerated().map {
                Attributed(beadID: $1, attribution: .nearest, strength: best, share: primary.count, order: $0)
            }
            // A heading or declaration that names the text's bead settles it; a mere mention
            // leaves room for what an outer scope declares.
            guard best < 3 else { return out }
            let declared = unique(chain[(depth + 1)...].flatMap { scopes[$0].mentions.filter { $0.strength == 3 }.map(\.beadID) })
                .filter { !primary.contains($0) }
            out += declared.enumerated().map { Attributed(beadID: $1, attribution: .outer, strength: 3, share: declared.count, order: $0) }
            return out
        }
        // No scope around the text names a bead: it is the doc's, shared by every bead
        // the doc names (one, for most docs), strongest first.
        let everywhere = allMentions.sorted { $0.line < $1.line }
        for (floor, attribution) in [(1, SignatureTraits.Attribution.elsewhere), (0, .passing)] {
            let named = everywhere.filter { $0.strength >= floor }
            guard !named.isEmpty else { continue }
            var strongest: [String: Int] = [:]
            for m in named { strongest[m.beadID] = max(strongest[m.beadID] ?? 0, m.strength) }
            let beads = unique(named.map(\.beadID)).enumerated().sorted { a, b in
                strongest[a.element]! != strongest[b.element]! ? strongest[a.element]! > strongest[b.element]! : a.offset < b.offset
            }.map(\.element)
            return beads.enumerated().map {
                Attributed(beadID: $1, attribution: attribution, strength: strongest[$1]!, share: beads.count, order: $0)
            }
        }
        return []
    }

    private func unique(_ ids: [String]) -> [String] {
        var seen = Set<String>()
        return ids.filter { seen.insert($0).inserted }
    }
}

/// How firmly a piece of text names the bead ids in it.
enum MentionStrength {
    /// Keys that declare what a doc, section or row is about.
    static let declaringKeys: Set<String> = [
        "bead", "beads", "issue", "issues", "ticket", "tickets", "tracked in", "tracking", "tracking issue", "bead id",
        "issue id", "id", "jira", "bug", "incident", "incident ticket", "tracker", "key", "refs", "ref", "reference",
    ]
    /// Keys and phrases that name another bead in passing: a follow-up, a related one.
    static let passingPhrases = [
        "follow-up", "follow up", "followup", "see also", "related", "blocked by", "blocks", "depends on", "duplicate",
        "split out", "parent", "epic", "child of", "superseded", "replaced by", "until then", "prevention", "action item",
        "to do", "todo", "next step",
    ]
    /// Phrases just before an id that say the text is tracked by it.
    static let trackingPhrases = [
        "tracked as", "tracked in", "tracked by", "tracking", "ticket", "bead", "issue", "opened", "filed", "incident",
        "jira", "bug",
        // The same in the languages runbooks are often written in.
        "seguimiento", "llevamos en", "registrado en", "registrado como", "chamado", "acompanhamos em", "registrado no",
        "suivi dans", "suivi sous", "suivi en", "verfolgt in", "erfasst in", "erfasst als",
    ]

    /// The strength of each id in `text`, by the words just before it and a `Key:` the
    /// text starts with.
    static func classify(_ text: String, ids: [String]) -> [(id: String, strength: Int)] {
        guard !ids.isEmpty else { return [] }
        let lower = text.lowercased()
        var key: String?
        if let colon = lower.firstIndex(of: ":") {
            let k = lower[..<colon].trimmingCharacters(in: CharacterSet(charactersIn: " *_`#>-|"))
            if k.count <= 24 { key = k }
        }
        var out: [(String, Int)] = []
        var searchFrom = lower.startIndex
        for id in ids {
            guard let range = lower.range(of: id, range: searchFrom..<lower.endIndex) else {
                out.append((id, 1))
                continue
            }
            searchFrom = range.upperBound
            let before = String(
                lower[
                    lower.index(
                        range.lowerBound, offsetBy: -min(32, lower.distance(from: lower.startIndex, to: range.lowerBound)))..<range
                        .lowerBound])
            if passingPhrases.contains(where: before.contains) {
                out.append((id, 0))
            } else if let key, declaringKeys.contains(key) {
                out.append((id, 3))
            } else if let key, passingPhrases.contains(where: key.contains) {
                out.append((id, 0))
            } else if trackingPhrases.contains(where: before.contains) {
                out.append((id, 2))
            } else {
                out.append((id, 1))
            }
        }
        return out
    }
}
