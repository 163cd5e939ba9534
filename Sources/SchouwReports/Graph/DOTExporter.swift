import SchouwModel

/// Graphviz DOT: zones as nested clusters, systems shaped by kind, flows labelled with their data,
/// failing elements in red and personal-data flows dashed purple.
public enum DOTExporter {
    public static func render(_ graph: DataFlowGraph) -> String {
        var out = "digraph schouw {\n"
        out += "  graph [rankdir=LR, fontname=\"Helvetica\", fontsize=12, labelloc=t, label=\(Escape.dot(graph.title)), compound=true];\n"
        out += "  node [fontname=\"Helvetica\", fontsize=11, style=filled, fillcolor=\"#ffffff\", color=\"#37474f\"];\n"
        out += "  edge [fontname=\"Helvetica\", fontsize=9, color=\"#546e7a\"];\n"
        for id in graph.rootZones { out += zone(id, graph, indent: "  ", depth: 0) }
        for id in graph.rootSystems { out += system(id, graph, indent: "  ") }
        for e in graph.edges {
            var attrs = ["label=\(Escape.dot(DataFlowGraph.shorten(e.label, 60)))"]
            if e.failing { attrs += ["color=\"#c62828\"", "fontcolor=\"#c62828\"", "penwidth=2.5"] }
            else if e.personal { attrs += ["color=\"#7b1fa2\"", "fontcolor=\"#7b1fa2\""] }
            if e.personal { attrs.append("style=dashed") }
            attrs.append("tooltip=\(Escape.dot("flow " + e.id))")
            out += "  \(Escape.dot("system:" + e.from)) -> \(Escape.dot("system:" + e.to)) [\(attrs.joined(separator: ", "))];\n"
        }
        out += "}\n"
        return out
    }

    private static func zone(_ id: String, _ graph: DataFlowGraph, indent: String, depth: Int) -> String {
        guard let z = graph.zones[id], depth < 64 else { return "" }
        var out = "\(indent)subgraph \(Escape.dot("cluster_" + z.id)) {\n"
        let inner = indent + "  "
        let label = z.detail.isEmpty ? z.label : "\(z.label) (\(z.detail))"
        out += "\(inner)label=\(Escape.dot(DataFlowGraph.shorten(label, 80)));\n"
        out += "\(inner)style=\"rounded,filled\"; fillcolor=\"\(trustFill(z.trust))\";\n"
        out += z.failing ? "\(inner)color=\"#c62828\"; penwidth=2.5;\n" : "\(inner)color=\"#90a4ae\";\n"
        for child in z.zones { out += zone(child, graph, indent: inner, depth: depth + 1) }
        for s in z.systems { out += system(s, graph, indent: inner) }
        out += "\(indent)}\n"
        return out
    }

    private static func system(_ id: String, _ graph: DataFlowGraph, indent: String) -> String {
        guard let s = graph.systems[id] else { return "" }
        let label = Escape.dotLines([DataFlowGraph.shorten(s.label, 40), s.kind?.rawValue ?? "?"])
        var attrs = ["label=\(label)", "shape=\(shape(s.kind))"]
        if s.failing { attrs += ["color=\"#c62828\"", "penwidth=2.5", "fontcolor=\"#b71c1c\""] }
        if s.personal { attrs.append("fillcolor=\"#f3e5f5\"") }
        return "\(indent)\(Escape.dot("system:" + s.id)) [\(attrs.joined(separator: ", "))];\n"
    }

    static func shape(_ kind: SystemKind?) -> String {
        switch kind {
        case .sensor: "ellipse"
        case .camera: "doublecircle"
        case .gateway: "hexagon"
        case .platform: "box3d"
        case .database: "cylinder"
        case .application: "component"
        case .api: "cds"
        case .dashboard: "tab"
        case .website: "note"
        case .mobileApp: "house"
        case .analytics: "parallelogram"
        case nil: "box"
        }
    }

    static func trustFill(_ trust: Trust?) -> String {
        switch trust {
        case .untrusted: "#fdecea"
        case .semiTrusted: "#fff8e1"
        case .trusted: "#e8f5e9"
        case nil: "#f5f5f5"
        }
    }
}
