/// bd's JSONL: one bead an object a line.
extension Bead {
    /// bd's key order (the order of its Go struct fields). Keys not listed here keep
    /// their input order after these, so a bd export re-exports byte for byte.
    static let canonicalKeyOrder: [String] = [
        "id", "title", "description", "design", "acceptance_criteria", "notes", "status", "priority",
        "issue_type", "assignee", "owner", "estimated_minutes", "created_at", "created_by", "updated_at",
        "closed_at", "close_reason", "external_ref", "labels", "dependencies", "comments",
    ]
    private static let canonicalRank: [String: Int] = Dictionary(
        uniqueKeysWithValues: canonicalKeyOrder.enumerated().map { ($1, $0) })

    static let typedKeys: Set<String> = [
        "id", "title", "description", "status", "priority", "issue_type", "assignee", "labels",
        "created_at", "updated_at", "closed_at", "close_reason",
    ]

    /// Decodes one JSONL object. `now` fills timestamps a hand-written line left out.
    public init(json: JSONValue, now: @autoclosure () -> String) throws(BeadDecodingError) {
        guard case let .object(fields) = json else {
            throw BeadDecodingError(field: nil, reason: "a bead must be a JSON object, not \(json.typeName)")
        }
        func string(_ key: String, required: Bool = false) throws(BeadDecodingError) -> String? {
            guard let value = json[key], value != .null else {
                if required { throw BeadDecodingError(field: key, reason: "is missing") }
                return nil
            }
            guard let s = value.stringValue else {
                throw BeadDecodingError(field: key, reason: "must be a string, not \(value.typeName)")
            }
            return s
        }
        guard let id = try string("id", required: true), !id.isEmpty else {
            throw BeadDecodingError(field: "id", reason: "must not be empty")
        }
        guard Self.isSafeImportedID(id) else {
            throw BeadDecodingError(
                field: "id",
                reason:
                    "\"\(id.prefix(60))\" is not a bead id: letters, digits, '.', '_' and '-' only, no '..', at most 200 characters (e.g. mo-3t8p)"
            )
        }
        let title = try string("title", required: true)!
        var priority = 2
        if let value = json["priority"], value != .null {
            guard let p = value.intValue else {
                throw BeadDecodingError(field: "priority", reason: "must be an integer 0-4, not \(value.typeName)")
            }
            guard BeadPriority.range.contains(p) else {
                throw BeadDecodingError(field: "priority", reason: "must be \(BeadPriority.meaning), not \(p)")
            }
            priority = p
        }
        var labels: [String] = []
        if let value = json["labels"], value != .null {
            guard case let .array(items) = value else {
                throw BeadDecodingError(field: "labels", reason: "must be an array of strings")
            }
            for item in items {
                guard let label = item.stringValue else {
                    throw BeadDecodingError(field: "labels", reason: "must be an array of strings")
                }
                labels.append(label)
            }
        }
        let status = try string("status") ?? "open"
        guard BeadStatus.known.contains(BeadStatus(rawValue: status)) else {
            throw BeadDecodingError(
                field: "status",
                reason:
                    "\"\(status.prefix(40))\" is not a status (one of \(BeadStatus.known.map(\.rawValue).sorted().joined(separator: ", ")))"
            )
        }
        for key in ["created_at", "updated_at", "closed_at"] {
            if let value = try string(key), !Self.isTimestamp(value) {
                throw BeadDecodingError(field: key, reason: "\"\(value.prefix(40))\" is not an RFC 3339 time (e.g. 2026-02-04T15:30:00Z)")
            }
        }
        let created = try string("created_at") ?? now()
        self.init(
            id: id, title: title, description: try string("description") ?? "",
            status: BeadStatus(rawValue: status), priority: priority,
            issueType: try string("issue_type") ?? "task",
            assignee: try string("assignee").flatMap { $0.isEmpty ? nil : $0 }, labels: labels,
            createdAt: created, updatedAt: try string("updated_at") ?? created,
            closedAt: try string("closed_at"),
            closeReason: try string("close_reason").flatMap { $0.isEmpty ? nil : $0 },
            extra: fields.filter { !Bead.typedKeys.contains($0.0) })
    }

    /// An id that is safe to store and to use in paths and messages, as bd's own exports
    /// carry them (`bd-beads-polecat-DoltTest` too): not `../../etc/passwd`.
    static func isSafeImportedID(_ id: String) -> Bool {
        let bytes = Array(id.utf8)
        guard (1...200).contains(bytes.count), !id.contains("..") else { return false }
        return bytes.enumerated().allSatisfy { k, b in
            let alnum = (b >= 0x30 && b <= 0x39) || ((b | 0x20) >= 0x61 && (b | 0x20) <= 0x7A)
            return alnum || (k > 0 && (b == UInt8(ascii: ".") || b == UInt8(ascii: "_") || b == UInt8(ascii: "-")))
        }
    }

    /// `YYYY-MM-DDTHH:MM:SS`, optional fraction, then `Z` or `±HH:MM`.
    static func isTimestamp(_ text: String) -> Bool {
        let b = Array(text.utf8)
        func digits(_ range: Range<Int>) -> Bool { range.upperBound <= b.count && range.allSatisfy { b[$0] >= 0x30 && b[$0] <= 0x39 } }
        guard b.count >= 20, digits(0..<4), b[4] == 0x2D, digits(5..<7), b[7] == 0x2D, digits(8..<10),
            b[10] == UInt8(ascii: "T") || b[10] == 0x20, digits(11..<13), b[13] == 0x3A, digits(14..<16), b[16] == 0x3A,
            digits(17..<19)
        else { return false }
        var k = 19
        if k < b.count, b[k] == UInt8(ascii: ".") {
            k += 1
            let start = k
            while k < b.count, b[k] >= 0x30, b[k] <= 0x39 { k += 1 }
            guard k > start else { return false }
        }
        if k < b.count, b[k] == UInt8(ascii: "Z") { return k + 1 == b.count }
        guard k + 6 == b.count, b[k] == UInt8(ascii: "+") || b[k] == UInt8(ascii: "-"), digits((k + 1)..<(k + 3)), b[k + 3] == 0x3A,
            digits((k + 4)..<(k + 6))
        else { return false }
        return true
    }

    /// The bead as one compact JSONL line (no newline), keys in bd's order.
    public func jsonLine() -> String {
        jsonValue.encoded()
    }

    /// The bead as bd's JSON object (`show --json`, one JSONL line), keys in bd's order.
    public var jsonValue: JSONValue {
        var fields: [(String, JSONValue)] = [("id", .string(id)), ("title", .string(title))]
        if !description.isEmpty { fields.append(("description", .string(description))) }
        fields.append(("status", .string(status.rawValue)))
        fields.append(("priority", .number(String(priority))))
        fields.append(("issue_type", .string(issueType)))
        if let assignee, !assignee.isEmpty { fields.append(("assignee", .string(assignee))) }
        fields.append(("created_at", .string(createdAt)))
        fields.append(("updated_at", .string(updatedAt)))
        if let closedAt { fields.append(("closed_at", .string(closedAt))) }
        if let closeReason, !closeReason.isEmpty { fields.append(("close_reason", .string(closeReason))) }
        if !labels.isEmpty { fields.append(("labels", .array(labels.map(JSONValue.string)))) }
        fields += extra
        // Stable sort: canonical keys by rank, the rest after them in input order. Each
        // key's rank is looked up once, not in every comparison.
        let ranked = fields.enumerated().map { (rank: Bead.canonicalRank[$0.element.0] ?? Int.max, offset: $0.offset, field: $0.element) }
        return .object(ranked.sorted { $0.rank != $1.rank ? $0.rank < $1.rank : $0.offset < $1.offset }.map(\.field))
    }

    /// The value of a kept, unmodelled key.
    public func extraValue(_ key: String) -> JSONValue? {
        extra.first { $0.0 == key }?.1
    }
}

/// A bead line that is not a valid bead, naming the field.
public struct BeadDecodingError: Error, Sendable, CustomStringConvertible {
    public var field: String?
    public var reason: String
    public var description: String {
        if let field { return "field \"\(field)\" \(reason)" }
        return reason
    }
}
