/// A three-way merge of bd JSONL files by bead id, for git's merge driver.
///
/// Line-based merging conflicts whenever two branches touch neighbouring beads or
/// the same bead's different fields. Here each bead is merged field by field: a side
/// that changed a field wins over one that did not; when both changed it, labels,
/// comments and dependencies are unioned and any other field goes to the side whose
/// `updated_at` is later. A bead deleted on one side and changed on the other is kept.
public enum JSONLMerge {
    public struct Result: Sendable {
        public var text: String
        /// Fields both sides changed differently, settled by the rules above.
        public var settled: [String]
    }

    static let unionKeys: Set<String> = ["labels", "comments", "dependencies"]

    public static func merge(base: String, ours: String, theirs: String) throws(StoreError) -> Result {
        let b = try beads(base, "base"), o = try beads(ours, "ours"), t = try beads(theirs, "theirs")
        var settled: [String] = []
        var merged: [String: JSONValue] = [:]
        for id in Set(o.keys).union(t.keys).union(b.keys) {
            switch (b[id], o[id], t[id]) {
            case (_, nil, nil):
                continue
            case let (nil, one?, nil), let (nil, nil, one?):
                merged[id] = one
            case let (base?, nil, other?), let (base?, other?, nil):
                // Deleted on one side: stays deleted unless the other side changed it.
                if other != base { merged[id] = other }
            case let (base, mine?, other?):
                merged[id] = mergeBead(id: id, base: base, ours: mine, theirs: other, settled: &settled)
            }
        }
        var out = ""
        for id in merged.keys.sorted() {
            let value = merged[id]!
            // Re-encode through Bead for bd's key order; keep the raw object if it is not a bead.
            out += ((try? Bead(json: value, now: "")).map { $0.jsonLine() } ?? value.encoded()) + "\n"
        }
        return Result(text: out, settled: settled.sorted())
    }

    static func beads(_ text: String, _ side: String) throws(StoreError) -> [String: JSONValue] {
        var map: [String: JSONValue] = [:]
        for (n, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let trimmed = line.trimmingCharacters(in: .whitespaces)
            if trimmed.isEmpty { continue }
            let value: JSONValue
            do {
                value = try JSONValue.parse(String(trimmed))
            } catch {
                throw StoreError.badJSONL(path: side, line: n + 1, reason: "is not valid JSON (\(error))")
            }
            guard let id = value["id"]?.stringValue else {
                throw StoreError.badJSONL(path: side, line: n + 1, reason: "has no \"id\"")
            }
            map[id] = value
        }
        return map
    }

    static func mergeBead(id: String, base: JSONValue?, ours: JSONValue, theirs: JSONValue, settled: inout [String]) -> JSONValue {
        if ours == theirs { return ours }
        guard case let .object(mine) = ours, case let .object(other) = theirs else { return ours }
        let baseFields: [(String, JSONValue)] = { if case let .object(f)? = base { return f } else { return [] } }()
        let b = Dictionary(baseFields, uniquingKeysWith: { a, _ in a })
        let o = Dictionary(mine, uniquingKeysWith: { a, _ in a })
        let t = Dictionary(other, uniquingKeysWith: { a, _ in a })
        let theirsLater = (t["updated_at"]?.stringValue ?? "") > (o["updated_at"]?.stringValue ?? "")
        var keys = mine.map(\.0)
        for (k, _) in other where o[k] == nil { keys.append(k) }
        var result: [(String, JSONValue)] = []
        for key in keys {
            let (bv, ov, tv) = (b[key], o[key], t[key])
            let chosen: JSONValue?
            if ov == tv {
                chosen = ov
            } else if ov == bv {
                chosen = tv
            } else if tv == bv {
                chosen = ov
            } else if unionKeys.contains(key) {
                chosen = union(ov, tv)
                settled.append("\(id).\(key)")
            } else if key == "updated_at" {
                chosen = theirsLater ? tv : ov
            } else {
                chosen = theirsLater ? tv : ov
                settled.append("\(id).\(key)")
            }
            if let chosen { result.append((key, chosen)) }
        }
        return .object(result)
    }

    /// Items of both arrays, ours first, each once.
    static func union(_ a: JSONValue?, _ b: JSONValue?) -> JSONValue? {
        var items: [JSONValue] = []
        for case let .array(list)? in [a, b] {
            for item in list where !items.contains(item) { items.append(item) }
        }
        return items.isEmpty ? nil : .array(items)
    }
}
