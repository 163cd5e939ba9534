/// A CEL runtime value.
///
/// Lists are Swift arrays (copy-on-write: binding or selecting a list never copies its elements);
/// maps are `MapValue`, an immutable class, so passing a map around is one reference. Errors are
/// values too: they flow through evaluation so `&&`/`||` can absorb them as CEL requires.
public enum Value: Sendable {
    case null
    case bool(Bool)
    case int(Int64)
    case uint(UInt64)
    case double(Double)
    case string(String)
    case bytes([UInt8])
    case list([Value])
    case map(MapValue)
    case timestamp(Timestamp)
    case duration(CELDuration)
    case type(TypeValue)
    indirect case error(EvalError)

    /// The runtime type of the value, as `type(x)` reports it.
    public var typeValue: TypeValue {
        switch self {
        case .null: return .nullType
        case .bool: return .bool
        case .int: return .int
        case .uint: return .uint
        case .double: return .double
        case .string: return .string
        case .bytes: return .bytes
        case .list: return .list
        case .map(let m): return m.objectType.map { TypeValue(name: $0) } ?? .map
        case .timestamp: return .timestamp
        case .duration: return .duration
        case .type: return .type
        case .error: return TypeValue(name: "error")
        }
    }

    /// The payload when the value is a bool, nil otherwise.
    public var boolValue: Bool? {
        if case .bool(let b) = self { return b }
        return nil
    }

    public var stringValue: String? {
        if case .string(let s) = self { return s }
        return nil
    }

    public var intValue: Int64? {
        if case .int(let i) = self { return i }
        return nil
    }

    public var listValue: [Value]? {
        if case .list(let l) = self { return l }
        return nil
    }

    public var mapValue: MapValue? {
        if case .map(let m) = self { return m }
        return nil
    }

    public var errorValue: EvalError? {
        if case .error(let e) = self { return e }
        return nil
    }

    public var isError: Bool {
        if case .error = self { return true }
        return false
    }

    /// Convenience for building maps with string keys, the shape descriptor objects have.
    public static func object(_ fields: [String: Value], typeName: String? = nil) -> Value {
        .map(MapValue(stringKeyed: fields, objectType: typeName))
    }
}

/// A type as a runtime value (`type(1) == int`).
public struct TypeValue: Sendable, Hashable, CustomStringConvertible {
    public var name: String
    public init(name: String) { self.name = name }

    public static let int = TypeValue(name: "int")
    public static let uint = TypeValue(name: "uint")
    public static let double = TypeValue(name: "double")
    public static let bool = TypeValue(name: "bool")
    public static let string = TypeValue(name: "string")
    public static let bytes = TypeValue(name: "bytes")
    public static let list = TypeValue(name: "list")
    public static let map = TypeValue(name: "map")
    public static let nullType = TypeValue(name: "null_type")
    public static let type = TypeValue(name: "type")
    public static let timestamp = TypeValue(name: "google.protobuf.Timestamp")
    public static let duration = TypeValue(name: "google.protobuf.Duration")

    public var description: String { name }
}

/// A map key, normalised so `1`, `1u` and `1.0` find the same entry as CEL's equality requires.
enum MapKey: Hashable, Sendable {
    case bool(Bool)
    case int(Int64)
    case bigUint(UInt64)
    case string(String)

    init?(_ value: Value) {
        switch value {
        case .bool(let b): self = .bool(b)
        case .int(let i): self = .int(i)
        case .uint(let u): self = u <= UInt64(Int64.max) ? .int(Int64(u)) : .bigUint(u)
        case .string(let s): self = .string(s)
        case .double(let d):
            // Only used for lookups: an integral double finds the matching int or uint key.
            if d.rounded() == d, d >= -9.223372036854775808e18, d < 9.223372036854775808e18 {
                self = .int(Int64(d))
            } else if d.rounded() == d, d >= 0, d < 1.8446744073709551616e19 {
                self = .bigUint(UInt64(d))
            } else {
                return nil
            }
        default: return nil
        }
    }
}

/// An immutable CEL map that remembers insertion order (for deterministic output) and indexes keys.
///
/// Two layouts: a map built from pairs keeps its keys and a hash index of its own; a map laid out by
/// an `ObjectShape` keeps only its values, and finds them through the shape's shared key table. A
/// descriptor becomes tens of thousands of objects of a few shapes, so the second layout halves their
/// memory and keeps field lookups in the shared, cache-warm table.
public final class MapValue: Sendable {
    /// Where the keys are and how a field is found. One reference either way, so reading the
    /// layout on every field lookup costs a single reference count.
    private enum Layout: Sendable {
        /// Built from pairs: keys of its own.
        case own(OwnKeys)
        /// Laid out by a shared shape: the keys, their table and their sorted order are the shape's.
        case shaped(ObjectShape)
    }

    /// A map's own keys in entry order, an index by key (CEL's numeric key equivalence), and an
    /// open-addressing table of the positions of its string keys.
    private final class OwnKeys: Sendable {
        let keys: [Value]
        let index: [MapKey: Int]
        let fieldTable: [Int32]
        init(keys: [Value], index: [MapKey: Int]) {
            self.keys = keys
            self.index = index
            self.fieldTable = ObjectShape.table(keys.map { key -> String? in
                if case .string(let name) = key { return name }
                return nil
            })
        }
    }

    private let layout: Layout
    /// Values in entry order (a shaped map: the shape's assignment order).
    let values: [Value]
    /// Set for maps that stand for declared object types (e.g. `schouw.Party`); `type(x)` reports it.
    public let objectType: String?

    /// Builds a map; duplicate keys are an error, as in CEL map literals.
    public static func make(_ pairs: [(Value, Value)], objectType: String? = nil) -> Result<MapValue, EvalError> {
        var keys: [Value] = [], values: [Value] = []
        keys.reserveCapacity(pairs.count)
        values.reserveCapacity(pairs.count)
        var index: [MapKey: Int] = [:]
        for (key, value) in pairs {
            guard let mapKey = MapKey(key), !isDouble(key) else {
                return .failure(EvalError(.invalidArgument, "unsupported key type \(key.typeValue.name) in map"))
            }
            if index[mapKey] != nil {
                return .failure(EvalError(.invalidArgument, "Failed with repeated key: \(key.literal)"))
            }
            index[mapKey] = keys.count
            keys.append(key)
            values.append(value)
        }
        return .success(MapValue(keys: keys, values: values, index: index, objectType: objectType))
    }

    private static func isDouble(_ v: Value) -> Bool {
        if case .double = v { return true }
        return false
    }

    private init(keys: [Value], values: [Value], index: [MapKey: Int], objectType: String?) {
        self.layout = .own(OwnKeys(keys: keys, index: index))
        self.values = values
        self.objectType = objectType
    }

    /// A map of string keys laid out by a shared shape: no hash table of its own is built, which
    /// matters when a descriptor turns into tens of thousands of objects of a few shapes.
    /// `values` are in the shape's assignment order, and kept in it (no copy per object); there is
    /// one per key of the shape.
    public init(shape: ObjectShape, values: [Value], objectType: String?) {
        precondition(values.count == shape.count, "a shaped map needs one value per key of its shape")
        self.layout = .shaped(shape)
        self.values = values
        self.objectType = objectType
    }

    /// A map with string keys, sorted by key for a stable iteration order.
    public convenience init(stringKeyed fields: [String: Value], objectType: String? = nil) {
        var keys: [Value] = [], values: [Value] = []
        var index: [MapKey: Int] = [:]
        for key in fields.keys.sorted() {
            index[.string(key)] = keys.count
            keys.append(.string(key))
            values.append(fields[key] ?? .null)
        }
        self.init(keys: keys, values: values, index: index, objectType: objectType)
    }

    /// Field selection with a precomputed hash: the hottest operation in rule evaluation
    /// (`flow.personal`), so the field name is never hashed at run time.
    @inline(__always)
    public func lookup(field: FieldName) -> Value? {
        position(of: field).map { values[$0] }
    }

    /// Where `field`'s value is in `values`.
    @inline(__always)
    private func position(of field: FieldName) -> Int? {
        switch layout {
        case .shaped(let shape):
            return Self.probe(shape.fieldTable, field) { shape.keys[$0] == field.name }
        case .own(let own):
            return Self.probe(own.fieldTable, field) {
                if case .string(let key) = own.keys[$0] { return key == field.name }
                return false
            }
        }
    }

    /// `field` of the map reached from this one through the fields of `path` (see `lookup`), the
    /// maps on the way read where their parents hold them: this map holds the first, and so on,
    /// so each stays alive while it is read.
    @inline(__always)
    func field(_ field: FieldName, along path: [FieldName]) -> Value? {
        var map = Unmanaged.passUnretained(self)
        for step in path {
            guard let next = map._withUnsafeGuaranteedRef({ $0.map(at: step) }) else { return nil }
            map = next
        }
        return map._withUnsafeGuaranteedRef { $0.lookup(field: field) }
    }

    /// The map that is `field`'s value, unretained (valid while this map lives); nil when the
    /// field is absent or not a map.
    @inline(__always)
    private func map(at field: FieldName) -> Unmanaged<MapValue>? {
        guard let position = position(of: field) else { return nil }
        return values.withUnsafeBufferPointer { values in
            if case .map(let map) = values[position] { return Unmanaged.passUnretained(map) }
            return nil
        }
    }

    /// The position `field` has in an open-addressing table, if `matches` confirms a candidate.
    @inline(__always)
    private static func probe(_ table: [Int32], _ field: FieldName, matches: (Int) -> Bool) -> Int? {
        guard !table.isEmpty else { return nil }
        let mask = table.count - 1
        var slot = field.hash & mask
        while true {
            let position = Int(table[slot])
            if position < 0 { return nil }
            if matches(position) { return position }
            slot = (slot + 1) & mask
        }
    }

    public var count: Int { values.count }

    /// The keys in entry order (a shaped map: sorted).
    public var keys: [Value] {
        switch layout {
        case .own(let own): return own.keys
        case .shaped(let shape): return shape.sortedKeys.map { .string($0) }
        }
    }

    /// The entries in order (for iteration, equality and printing; lookups do not go through this).
    public var entries: [(key: Value, value: Value)] {
        switch layout {
        case .own(let own): return Array(zip(own.keys, values))
        case .shaped(let shape): return zip(shape.sortedKeys, shape.sortedPositions).map { (.string($0), values[$1]) }
        }
    }

    /// The value for `key`, using CEL's numeric key equivalence.
    public func lookup(_ key: Value) -> Value? {
        switch layout {
        case .shaped:
            if case .string(let name) = key { return lookup(field: FieldName(name)) }
            return nil
        case .own(let own):
            guard let mapKey = MapKey(key), let position = own.index[mapKey] else { return nil }
            return values[position]
        }
    }

    /// The value of string key `field`, if present.
    public func lookup(field: String) -> Value? {
        lookup(field: FieldName(field))
    }
}

/// The key layout shared by maps with the same string keys: keys sorted for a stable iteration
/// order, and the open-addressing table `MapValue.lookup(field:)` probes (it gives positions in
/// assignment order, the order a shaped map keeps its values in).
public final class ObjectShape: Sendable {
    /// The keys in assignment order (the order of a shaped map's values).
    let keys: [String]
    let sortedKeys: [String]
    /// For each sorted key, its position in the order the keys were given.
    let sortedPositions: [Int]
    let fieldTable: [Int32]

    /// `keys` in the order their values will be given; duplicates are not allowed.
    public init(keys: [String]) {
        let order = keys.indices.sorted { keys[$0] < keys[$1] }
        self.keys = keys
        sortedKeys = order.map { keys[$0] }
        sortedPositions = order
        fieldTable = ObjectShape.table(keys)
    }

    public var count: Int { sortedKeys.count }

    /// Open-addressing table of the positions of the string keys (nil: an entry with another key
    /// type, skipped), probed with `FieldName.hash`; empty when there are no string keys.
    static func table(_ keys: [String?]) -> [Int32] {
        let stringKeys = keys.reduce(0) { $0 + ($1 == nil ? 0 : 1) }
        guard stringKeys > 0 else { return [] }
        var size = 4
        while size < stringKeys * 2 { size *= 2 }
        var table = [Int32](repeating: -1, count: size)
        let mask = size - 1
        for (position, key) in keys.enumerated() {
            guard let key else { continue }
            var slot = FieldName.hash(key) & mask
            while table[slot] >= 0 { slot = (slot + 1) & mask }
            table[slot] = Int32(position)
        }
        return table
    }
}

/// A field name with its hash computed once (when the expression is planned, or a message
/// template compiled), so a lookup never hashes the name.
public struct FieldName: Sendable {
    public let name: String
    let hash: Int

    public init(_ name: String) {
        self.name = name
        self.hash = FieldName.hash(name)
    }

    /// The field of plan nodes that name none.
    static let none = FieldName("")

    /// FNV-1a over the UTF-8 bytes: stable, cheap, and independent of Swift's per-process seed.
    static func hash(_ text: String) -> Int {
        var h: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in text.utf8 {
            h ^= UInt64(byte)
            h = h &* 0x0000_0100_0000_01B3
        }
        return Int(truncatingIfNeeded: h ^ (h >> 29))
    }
}
