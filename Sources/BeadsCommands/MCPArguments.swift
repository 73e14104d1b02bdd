import BeadsStore
import Foundation

/// A tool call's arguments, read with the errors a CLI user would get: a missing or
/// mistyped argument is a usage error naming it, never a crashed server.
struct MCPArguments {
    let values: [String: JSONValue]

    /// A call's `arguments` object; a later repeat of a key wins, as in JSON.parse.
    init(_ object: JSONValue?) throws {
        switch object {
        case nil, .null?: values = [:]
        case let .object(fields)?: values = Dictionary(fields, uniquingKeysWith: { _, last in last })
        case let other?: throw CommandFailure.usage("arguments must be an object, not \(other.typeName)")
        }
    }

    func optionalString(_ key: String) throws -> String? {
        switch values[key] {
        case nil, .null?: return nil
        case let .string(text)?: return text.isEmpty ? nil : text
        case let .number(text)?: return text
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
            throw CommandFailure.usage(
                "\(key) is \(text.utf8.count >> 10) KiB; send at most \(limit >> 10) KiB, the end of the log, where builds report")
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
        case let number? where number.intValue != nil: return number.intValue
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
