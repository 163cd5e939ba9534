import CEL
import Testing
@testable import SchouwEngine

/// Objects built for a shape memo follow the keys the first object of their type was assigned; one
/// that is assigned other keys must still get exactly its own fields.
@Suite struct ObjectFieldsTests {
    /// Builds an object the way the descriptor's builders do: a fixed sequence of assignments,
    /// some of them nil.
    static func build(_ assignments: [(String, Value?)], memo: inout ShapeMemo) -> MapValue? {
        var o = ObjectFields(type: "test.Object", memo: memo, capacity: assignments.count)
        for (key, value) in assignments { o[key] = value }
        return o.value(type: "test.Object", memo: &memo).mapValue
    }

    /// The object's integer fields among `keys` (a field of another type shows as -1).
    static func fields(_ map: MapValue?, _ keys: [String]) -> [String: Int64] {
        var found: [String: Int64] = [:]
        for key in keys { found[key] = map?.lookup(field: key).map { $0.intValue ?? -1 } }
        return found
    }

    static let allKeys = ["a", "b", "c", "x"]

    @Test func objectsThatFollowThePatternHaveTheirOwnPresentKeys() {
        var memo = ShapeMemo()
        let first = Self.build([("a", .int(1)), ("b", nil), ("c", .int(3))], memo: &memo)
        let second = Self.build([("a", .int(10)), ("b", .int(20)), ("c", nil)], memo: &memo)
        let third = Self.build([("a", nil), ("b", .int(200)), ("c", .int(300))], memo: &memo)
        #expect(first?.count == 2 && second?.count == 2 && third?.count == 2)
        #expect(Self.fields(first, Self.allKeys) == ["a": 1, "c": 3])
        #expect(Self.fields(second, Self.allKeys) == ["a": 10, "b": 20])
        #expect(Self.fields(third, Self.allKeys) == ["b": 200, "c": 300])
    }

    @Test func anObjectThatLeavesThePatternRecordsItsOwnKeys() {
        var memo = ShapeMemo()
        _ = Self.build([("a", .int(1)), ("b", .int(2)), ("c", .int(3))], memo: &memo)
        // Same presence bits as the pattern's first object, other keys from the second assignment on.
        let other = Self.build([("a", .int(4)), ("x", .int(5)), ("c", .int(6))], memo: &memo)
        #expect(Self.fields(other, Self.allKeys) == ["a": 4, "x": 5, "c": 6])
        // Fewer assignments than the pattern, then one more key than it has.
        let shorter = Self.build([("a", .int(7))], memo: &memo)
        #expect(Self.fields(shorter, Self.allKeys) == ["a": 7])
        let longer = Self.build([("a", nil), ("b", .int(8)), ("c", nil), ("x", .int(9))], memo: &memo)
        #expect(Self.fields(longer, Self.allKeys) == ["b": 8, "x": 9])
        // And the pattern still serves objects that follow it.
        let following = Self.build([("a", nil), ("b", nil), ("c", .int(10))], memo: &memo)
        #expect(Self.fields(following, Self.allKeys) == ["c": 10])
    }
}
