import Foundation
import SchouwModel

/// Output formats of `schouw graph`.
public enum GraphFormat: String, CaseIterable, Sendable {
    case dot, mermaid, svg
}

/// How `svg` is laid out: Graphviz when installed (`auto`), always Graphviz, or always the built-in layout.
public enum GraphLayout: String, CaseIterable, Sendable {
    case auto, graphviz, builtin
}

/// The data-flow diagram of a descriptor in one of the graph formats, with failing elements marked.
public enum DiagramRenderer {
    public static func render(_ descriptor: Descriptor, highlights: GraphHighlights = GraphHighlights(),
                              format: GraphFormat, layout: GraphLayout = .auto) throws -> Data {
        let graph = DataFlowGraph(descriptor: descriptor, highlights: highlights)
        switch format {
        case .dot: return Data(DOTExporter.render(graph).utf8)
        case .mermaid: return Data(MermaidExporter.render(graph).utf8)
        case .svg:
            switch layout {
            case .builtin:
                return Data(SVGExporter.render(graph).utf8)
            case .graphviz:
                guard let dot = GraphvizRenderer.dotExecutable() else {
                    throw ReportError("Graphviz `dot` is not installed; install graphviz or use `--layout builtin`")
                }
                guard let svg = GraphvizRenderer.svg(fromDOT: DOTExporter.render(graph), executable: dot) else {
                    throw ReportError("Graphviz `dot -Tsvg` failed; use `--layout builtin`")
                }
                return svg
            case .auto:
                return GraphvizRenderer.svg(fromDOT: DOTExporter.render(graph)) ?? Data(SVGExporter.render(graph).utf8)
            }
        }
    }
}
