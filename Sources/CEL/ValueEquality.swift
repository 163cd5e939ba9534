#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// CEL equality and ordering, including heterogeneous numeric comparison (`1 == 1u == 1.0`).
extension Value {
    /// CEL `==`: values of different kinds are unequal (not an error); numbers compare by value.
    public func celEquals(_ other: Value) -> Bool {
        switch (self, other) {
        case (.null, .null): return true
        case (.bool(let a), .bool(let b)): return a == b
        case (.string(let a), .string(let b)): return Value.sameCodePoints(a, b)
        case (.bytes(let a), .bytes(let b)): return a == b
        case (.timestamp(let a), .timestamp(let b)): return a == b
        case (.duration(let a), .duration(let b)): return a == b
        case (.type(let a), .type(let b)): return a == b
        case (.list(let a), .list(let b)):
            guard a.count == b.count else { return false }
            for i in 0..<a.count where !a[i].celEquals(b[i]) { return false }
            return true
        case (.map(let a), .map(let b)):
            if a === b { return true }
            guard a.count == b.count else { return false }
            for (key, value) in a.entries {
                guard let otherValue = b.lookup(key), value.celEquals(otherValue) else { return false }
            }
            return true
        case (.int, _), (.uint, _), (.double, _):
            return Value.compareNumbers(self, other) == 0
        default: return false
        }
    }

    /// CEL compares strings by code points, not by Swift's canonical equivalence. Compared as UTF-8
    /// bytes in place: this runs for every `in [...]` and `== '...'` of every rule.
    @inline(__always)
    static func sameCodePoints(_ a: String, _ b: String) -> Bool {
        guard a.utf8.count == b.utf8.count else { return false }
        let fast = a.utf8.withContiguousStorageIfAvailable { pa in
            b.utf8.withContiguousStorageIfAvailable { pb in
                guard let x = pa.baseAddress, let y = pb.baseAddress else { return pa.count == pb.count }
                return memcmp(x, y, pa.count) == 0
            }
        }
        if let fast, let result = fast { return result }
        return a.utf8.elementsEqual(b.utf8)
    }

    /// -1, 0 or 1 when both are numbers and comparable; nil otherwise (or when a NaN is involved).
    static func compareNumbers(_ a: Value, _ b: Value) -> Int? {
        switch (a, b) {
        case (.int(let x), .int(let y)): return x < y ? -1 : (x == y ? 0 : 1)
        case (.uint(let x), .uint(let y)): return x < y ? -1 : (x == y ? 0 : 1)
        case (.double(let x), .double(let y)):
            if x.isNaN || y.isNaN { return nil }
            return x < y ? -1 : (x == y ? 0 : 1)
        case (.int(let x), .uint(let y)):
            if x < 0 { return -1 }
            return UInt64(x) < y ? -1 : (UInt64(x) == y ? 0 : 1)
        case (.uint, .int): return compareNumbers(b, a).map { -$0 }
        // Like cel-go, an int or uint compared with a double is converted to double first.
        case (.int(let x), .double(let y)): return compareNumbers(.double(Double(x)), .double(y))
        case (.double, .int): return compareNumbers(b, a).map { -$0 }
        case (.uint(let x), .double(let y)): return compareNumbers(.double(Double(x)), .double(y))
        case (.double, .uint): return compareNumbers(b, a).map { -$0 }
        default: return nil
        }
    }

    /// Ordering for `<`, `<=`, `>`, `>=`. nil means no overload (different kinds) — or NaN, which
    /// the caller turns into `false`.
    static func compare(_ a: Value, _ b: Value) -> Result<Int?, EvalError> {
        switch (a, b) {
        case (.int, .int), (.int, .uint), (.int, .double), (.uint, .int), (.uint, .uint), (.uint, .double),
             (.double, .int), (.double, .uint), (.double, .double):
            return .success(compareNumbers(a, b))
        case (.string(let x), .string(let y)):
            // Code point order, as cel-go compares UTF-8 bytes.
            return .success(lexicographic(Array(x.utf8), Array(y.utf8)))
        case (.bytes(let x), .bytes(let y)): return .success(lexicographic(x, y))
        case (.bool(let x), .bool(let y)): return .success(x == y ? 0 : (!x ? -1 : 1))
        case (.timestamp(let x), .timestamp(let y)): return .success(x < y ? -1 : (x == y ? 0 : 1))
        case (.duration(let x), .duration(let y)): return .success(x < y ? -1 : (x == y ? 0 : 1))
        default: return .failure(EvalError.noOverload("_<_", [a, b]))
        }
    }

    private static func lexicographic(_ x: [UInt8], _ y: [UInt8]) -> Int {
        for i in 0..<min(x.count, y.count) where x[i] != y[i] {
            return x[i] < y[i] ? -1 : 1
        }
        return x.count < y.count ? -1 : (x.count == y.count ? 0 : 1)
    }
}
