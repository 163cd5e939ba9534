import Foundation
import SchouwConcurrency
import Testing

/// Blocks are made on every core and consumed in order, one at a time, with at most `window`
/// pieces made ahead of the one being consumed.
@Suite struct BlocksInOrderTests {
    @Test(arguments: [0, 1, 999, 1_000, 1_001, 25_000])
    func everyItemIsConsumedOnceInOrder(count: Int) {
        var seen: [Int] = []
        forEachBlockInOrder(count, block: 1_000, window: 3, make: { Array($0) }, consume: { seen += $0 })
        #expect(seen == Array(0..<count))
    }

    @Test func consumeNeverRunsTwiceAtOnceAndTheWindowBoundsWhatIsMadeAhead() {
        let probe = Probe()
        var consumed = 0
        forEachBlockInOrder(200, block: 1, window: 4, make: { range -> Int in
            probe.made(range.lowerBound)
            // Uneven work, so the cores finish their blocks out of order.
            if range.lowerBound % 7 == 0 { Thread.sleep(forTimeInterval: 0.001) }
            return range.lowerBound
        }, consume: { block in
            probe.enter()
            #expect(block == consumed)
            consumed += 1
            probe.leave(consumedUpTo: consumed)
        })
        #expect(consumed == 200)
        #expect(probe.maximumInside == 1)
        // A block is only begun while fewer than `window` blocks wait beyond the one consumed.
        #expect(probe.maximumAhead <= 4 + 1)
    }

    @Test func theFirstErrorStopsTheWorkAndIsRethrown() {
        struct Stop: Error, Equatable { let block: Int }
        var consumed: [Int] = []
        #expect(throws: Stop(block: 5)) {
            try forEachBlockInOrder(1_000, block: 1, window: 2, make: { $0.lowerBound }, consume: { block throws(Stop) in
                if block == 5 { throw Stop(block: block) }
                consumed.append(block)
            })
        }
        #expect(consumed == [0, 1, 2, 3, 4])
    }
}

/// Counts what the workers do at once, behind a lock.
private final class Probe: @unchecked Sendable {
    private let lock = NSLock()
    private var inside = 0, consumedSoFar = 0
    private(set) var maximumInside = 0, maximumAhead = 0

    func made(_ block: Int) {
        lock.lock(); defer { lock.unlock() }
        maximumAhead = max(maximumAhead, block - consumedSoFar)
    }

    func enter() {
        lock.lock(); defer { lock.unlock() }
        inside += 1
        maximumInside = max(maximumInside, inside)
    }

    func leave(consumedUpTo count: Int) {
        lock.lock(); defer { lock.unlock() }
        inside -= 1
        consumedSoFar = count
    }
}
