import BeadsStore

/// A bead's neighbourhood in the dependency graph, drawn on the server as inline SVG:
/// what it waits for on the left, what waits for it on the right, two steps each way.
/// Arrows point from the bead that must finish first to the one waiting; links that do
/// not block (related, parent-child, …) are dashed.
struct DependencyGraphSVG {
    struct Node {
        var id: String
        var title: String
        var status: String
        var layer: Int
    }

    struct Edge: Hashable {
        var from: String
        var to: String
        var type: String
    }

    var nodes: [String: Node] = [:]
    var edges: Set<Edge> = []
    /// Nodes left out past `limit`.
    var omitted = 0

    static let depth = 2
    static let limit = 40

    init(root: Bead, store: BeadStore) throws {
        nodes[root.id] = Node(id: root.id, title: root.title, status: root.status.rawValue, layer: 0)
        for direction in [-1, 1] {
            var frontier = [root.id]
            for step in 1...Self.depth {
                var next: [String] = []
                for id in frontier {
                    let links = try store.links(of: id)
                    for link in direction < 0 ? links.dependsOn : links.dependents {
                        edges.insert(
                            direction < 0 ? Edge(from: link.id, to: id, type: link.type) : Edge(from: id, to: link.id, type: link.type))
                        guard nodes[link.id] == nil else { continue }
                        guard nodes.count < Self.limit else {
                            omitted += 1
                            continue
                        }
                        nodes[link.id] = Node(
                            id: link.id, title: link.bead?.title ?? "(not in this store)",
                            status: link.bead?.status.rawValue ?? "missing", layer: direction * step)
                        next.append(link.id)
                    }
                }
                frontier = next
            }
        }
        edges = edges.filter { nodes[$0.from] != nil && nodes[$0.to] != nil }
    }

    var isEmpty: Bool { nodes.count == 1 }

    static let nodeWidth = 180, nodeHeight = 44, columnGap = 60, rowGap = 14

    func svg(label: String) -> String {
        let layers = Dictionary(grouping: nodes.values, by: \.layer).mapValues { $0.sorted { $0.id < $1.id } }
        let minLayer = layers.keys.min() ?? 0, maxLayer = layers.keys.max() ?? 0
        let tallest = layers.values.map(\.count).max() ?? 1
        let width = (maxLayer - minLayer + 1) * (Self.nodeWidth + Self.columnGap) - Self.columnGap + 20
        let height = tallest * (Self.nodeHeight + Self.rowGap) - Self.rowGap + 20
        var position: [String: (x: Int, y: Int)] = [:]
        for (layer, column) in layers {
            let top = (height - (column.count * (Self.nodeHeight + Self.rowGap) - Self.rowGap)) / 2
            for (row, node) in column.enumerated() {
                position[node.id] = (
                    10 + (layer - minLayer) * (Self.nodeWidth + Self.columnGap), top + row * (Self.nodeHeight + Self.rowGap)
                )
            }
        }
        var out =
            "<svg class=\"graph\" xmlns=\"http://www.w3.org/2000/svg\" width=\"\(width)\" height=\"\(height)\" viewBox=\"0 0 \(width) \(height)\" role=\"group\" aria-label=\"\(HTML.escape(label))\">\n"
        out +=
            "<defs><marker id=\"arrow\" viewBox=\"0 0 10 10\" refX=\"10\" refY=\"5\" markerWidth=\"7\" markerHeight=\"7\" orient=\"auto-start-reverse\"><path d=\"M0,0L10,5L0,10z\" fill=\"#555\"/></marker></defs>\n"
        for edge in edges.sorted(by: { ($0.from, $0.to, $0.type) < ($1.from, $1.to, $1.type) }) {
            guard let a = position[edge.from], let b = position[edge.to] else { continue }
            let (x1, y1, x2, y2) =
                a.x < b.x
                ? (a.x + Self.nodeWidth, a.y + Self.nodeHeight / 2, b.x, b.y + Self.nodeHeight / 2)
                : (
                    a.x + Self.nodeWidth / 2, a.y + (a.y < b.y ? Self.nodeHeight : 0), b.x + Self.nodeWidth / 2,
                    b.y + (a.y < b.y ? 0 : Self.nodeHeight)
                )
            let dash = DependencyType(rawValue: edge.type) == .blocks ? "" : " stroke-dasharray=\"5 4\""
            out +=
                "<line x1=\"\(x1)\" y1=\"\(y1)\" x2=\"\(x2)\" y2=\"\(y2)\" stroke=\"#555\" stroke-width=\"1.5\"\(dash) marker-end=\"url(#arrow)\"><title>\(HTML.escape("\(edge.from) \(edge.type) → \(edge.to)"))</title></line>\n"
        }
        for node in nodes.values.sorted(by: { $0.id < $1.id }) {
            guard let p = position[node.id] else { continue }
            let (fill, stroke) = Self.colours(node.status)
            let title = node.title.count > 24 ? String(node.title.prefix(23)) + "…" : node.title
            out +=
                "<a href=\"/beads/\(HTML.urlComponent(node.id))\"><title>\(HTML.escape("\(node.id): \(node.title) (\(node.status))"))</title>"
            out +=
                "<rect x=\"\(p.x)\" y=\"\(p.y)\" width=\"\(Self.nodeWidth)\" height=\"\(Self.nodeHeight)\" rx=\"5\" fill=\"\(fill)\" stroke=\"\(stroke)\" stroke-width=\"\(node.layer == 0 ? 3 : 1.5)\"/>"
            out +=
                "<text x=\"\(p.x + 8)\" y=\"\(p.y + 18)\" font-size=\"13\" font-weight=\"bold\">\(HTML.escape(node.id))<tspan fill=\"#333\" font-weight=\"normal\" font-size=\"11\"> \(HTML.escape(node.status))</tspan></text>"
            out += "<text x=\"\(p.x + 8)\" y=\"\(p.y + 35)\" font-size=\"12\" fill=\"#1b1b1b\">\(HTML.escape(title))</text></a>\n"
        }
        return out + "</svg>"
    }

    /// Fill and border by status; the text stays dark on every fill.
    static func colours(_ status: String) -> (String, String) {
        switch status {
        case "closed", "tombstone": ("#ececec", "#777")
        case "in_progress": ("#e3eefc", "#1f5fae")
        case "blocked": ("#fde8e8", "#a10000")
        case "missing": ("#fff", "#a10000")
        default: ("#eaf6e4", "#2f6b1e")
        }
    }
}
