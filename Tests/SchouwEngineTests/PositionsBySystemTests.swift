@testable import SchouwEngine
import Testing

@Suite struct PositionsBySystemTests {
    func list(_ lists: PositionsBySystem, _ system: Int) -> [Int] {
        var list: [Int] = []
        lists.append(system, to: &list)
        return list
    }

    @Test func eachSystemKeepsItsPositionsInTheOrderGiven() {
        let lists = PositionsBySystem(systemCount: 4, pairs: [2, 7, 0, 5, 2, 1, 2, 7, 0, 3])
        #expect(list(lists, 0) == [5, 3])
        #expect(list(lists, 1) == [])
        #expect(list(lists, 2) == [7, 1, 7])
        #expect(list(lists, 3) == [])
        #expect((0..<4).map(lists.count(of:)) == [2, 0, 3, 0])
    }

    @Test func appendsAfterWhatTheListHolds() {
        let lists = PositionsBySystem(systemCount: 2, pairs: [1, 9, 1, 8])
        var list = [4]
        lists.append(1, to: &list)
        #expect(list == [4, 9, 8])
    }

    @Test func systemsOutOfRangeAndAnUnpairedTailAreLeftOut() {
        let lists = PositionsBySystem(systemCount: 2, pairs: [5, 1, -1, 2, 1, 3, 0])
        #expect(list(lists, 0) == [] && list(lists, 1) == [3])
        #expect((0..<2).map(lists.count(of:)) == [0, 1])
    }
}
