/// What the doc reader knew of a candidate signature: where in the doc it was written
/// and how firmly the doc ties it to its bead. Stored with the signature (`traits`, as
/// `key=value;…`) and read by the scorer as features: the reader takes every line that
/// reads like an error and says what it knows; it excludes almost nothing.
public struct SignatureTraits: Sendable, Equatable {
    /// The kind of text it was taken from.
    public enum Role: String, Sendable, CaseIterable {
        /// A line of a fenced or indented block.
        case block
        /// A stack trace's exception line in a block.
        case exception
        /// Inline code in a paragraph, list item or table cell.
        case inline
        /// A line of a block quote (a quoted chat message, a GitHub alert).
        case quote
        /// A table cell's text.
        case cell
        /// A heading that quotes the error.
        case heading
        /// Text in raw HTML (`<details>`).
        case html
        /// Double-quoted prose.
        case prose
        /// `signatures:` in front matter, or a ```` ```signature ```` block: written as one on purpose.
        case declared
    }

    /// What the text around it is about.
    public enum Place: String, Sendable, CaseIterable {
        /// A section, admonition or paragraph about what goes wrong.
        case error
        /// Nothing says.
        case neutral
        /// About the cause or the fix.
        case remedy
        /// Example pastes.
        case example
        /// Another error, not to be confused with this one.
        case lookAlike = "lookalike"
    }

    /// How the bead was found for it, nearest first.
    public enum Attribution: Int, Sendable, CaseIterable {
        /// Named in the innermost scope that names any bead (a heading, a row's Bead cell,
        /// an FAQ answer's "tracked as …", a list item's "(ops-7)").
        case nearest = 0
        /// Named in an outer scope or declared by the doc, beside a nearer one.
        case outer = 1
        /// Named elsewhere in the doc only (no scope around it names one).
        case elsewhere = 2
        /// Only mentioned in passing (follow-ups, related tickets).
        case passing = 3
    }

    public var role: Role = .block
    public var place: Place = .neutral
    public var attribution: Attribution = .nearest
    /// How many beads share the same attribution.
    public var share = 1
    /// 3: a heading, a declaration or a Bead column names it; 2: "tracked as"; 1: a
    /// mention; 0: in passing.
    public var strength = 3
    /// Its bead's place among those sharing the attribution, as the doc names them (0: first).
    public var order = 0
    /// Written after the first error of its block: often fallout of that cause.
    public var fallout = false
    /// Its block shows a command or build step before it: a step's log.
    public var afterCommand = false
    /// The last clause of an `a: b: c` chain.
    public var clause = false
    /// A line of a block whose stack trace has its exception elsewhere: a banner or wrapper.
    public var besideException = false
    /// Its block lists wordings of one error, nothing else.
    public var wording = false
    /// The block it is in is a shell or program listing, not output.
    public var inCode = false

    public init() {}

    /// `role=block;place=error;attr=0;share=1;strength=3;fallout=1`: keys in a fixed order,
    /// flags only when set.
    public var encoded: String {
        var parts = [
            "role=\(role.rawValue)", "place=\(place.rawValue)", "attr=\(attribution.rawValue)", "share=\(share)",
            "strength=\(strength)", "order=\(order)",
        ]
        for (name, on) in [
            ("fallout", fallout), ("command", afterCommand), ("clause", clause), ("wording", wording),
            ("code", inCode), ("beside", besideException),
        ] where on {
            parts.append(name)
        }
        return parts.joined(separator: ";")
    }

    /// Reads `encoded`; anything unknown is left at its default (an empty string is a
    /// signature recorded from a paste).
    public init(encoded: String) {
        for part in encoded.split(separator: ";") {
            let pair = part.split(separator: "=", maxSplits: 1).map(String.init)
            let value = pair.count == 2 ? pair[1] : ""
            switch pair[0] {
            case "role": role = Role(rawValue: value) ?? .block
            case "place": place = Place(rawValue: value) ?? .neutral
            case "attr": attribution = Int(value).flatMap(Attribution.init(rawValue:)) ?? .nearest
            case "share": share = max(1, Int(value) ?? 1)
            case "strength": strength = Int(value) ?? 3
            case "order": order = Int(value) ?? 0
            case "fallout": fallout = true
            case "command": afterCommand = true
            case "clause": clause = true
            case "wording": wording = true
            case "code": inCode = true
            case "beside": besideException = true
            default: continue
            }
        }
    }
}
