import BeadsTestSupport
import Foundation
import Testing

@testable import BeadsStore

/// bd 1.0.5's ready and blocked rules, written a second time from its source
/// (`internal/storage/issueops/blocked_state.go`, `ready_work.go`, `blocked.go`) as a
/// plain fixpoint over the JSONL, sharing no code with the store's SQL, and compared
/// with the store on generated graphs shaped like real bd exports.
struct ReadinessOracle {
    struct Item {
        var id: String
        var status: String
        var priority: Int
        var type: String
        var created: Double
        var pinned = false
        var ephemeral = false
        var deleted = false
        var deferUntil: Double?
        var deps: [(target: String, type: String, metadata: String?)] = []
    }

    var items: [String: Item] = [:]

    init(jsonl: String) {
        for line in jsonl.split(separator: "\n") {
            guard let object = try? JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any], let id = object["id"] as? String
            else { continue }
            var item = Item(
                id: id, status: object["status"] as? String ?? "open", priority: object["priority"] as? Int ?? 2,
                type: object["issue_type"] as? String ?? "task", created: Self.instant(object["created_at"] as? String) ?? 0)
            item.pinned = object["pinned"] as? Bool ?? false
            item.ephemeral = object["ephemeral"] as? Bool ?? false
            item.deleted = !((object["deleted_at"] as? String) ?? "").isEmpty
            item.deferUntil = Self.instant(object["defer_until"] as? String)
            for dep in object["dependencies"] as? [[String: Any]] ?? [] {
                guard let target = dep["depends_on_id"] as? String else { continue }
                item.deps.append((target, dep["type"] as? String ?? "blocks", dep["metadata"] as? String))
            }
            if let parent = object["parent"] as? String, !parent.isEmpty { item.deps.append((parent, "parent-child", nil)) }
            items[id] = item
        }
    }

    /// Seconds since 1970 from an RFC 3339 time with any fraction and offset.
    static func instant(_ text: String?) -> Double? {
        guard let text, text.count >= 20 else { return nil }
        let c = Array(text)
        func number(_ from: Int, _ count: Int) -> Int? { Int(String(c[from..<from + count])) }
        guard let year = number(0, 4), let month = number(5, 2), let day = number(8, 2), let hour = number(11, 2),
            let minute = number(14, 2), let second = number(17, 2)
        else { return nil }
        var k = 19
        var fraction = 0.0
        if c[k] == "." {
            var digits = ""
            k += 1
            while k < c.count, c[k].isNumber {
                digits.append(c[k])
                k += 1
            }
            fraction = Double("0." + digits) ?? 0
        }
        var offset = 0
        if k < c.count, c[k] == "+" || c[k] == "-", let h = number(k + 1, 2), let m = number(k + 4, 2) {
            offset = (c[k] == "+" ? 1 : -1) * (h * 3600 + m * 60)
        }
        var parts = DateComponents()
        (parts.year, parts.month, parts.day, parts.hour, parts.minute, parts.second) = (year, month, day, hour, minute, second)
        parts.timeZone = TimeZone(secondsFromGMT: 0)
        guard let date = Calendar(identifier: .gregorian).date(from: parts) else { return nil }
        return date.timeIntervalSince1970 + fraction - Double(offset)
    }

    func finished(_ status: String) -> Bool { ["closed", "pinned", "tombstone"].contains(status) }

    func children(of spawner: String) -> [Item] {
        items.values.filter { item in item.deps.contains { $0.type == "parent-child" && $0.target == spawner } }
    }

    /// bd's mark loop: repeat until nothing changes.
    var blocked: Set<String> {
        var marked = Set<String>()
        var changed = true
        while changed {
            changed = false
            for item in items.values where !finished(item.status) && !marked.contains(item.id) {
                let isBlocked = item.deps.contains { dep in
                    switch dep.type {
                    case "blocks", "conditional-blocks":
                        return items[dep.target].map { !finished($0.status) } ?? false
                    case "waits-for":
                        let kids = children(of: dep.target)
                        let anyGate =
                            dep.metadata.flatMap { try? JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any] }?["gate"]
                            as? String == "any-children"
                        if anyGate, kids.contains(where: { $0.status == "closed" }) { return false }
                        return kids.contains { !finished($0.status) }
                    case "parent-child":
                        return marked.contains(dep.target)
                    default:
                        return false
                    }
                }
                if isBlocked {
                    marked.insert(item.id)
                    changed = true
                }
            }
        }
        return marked
    }

    func ready(now: Double, sort: ReadySort) -> [String] {
        let blocked = self.blocked
        let deferredParents = Set(items.values.filter { ($0.deferUntil ?? 0) > now }.map(\.id))
        let machinery: Set<String> = ["merge-request", "gate", "molecule", "message", "agent", "role", "rig"]
        let ready = items.values.filter { item in
            item.status == "open" && !item.pinned && !item.ephemeral && !item.deleted && !machinery.contains(item.type)
                && (item.deferUntil ?? 0) <= now && !blocked.contains(item.id)
                && !item.deps.contains { $0.type == "parent-child" && deferredParents.contains($0.target) }
        }
        switch sort {
        case .priority:
            return ready.sorted { ($0.priority, -$0.created, $0.id) < ($1.priority, -$1.created, $1.id) }.map(\.id)
        case .oldest:
            return ready.sorted { ($0.created, $0.id) < ($1.created, $1.id) }.map(\.id)
        case .hybrid:
            let cutoff = now - 48 * 3600
            func key(_ item: Item) -> (Int, Int, Double, String) {
                item.created >= cutoff ? (0, item.priority, item.created, item.id) : (1, 999, item.created, item.id)
            }
            return ready.sorted { key($0) < key($1) }.map(\.id)
        }
    }

    func blockedList() -> [(id: String, by: [String])] {
        let blocked = self.blocked
        return items.values.filter { blocked.contains($0.id) }
            .sorted { ($0.priority, -$0.created, $0.id) < ($1.priority, -$1.created, $1.id) }
            .compactMap { item in
                var by = item.deps.filter { ["blocks", "conditional-blocks", "waits-for"].contains($0.type) }
                    .map(\.target).filter { items[$0].map { !finished($0.status) } ?? false }
                by = Array(Set(by)).sorted()
                if by.isEmpty, let parent = item.deps.filter({ $0.type == "parent-child" && items[$0.target] != nil }).map(\.target).max() {
                    by = [parent]
                }
                return by.isEmpty ? nil : (item.id, by)
            }
    }
}

/// Graphs like bd's exports: mostly closed work, open epics with children, blocks
/// chains, a few gates, molecules, waits-for spawners, deferred and pinned beads,
/// times with offsets and fractions, dangling and `external:` targets.
struct BdGraphGenerator {
    var rng: SeededRandom

    mutating func pick<T>(_ options: [T]) -> T { options[Int(rng.next() % UInt64(options.count))] }
    mutating func chance(_ percent: UInt64) -> Bool { rng.next() % 100 < percent }

    mutating func jsonl(count: Int, now: Double) -> String {
        let ids = (0..<count).map { "bd-" + String($0 + 100, radix: 36) }
        var lines: [String] = []
        for (k, id) in ids.enumerated() {
            var object: [String: Any] = [
                "id": id, "title": "Bead \(k)", "priority": Int(rng.next() % 5),
                "status": pick([
                    "open", "open", "open", "open", "in_progress", "blocked", "deferred", "closed", "closed", "closed", "pinned", "hooked",
                    "tombstone",
                ]),
                "issue_type": pick(["task", "task", "bug", "feature", "epic", "chore", "gate", "molecule", "message"]),
                "created_at": timestamp(now - Double(rng.next() % (10 * 86400)) - Double(rng.next() % 1000) / 1000),
                "updated_at": "2026-11-01T00:00:00Z",
            ]
            if chance(5) { object["pinned"] = true }
            if chance(5) { object["ephemeral"] = true }
            if chance(3) { object["deleted_at"] = "2026-11-02T00:00:00Z" }
            if chance(8) { object["defer_until"] = timestamp(now + (chance(50) ? 86400 : -86400)) }
            var deps: [[String: Any]] = []
            for _ in 0..<Int(rng.next() % 4) {
                let type = pick([
                    "blocks", "blocks", "conditional-blocks", "waits-for", "parent-child", "parent-child", "related", "discovered-from",
                    "blocked-by",
                ])
                var target = pick(ids)
                if chance(4) { target = "external:jira:OPS-\(rng.next() % 100)" }
                if chance(3) { target = "bd-gone\(rng.next() % 10)" }
                guard target != id else { continue }
                var dep: [String: Any] = ["issue_id": id, "depends_on_id": target, "type": type, "created_at": "2026-11-01T00:00:00Z"]
                if type == "waits-for", chance(50) { dep["metadata"] = #"{"gate":"any-children"}"# }
                deps.append(dep)
            }
            if !deps.isEmpty { object["dependencies"] = deps }
            if chance(5) { object["parent"] = pick(ids) == id ? ids[0] : pick(ids) }
            let data = try! JSONSerialization.data(withJSONObject: object, options: [.sortedKeys])
            lines.append(String(decoding: data, as: UTF8.self))
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// RFC 3339 with a fraction and one of a few offsets, as bd writes them.
    mutating func timestamp(_ instant: Double) -> String {
        let offset = pick([0, -8 * 3600, 5 * 3600 + 1800, -3 * 3600])
        let date = Date(timeIntervalSince1970: instant + Double(offset))
        var parts = Calendar(identifier: .gregorian).dateComponents(in: TimeZone(secondsFromGMT: 0)!, from: date)
        let fraction = String(format: "%06d", Int((instant - instant.rounded(.down)) * 1_000_000))
        parts.nanosecond = nil
        let zone = offset == 0 ? "Z" : String(format: "%@%02d:%02d", offset < 0 ? "-" : "+", abs(offset) / 3600, abs(offset) % 3600 / 60)
        return String(
            format: "%04d-%02d-%02dT%02d:%02d:%02d.", parts.year!, parts.month!, parts.day!, parts.hour!, parts.minute!, parts.second!)
            + fraction + zone
    }
}

@Suite struct ReadinessOracleTests {
    static let now = "2026-11-22T12:00:00Z"

    @Test(arguments: 1...24)
    func theStoreAgreesWithBdsRulesOnAGeneratedGraph(seed: UInt64) throws {
        let dir = TemporaryDirectory()
        let instant = try #require(ReadinessOracle.instant(Self.now))
        var generator = BdGraphGenerator(rng: SeededRandom(state: seed))
        let jsonl = generator.jsonl(count: 80, now: instant)
        try jsonl.write(toFile: dir.path + "/issues.jsonl", atomically: true, encoding: .utf8)
        let store = try BeadStore(databasePath: dir.path + "/beads.db", jsonlPath: dir.path + "/issues.jsonl")
        try store.syncFromJSONL(now: Self.now)
        let oracle = ReadinessOracle(jsonl: jsonl)

        for sort in ReadySort.allCases {
            let ready = try store.readyBeads(now: Self.now, limit: 0, sort: sort).map(\.bead.id)
            #expect(ready == oracle.ready(now: instant, sort: sort), "seed \(seed), --sort \(sort)")
        }
        let blocked = try store.blockedBeads(now: Self.now)
        let expected = oracle.blockedList()
        #expect(blocked.map(\.bead.id) == expected.map(\.id), "seed \(seed)")
        #expect(blocked.map(\.blockedBy) == expected.map(\.by), "seed \(seed)")
        // stats counts them in SQL; the counts are the lists' lengths.
        let counts = try store.readinessCounts(now: Self.now)
        #expect(counts.ready == oracle.ready(now: instant, sort: .priority).count, "seed \(seed)")
        #expect(counts.blocked == expected.count, "seed \(seed)")
    }

    /// The generator must make the cases the rules are about, or agreeing proves little.
    @Test func theGeneratedGraphsHoldEveryRulesCase() throws {
        let instant = try #require(ReadinessOracle.instant(Self.now))
        var seen = Set<String>()
        for seed in UInt64(1)...24 {
            var generator = BdGraphGenerator(rng: SeededRandom(state: seed))
            let oracle = ReadinessOracle(jsonl: generator.jsonl(count: 80, now: instant))
            let blocked = oracle.blocked
            for item in oracle.items.values {
                for dep in item.deps {
                    if dep.type == "waits-for", !oracle.children(of: dep.target).isEmpty { seen.insert("waits-for with children") }
                    if dep.type == "waits-for", dep.metadata != nil { seen.insert("any-children gate") }
                    if dep.type == "parent-child", blocked.contains(dep.target), blocked.contains(item.id) {
                        seen.insert("inherited block")
                    }
                    if dep.target.hasPrefix("external:") { seen.insert("external") }
                    if dep.type == "blocks", oracle.items[dep.target]?.status == "pinned" { seen.insert("pinned target") }
                }
                if item.status == "open", item.deferUntil.map({ $0 > instant }) == true { seen.insert("deferred") }
            }
            if !oracle.ready(now: instant, sort: .hybrid).isEmpty { seen.insert("ready") }
        }
        #expect(
            seen == ["waits-for with children", "any-children gate", "inherited block", "external", "pinned target", "deferred", "ready"])
    }
}
