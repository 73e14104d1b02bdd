import GRDB

/// One line of `beads dep tree`: a bead reached from the root, how deep, through
/// which bead and which kind of dependency.
public struct DependencyTreeNode: Sendable {
    public var id: String
    /// nil when a dependency names a bead the store does not have.
    public var bead: Bead?
    public var depth: Int
    /// The bead one level up (nil for the root).
    public var parentID: String?
    public var type: String?
    /// The walk stopped here: the bead was already shown above (a cycle or a
    /// diamond), or the depth limit was reached.
    public var truncated: Bool
}

extension BeadStore {
    /// Depth-first from `root` along dependencies (what it waits on), or along
    /// dependents with `reverse` (what waits on it). Each bead is expanded once.
    public func dependencyTree(of root: String, reverse: Bool = false, maxDepth: Int = 50) throws(StoreError) -> [DependencyTreeNode] {
        try read { db in
            guard let rootBead = try Self.fetchBead(root, in: db) else { throw StoreError.beadNotFound(root) }
            let sql =
                reverse
                ? "SELECT issue_id AS next, type FROM dependency WHERE depends_on_id = ? ORDER BY issue_id, type"
                : "SELECT depends_on_id AS next, type FROM dependency WHERE issue_id = ? ORDER BY depends_on_id, type"
            var nodes = [DependencyTreeNode(id: root, bead: rootBead, depth: 0, parentID: nil, type: nil, truncated: false)]
            var expanded: Set<String> = [root]
            func walk(_ id: String, depth: Int) throws {
                for row in try Row.fetchAll(db.cachedStatement(sql: sql), arguments: [id]) {
                    let next: String = row["next"]
                    let seen = expanded.contains(next)
                    let stop = seen || depth + 1 >= maxDepth
                    // Marked only when something was left out below it.
                    let cut = stop ? try Self.hasEdges(next, sql: sql, in: db) : false
                    nodes.append(
                        DependencyTreeNode(
                            id: next, bead: try Self.fetchBead(next, in: db), depth: depth + 1,
                            parentID: id, type: row["type"], truncated: cut))
                    if !stop {
                        expanded.insert(next)
                        try walk(next, depth: depth + 1)
                    }
                }
            }
            try walk(root, depth: 0)
            return nodes
        }
    }

    /// Every cycle among blocking dependencies, each as the ids along it, starting and
    /// ending at its smallest id (`[a, b, c, a]`). One cycle per strongly connected group.
    public func dependencyCycles() throws(StoreError) -> [[String]] {
        let edges = try read { db in
            try Row.fetchAll(
                db,
                sql: """
                    SELECT issue_id, depends_on_id FROM dependency
                    WHERE type IN (\(DependencyRules.holdingSQL))
                    ORDER BY issue_id, depends_on_id
                    """
            ).map { (from: $0["issue_id"] as String, to: $0["depends_on_id"] as String) }
        }
        var graph: [String: [String]] = [:]
        for edge in edges { graph[edge.from, default: []].append(edge.to) }
        return DependencyGraph(graph).cycles()
    }

    static func fetchBead(_ id: String, in db: Database) throws -> Bead? {
        try Row.fetchOne(db.cachedStatement(sql: "SELECT \(beadColumns) FROM bead WHERE id = ?"), arguments: [id]).map(bead(from:))
    }

    private static func hasEdges(_ id: String, sql: String, in db: Database) throws -> Bool {
        try Row.fetchOne(db.cachedStatement(sql: sql), arguments: [id]) != nil
    }
}

/// A directed graph of bead ids, for finding cycles (Tarjan's strongly connected
/// components, iteratively so a long chain cannot overflow the stack).
struct DependencyGraph {
    let edges: [String: [String]]

    init(_ edges: [String: [String]]) { self.edges = edges }

    func cycles() -> [[String]] {
        components().compactMap { component -> [String]? in
            let members = Set(component)
            guard let start = component.min() else { return nil }
            if component.count == 1, !(edges[start] ?? []).contains(start) { return nil }
            return shortestLoop(from: start, within: members)
        }.sorted { $0[0] < $1[0] }
    }

    /// Breadth-first from `start` back to itself, staying inside one component.
    private func shortestLoop(from start: String, within members: Set<String>) -> [String] {
        var cameFrom: [String: String] = [:]
        var queue = [start]
        var head = 0
        while head < queue.count {
            let node = queue[head]
            head += 1
            for next in edges[node] ?? [] where members.contains(next) {
                if next == start {
                    var path = [start]
                    var step = node
                    while step != start {
                        path.append(step)
                        step = cameFrom[step]!
                    }
                    return [start] + path.dropFirst().reversed() + [start]
                }
                if cameFrom[next] == nil {
                    cameFrom[next] = node
                    queue.append(next)
                }
            }
        }
        return [start, start]
    }

    private func components() -> [[String]] {
        var index: [String: Int] = [:]
        var lowLink: [String: Int] = [:]
        var onStack: Set<String> = []
        var stack: [String] = []
        var result: [[String]] = []
        var counter = 0
        for root in edges.keys.sorted() where index[root] == nil {
            // Each frame: a node and how many of its edges have been looked at.
            var frames: [(node: String, next: Int)] = [(root, 0)]
            index[root] = counter
            lowLink[root] = counter
            counter += 1
            stack.append(root)
            onStack.insert(root)
            while let frame = frames.last {
                let targets = edges[frame.node] ?? []
                if frame.next < targets.count {
                    frames[frames.count - 1].next += 1
                    let target = targets[frame.next]
                    if index[target] == nil {
                        index[target] = counter
                        lowLink[target] = counter
                        counter += 1
                        stack.append(target)
                        onStack.insert(target)
                        frames.append((target, 0))
                    } else if onStack.contains(target) {
                        lowLink[frame.node] = min(lowLink[frame.node]!, index[target]!)
                    }
                    continue
                }
                frames.removeLast()
                if let parent = frames.last {
                    lowLink[parent.node] = min(lowLink[parent.node]!, lowLink[frame.node]!)
                }
                if lowLink[frame.node] == index[frame.node] {
                    var component: [String] = []
                    while let member = stack.popLast() {
                        onStack.remove(member)
                        component.append(member)
                        if member == frame.node { break }
                    }
                    result.append(component)
                }
            }
        }
        return result
    }
}

/// A bead at the other end of a dependency, for `show`.
public struct LinkedBead: Sendable {
    public var id: String
    /// The dependency's type (`blocks`, `parent-child`, `related`…).
    public var type: String
    /// nil when the id names no bead in the store (a dangling or `external:` reference).
    public var bead: Bead?
}

extension BeadStore {
    /// What `id` depends on, and what depends on it, each with the bead at the far end.
    public func links(of id: String) throws(StoreError) -> (dependsOn: [LinkedBead], dependents: [LinkedBead]) {
        try read { db in
            func linked(_ sql: String) throws -> [LinkedBead] {
                try Row.fetchAll(db.cachedStatement(sql: sql), arguments: [id]).map { row in
                    let other: String = row["other"]
                    return LinkedBead(id: other, type: row["type"], bead: try Self.fetchBead(other, in: db))
                }
            }
            return (
                try linked("SELECT depends_on_id AS other, type FROM dependency WHERE issue_id = ? ORDER BY type, depends_on_id"),
                try linked("SELECT issue_id AS other, type FROM dependency WHERE depends_on_id = ? ORDER BY type, issue_id")
            )
        }
    }
}
