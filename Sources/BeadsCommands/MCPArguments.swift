import BeadsStore
import Foundation
import MCP

/// A tool call's arguments, read with the errors a CLI user would get: a missing or
/// mistyped argument is a usage error naming it, never a crashed server.
struct MCPArguments {
    let values: [String: Value]

    init(_ values: [String: Value]) { self.values = values }

    func optionalString(_ key: String) throws -> String? {
        switch values[key] {
        case nil, .null?: return nil
        case let .string(text)?: return text.isEmpty ? nil : text
        case let .int(number)?: return String(number)
        default: throw CommandFailure.usage("argument \(key) must be a string")
        }
    }

    func string(_ key: String) throws -> String {
        guard let value = try optionalString(key) else { throw CommandFailure.usage("argument \(key) is required") }
        return value
    }

    /// Pasted text, bounded: an agent sends the end of a log, not all of it.
    func optionalText(_ key: String, limit: Int) throws -> String? {
        guard let text = try optionalString(key) else { return nil }
        guard text.utf8.count <= limit else {
            throw CommandFailure.usage("\(key) is \(text.utf8.count >> 10) KiB; send at most \(limit >> 10) KiB, the end of the log, where builds report")
        }
        return text
    }

    func text(_ key: String, limit: Int) throws -> String {
        guard let text = try optionalText(key, limit: limit), !text.allSatisfy(\.isWhitespace) else {
            throw CommandFailure.usage("argument \(key) is required: the error text")
        }
        return text
    }

    func int(_ key: String) throws -> Int? {
        switch values[key] {
        case nil, .null?: return nil
        case let .int(number)?: return number
        case let .double(number)? where number == number.rounded(): return Int(number)
        case let .string(text)?: if let number = Int(text) { return number }
        default: break
        }
        throw CommandFailure.usage("argument \(key) must be a whole number")
    }

    func bool(_ key: String) throws -> Bool? {
        switch values[key] {
        case nil, .null?: return nil
        case let .bool(flag)?: return flag
        default: throw CommandFailure.usage("argument \(key) must be true or false")
        }
    }

    func strings(_ key: String) throws -> [String] {
        switch values[key] {
        case nil, .null?: return []
        case let .array(items)?:
            return try items.map { item in
                guard case let .string(text) = item else { throw CommandFailure.usage("argument \(key) must be a list of strings") }
                return text
            }
        case let .string(text)?: return text.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }
        default: throw CommandFailure.usage("argument \(key) must be a list of strings")
        }
    }
}

/// Our JSON values as MCP's.
enum MCPValue {
    static func from(_ json: JSONValue) -> Value {
        switch json {
        case .null: return .null
        case let .bool(flag): return .bool(flag)
        case let .number(text): return Int(text).map(Value.int) ?? Double(text).map(Value.double) ?? .string(text)
        case let .string(text): return .string(text)
        case let .array(items): return .array(items.map(from))
        case let .object(fields): return .object(Dictionary(fields.map { ($0.0, from($0.1)) }, uniquingKeysWith: { _, last in last }))
        }
    }
}
