import Testing
import SchouwModel
@testable import SchouwEngine

/// The id orders put positions in the order of their ids, as sorting the ids as strings would.
@Suite struct DescriptorIndexTests {
    @Test func idOrderMatchesSortingTheIds() {
        let ids = ["s-10", "s-2", "a", "s-1", "Z", "s-10b", "é", "s-2"]
        let order = IDOrder(ids)
        #expect(order.sorted.map { ids[$0] } == ids.sorted())
        // Ties keep their positions in order.
        #expect(order.sorted.filter { ids[$0] == "s-2" } == [1, 7])
        for (place, position) in order.sorted.enumerated() { #expect(order.rank[position] == place) }
        #expect(order.ordered([3, 0, 2]).map { ids[$0] } == ["a", "s-1", "s-10"])
        // Lists already in id order, in reverse, with repeats, and of every permutation of four.
        #expect(order.ordered([2, 3, 0]) == [2, 3, 0])
        #expect(order.ordered([6, 5, 0, 3]) == [3, 0, 5, 6])
        #expect(order.ordered([0, 2, 0, 7, 1]) == [2, 0, 0, 1, 7])
        #expect(order.ordered([]) == [] && order.ordered([4]) == [4])
        let four = [6, 1, 4, 2]
        for a in four { for b in four where b != a { for c in four where c != a && c != b {
            for d in four where d != a && d != b && d != c {
                #expect(order.ordered([a, b, c, d]) == [4, 2, 1, 6])
            }
        } } }
    }

    /// A list told by membership gives what sorting it gives, whether it holds most positions (read
    /// off the whole order) or a few (sorted).
    @Test func membershipOrderMatchesSorting() {
        let ids = (0..<40).map { "id-\(($0 * 17) % 40)" }
        let order = IDOrder(ids)
        for list in [[39, 3, 12, 0, 25, 7], Array((0..<40).reversed()), (0..<40).filter { $0 % 3 != 0 }, [5], []] {
            let members = Set(list)
            #expect(order.ordered(list) { members.contains($0) } == order.ordered(list), "\(list)")
            #expect(order.ordered(list) { members.contains($0) }.map { ids[$0] } == list.map { ids[$0] }.sorted())
        }
    }

    @Test func flowDataLeavesOutIdsThatNameNoAsset() throws {
        let d = try #require(loadDescriptor("""
        schouw: 1
        project: {id: p, name: P, bio: bio2}
        data: [{id: counts, categories: [device.mac]}, {id: images, categories: [image]}]
        systems: [{id: a}, {id: b}]
        flows:
          - {id: f1, from: a, to: b, data: [images, counts]}
          - {id: f2, from: b, to: a, data: [counts]}
        """))
        var dangling = d
        // The loader refuses an unknown id; the graph facts must still cope with one.
        dangling.flows[0].data.insert("nowhere", at: 1)
        let index = DescriptorIndex(dangling)
        #expect(index.flowData == [[1, 0], [0]])
        #expect(index.flowOrder.sorted == [0, 1])
        #expect(index.dataOrder.sorted.map { d.data[$0].id } == ["counts", "images"])
    }
}
