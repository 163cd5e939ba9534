import SchouwConcurrency
import SchouwModel

/// Id -> position lookups for the sections that are referred to by id, and the id order of the
/// large ones, built once per descriptor. Nothing refers to a flow by its id, so the largest
/// section has an order but no lookup (building one took a core for 15 ms at 50,000 flows).
public struct DescriptorIndex: Sendable {
    public var party: [String: Int]
    public var zone: [String: Int]
    public var data: [String: Int]
    public var system: [String: Int]
    public var purpose: [String: Int]
    /// Data assets, systems and flows in id order. Facts list ids sorted, and subjects are
    /// evaluated in id order: with each section sorted once, every such list is put in order by
    /// comparing integers instead of strings.
    public var dataOrder: IDOrder
    public var systemOrder: IDOrder
    public var flowOrder: IDOrder
    /// Per flow, the positions of the data assets it carries (ids that name no asset left out):
    /// the graph facts and the CEL values read them several times each.
    public var flowData: [[Int]]
    /// Per system, the positions of the data assets it collects and stores, as listed (ids that
    /// name no asset left out): read by the holdings, the party facts and the CEL values.
    public var systemCollects: [[Int]]
    public var systemStores: [[Int]]

    public init(_ d: Descriptor) {
        // The flows, the largest section, on one core; everything else on the other.
        let (flowOrder, others) = concurrently({ IDOrder(d.flows.map(\.id)) }, {
            let data = d.data.map(\.id), systems = d.systems.map(\.id)
            return (party: Self.positions(d.parties.map(\.id)), zone: Self.positions(d.zones.map(\.id)),
                    data: Self.positions(data), system: Self.positions(systems),
                    purpose: Self.positions(d.purposes.map(\.id)), dataOrder: IDOrder(data), systemOrder: IDOrder(systems))
        })
        self.flowOrder = flowOrder
        party = others.party; zone = others.zone; data = others.data; system = others.system
        purpose = others.purpose; dataOrder = others.dataOrder; systemOrder = others.systemOrder
        let assets = data
        flowData = parallelMap(d.flows.count) { i in d.flows[i].data.compactMap { assets[$0] } }
        let systemData = parallelMap(d.systems.count) { i in
            (collects: d.systems[i].collects.compactMap { assets[$0] }, stores: d.systems[i].stores.compactMap { assets[$0] })
        }
        systemCollects = systemData.map(\.collects)
        systemStores = systemData.map(\.stores)
    }

    /// First occurrence wins; duplicates are a load error reported elsewhere.
    private static func positions(_ ids: [String]) -> [String: Int] {
        var table = [String: Int](minimumCapacity: ids.count)
        // Backwards, so the first occurrence is written last.
        for i in ids.indices.reversed() { table[ids[i]] = i }
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
    ///
    /// Lists are often in id order already (ids written in order, positions gathered in order),
    /// so one pass checks that first; otherwise the ranks are sorted as plain integers, which
    /// costs less than comparing through a closure.
    public func ordered(_ positions: [Int]) -> [Int] {
        guard positions.count > 1 else { return positions }
        var inOrder = true
        for k in 1..<positions.count where rank[positions[k - 1]] > rank[positions[k]] {
            inOrder = false
            break
        }
        if inOrder { return positions }
        var ranks = positions.map { rank[$0] }
        ranks.sort()
        return ranks.map { sorted[$0] }
    }

    /// `positions` in id order, where `isMember` tells exactly which positions are in the list.
    ///
    /// A list holding a good share of all positions is gathered by one pass over every position
    /// in id order instead of being sorted: a few parties of a city process most of its data
    /// assets, and sorting each party's list kept one core busy for milliseconds while the other
    /// waited.
    public func ordered(_ positions: [Int], isMember: (Int) -> Bool) -> [Int] {
        guard positions.count > 1, positions.count * 8 >= sorted.count else { return ordered(positions) }
        var result: [Int] = []
        result.reserveCapacity(positions.count)
        for position in sorted where isMember(position) { result.append(position) }
        return result
    }
}
