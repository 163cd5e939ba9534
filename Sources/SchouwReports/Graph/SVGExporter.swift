import Foundation
import SchouwModel

/// A self-contained SVG of the data-flow diagram, laid out without Graphviz: used inline in the HTML
/// report and by `schouw graph --format svg` when the `dot` program is not installed.
///
/// Layout: every system gets a layer (longest path along the flows); at each nesting level the items
/// (zones and systems) are placed in columns by their lowest layer, stacked within a column. Zones are
/// boxes around their contents, so data moves left to right across trust boundaries. Flows are
/// straight arrows between box edges, labelled at the middle.
public enum SVGExporter {
    static let nodeWidth = 170.0
    static let nodeHeight = 50.0
    static let padding = 14.0
    static let header = 30.0
    static let rowGap = 22.0
    static let minColumnGap = 70.0
    static let edgeLabelLength = 26
    static let margin = 16.0
    static let legendHeight = 34.0

    struct Rect { var x, y, w, h: Double
        var cx: Double { x + w / 2 }
        var cy: Double { y + h / 2 }
    }

    private enum Item {
        case zone(String)
        case system(String)
    }

    private struct Box {
        var size: (w: Double, h: Double)
        var rank: Int
    }

    public static func render(_ graph: DataFlowGraph, legend: (failing: String, personal: String) = ("finding", "personal data")) -> String {
        var svg = ""
        render(graph, legend: legend, appendingTo: &svg)
        return svg
    }

    /// The same, appended to `svg`: the HTML report puts the diagram inside its own markup
    /// without copying a city's 25 MB of SVG once more.
    public static func render(_ graph: DataFlowGraph, legend: (failing: String, personal: String), appendingTo svg: inout String) {
        let ranks = graph.ranks()
        // Columns leave room for the widest flow label between them.
        let widestLabel = graph.edges.map { textWidth(DataFlowGraph.shorten($0.label, edgeLabelLength), 10) }.max() ?? 0
        let columnGap = min(220, max(minColumnGap, widestLabel + 28))
        var systemRects: [String: Rect] = [:]
        var zoneRects: [(String, Rect, Int)] = []

        func rank(of item: Item, depth: Int = 0) -> Int {
            switch item {
            case .system(let id): return ranks[id] ?? 0
            case .zone(let id):
                guard let z = graph.zones[id], depth < 64 else { return 0 }
                let inner = z.zones.map { rank(of: .zone($0), depth: depth + 1) } + z.systems.map { ranks[$0] ?? 0 }
                return inner.min() ?? 0
            }
        }
        func columns(_ items: [Item], depth: Int) -> [[Item]] {
            var byRank: [Int: [Item]] = [:]
            for item in items { byRank[rank(of: item, depth: depth), default: []].append(item) }
            return byRank.keys.sorted().map { byRank[$0] ?? [] }
        }
        func children(_ zone: DataFlowGraph.ZoneNode) -> [Item] { zone.zones.map(Item.zone) + zone.systems.map(Item.system) }

        // Sizes bottom-up.
        func size(_ item: Item, depth: Int) -> (w: Double, h: Double) {
            switch item {
            case .system: return (nodeWidth, nodeHeight)
            case .zone(let id):
                guard let z = graph.zones[id], depth < 64 else { return (nodeWidth, header) }
                let (w, h) = blockSize(children(z), depth: depth + 1)
                let labelWidth = textWidth(DataFlowGraph.shorten(z.label, 40), 12) + 2 * padding
                return (max(w + 2 * padding, labelWidth, nodeWidth + 2 * padding), h + header + padding)
            }
        }
        func blockSize(_ items: [Item], depth: Int) -> (Double, Double) {
            var width = 0.0, height = 0.0
            for (i, column) in columns(items, depth: depth).enumerated() {
                let sizes = column.map { size($0, depth: depth) }
                width += (sizes.map(\.w).max() ?? 0) + (i > 0 ? columnGap : 0)
                height = max(height, sizes.map(\.h).reduce(0, +) + Double(max(0, sizes.count - 1)) * rowGap)
            }
            return (width, height)
        }
        // Positions top-down.
        func place(_ items: [Item], x: Double, y: Double, depth: Int) {
            var cx = x
            for column in columns(items, depth: depth) {
                let sizes = column.map { size($0, depth: depth) }
                let colWidth = sizes.map(\.w).max() ?? 0
                var cy = y
                for (item, s) in zip(column, sizes) {
                    let ix = cx + (colWidth - s.w) / 2
                    switch item {
                    case .system(let id): systemRects[id] = Rect(x: ix, y: cy, w: s.w, h: s.h)
                    case .zone(let id):
                        zoneRects.append((id, Rect(x: ix, y: cy, w: s.w, h: s.h), depth))
                        if let z = graph.zones[id], depth < 64 {
                            place(children(z), x: ix + padding, y: cy + header, depth: depth + 1)
                        }
                    }
                    cy += s.h + rowGap
                }
                cx += colWidth + columnGap
            }
        }

        let top = graph.rootZones.map(Item.zone) + graph.rootSystems.map(Item.system)
        let (bw, bh) = blockSize(top, depth: 0)
        place(top, x: margin, y: margin, depth: 0)
        let width = max(bw + 2 * margin, 360)
        let height = bh + 2 * margin + legendHeight

        // Room for the whole drawing at once (measured at 10,000 systems: about 370 bytes a flow
        // and 600 a system; the reserve leaves room above that for longer names): growing by
        // doubling copied it several times and, for a city, left freed blocks of tens of megabytes
        // behind in the heap.
        svg.reserveCapacity(svg.utf8.count + 4_096 + 450 * graph.edges.count + 800 * graph.systems.count + 700 * zoneRects.count)
        svg += "<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"dataflow\" viewBox=\"0 0 \(n(width)) \(n(height))\" width=\"\(n(width))\" height=\"\(n(height))\" role=\"img\" aria-label=\"\(Escape.xml(graph.title))\" font-family=\"Helvetica, Arial, sans-serif\">\n"
        svg += "<title>\(Escape.xml(graph.title))</title>\n"
        svg += "<defs>"
        for (name, colour) in [("arrow", "#546e7a"), ("arrow-failing", "#c62828"), ("arrow-personal", "#7b1fa2")] {
            svg += "<marker id=\"\(name)\" viewBox=\"0 0 10 10\" refX=\"9\" refY=\"5\" markerWidth=\"7\" markerHeight=\"7\" orient=\"auto-start-reverse\"><path d=\"M0,0 L10,5 L0,10 z\" fill=\"\(colour)\"/></marker>"
        }
        svg += "</defs>\n"

        for (id, r, _) in zoneRects {
            guard let z = graph.zones[id] else { continue }
            let stroke = z.failing ? "#c62828" : "#90a4ae"
            let strokeWidth = z.failing ? 2.5 : 1.2
            svg += "<g class=\"zone\"><title>\(Escape.xml("zone \(z.id)"))</title>"
            svg += "<rect x=\"\(n(r.x))\" y=\"\(n(r.y))\" width=\"\(n(r.w))\" height=\"\(n(r.h))\" rx=\"8\" fill=\"\(DOTExporter.trustFill(z.trust))\" stroke=\"\(stroke)\" stroke-width=\"\(n(strokeWidth))\" stroke-dasharray=\"6 3\"/>"
            svg += "<text x=\"\(n(r.x + 10))\" y=\"\(n(r.y + 17))\" font-size=\"12\" font-weight=\"bold\" fill=\"#263238\">\(Escape.xml(DataFlowGraph.shorten(z.label, 40)))</text>"
            if !z.detail.isEmpty {
                svg += "<text x=\"\(n(r.x + 10))\" y=\"\(n(r.y + 27))\" font-size=\"9\" fill=\"#546e7a\">\(Escape.xml(DataFlowGraph.shorten(z.detail, 48)))</text>"
            }
            svg += "</g>\n"
        }

        for e in graph.edges where e.from != e.to {
            guard let a = systemRects[e.from], let b = systemRects[e.to] else { continue }
            let (x1, y1) = clip(a, towards: (b.cx, b.cy))
            let (x2, y2) = clip(b, towards: (a.cx, a.cy))
            let colour = e.failing ? "#c62828" : (e.personal ? "#7b1fa2" : "#546e7a")
            let marker = e.failing ? "arrow-failing" : (e.personal ? "arrow-personal" : "arrow")
            svg += "<g class=\"flow\"><title>\(Escape.xml("flow \(e.id): \(e.label)"))</title>"
            svg += "<line x1=\"\(n(x1))\" y1=\"\(n(y1))\" x2=\"\(n(x2))\" y2=\"\(n(y2))\" stroke=\"\(colour)\" stroke-width=\"\(e.failing ? "2.5" : "1.5")\""
            if e.personal { svg += " stroke-dasharray=\"5 3\"" }
            svg += " marker-end=\"url(#\(marker))\"/>"
            if !e.label.isEmpty {
                let label = DataFlowGraph.shorten(e.label, edgeLabelLength)
                let w = textWidth(label, 10) + 8
                let mx = (x1 + x2) / 2, my = (y1 + y2) / 2
                svg += "<rect x=\"\(n(mx - w / 2))\" y=\"\(n(my - 8))\" width=\"\(n(w))\" height=\"14\" rx=\"3\" fill=\"#ffffff\" fill-opacity=\"0.9\"/>"
                svg += "<text x=\"\(n(mx))\" y=\"\(n(my + 3))\" font-size=\"10\" text-anchor=\"middle\" fill=\"\(colour)\">\(Escape.xml(label))</text>"
            }
            svg += "</g>\n"
        }

        for id in graph.systemOrder {
            guard let s = graph.systems[id], let r = systemRects[id] else { continue }
            svg += systemShape(s, r)
        }

        // Legend.
        let ly = height - legendHeight + 12
        svg += "<g class=\"legend\" font-size=\"10\" fill=\"#37474f\">"
        svg += "<rect x=\"\(n(margin))\" y=\"\(n(ly - 9))\" width=\"14\" height=\"10\" fill=\"#ffffff\" stroke=\"#c62828\" stroke-width=\"2.5\"/>"
        svg += "<text x=\"\(n(margin + 20))\" y=\"\(n(ly))\">\(Escape.xml(legend.failing))</text>"
        let px = margin + 40 + textWidth(legend.failing, 10)
        svg += "<line x1=\"\(n(px))\" y1=\"\(n(ly - 4))\" x2=\"\(n(px + 26))\" y2=\"\(n(ly - 4))\" stroke=\"#7b1fa2\" stroke-width=\"1.5\" stroke-dasharray=\"5 3\"/>"
        svg += "<text x=\"\(n(px + 32))\" y=\"\(n(ly))\">\(Escape.xml(legend.personal))</text>"
        svg += "</g>\n</svg>\n"
    }

    private static func systemShape(_ s: DataFlowGraph.SystemNode, _ r: Rect) -> String {
        let stroke = s.failing ? "#c62828" : "#37474f"
        let strokeWidth = s.failing ? "3" : "1.3"
        let fill = s.personal ? "#f3e5f5" : "#ffffff"
        let common = "fill=\"\(fill)\" stroke=\"\(stroke)\" stroke-width=\"\(strokeWidth)\""
        var out = "<g class=\"system\"><title>\(Escape.xml("system \(s.id): \(s.label)"))</title>"
        switch s.kind {
        case .sensor, .camera:
            out += "<rect x=\"\(n(r.x))\" y=\"\(n(r.y))\" width=\"\(n(r.w))\" height=\"\(n(r.h))\" rx=\"\(n(r.h / 2))\" \(common)/>"
        case .database:
            let ry = 7.0
            out += "<path d=\"M\(n(r.x)),\(n(r.y + ry)) a\(n(r.w / 2)),\(n(ry)) 0 0,0 \(n(r.w)),0 a\(n(r.w / 2)),\(n(ry)) 0 0,0 \(n(-r.w)),0 v\(n(r.h - 2 * ry)) a\(n(r.w / 2)),\(n(ry)) 0 0,0 \(n(r.w)),0 v\(n(-(r.h - 2 * ry)))\" \(common)/>"
        case .gateway:
            let d = 14.0
            let points = [(r.x + d, r.y), (r.x + r.w - d, r.y), (r.x + r.w, r.cy), (r.x + r.w - d, r.y + r.h), (r.x + d, r.y + r.h), (r.x, r.cy)]
            out += "<polygon points=\"\(points.map { "\(n($0.0)),\(n($0.1))" }.joined(separator: " "))\" \(common)/>"
        default:
            out += "<rect x=\"\(n(r.x))\" y=\"\(n(r.y))\" width=\"\(n(r.w))\" height=\"\(n(r.h))\" rx=\"4\" \(common)/>"
        }
        out += "<text x=\"\(n(r.cx))\" y=\"\(n(r.y + 22))\" font-size=\"12\" text-anchor=\"middle\" fill=\"\(s.failing ? "#b71c1c" : "#263238")\">\(Escape.xml(DataFlowGraph.shorten(s.label, 24)))</text>"
        out += "<text x=\"\(n(r.cx))\" y=\"\(n(r.y + 37))\" font-size=\"9\" text-anchor=\"middle\" fill=\"#607d8b\">\(Escape.xml(s.kind?.rawValue ?? "?"))</text>"
        if s.failing {
            out += "<circle cx=\"\(n(r.x + r.w - 4))\" cy=\"\(n(r.y + 4))\" r=\"8\" fill=\"#c62828\"/>"
            out += "<text x=\"\(n(r.x + r.w - 4))\" y=\"\(n(r.y + 8))\" font-size=\"11\" font-weight=\"bold\" text-anchor=\"middle\" fill=\"#ffffff\">!</text>"
        }
        return out + "</g>\n"
    }

    /// The point where the line from the centre of `r` to `target` leaves `r`.
    static func clip(_ r: Rect, towards target: (Double, Double)) -> (Double, Double) {
        let dx = target.0 - r.cx, dy = target.1 - r.cy
        if dx == 0 && dy == 0 { return (r.cx, r.cy) }
        let sx = dx == 0 ? Double.infinity : (r.w / 2) / abs(dx)
        let sy = dy == 0 ? Double.infinity : (r.h / 2) / abs(dy)
        let s = min(sx, sy)
        return (r.cx + dx * s, r.cy + dy * s)
    }

    static func textWidth(_ s: String, _ fontSize: Double) -> Double { Double(s.count) * fontSize * 0.58 }

    /// Coordinates with at most one decimal, printed the same on every platform.
    static func n(_ v: Double) -> String {
        let r = (v * 10).rounded() / 10
        if r == r.rounded() { return String(Int(r)) }
        // One decimal, written from the tenths rather than through Foundation's formatting: a
        // city's diagram has hundreds of thousands of coordinates.
        let tenths = (v * 10).rounded()
        guard tenths.magnitude < 1e15 else { return String(format: "%.1f", r) }
        let t = Int(tenths)
        return (t < 0 ? "-" : "") + String(t.magnitude / 10) + "." + String(t.magnitude % 10)
    }
}
