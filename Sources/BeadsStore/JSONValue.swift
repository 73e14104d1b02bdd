import Foundation

/// A JSON value that keeps what Foundation's JSONSerialization loses: the order of an
/// object's keys and the exact text of numbers. bd's JSONL must survive an
/// import/export round trip byte for byte, unknown keys included.
public indirect enum JSONValue: Sendable, Equatable {
    case null
    case bool(Bool)
    /// The number's literal text, as it appeared (`2`, `1.50`, `-3e2`).
    case number(String)
    case string(String)
    case array([JSONValue])
    case object([(String, JSONValue)])

    public static func == (lhs: JSONValue, rhs: JSONValue) -> Bool {
        switch (lhs, rhs) {
        case (.null, .null): return true
        case let (.bool(a), .bool(b)): return a == b
        case let (.number(a), .number(b)): return a == b
        case let (.string(a), .string(b)): return a == b
        case let (.array(a), .array(b)): return a == b
        case let (.object(a), .object(b)):
            return a.count == b.count && zip(a, b).allSatisfy { $0.0 == $1.0 && $0.1 == $1.1 }
        default: return false
        }
    }

    public var stringValue: String? {
        if case let .string(s) = self { return s }
        return nil
    }

    public var intValue: Int? {
        if case let .number(text) = self { return Int(text) ?? Double(text).flatMap { Int(exactly: $0) } }
        return nil
    }

    public subscript(key: String) -> JSONValue? {
        if case let .object(fields) = self { return fields.first { $0.0 == key }?.1 }
        return nil
    }

    /// A short name of the value's type, for error messages.
    public var typeName: String {
        switch self {
        case .null: return "null"
        case .bool: return "a boolean"
        case .number: return "a number"
        case .string: return "a string"
        case .array: return "an array"
        case .object: return "an object"
        }
    }
}

// MARK: - Encoding

extension JSONValue {
    /// Compact JSON as Go's encoding/json writes it (bd is written in Go): no spaces,
    /// `<`, `>`, `&`, U+2028 and U+2029 escaped as `\u003c`-style sequences.
    public func encoded() -> String {
        var out = ""
        encode(into: &out)
        return out
    }

    public func encode(into out: inout String) {
        switch self {
        case .null: out += "null"
        case let .bool(b): out += b ? "true" : "false"
        case let .number(text): out += text
        case let .string(s): JSONValue.encodeString(s, into: &out)
        case let .array(items):
            out += "["
            for (i, item) in items.enumerated() {
                if i > 0 { out += "," }
                item.encode(into: &out)
            }
            out += "]"
        case let .object(fields):
            out += "{"
            for (i, (key, value)) in fields.enumerated() {
                if i > 0 { out += "," }
                JSONValue.encodeString(key, into: &out)
                out += ":"
                value.encode(into: &out)
            }
            out += "}"
        }
    }

    private static let hexDigits = Array("0123456789abcdef")

    /// Runs of bytes that need no escape are copied whole: escaping scalar by scalar was
    /// a quarter of `import` (every bead's JSONL line is encoded on save).
    public static func encodeString(_ s: String, into out: inout String) {
        out += "\""
        var s = s
        s.withUTF8 { bytes in
            var start = 0, k = 0
            func flush(_ end: Int) {
                if end > start { out += String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<end]), as: UTF8.self) }
            }
            while k < bytes.count {
                let b = bytes[k]
                var width = 1
                let escape: String?
                switch b {
                case 0x22: escape = "\\\""
                case 0x5C: escape = "\\\\"
                case 0x0A: escape = "\\n"
                case 0x0D: escape = "\\r"
                case 0x09: escape = "\\t"
                case 0x08: escape = "\\b"
                case 0x0C: escape = "\\f"
                // `<`, `>`, `&` and the line separators (U+2028, U+2029) are escaped, so
                // the JSON is safe inside HTML and JavaScript.
                case 0x3C, 0x3E, 0x26: escape = unicodeEscape(UInt32(b))
                case 0xE2 where k + 2 < bytes.count && bytes[k + 1] == 0x80 && (bytes[k + 2] == 0xA8 || bytes[k + 2] == 0xA9):
                    escape = unicodeEscape(bytes[k + 2] == 0xA8 ? 0x2028 : 0x2029)
                    width = 3
                default: escape = b < 0x20 ? unicodeEscape(UInt32(b)) : nil
                }
                if let escape {
                    flush(k)
                    out += escape
                    k += width
                    start = k
                } else {
                    k += 1
                }
            }
            flush(bytes.count)
        }
        out += "\""
    }

    private static func unicodeEscape(_ value: UInt32) -> String {
        var out = ""
        appendUnicodeEscape(value, into: &out)
        return out
    }

    private static func appendUnicodeEscape(_ value: UInt32, into out: inout String) {
        out += "\\u"
        for shift in stride(from: 12, through: 0, by: -4) {
            out.append(hexDigits[Int((value >> UInt32(shift)) & 0xF)])
        }
    }
}

extension JSONValue {
    /// Indented JSON for people reading `--json` output; same escaping as `encoded()`.
    public func prettyEncoded(indent: String = "") -> String {
        let inner = indent + "  "
        switch self {
        case let .array(items) where !items.isEmpty:
            return "[\n" + items.map { inner + $0.prettyEncoded(indent: inner) }.joined(separator: ",\n") + "\n\(indent)]"
        case let .object(fields) where !fields.isEmpty:
            return "{\n" + fields.map { key, value in
                var k = ""
                JSONValue.encodeString(key, into: &k)
                return inner + k + ": " + value.prettyEncoded(indent: inner)
            }.joined(separator: ",\n") + "\n\(indent)}"
        default:
            return encoded()
        }
    }
}

/// Building JSON output without stringly-typed dictionaries.
extension JSONValue {
    public init(_ string: String?) { self = string.map(JSONValue.string) ?? .null }
    public init(_ int: Int) { self = .number(String(int)) }
    public init(_ double: Double, decimals: Int = 2) {
        self = .number(String(format: "%.\(decimals)f", double))
    }
    public init(_ bool: Bool) { self = .bool(bool) }
    public init(_ strings: [String]) { self = .array(strings.map(JSONValue.string)) }
}

/// `"type": "object"` rather than `.string("object")` where JSON is written out by hand.
extension JSONValue: ExpressibleByStringLiteral {
    public init(stringLiteral value: String) { self = .string(value) }
}
