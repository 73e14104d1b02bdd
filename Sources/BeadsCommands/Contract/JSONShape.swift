import BeadsStore

/// The shape of a JSON value beads prints, written once in Swift and rendered as JSON
/// Schema (draft 2020-12). The same shape is the page in `manual/json/`, the answer of
/// `beads schema`, and an MCP tool's `outputSchema`, so the three cannot drift apart.
indirect enum JSONShape: Sendable {
    case string
    /// An RFC 3339 time, as bd writes them (`2026-02-04T15:30:00Z`).
    case timestamp
    case integer(minimum: Int? = nil, maximum: Int? = nil)
    case number
    case boolean
    case choice([String])
    case nullable(JSONShape)
    case array(JSONShape)
    /// `open`: keys besides these may appear (bd's own fields, kept as they are).
    case object([JSONField], open: Bool = false)
    /// An object whose keys are data (a path, a label), every value of one shape.
    case dictionary(JSONShape)
    /// A shared definition by name (`OutputContract.definitions`).
    case reference(String)

    static let int = JSONShape.integer()

    /// The object's fields, for shapes that extend another (a bead plus counts).
    var fields: [JSONField] {
        if case let .object(fields, _) = self { return fields }
        return []
    }
}

/// One key of an object shape.
struct JSONField: Sendable {
    var name: String
    var shape: JSONShape
    var required: Bool
    var summary: String?

    /// A key that is always there (its value may still be `null` when the shape says so).
    static func always(_ name: String, _ shape: JSONShape, _ summary: String? = nil) -> JSONField {
        JSONField(name: name, shape: shape, required: true, summary: summary)
    }

    /// A key left out when there is nothing to say.
    static func sometimes(_ name: String, _ shape: JSONShape, _ summary: String? = nil) -> JSONField {
        JSONField(name: name, shape: shape, required: false, summary: summary)
    }

    var optional: JSONField { JSONField(name: name, shape: shape, required: false, summary: summary) }
}

/// How a shape is rendered: in full for the manual and `beads schema`; for MCP's
/// `tools/list`, which every agent session pays for, without prose and only `depth`
/// objects deep (a deeper object is just "an object", so every value the full schema
/// accepts is accepted), shared definitions written in place.
struct SchemaStyle: Sendable {
    var descriptions = true
    var depth: Int?
    var definitions: [String: JSONShape] = [:]

    static let full = SchemaStyle()

    func deeper() -> SchemaStyle {
        var style = self
        style.depth = depth.map { $0 - 1 }
        return style
    }

    var collapsed: Bool { depth.map { $0 <= 0 } ?? false }
}

extension JSONShape {
    /// The JSON Schema for this shape.
    func schema(_ style: SchemaStyle = .full) -> JSONValue {
        .object(schemaFields(style))
    }

    private func schemaFields(_ style: SchemaStyle) -> [(String, JSONValue)] {
        switch self {
        case .string: return [("type", "string")]
        case .timestamp: return [("type", "string"), ("format", "date-time")]
        case let .integer(minimum, maximum):
            return [("type", "integer")] + (minimum.map { [("minimum", JSONValue($0))] } ?? [])
                + (maximum.map { [("maximum", JSONValue($0))] } ?? [])
        case .number: return [("type", "number")]
        case .boolean: return [("type", "boolean")]
        case let .choice(values): return [("type", "string"), ("enum", JSONValue(values))]
        case let .nullable(inner):
            var fields = inner.schemaFields(style)
            if let k = fields.firstIndex(where: { $0.0 == "type" }), case let .string(type) = fields[k].1 {
                fields[k].1 = .array([.string(type), "null"])
                if let e = fields.firstIndex(where: { $0.0 == "enum" }), case let .array(values) = fields[e].1 {
                    fields[e].1 = .array(values + [.null])
                }
                return fields
            }
            return [("anyOf", .array([.object(fields), .object([("type", "null")])]))]
        case let .array(item): return [("type", "array"), ("items", item.schema(style))]
        case let .object(fields, open):
            if style.collapsed { return [("type", "object")] }
            var schema: [(String, JSONValue)] = [("type", "object")]
            schema.append(
                (
                    "properties",
                    .object(
                        fields.map { field in
                            var property = field.shape.schema(style.deeper())
                            if style.descriptions, let summary = field.summary, case var .object(parts) = property {
                                parts.insert(("description", .string(summary)), at: 0)
                                property = .object(parts)
                            }
                            return (field.name, property)
                        })
                ))
            let required = fields.filter(\.required).map(\.name)
            if !required.isEmpty { schema.append(("required", JSONValue(required))) }
            schema.append(("additionalProperties", .bool(open)))
            return schema
        case let .dictionary(value):
            if style.collapsed { return [("type", "object")] }
            return [("type", "object"), ("additionalProperties", value.schema(style.deeper()))]
        case let .reference(name):
            if style.depth != nil, let definition = style.definitions[name] { return definition.schemaFields(style) }
            return [("$ref", .string("#/$defs/" + name))]
        }
    }

    /// The names of the shared definitions this shape refers to, directly.
    var references: Set<String> {
        switch self {
        case .string, .timestamp, .integer, .number, .boolean, .choice: return []
        case let .nullable(inner), let .array(inner), let .dictionary(inner): return inner.references
        case let .object(fields, _): return fields.reduce(into: []) { $0.formUnion($1.shape.references) }
        case let .reference(name): return [name]
        }
    }
}
