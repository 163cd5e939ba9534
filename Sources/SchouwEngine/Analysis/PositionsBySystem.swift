/// Positions listed per system, all in one flat buffer: system `s`'s list is
/// `positions[starts[s]..<starts[s + 1]]`, in the order the pairs were given.
///
/// A city's flows name each system several times; gathering each system's lists as arrays of
/// their own made and regrew hundreds of thousands of small arrays (a quarter of a million
/// regrowths for the 50,000 flows of 10,000 systems), and then freed them again. A class that owns
/// its buffers: the cores read the lists through it without counting references to shared arrays.
final class PositionsBySystem: @unchecked Sendable {
    private let starts: UnsafeMutableBufferPointer<Int>
    private let positions: UnsafeMutableBufferPointer<Int>

    /// `pairs` holds (system, position) pairs flat: system, position, system, position, ...
    /// Systems outside `0..<systemCount` are left out.
    init(systemCount: Int, pairs: [Int]) {
        let count = max(0, systemCount)
        starts = .allocate(capacity: count + 1)
        starts.initialize(repeating: 0)
        var kept = 0
        for k in stride(from: 0, to: pairs.count - 1, by: 2) where pairs[k] >= 0 && pairs[k] < count {
            starts[pairs[k] + 1] += 1
            kept += 1
        }
        for s in 0..<count { starts[s + 1] += starts[s] }
        positions = .allocate(capacity: kept)
        // Filled by counting: a cursor per system, starting at its list's start.
        var next = Array(starts.prefix(count))
        for k in stride(from: 0, to: pairs.count - 1, by: 2) where pairs[k] >= 0 && pairs[k] < count {
            positions.baseAddress?.advanced(by: next[pairs[k]]).initialize(to: pairs[k + 1])
            next[pairs[k]] += 1
        }
    }

    deinit {
        starts.deallocate()
        positions.deallocate()
    }

    /// The number of positions listed for `system`.
    func count(of system: Int) -> Int { starts[system + 1] - starts[system] }

    /// Appends `system`'s positions to `list`.
    func append(_ system: Int, to list: inout [Int]) {
        list.append(contentsOf: UnsafeBufferPointer(rebasing: positions[starts[system]..<starts[system + 1]]))
    }
}
