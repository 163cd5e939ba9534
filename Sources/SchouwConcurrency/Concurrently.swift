import Foundation

/// `first` and `second` run at the same time, on two cores when there are two; both results.
///
/// `first` runs on the calling thread and `second` on a worker, not both inside one
/// `concurrentPerform`: Dispatch runs a `concurrentPerform` nested in another one on a single
/// thread, so a `parallelMap` in either job used one core however soon the other job finished
/// (the flows' subjects of a city-wide audit were made on one core for about 20 ms that way).
///
/// When no worker is free to start `second` by the time `first` is done, the calling thread runs
/// it itself: the call never waits on a thread that may never come.
public func concurrently<A, B>(_ first: () -> A, _ second: () -> B) -> (A, B) {
    guard availableCores > 1 else { return (first(), second()) }
    return withoutActuallyEscaping(second) { second in
        let side = SideJob(second)
        DispatchQueue.global().async { side.runOnWorker() }
        let a = first()
        let b = side.result()
        return (a, b)
    }
}

/// The second job of `concurrently`: run by whichever of the worker and the caller claims it first.
/// The job is dropped when it is claimed, so no reference to it outlives the call.
final class SideJob<B>: @unchecked Sendable {
    private let condition = NSCondition()
    private var job: (() -> B)?
    private var value: B?
    private var finished = false

    init(_ job: @escaping () -> B) { self.job = job }

    /// On the worker: runs the job unless the caller has claimed it, then wakes the caller.
    func runOnWorker() {
        guard claimAndRun() else { return }
        condition.lock()
        finished = true
        condition.broadcast()
        condition.unlock()
    }

    /// On the caller, once its own job is done: runs the job if the worker has not started it,
    /// otherwise waits for the worker to finish it.
    func result() -> B {
        if !claimAndRun() {
            condition.lock()
            while !finished { condition.wait() }
            condition.unlock()
        }
        condition.lock()
        defer { condition.unlock() }
        guard let made = value else { preconditionFailure("a concurrent job did not finish") }
        value = nil
        return made
    }

    /// Takes the job if nobody has and runs it. Its reference ends when this returns, before the
    /// caller is woken, so `withoutActuallyEscaping` never sees it escape.
    private func claimAndRun() -> Bool {
        condition.lock()
        guard let job else {
            condition.unlock()
            return false
        }
        self.job = nil
        condition.unlock()
        let made = job()
        condition.lock()
        value = made
        condition.unlock()
        return true
    }
}
