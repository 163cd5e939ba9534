import Foundation

/// The ids one kind defines, each with the node that defined it first, looked up by the id's bytes.
///
/// A city-wide descriptor defines tens of thousands of ids and refers to them hundreds of
/// thousands of times. A `[String: YAMLNode]` made a `String` of every id and every reference and
/// hashed each through its normalising `hash(into:)`; this table hashes the bytes as they stand in
/// the document and compares them byte for byte. The hash is the process's seeded `Hasher`, as
/// for `String`, so a descriptor cannot be crafted to make every lookup collide.
///
/// Entries keep their insertion order, and each keeps its hash, so another table's ids are taken
/// over without hashing them again.
struct IdTable {
    /// The node that defined each id, in insertion order.
    private var nodes: [YAMLNode] = []
    private var hashes: [Int] = []
    /// Each id's bytes, one after the other; entry `e` spans `ends[e - 1]..<ends[e]`.
    private var bytes: [UInt8] = []
    private var ends: [Int] = []
    /// Open addressing with linear probing: entry number + 1, 0 for an empty slot. The slot count
    /// is a power of two and at least twice the entries.
    private var slots: [Int32] = []

    var count: Int { nodes.count }

    static func hash(_ id: UnsafeBufferPointer<UInt8>) -> Int {
        var hasher = Hasher()
        hasher.combine(bytes: UnsafeRawBufferPointer(id))
        return hasher.finalize()
    }

    /// Makes room for `additional` more ids without growing the slots again.
    mutating func reserve(additional: Int) {
        let wanted = count + additional
        nodes.reserveCapacity(wanted); hashes.reserveCapacity(wanted); ends.reserveCapacity(wanted)
        if slots.count < 2 * wanted { rebuildSlots(forAtLeast: wanted) }
    }

    /// Adds an id unless it is already defined; then returns the node that defined it first and
    /// changes nothing.
    mutating func insert(_ id: UnsafeBufferPointer<UInt8>, node: YAMLNode) -> YAMLNode? {
        insert(id, hash: Self.hash(id), node: node)
    }

    /// Whether an id with these bytes is defined (no node handle is made).
    func contains(_ id: UnsafeBufferPointer<UInt8>) -> Bool { find(id, hash: Self.hash(id)) != nil }

    /// Adds every id of `other` in `other`'s order and returns the slots it filled (for `undo`),
    /// or nil, having changed nothing, at the first id both tables define.
    mutating func absorb(_ other: IdTable) -> [Int]? {
        // Room first: the slots must not be rebuilt while the filled ones are noted for undoing.
        reserve(additional: other.count)
        var filled: [Int] = []
        filled.reserveCapacity(other.count)
        let clash = other.bytes.withUnsafeBufferPointer { otherBytes -> Bool in
            for e in 0..<other.count {
                let id = UnsafeBufferPointer(rebasing: otherBytes[other.range(of: e)])
                guard insert(id, hash: other.hashes[e], node: other.nodes[e]) == nil else { return true }
                filled.append(lastInsertedSlot)
            }
            return false
        }
        guard clash else { return filled }
        undo(filled)
        return nil
    }

    /// Takes out the entries an `absorb` added, given the slots it returned, when nothing was
    /// inserted after them. Linear probing never moves an entry, so emptying those slots in
    /// reverse order restores the table exactly.
    mutating func undo(_ filled: [Int]) {
        for slot in filled.reversed() {
            slots[slot] = 0
            nodes.removeLast(); hashes.removeLast(); ends.removeLast()
            bytes.removeLast(bytes.count - (ends.last ?? 0))
        }
    }

    /// Every id as a string, for messages that list or suggest ids.
    var dictionary: [String: YAMLNode] {
        var result: [String: YAMLNode] = [:]
        result.reserveCapacity(count)
        bytes.withUnsafeBufferPointer { all in
            for e in 0..<count {
                result[String(decoding: UnsafeBufferPointer(rebasing: all[range(of: e)]), as: UTF8.self)] = nodes[e]
            }
        }
        return result
    }

    // MARK: - Slots

    /// The slot the last insertion filled.
    private var lastInsertedSlot = 0

    private func range(of entry: Int) -> Range<Int> { (entry == 0 ? 0 : ends[entry - 1])..<ends[entry] }

    private func find(_ id: UnsafeBufferPointer<UInt8>, hash: Int) -> Int? {
        guard !slots.isEmpty else { return nil }
        let mask = slots.count - 1
        return slots.withUnsafeBufferPointer { slots in
            bytes.withUnsafeBufferPointer { all in
                var slot = hash & mask
                while slots[slot] != 0 {
                    let e = Int(slots[slot]) - 1
                    if hashes[e] == hash, Self.equal(UnsafeBufferPointer(rebasing: all[range(of: e)]), id) { return e }
                    slot = (slot + 1) & mask
                }
                return nil
            }
        }
    }

    private mutating func insert(_ id: UnsafeBufferPointer<UInt8>, hash: Int, node: YAMLNode) -> YAMLNode? {
        if let e = find(id, hash: hash) { return nodes[e] }
        if slots.count < 2 * (count + 1) { rebuildSlots(forAtLeast: count + 1) }
        let mask = slots.count - 1
        var slot = hash & mask
        while slots[slot] != 0 { slot = (slot + 1) & mask }
        nodes.append(node); hashes.append(hash)
        bytes.append(contentsOf: id); ends.append(bytes.count)
        slots[slot] = Int32(nodes.count)
        lastInsertedSlot = slot
        return nil
    }

    private mutating func rebuildSlots(forAtLeast entries: Int) {
        var size = 16
        while size < 2 * entries { size *= 2 }
        slots = [Int32](repeating: 0, count: size)
        let mask = size - 1
        for e in 0..<count {
            var slot = hashes[e] & mask
            while slots[slot] != 0 { slot = (slot + 1) & mask }
            slots[slot] = Int32(e + 1)
        }
    }

    private static func equal(_ a: UnsafeBufferPointer<UInt8>, _ b: UnsafeBufferPointer<UInt8>) -> Bool {
        guard a.count == b.count else { return false }
        guard let pa = a.baseAddress, let pb = b.baseAddress else { return true }
        return memcmp(pa, pb, a.count) == 0
    }
}
