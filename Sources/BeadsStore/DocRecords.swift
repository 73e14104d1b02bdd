import Foundation

/// What the docs index keeps of one solution doc. The knowledge layer computes these
/// from the Markdown; the store only keeps them.
public struct IndexedDoc: Sendable {
    public var path: String
    public var title: String
    public var fingerprint: FileFingerprint
    public var hash: String
    /// The beads the doc as a whole is about (front matter `beads:`, `Bead:` lines).
    public var primaryBeads: [String]
    /// Problems met while indexing (broken front matter, …), with file and line.
    public var warnings: [String]
    public var sections: [SectionRecord]
    public var mentions: [MentionRecord]
    public var signatures: [SignatureRecord]
    public var recipes: [RecipeRecord]

    public init(
        path: String, title: String, fingerprint: FileFingerprint, hash: String, primaryBeads: [String],
        warnings: [String], sections: [SectionRecord], mentions: [MentionRecord],
        signatures: [SignatureRecord], recipes: [RecipeRecord]
    ) {
        self.path = path
        self.title = title
        self.fingerprint = fingerprint
        self.hash = hash
        self.primaryBeads = primaryBeads
        self.warnings = warnings
        self.sections = sections
        self.mentions = mentions
        self.signatures = signatures
        self.recipes = recipes
    }
}

public struct SectionRecord: Sendable, Equatable {
    public var ordinal: Int
    /// GitHub's anchor; empty for the text before the first heading.
    public var anchor: String
    public var title: String
    public var level: Int
    public var lineStart: Int
    public var lineEnd: Int
    public var parentOrdinal: Int?
    /// The section's first paragraph, as plain text.
    public var summary: String

    public init(
        ordinal: Int, anchor: String, title: String, level: Int, lineStart: Int, lineEnd: Int,
        parentOrdinal: Int?, summary: String
    ) {
        self.ordinal = ordinal
        self.anchor = anchor
        self.title = title
        self.level = level
        self.lineStart = lineStart
        self.lineEnd = lineEnd
        self.parentOrdinal = parentOrdinal
        self.summary = summary
    }
}

/// A bead id written somewhere in a doc.
public struct MentionRecord: Sendable, Equatable {
    public var beadID: String
    public var line: Int
    public var sectionAnchor: String
    /// The text around it, for `show` and lint messages.
    public var context: String

    public init(beadID: String, line: Int, sectionAnchor: String, context: String) {
        self.beadID = beadID
        self.line = line
        self.sectionAnchor = sectionAnchor
        self.context = context
    }
}

public struct SignatureRecord: Sendable, Equatable {
    public var id: Int64?
    public var beadID: String
    public var docPath: String?
    public var sectionAnchor: String
    public var line: Int
    /// `doc`, `front-matter` or `paste`.
    public var origin: String
    public var text: String
    /// Normalised tokens separated by spaces, `<*>` for wildcards.
    public var pattern: String
    /// The searchable words, separated by spaces.
    public var terms: String
    /// What the doc reader knew of it (role, place, how firmly it names its bead), as
    /// `key=value;…`; empty for signatures recorded from pastes.
    public var traits: String

    public init(
        id: Int64? = nil, beadID: String, docPath: String?, sectionAnchor: String, line: Int,
        origin: String, text: String, pattern: String, terms: String, traits: String = ""
    ) {
        self.id = id
        self.beadID = beadID
        self.docPath = docPath
        self.sectionAnchor = sectionAnchor
        self.line = line
        self.origin = origin
        self.text = text
        self.pattern = pattern
        self.terms = terms
        self.traits = traits
    }
}

/// A named fenced block: ```` ```bash {recipe=kaniko-build when=devpod requires=kubectl} ````.
public struct RecipeRecord: Sendable, Equatable {
    public var id: Int64?
    public var docPath: String
    public var name: String
    public var sectionAnchor: String
    public var line: Int
    public var language: String
    public var info: String
    public var attributes: [String: String]
    public var body: String
    public var bodyHash: String
    public var beadIDs: [String]

    public init(
        id: Int64? = nil, docPath: String, name: String, sectionAnchor: String, line: Int,
        language: String, info: String, attributes: [String: String], body: String,
        bodyHash: String, beadIDs: [String]
    ) {
        self.id = id
        self.docPath = docPath
        self.name = name
        self.sectionAnchor = sectionAnchor
        self.line = line
        self.language = language
        self.info = info
        self.attributes = attributes
        self.body = body
        self.bodyHash = bodyHash
        self.beadIDs = beadIDs
    }

    /// Where the recipe applies (`devpod`, `host`, `any`), from `when=`.
    public var when: String { attributes["when"] ?? "any" }
    /// Commands the recipe needs on PATH, from `requires=` (comma-separated).
    public var requires: [String] {
        (attributes["requires"] ?? "").split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
    }
    /// A one-line description, from `title=` or the first comment line of the body.
    public var summary: String {
        if let title = attributes["title"] { return title }
        for line in body.split(separator: "\n") {
            let t = line.trimmingCharacters(in: .whitespaces)
            if t.hasPrefix("#!") { continue }
            if t.hasPrefix("#") { return t.drop(while: { $0 == "#" || $0 == " " }).description }
            if !t.isEmpty { return t }
        }
        return ""
    }
}

/// A doc as listed by `doc list`.
public struct DocSummary: Sendable, Equatable {
    public var path: String
    public var title: String
    public var primaryBeads: [String]
    public var warnings: [String]
    public var signatureCount: Int
    public var recipeCount: Int
    /// How many of its signatures each bead has, in the order the doc gives them.
    public var signaturesByBead: [(bead: String, count: Int)] = []

    public static func == (a: DocSummary, b: DocSummary) -> Bool {
        a.path == b.path && a.title == b.title && a.primaryBeads == b.primaryBeads && a.warnings == b.warnings
            && a.signatureCount == b.signatureCount && a.recipeCount == b.recipeCount
            && a.signaturesByBead.map(\.bead) == b.signaturesByBead.map(\.bead)
            && a.signaturesByBead.map(\.count) == b.signaturesByBead.map(\.count)
    }
}
