import Foundation
import SchouwConcurrency
import Testing

/// The parallel helpers the engine builds its facts and values with: results in index order
/// whatever core made them, a scratch value per chunk, and two jobs side by side.
@Suite struct ParallelMapTests {
    @Test func scratchVariantKeepsIndexOrderAndMakesOneScratchPerChunk() {
        let made = Counter()
        let result = parallelMap(100_000, minimumChunk: 2_048, scratch: { () -> [Int] in made.increment(); return [] }) { seen, i in
            seen.append(i)
            // Each item sees only earlier items of its own chunk, in order.
            return seen.count == 1 || seen[seen.count - 2] == i - 1 ? i * 2 : -1
        }
        #expect(result == (0..<100_000).map { $0 * 2 })
        let chunks = min(100_000 / 2_048, 8 * ProcessInfo.processInfo.activeProcessorCount)
        #expect(made.value == chunks)
    }

    @Test func scratchVariantOnSmallInputsUsesOneScratch() {
        let made = Counter()
        let result = parallelMap(10, scratch: { () -> Int in made.increment(); return 0 }) { sum, i in
            sum += i
            return sum
        }
        #expect(result == [0, 1, 3, 6, 10, 15, 21, 28, 36, 45])
        #expect(made.value == 1)
    }

    @Test func eachTaskResultLandsInItsSlot() {
        #expect(parallelMap(each: 7) { $0 * $0 } == [0, 1, 4, 9, 16, 25, 36])
        #expect(parallelMap(each: 0) { $0 }.isEmpty)
    }

    @Test func concurrentlyReturnsBothResults() {
        let (sum, text) = concurrently({ (0..<1_000).reduce(0, +) }, { "second" })
        #expect(sum == 499_500)
        #expect(text == "second")
    }

    /// Called on every core at once, with no worker free to start the second jobs, every call
    /// still finishes with its own results: a caller whose second job has not started runs it.
    @Test func concurrentlyFinishesWhenEveryWorkerIsBusy() {
        let results = parallelMap(each: 64) { i in concurrently({ i }, { i * 10 }) }
        #expect(results.map(\.0) == Array(0..<64))
        #expect(results.map(\.1) == (0..<64).map { $0 * 10 })
    }

    /// Parallel maps inside both jobs give their results in order.
    @Test func parallelMapsInsideConcurrentlyKeepTheirOrder() {
        let (first, second) = concurrently({ parallelMap(50_000) { $0 + 1 } }, { parallelMap(20_000) { $0 * 3 } })
        #expect(first == (0..<50_000).map { $0 + 1 })
        #expect(second == (0..<20_000).map { $0 * 3 })
    }

    private final class Counter: @unchecked Sendable {
        private let lock = NSLock()
        private var count = 0
        func increment() { lock.lock(); count += 1; lock.unlock() }
        var value: Int { lock.lock(); defer { lock.unlock() }; return count }
    }
}
