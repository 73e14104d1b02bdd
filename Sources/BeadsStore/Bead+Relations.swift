/// bd's dependencies and comments live in the bead's kept keys, in bd's own shapes,
/// so that they round-trip untouched; these helpers edit them in place.
extension Bead {
    /// Sets (or with nil removes) a kept key, keeping its position.
    public mutating func setExtra(_ key: String, _ value: JSONValue?) {
        if let index = extra.firstIndex(where: { $0.0 == key }) {
            if let value { extra[index].1 = value } else { extra.remove(at: index) }
        } else if let value {
            extra.append((key, value))
        }
    }

    public var dependencies: [JSONValue] {
        if case let .array(items)? = extraValue("dependencies") { return items }
        return []
    }

    /// Adds `self depends on target`; false when that exact dependency exists.
    public mutating func addDependency(on target: String, type: DependencyType, at time: String, by actor: String) -> Bool {
        var items = dependencies
        if items.contains(where: { $0["depends_on_id"]?.stringValue == target && DependencyType(stored: $0["type"]?.stringValue) == type })
        {
            return false
        }
        items.append(
            .object([
                ("issue_id", .string(id)), ("depends_on_id", .string(target)), ("type", .string(type.rawValue)),
                ("created_at", .string(time)), ("created_by", .string(actor)),
            ]))
        setExtra("dependencies", .array(items))
        return true
    }

    /// Removes dependencies on `target` (of one type, or all); false when there was none.
    public mutating func removeDependency(on target: String, type: DependencyType?) -> Bool {
        let items = dependencies
        let kept = items.filter { item in
            !(item["depends_on_id"]?.stringValue == target && (type == nil || DependencyType(stored: item["type"]?.stringValue) == type))
        }
        guard kept.count != items.count else { return false }
        setExtra("dependencies", kept.isEmpty ? nil : .array(kept))
        return true
    }

    public var comments: [JSONValue] {
        if case let .array(items)? = extraValue("comments") { return items }
        return []
    }

    /// Appends a comment as bd writes them (`id` the next integer).
    @discardableResult
    public mutating func addComment(author: String, text: String, at time: String) -> JSONValue {
        var items = comments
        let next = (items.compactMap { $0["id"]?.intValue }.max() ?? 0) + 1
        let comment = JSONValue.object([
            ("id", .number(String(next))), ("issue_id", .string(id)), ("author", .string(author)),
            ("text", .string(text)), ("created_at", .string(time)),
        ])
        items.append(comment)
        setExtra("comments", .array(items))
        return comment
    }
}
