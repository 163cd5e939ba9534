/// The variables one evaluation sees. Build it once per evaluation; lookups by precomputed hash.
public struct Activation: Sendable {
    let values: [String: Value]
    /// The same bindings as a map, for lookups with the hash the plan computed once per variable.
    let table: MapValue
    /// True when some bound name contains a dot, so qualified lookups must try dotted names.
    let hasDottedNames: Bool

    public init(_ values: [String: Value] = [:]) {
        self.values = values
        self.table = MapValue(stringKeyed: values)
        self.hasDottedNames = values.keys.contains { $0.contains(".") }
    }

    public subscript(name: String) -> Value? { values[name] }

    @inline(__always)
    func lookup(_ name: FieldName) -> Value? { table.lookup(field: name) }
}
