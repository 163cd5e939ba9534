import Foundation
import SchouwModel
import Testing
@testable import SchouwReports

/// Diagrams put each system in the layer of its longest chain of incoming flows; a flow that
/// closes a cycle is left out of the layering, once per cycle.
@Suite struct GraphRankTests {
    static func graph(systems: [String], flows: [(String, String)]) -> DataFlowGraph {
        let mark = Marks(object: SourceMark(file: "g.yaml", line: 1, column: 1))
        return DataFlowGraph(descriptor: Descriptor(
            project: Project(id: "g", name: "G", marks: mark),
            systems: systems.map { System(id: $0, name: $0, marks: mark) },
            flows: flows.enumerated().map { Flow(id: "f\($0.offset)", from: $0.element.0, to: $0.element.1, marks: mark) }))
    }

    @Test func aDiamondAndAChainTakeTheirLongestPath() {
        let ranks = Self.graph(systems: ["a", "b", "c", "d", "e", "alone"],
                               flows: [("a", "b"), ("b", "d"), ("a", "c"), ("c", "e"), ("e", "d"), ("d", "d")]).ranks()
        #expect(ranks == ["a": 0, "b": 1, "c": 1, "e": 2, "d": 3, "alone": 0])
    }

    @Test func aCycleIsCutOnceWhereTheWalkClosesIt() {
        // The parking example's shape: a scanner feeds a back office that trades data with a register.
        let ranks = Self.graph(systems: ["scan", "office", "register", "app", "tax", "dashboard"],
                               flows: [("scan", "office"), ("office", "register"), ("register", "office"),
                                       ("office", "app"), ("app", "tax"), ("office", "dashboard")]).ranks()
        #expect(ranks == ["scan": 0, "office": 1, "register": 2, "app": 2, "tax": 3, "dashboard": 2])
    }

    /// A ring of 20,000 systems with chords: relaxing every flow until nothing changed took a pass
    /// per system around the ring (hundreds of millions of steps); the walk takes one pass.
    @Test func aCityWideRingIsLayeredInOnePass() {
        let n = 20_000
        let systems = (0..<n).map { "s\($0)" }
        var flows = (0..<n).map { ("s\($0)", "s\(($0 + 1) % n)") }
        flows += stride(from: 0, to: n, by: 97).map { ("s\($0)", "s\(($0 + 5_000) % n)") }
        let ranks = Self.graph(systems: systems, flows: flows).ranks()
        // The walk starts at s0 and follows the ring; the flow back into s0 closes the cycle.
        #expect(ranks["s0"] == 0)
        #expect(ranks["s\(n - 1)"] == n - 1)
        #expect(ranks.count == n)
    }

    /// Diagram coordinates have at most one decimal, written without Foundation's formatting:
    /// the same text as `%.1f` of the rounded value.
    @Test func coordinatesAreWrittenAsFormattingWouldWriteThem() {
        var values: [Double] = [0, -0.0, 0.04, 0.05, 0.06, 0.95, -0.95, -0.05, 1.25, 12.349, 1709.2, -3.75, 99_999.94]
        var state: UInt64 = 42
        for _ in 0..<5_000 {
            state = state &* 6364136223846793005 &+ 1442695040888963407
            values.append(Double(Int64(bitPattern: state >> 20) % 4_000_000) / 997.0)
        }
        for v in values {
            let r = (v * 10).rounded() / 10
            let expected = r == r.rounded() ? String(Int(r)) : String(format: "%.1f", r)
            #expect(SVGExporter.n(v) == expected, "\(v)")
        }
    }
}
