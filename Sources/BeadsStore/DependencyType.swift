/// What a dependency says, as bd names it. bd takes any word as a type (a newer bd's
/// types pass through untouched); the ones beads knows say whether they hold work back.
public struct DependencyType: RawRepresentable, Hashable, Sendable, CustomStringConvertible, ExpressibleByStringLiteral {
    public let rawValue: String

    public init(rawValue: String) { self.rawValue = rawValue }
    public init(stringLiteral value: String) { rawValue = value }

    /// The type of a dependency written without one, as bd reads it.
    public init(stored text: String?) { rawValue = text.flatMap { $0.isEmpty ? nil : $0 } ?? Self.blocks.rawValue }

    public static let blocks: DependencyType = "blocks"
    /// bd treats it exactly as blocks (its failure-word rule is written down, not applied).
    public static let conditionalBlocks: DependencyType = "conditional-blocks"
    public static let waitsFor: DependencyType = "waits-for"
    public static let parentChild: DependencyType = "parent-child"
    public static let related: DependencyType = "related"
    public static let discoveredFrom: DependencyType = "discovered-from"

    /// Through these an unfinished target blocks its dependent until it is closed or pinned.
    public static let blocking: [DependencyType] = [.blocks, .conditionalBlocks]
    /// Every type that holds work back one way or another: a cycle among these makes beads
    /// that can never become ready.
    public static let holding: [DependencyType] = blocking + [.waitsFor, .parentChild]

    public var isBlocking: Bool { Self.blocking.contains(self) }
    /// Whether the dependent waits on the target (blocks, waits-for, parent-child), as
    /// opposed to only pointing at it (related, discovered-from, …).
    public var holdsWork: Bool { Self.holding.contains(self) }

    public var description: String { rawValue }

    /// A type a person typed: one word of letters, digits and dashes.
    public static func parse(_ text: String) -> DependencyType? {
        let word = text.trimmingCharacters(in: .whitespaces).lowercased()
        guard !word.isEmpty, word.allSatisfy({ $0.isLetter || $0.isNumber || $0 == "-" || $0 == "_" }) else { return nil }
        return DependencyType(rawValue: word)
    }

    public static func problem(_ text: String) -> String {
        "dependency type must be one word (blocks, parent-child, conditional-blocks, waits-for, related, discovered-from, …); not \(text)"
    }
}
