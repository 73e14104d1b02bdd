import Foundation

/// A JSON document as Foundation's decoder reads it: shared by no code under test, so a
/// test that checks beads' output with it does not check beads with beads.
public indirect enum JSONTree: Decodable, Equatable, Sendable {
    case null
    case bool(Bool)
    case integer(Int)
    case number(Double)
    case string(String)
    case array([JSONTree])
    case object([String: JSONTree])

    public init(from decoder: Decoder) throws {
        let container = try decoder.singleValueContainer()
        if container.decodeNil() {
            self = .null
        } else if let value = try? container.decode(Bool.self) {
            self = .bool(value)
        } else if let value = try? container.decode(Int.self) {
            self = .integer(value)
        } else if let value = try? container.decode(Double.self) {
            self = .number(value)
        } else if let value = try? container.decode(String.self) {
            self = .string(value)
        } else if let value = try? container.decode([JSONTree].self) {
            self = .array(value)
        } else {
            self = .object(try container.decode([String: JSONTree].self))
        }
    }

    public static func parse(_ text: String) throws -> JSONTree {
        try JSONDecoder().decode(JSONTree.self, from: Data(text.utf8))
    }

    public subscript(key: String) -> JSONTree? {
        if case let .object(fields) = self { return fields[key] }
        return nil
    }

    public var array: [JSONTree]? {
        if case let .array(items) = self { return items }
        return nil
    }

    public var string: String? {
        if case let .string(text) = self { return text }
        return nil
    }
}

/// The part of JSON Schema 2020-12 beads' schemas use: type (one or a list), enum,
/// properties, required, additionalProperties (a boolean or a schema), items, oneOf,
/// anyOf, minimum, maximum, format date-time, and `$ref` into the document's `$defs`.
/// A keyword it does not know is an error, so a schema cannot quietly check less than
/// it says.
public struct SchemaValidator {
    let root: JSONTree

    public init(schema: JSONTree) { root = schema }

    static let known: Set<String> = [
        "$schema", "title", "description", "$defs", "type", "enum", "properties", "required", "additionalProperties",
        "items", "oneOf", "anyOf", "minimum", "maximum", "format", "$ref",
    ]

    /// Every way `value` breaks the schema, as "path: problem"; empty when it conforms.
    public func problems(_ value: JSONTree) -> [String] {
        var found: [String] = []
        check(value, against: root, at: "$", into: &found)
        return found
    }

    func check(_ value: JSONTree, against schema: JSONTree, at path: String, into found: inout [String]) {
        guard case let .object(keywords) = schema else { return found.append("\(path): the schema here is not an object") }
        for key in keywords.keys where !Self.known.contains(key) { found.append("\(path): unknown schema keyword \(key)") }
        if let ref = keywords["$ref"]?.string {
            let name = ref.replacingOccurrences(of: "#/$defs/", with: "")
            guard let target = root["$defs"]?[name] else { return found.append("\(path): $ref \(ref) names no definition") }
            check(value, against: target, at: path, into: &found)
        }
        if let type = keywords["type"] {
            let allowed = type.array?.compactMap(\.string) ?? [type.string ?? "?"]
            guard allowed.contains(where: { Self.has(value, type: $0) }) else {
                return found.append("\(path): \(Self.describe(value)) where the schema wants \(allowed.joined(separator: " or "))")
            }
        }
        if let choices = keywords["enum"]?.array, !choices.contains(value) {
            found.append("\(path): \(Self.describe(value)) is not one of the schema's values")
        }
        if keywords["format"]?.string == "date-time", case let .string(text) = value, !Self.isDateTime(text) {
            found.append("\(path): \"\(text)\" is not an RFC 3339 date-time")
        }
        if case let .integer(number) = value {
            if case let .integer(minimum)? = keywords["minimum"], number < minimum { found.append("\(path): \(number) < \(minimum)") }
            if case let .integer(maximum)? = keywords["maximum"], number > maximum { found.append("\(path): \(number) > \(maximum)") }
        }
        if case let .array(items) = value, let itemSchema = keywords["items"] {
            for (k, item) in items.enumerated() { check(item, against: itemSchema, at: "\(path)[\(k)]", into: &found) }
        }
        if case let .object(fields) = value {
            let properties: [String: JSONTree] = if case let .object(p)? = keywords["properties"] { p } else { [:] }
            if let required = keywords["required"]?.array?.compactMap(\.string) {
                for key in required where fields[key] == nil { found.append("\(path): missing required key \(key)") }
            }
            for (key, field) in fields.sorted(by: { $0.key < $1.key }) {
                if let property = properties[key] {
                    check(field, against: property, at: "\(path).\(key)", into: &found)
                } else {
                    switch keywords["additionalProperties"] {
                    case .bool(false)?: found.append("\(path): key \(key) is not in the schema")
                    case let extra? where extra != .bool(true): check(field, against: extra, at: "\(path).\(key)", into: &found)
                    default: break
                    }
                }
            }
        }
        for (keyword, needsOne) in [("oneOf", true), ("anyOf", false)] {
            guard let options = keywords[keyword]?.array else { continue }
            let passing = options.filter { option in
                var sub: [String] = []
                check(value, against: option, at: path, into: &sub)
                return sub.isEmpty
            }.count
            if needsOne ? passing != 1 : passing == 0 {
                found.append("\(path): \(Self.describe(value)) matches \(passing) of the \(keyword) choices")
            }
        }
    }

    static func has(_ value: JSONTree, type: String) -> Bool {
        switch (type, value) {
        case ("null", .null), ("boolean", .bool), ("integer", .integer), ("number", .integer), ("number", .number),
            ("string", .string), ("array", .array), ("object", .object):
            return true
        default: return false
        }
    }

    static func describe(_ value: JSONTree) -> String {
        switch value {
        case .null: return "null"
        case let .bool(flag): return "\(flag)"
        case let .integer(number): return "\(number)"
        case let .number(number): return "\(number)"
        case let .string(text): return "\"\(text.prefix(40))\""
        case .array: return "an array"
        case .object: return "an object"
        }
    }

    static func isDateTime(_ text: String) -> Bool {
        text.range(of: #"^\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$"#, options: .regularExpression) != nil
    }
}
