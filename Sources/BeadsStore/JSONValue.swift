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
        var out: [UInt8] = []
        encode(into: &out)
        return String(decoding: out, as: UTF8.self)
    }

    /// Bytes, not a String: appending short Strings piece by piece was most of encoding
    /// a bead's line, done for every bead an import saves.
    public func encode(into out: inout [UInt8]) {
        switch self {
        case .null: out.append(contentsOf: "null".utf8)
        case let .bool(b): out.append(contentsOf: (b ? "true" : "false").utf8)
        case let .number(text): out.append(contentsOf: text.utf8)
        case let .string(s): JSONValue.encodeString(s, into: &out)
        case let .array(items):
            out.append(UInt8(ascii: "["))
            for (i, item) in items.enumerated() {
                if i > 0 { out.append(UInt8(ascii: ",")) }
                item.encode(into: &out)
            }
            out.append(UInt8(ascii: "]"))
        case let .object(fields):
            out.append(UInt8(ascii: "{"))
            for (i, (key, value)) in fields.enumerated() {
                if i > 0 { out.append(UInt8(ascii: ",")) }
                JSONValue.encodeString(key, into: &out)
                out.append(UInt8(ascii: ":"))
                value.encode(into: &out)
            }
            out.append(UInt8(ascii: "}"))
        }
    }

    private static let hexDigits = Array("0123456789abcdef".utf8)

    /// Runs of bytes that need no escape are copied whole: escaping scalar by scalar was
    /// a quarter of `import` (every bead's JSONL line is encoded on save).
    public static func encodeString(_ s: String, into out: inout [UInt8]) {
        out.append(UInt8(ascii: "\""))
        var s = s
        s.withUTF8 { bytes in
            var start = 0, k = 0
            while k < bytes.count {
                let b = bytes[k]
                var width = 1
                var escaped: UInt8 = 0
                var unicode: UInt32?
                switch b {
                case 0x22: escaped = UInt8(ascii: "\"")
                case 0x5C: escaped = UInt8(ascii: "\\")
                case 0x0A: escaped = UInt8(ascii: "n")
                case 0x0D: escaped = UInt8(ascii: "r")
                case 0x09: escaped = UInt8(ascii: "t")
                case 0x08: escaped = UInt8(ascii: "b")
                case 0x0C: escaped = UInt8(ascii: "f")
                // `<`, `>`, `&` and the line separators (U+2028, U+2029) are escaped, so
                // the JSON is safe inside HTML and JavaScript.
                case 0x3C, 0x3E, 0x26: unicode = UInt32(b)
                case 0xE2 where k + 2 < bytes.count && bytes[k + 1] == 0x80 && (bytes[k + 2] == 0xA8 || bytes[k + 2] == 0xA9):
                    unicode = bytes[k + 2] == 0xA8 ? 0x2028 : 0x2029
                    width = 3
                default: if b < 0x20 { unicode = UInt32(b) }
                }
                guard escaped != 0 || unicode != nil else {
                    k += 1
                    continue
                }
                out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[start..<k]))
                out.append(UInt8(ascii: "\\"))
                if let unicode {
                    out.append(UInt8(ascii: "u"))
                    for shift in stride(from: 12, through: 0, by: -4) { out.append(hexDigits[Int((unicode >> UInt32(shift)) & 0xF)]) }
                } else {
                    out.append(escaped)
                }
                k += width
                start = k
            }
            out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[start..<bytes.count]))
        }
        out.append(UInt8(ascii: "\""))
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
            return "{\n"
                + fields.map { key, value in
                    inner + JSONValue.string(key).encoded() + ": " + value.prettyEncoded(indent: inner)
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
