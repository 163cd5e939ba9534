import Foundation

/// Results of concurrent work, one slot per item.
final class Slots<T>: @unchecked Sendable {
    private var items: [T]
    private let lock = NSLock()
    init(count: Int, empty: T) { items = Array(repeating: empty, count: count) }
    func set(_ i: Int, _ item: T) { lock.lock(); items[i] = item; lock.unlock() }
    func all() -> [T] { lock.lock(); defer { lock.unlock() }; return items }
}
