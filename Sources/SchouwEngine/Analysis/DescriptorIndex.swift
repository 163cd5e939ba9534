import SchouwConcurrency
import SchouwModel

/// Id -> position lookups for every section, and the id order of the large ones, built once per
/// descriptor.
public struct DescriptorIndex: Sendable {
    public var party: [String: Int] = [:]
    public var zone: [String: Int] = [:]
    public var data: [String: Int] = [:]
    public var system: [String: Int] = [:]
    public var flow: [String: Int] = [:]
    public var purpose: [String: Int] = [:]
    /// Data assets, systems and flows in id order. Facts list ids sorted, and subjects are
    /// evaluated in id order: with each section sorted once, every such list is put in order by
    /// comparing integers instead of strings.
    public var dataOrder = IDOrder([])
    public var systemOrder = IDOrder([])
    public var flowOrder = IDOrder([])
    /// Per flow, the positions of the data assets it carries (ids that name no asset left out):
    /// the graph facts and the CEL values read them several times each.
    public var flowData: [[Int]] = []

    public init(_ d: Descriptor) {
        // The two largest sections on a core each: the flows, and everything else.
        let parts = parallelMap(2, minimumChunk: 1) { part -> DescriptorIndex in
            var x = DescriptorIndex(empty: ())
            if part == 0 {
                x.flow = Self.positions(d.flows.count) { d.flows[$0].id }
                x.flowOrder = IDOrder(d.flows.map(\.id))
            } else {
                x.party = Self.positions(d.parties.count) { d.parties[$0].id }
                x.zone = Self.positions(d.zones.count) { d.zones[$0].id }
                x.data = Self.positions(d.data.count) { d.data[$0].id }
                x.system = Self.positions(d.systems.count) { d.systems[$0].id }
                x.purpose = Self.positions(d.purposes.count) { d.purposes[$0].id }
                x.dataOrder = IDOrder(d.data.map(\.id))
                x.systemOrder = IDOrder(d.systems.map(\.id))
            }
            return x
        }
        self = parts[1]
        flow = parts[0].flow
        flowOrder = parts[0].flowOrder
        let data = self.data
        flowData = parallelMap(d.flows.count) { i in d.flows[i].data.compactMap { data[$0] } }
    }

    private init(empty: Void) {}

    /// First occurrence wins; duplicates are a load error reported elsewhere.
    private static func positions(_ count: Int, id: (Int) -> String) -> [String: Int] {
        var table = [String: Int](minimumCapacity: count)
        // Backwards, so the first occurrence is written last.
        for i in stride(from: count - 1, through: 0, by: -1) { table[id(i)] = i }
        return table
    }
}

/// Positions of one section in id order, and the place of each position in that order.
public struct IDOrder: Sendable {
    /// Positions sorted by id (ties in position order).
    public let sorted: [Int]
    /// `rank[position]`: where the position comes in `sorted`.
    public let rank: [Int]

    public init(_ ids: [String]) {
        sorted = ids.indices.sorted { ids[$0] < ids[$1] }
        var rank = [Int](repeating: 0, count: ids.count)
        for (place, position) in sorted.enumerated() { rank[position] = place }
        self.rank = rank
    }

    /// `positions` in id order.
    public func ordered(_ positions: [Int]) -> [Int] {
        positions.sorted { rank[$0] < rank[$1] }
    }
}
