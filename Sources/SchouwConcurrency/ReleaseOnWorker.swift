import Dispatch

/// Frees `value` on a worker thread while the caller goes on. A city-wide audit lets go of
/// structures of hundreds of thousands of small arrays (the parsed YAML, the graph analysis's
/// working lists); freeing one took 5-20 ms with the other core idle.
///
/// The value is moved into a holder the worker empties, so it is freed there, not wherever the
/// last of two references happened to be dropped; pass it with `consume` and keep no other
/// reference to what it holds.
public func releaseOnWorker<T>(_ value: consuming T) {
    let holder = ReleasedValue(value)
    DispatchQueue.global().async { holder.drop() }
}

/// Holds a value until a worker drops it. Touched by that worker alone once handed over.
private final class ReleasedValue<T>: @unchecked Sendable {
    private var value: T?
    init(_ value: consuming T) { self.value = value }
    func drop() { value = nil }
}
