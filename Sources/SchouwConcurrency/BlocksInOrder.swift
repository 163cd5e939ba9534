import Foundation

/// `0..<count` in blocks of `block`, each made into a piece on every core and handed to `consume`
/// in block order, one piece at a time.
///
/// Making and consuming overlap: while one core hands a piece on (a report writing a megabyte to
/// its file), the other goes on making the next ones. Made in batches and then consumed, the
/// writing of a city-wide report left the second core idle for a twentieth of the audit. At most
/// `window` pieces are made ahead of the one being consumed, so such a report is written while it
/// is made and never held whole.
///
/// `consume` runs on whichever core holds the next piece, never on two at once, so it may update
/// the caller's state without a lock. The first error it throws stops the work and is rethrown.
public func forEachBlockInOrder<Piece, Failure: Error>(
    _ count: Int, block: Int, window: Int = 16,
    make: (Range<Int>) -> Piece, consume: (Piece) throws(Failure) -> Void
) throws(Failure) {
    let block = max(1, block)
    let blocks = (count + block - 1) / block
    @Sendable func range(_ k: Int) -> Range<Int> { (k * block)..<min((k + 1) * block, count) }
    let cores = availableCores
    guard blocks > 1, cores > 1 else {
        for k in 0..<blocks { try consume(make(range(k))) }
        return
    }
    let line = BlockLine<Piece, Failure>(blocks: blocks, window: max(1, window))
    withoutActuallyEscaping(make) { make in
        withoutActuallyEscaping(consume) { consume in
            let work = UncheckedBox((make, consume))
            DispatchQueue.concurrentPerform(iterations: min(blocks, cores)) { _ in
                line.work(make: { work.value.0(range($0)) }, consume: work.value.1)
            }
        }
    }
    if let failure = line.failure { throw failure }
}

/// The shared state of `forEachBlockInOrder`'s workers: which block is made next, which is
/// consumed next, and the pieces made but not yet consumed.
final class BlockLine<Piece, Failure: Error>: @unchecked Sendable {
    private let condition = NSCondition()
    private let blocks: Int, window: Int
    private var nextToMake = 0, nextToConsume = 0
    private var ready: [Int: Piece] = [:]
    private var consuming = false
    /// The error `consume` threw; read once every worker has returned.
    private(set) var failure: Failure?

    init(blocks: Int, window: Int) {
        self.blocks = blocks
        self.window = window
    }

    /// One worker: consumes the next piece when it is ready and no other worker is consuming,
    /// otherwise makes the next block if the window allows, otherwise waits for either to change.
    func work(make: (Int) -> Piece, consume: (Piece) throws(Failure) -> Void) {
        condition.lock()
        while failure == nil && nextToConsume < blocks {
            if !consuming, let piece = ready.removeValue(forKey: nextToConsume) {
                consuming = true
                condition.unlock()
                var thrown: Failure?
                do throws(Failure) { try consume(piece) } catch { thrown = error }
                condition.lock()
                consuming = false
                nextToConsume += 1
                if let thrown { failure = thrown }
                condition.broadcast()
            } else if nextToMake < blocks && nextToMake < nextToConsume + window {
                let k = nextToMake
                nextToMake += 1
                condition.unlock()
                let piece = make(k)
                condition.lock()
                ready[k] = piece
                condition.broadcast()
            } else {
                condition.wait()
            }
        }
        condition.unlock()
    }
}
