import SchouwModel

/// Mermaid flowchart (renders in GitHub and GitLab Markdown). Node ids are generated (`s0`, `z0`), never
/// taken from the descriptor, and every label is an entity-escaped quoted string.
public enum MermaidExporter {
    public static func render(_ graph: DataFlowGraph) -> String {
        var ids: [String: String] = [:]
        for (i, id) in graph.systemOrder.enumerated() { ids[id] = "s\(i)" }
        var zoneIDs: [String: String] = [:]
        for (i, z) in graph.zonesDepthFirst().enumerated() { zoneIDs[z.id] = "z\(i)" }

        var out = "flowchart LR\n"
        func zone(_ id: String, _ indent: String, _ depth: Int) {
            guard let z = graph.zones[id], let zid = zoneIDs[id], depth < 64 else { return }
            let label = z.detail.isEmpty ? z.label : "\(z.label) (\(z.detail))"
            out += "\(indent)subgraph \(zid)[\(Escape.mermaid(DataFlowGraph.shorten(label, 80)))]\n"
            for child in z.zones { zone(child, indent + "  ", depth + 1) }
            for s in z.systems { system(s, indent + "  ") }
            out += "\(indent)end\n"
        }
        func system(_ id: String, _ indent: String) {
            guard let s = graph.systems[id], let sid = ids[id] else { return }
            let label = Escape.mermaid(DataFlowGraph.shorten(s.label, 40))
            let (open, close) = shape(s.kind)
            out += "\(indent)\(sid)\(open)\(label)\(close)\n"
        }
        for id in graph.rootZones { zone(id, "  ", 0) }
        for id in graph.rootSystems { system(id, "  ") }

        var failingLinks: [Int] = []
        var personalLinks: [Int] = []
        for (i, e) in graph.edges.enumerated() {
            guard let from = ids[e.from], let to = ids[e.to] else { continue }
            let arrow = e.personal ? "-.->" : "-->"
            if e.label.isEmpty {
                out += "  \(from) \(arrow) \(to)\n"
            } else {
                out += "  \(from) \(arrow)|\(Escape.mermaid(DataFlowGraph.shorten(e.label, 60)))| \(to)\n"
            }
            if e.failing { failingLinks.append(i) } else if e.personal { personalLinks.append(i) }
        }
        out += "  classDef failing stroke:#c62828,stroke-width:3px,color:#b71c1c\n"
        out += "  classDef personal fill:#f3e5f5\n"
        let failingSystems = graph.systemOrder.filter { graph.systems[$0]?.failing == true }.compactMap { ids[$0] }
        let personalSystems = graph.systemOrder.filter { graph.systems[$0]?.personal == true && graph.systems[$0]?.failing == false }
            .compactMap { ids[$0] }
        let failingZones = graph.zonesDepthFirst().map(\.id).filter { graph.zones[$0]?.failing == true }.compactMap { zoneIDs[$0] }
        if !(failingSystems + failingZones).isEmpty { out += "  class \((failingSystems + failingZones).joined(separator: ",")) failing\n" }
        if !personalSystems.isEmpty { out += "  class \(personalSystems.joined(separator: ",")) personal\n" }
        if !failingLinks.isEmpty {
            out += "  linkStyle \(failingLinks.map(String.init).joined(separator: ",")) stroke:#c62828,stroke-width:3px\n"
        }
        if !personalLinks.isEmpty {
            out += "  linkStyle \(personalLinks.map(String.init).joined(separator: ",")) stroke:#7b1fa2\n"
        }
        return out
    }

    static func shape(_ kind: SystemKind?) -> (String, String) {
        switch kind {
        case .sensor, .camera: ("((", "))")
        case .gateway: ("{{", "}}")
        case .platform: ("[[", "]]")
        case .database: ("[(", ")]")
        case .api: (">", "]")
        case .dashboard: ("[/", "/]")
        case .website: ("(", ")")
        case .mobileApp: ("([", "])")
        case .analytics: ("[\\", "\\]")
        case .application, nil: ("[", "]")
        }
    }
}
