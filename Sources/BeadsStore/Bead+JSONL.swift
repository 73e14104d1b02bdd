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
        let title = try string("title", required: true)!
        var priority = 2
        if let value = json["priority"], value != .null {
            guard let p = value.intValue else {
                throw BeadDecodingError(field: "priority", reason: "must be an integer 0-4, not \(value.typeName)")
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
        let created = try string("created_at") ?? now()
        self.init(
            id: id, title: title, description: try string("description") ?? "",
            status: BeadStatus(rawValue: try string("status") ?? "open"), priority: priority,
            issueType: try string("issue_type") ?? "task",
            assignee: try string("assignee").flatMap { $0.isEmpty ? nil : $0 }, labels: labels,
            createdAt: created, updatedAt: try string("updated_at") ?? created,
            closedAt: try string("closed_at"),
            closeReason: try string("close_reason").flatMap { $0.isEmpty ? nil : $0 },
            extra: fields.filter { !Bead.typedKeys.contains($0.0) })
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
        // Stable sort: canonical keys by rank, the rest after them in input order.
        let ordered = fields.enumerated().sorted { a, b in
            let ra = Bead.canonicalRank[a.element.0] ?? Int.max
            let rb = Bead.canonicalRank[b.element.0] ?? Int.max
            return ra != rb ? ra < rb : a.offset < b.offset
        }.map(\.element)
        return .object(ordered)
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
