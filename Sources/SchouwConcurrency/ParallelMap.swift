import Foundation

/// Results of concurrent work, one slot per item.
public final class Slots<T>: @unchecked Sendable {
    @usableFromInline var items: [T]
    @usableFromInline let lock = NSLock()
    @inlinable public init(count: Int, empty: T) { items = Array(repeating: empty, count: count) }
    @inlinable public func set(_ i: Int, _ item: T) { lock.lock(); items[i] = item; lock.unlock() }
    @inlinable public func all() -> [T] { lock.lock(); defer { lock.unlock() }; return items }
}

// The functions below are inlinable so each caller gets a copy specialised for its element type:
// unspecialised, walking a range and storing results went through generic witnesses and type
// metadata for every item (about a thousand instructions each, more than most transforms).

/// `transform` applied to `0..<count` on every core, in chunks of at least `minimumChunk`; the
/// results in index order. Small inputs stay on the calling thread.
@inlinable
public func parallelMap<T>(_ count: Int, minimumChunk: Int = 2_048, _ transform: (Int) -> T) -> [T] {
    let chunks = chunkCount(count, minimumChunk: minimumChunk)
    guard chunks > 1 else { return (0..<count).map(transform) }
    return withoutActuallyEscaping(transform) { transform in
        fillInChunks(count, chunks: chunks) { range, place in
            for i in range { place(i, transform(i)) }
        }
    }
}

/// An array of `count` elements made by `fill` over `chunks` consecutive ranges on every core,
/// each element put straight into its place. Chunk results joined afterwards were copied
/// element by element on one core, and then freed: for facts with a dozen lists each, 10 ms
/// of a city-wide audit with the other core idle.
@inlinable
func fillInChunks<T>(_ count: Int, chunks: Int, _ fill: (Range<Int>, (Int, T) -> Void) -> Void) -> [T] {
    Array(unsafeUninitializedCapacity: count) { buffer, initialized in
        guard let base = buffer.baseAddress else { initialized = 0; return }
        withoutActuallyEscaping(fill) { fill in
            let work = UncheckedBox((base, fill))
            DispatchQueue.concurrentPerform(iterations: chunks) { chunk in
                // Each chunk initializes only its own range, so the places never overlap.
                let (base, fill) = work.value
                fill((count * chunk / chunks)..<(count * (chunk + 1) / chunks)) { i, element in
                    (base + i).initialize(to: element)
                }
            }
        }
        initialized = count
    }
}

/// Chunks of at least `minimumChunk` items, at most eight per core: the last chunk left runs on
/// one core while the others are done, and with four per core that tail was 10 ms of a city's
/// flow values.
@inlinable
func chunkCount(_ count: Int, minimumChunk: Int) -> Int {
    min(max(1, count / minimumChunk), 8 * availableCores)
}

/// The same, with a scratch value made once per chunk and handed to each of its items: for
/// memos that would otherwise be shared by the cores behind a lock.
@inlinable
public func parallelMap<T, Scratch>(_ count: Int, minimumChunk: Int = 2_048, scratch: () -> Scratch,
                                    _ transform: (inout Scratch, Int) -> T) -> [T] {
    let chunks = chunkCount(count, minimumChunk: minimumChunk)
    guard chunks > 1 else {
        var state = scratch()
        return (0..<count).map { transform(&state, $0) }
    }
    return withoutActuallyEscaping(scratch) { scratch in
        withoutActuallyEscaping(transform) { transform in
            fillInChunks(count, chunks: chunks) { range, place in
                var state = scratch()
                for i in range { place(i, transform(&state, i)) }
            }
        }
    }
}

/// `transform` of `0..<count` cut into consecutive stretches of at most `size`, on every core; the
/// results in stretch order. For passes over long lists whose per-item work is too small to hand
/// out one item at a time.
@inlinable
public func parallelMap<T>(_ count: Int, stretchesOf size: Int, _ transform: (Range<Int>) -> T) -> [T] {
    let size = max(1, size)
    return parallelMap((count + size - 1) / size, minimumChunk: 1) { k in transform((k * size)..<min((k + 1) * size, count)) }
}

/// `transform` applied to each of `0..<count` as a task of its own, taken by the cores in order as
/// they come free; the results in index order. For a few large items of uneven cost, where chunks
/// of several items would leave one core working alone at the end.
@inlinable
public func parallelMap<T>(each count: Int, _ transform: (Int) -> T) -> [T] {
    guard count > 1, availableCores > 1 else { return (0..<count).map(transform) }
    let slots = Slots<T?>(count: count, empty: nil)
    withoutActuallyEscaping(transform) { transform in
        let box = UncheckedBox(transform)
        DispatchQueue.concurrentPerform(iterations: count) { k in slots.set(k, box.value(k)) }
    }
    // Every slot was filled before `concurrentPerform` returned.
    return slots.all().map { item in
        guard let item else { preconditionFailure("a concurrent task did not finish") }
        return item
    }
}

/// Hands a value to concurrent workers that only read it.
@usableFromInline
struct UncheckedBox<T>: @unchecked Sendable {
    @usableFromInline let value: T
    @inlinable init(_ value: T) { self.value = value }
}
