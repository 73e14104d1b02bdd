/// Where a signature came from.
public enum SignatureOrigin {
    /// A doc's error text: a message in an error section, inline or in a block.
    public static let doc = "doc"
    /// An error that followed the cause in a doc's incident paste: evidence only
    /// when the cause's own words are near it.
    public static let fallout = "doc-fallout"
}

/// A paste a doc says must match it, or a look-alike it says must not match anything.
public struct DocExample: Sendable, Equatable {
    public var path: String
    public var line: Int
    public var text: String
    /// true: must match one of `beads`; false: a look-alike that must match no bead.
    public var expectsMatch: Bool
    public var beads: [String]
}
