import SchouwModel
import SchouwResult

/// Which descriptor elements an audit found problems with, to mark them in diagrams.
public struct GraphHighlights: Sendable, Equatable {
    public var failingSystems: Set<String>
    public var failingFlows: Set<String>
    public var failingZones: Set<String>
    public var failingData: Set<String>

    public init(failingSystems: Set<String> = [], failingFlows: Set<String> = [], failingZones: Set<String> = [],
                failingData: Set<String> = []) {
        self.failingSystems = failingSystems; self.failingFlows = failingFlows
        self.failingZones = failingZones; self.failingData = failingData
    }

    /// Subjects of failing outcomes (an expired waiver counts as failing; a valid waiver does not).
    public init(result: AuditResult) {
        self.init(outcomes: result.outcomes)
    }

    public init(outcomes: [Outcome]) {
        self.init()
        for outcome in outcomes where outcome.effectiveStatus == .fail {
            switch outcome.subject.kind {
            case "system": failingSystems.insert(outcome.subject.id)
            case "flow": failingFlows.insert(outcome.subject.id)
            case "zone": failingZones.insert(outcome.subject.id)
            case "data": failingData.insert(outcome.subject.id)
            default: break
            }
        }
    }
}

/// The diagram's view of a descriptor: zones nested as clusters, systems inside them, flows between
/// systems labelled with their data. Built once and drawn by the DOT, Mermaid and SVG writers, so the
/// three agree on what is failing and what carries personal data.
public struct DataFlowGraph: Sendable {
    public struct ZoneNode: Sendable {
        public var id: String
        public var label: String
        public var detail: String
        public var trust: Trust?
        public var failing: Bool
        public var zones: [String]
        public var systems: [String]
    }

    public struct SystemNode: Sendable {
        public var id: String
        public var label: String
        public var kind: SystemKind?
        public var failing: Bool
        public var personal: Bool
    }

    public struct Edge: Sendable {
        public var id: String
        public var from: String
        public var to: String
        public var label: String
        public var personal: Bool
        public var failing: Bool
    }

    public var title: String
    public var zones: [String: ZoneNode]
    public var systems: [String: SystemNode]
    /// Top-level zones and systems outside any (known) zone, in descriptor order.
    public var rootZones: [String]
    public var rootSystems: [String]
    /// Systems in descriptor order.
    public var systemOrder: [String]
    /// Flows between known systems, in descriptor order.
    public var edges: [Edge]

    public init(descriptor d: Descriptor, highlights: GraphHighlights = GraphHighlights()) {
        title = d.project.name
        let assets = Dictionary(d.data.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        func isPersonal(_ dataID: String) -> Bool {
            guard let asset = assets[dataID] else { return false }
            return asset.categories.contains { c in
                ["personal", "special", "criminal"].contains { c == $0 || c.hasPrefix($0 + ".") }
            }
        }

        var zones: [String: ZoneNode] = [:]
        var zoneOrder: [String] = []
        for z in d.zones where zones[z.id] == nil {
            var detail = [z.kind?.rawValue, z.trust?.rawValue].compactMap { $0 }.joined(separator: ", ")
            if let country = z.country { detail += detail.isEmpty ? country : " · \(country)" }
            zones[z.id] = ZoneNode(id: z.id, label: z.name ?? z.id, detail: detail, trust: z.trust,
                                   failing: highlights.failingZones.contains(z.id), zones: [], systems: [])
            zoneOrder.append(z.id)
        }
        // Nest zones by `parent`; a dangling parent or a cycle puts the zone at the top level.
        var parents: [String: String] = [:]
        for z in d.zones {
            guard let parent = z.parent, zones[parent] != nil, parent != z.id else { continue }
            var seen: Set<String> = [z.id]
            var cursor: String? = parent
            var cyclic = false
            while let c = cursor {
                if seen.contains(c) { cyclic = true; break }
                seen.insert(c)
                cursor = parents[c] ?? d.zones.first(where: { $0.id == c })?.parent
                if let next = cursor, zones[next] == nil { cursor = nil }
            }
            if !cyclic { parents[z.id] = parent }
        }
        var rootZones: [String] = []
        for id in zoneOrder {
            if let parent = parents[id] { zones[parent]?.zones.append(id) } else { rootZones.append(id) }
        }

        var systems: [String: SystemNode] = [:]
        var systemOrder: [String] = []
        var rootSystems: [String] = []
        for s in d.systems where systems[s.id] == nil {
            let personal = (s.collects + s.stores).contains(where: isPersonal)
            systems[s.id] = SystemNode(id: s.id, label: s.name ?? s.id, kind: s.kind,
                                       failing: highlights.failingSystems.contains(s.id), personal: personal)
            systemOrder.append(s.id)
            if let zone = s.zone, zones[zone] != nil { zones[zone]?.systems.append(s.id) } else { rootSystems.append(s.id) }
        }

        var edges: [Edge] = []
        for f in d.flows where systems[f.from] != nil && systems[f.to] != nil {
            let names = f.data.map { assets[$0]?.name ?? $0 }
            let failing = highlights.failingFlows.contains(f.id) || f.data.contains { highlights.failingData.contains($0) }
            edges.append(Edge(id: f.id, from: f.from, to: f.to, label: names.joined(separator: ", "),
                              personal: f.data.contains(where: isPersonal), failing: failing))
        }
        self.zones = zones
        self.systems = systems
        self.rootZones = rootZones
        self.rootSystems = rootSystems
        self.systemOrder = systemOrder
        self.edges = edges
    }

    /// Zones in nesting order (parents before children), for writers that list them flat.
    func zonesDepthFirst() -> [(id: String, depth: Int)] {
        var out: [(String, Int)] = []
        func visit(_ id: String, _ depth: Int) {
            guard let zone = zones[id], depth < 64 else { return }
            out.append((id, depth))
            for child in zone.zones { visit(child, depth + 1) }
        }
        for id in rootZones { visit(id, 0) }
        return out
    }

    /// Longest-path layer of each system along the flows. A flow that closes a cycle (an edge back
    /// to a system still on the path of a depth-first walk in system and flow order) is left out,
    /// so each cycle is cut once and the layering takes time linear in the graph: relaxing every
    /// flow until nothing changed took a pass per system around a cycle, quadratic for a city.
    func ranks() -> [String: Int] {
        var position: [String: Int] = [:]
        var names: [String] = []
        func node(_ id: String) -> Int {
            if let p = position[id] { return p }
            position[id] = names.count
            names.append(id)
            return names.count - 1
        }
        for id in systemOrder { _ = node(id) }
        let flows = edges.filter { $0.from != $0.to }.map { (from: node($0.from), to: node($0.to)) }
        var successors = [[Int]](repeating: [], count: names.count)
        for flow in flows { successors[flow.from].append(flow.to) }

        // Depth-first order (iterative: chains run to thousands of hops), keeping only tree,
        // forward and cross edges; the finishing order reversed is a topological order of the rest.
        enum Mark { case new, onPath, done }
        var mark = [Mark](repeating: .new, count: names.count)
        var kept = [[Int]](repeating: [], count: names.count)
        var finished: [Int] = []
        finished.reserveCapacity(names.count)
        for root in names.indices where mark[root] == .new {
            var stack: [(node: Int, next: Int)] = [(root, 0)]
            mark[root] = .onPath
            while let (v, next) = stack.last {
                if next < successors[v].count {
                    stack[stack.count - 1].next += 1
                    let w = successors[v][next]
                    switch mark[w] {
                    case .onPath: continue
                    case .done: kept[v].append(w)
                    case .new:
                        kept[v].append(w)
                        mark[w] = .onPath
                        stack.append((w, 0))
                    }
                } else {
                    mark[v] = .done
                    finished.append(v)
                    stack.removeLast()
                }
            }
        }
        var layer = [Int](repeating: 0, count: names.count)
        for v in finished.reversed() {
            for w in kept[v] where layer[v] + 1 > layer[w] { layer[w] = layer[v] + 1 }
        }
        var rank: [String: Int] = [:]
        for (i, id) in names.enumerated() { rank[id] = layer[i] }
        return rank
    }

    /// A diagram label: shortened so long supplier names cannot blow up the layout.
    static func shorten(_ s: String, _ n: Int) -> String {
        let flat = s.utf8.contains(UInt8(ascii: "\n")) ? s.replacingOccurrences(of: "\n", with: " ") : s
        return flat.count <= n ? flat : String(flat.prefix(n - 1)) + "…"
    }
}
