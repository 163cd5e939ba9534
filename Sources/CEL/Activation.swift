/// The variables one evaluation sees. Build it once per evaluation; lookups by precomputed hash.
///
/// When many evaluations share most variables (a rule run for every subject of a descriptor), build
/// the shared part once and add the one changing variable with `binding(_:_:)`: that shares the
/// table instead of building a new one.
///
/// A class: an evaluation keeps a reference to it, and handing one reference to each of a million
/// evaluations costs less than copying four fields.
public final class Activation: Sendable {
    let values: [String: Value]
    /// The same bindings as a map, for lookups with the hash the plan computed once per variable.
    let table: MapValue
    /// True when some bound name contains a dot, so qualified lookups must try dotted names.
    let hasDottedNames: Bool
    /// One variable bound on top of the table (the subject of a rule), checked first. Kept as
    /// plain fields rather than an optional pair: unwrapping the pair on every lookup copied it,
    /// counting a reference to the bound value twice for each variable read.
    private let hasOverlay: Bool
    private let overlayName: FieldName
    private let overlayValue: Value

    public convenience init(_ values: [String: Value] = [:]) {
        self.init(values: values, table: MapValue(stringKeyed: values),
                  hasDottedNames: values.keys.contains { $0.utf8.contains(UInt8(ascii: ".")) }, overlay: nil)
    }

    private init(values: [String: Value], table: MapValue, hasDottedNames: Bool, overlay: (name: FieldName, value: Value)?) {
        self.values = values; self.table = table; self.hasDottedNames = hasDottedNames
        hasOverlay = overlay != nil
        overlayName = overlay?.name ?? .none
        overlayValue = overlay?.value ?? .null
    }

    /// These bindings plus `name` bound to `value` (replacing an earlier overlay, shadowing the table).
    public func binding(_ name: String, _ value: Value) -> Activation {
        Activation(values: values, table: table,
                   hasDottedNames: hasDottedNames || name.utf8.contains(UInt8(ascii: ".")),
                   overlay: (FieldName(name), value))
    }

    public subscript(name: String) -> Value? {
        if hasOverlay, overlayName.name == name { return overlayValue }
        return values[name]
    }

    /// `field` of the map at `path` from variable `name`'s map; nil when the variable is unbound,
    /// a step is missing or not a map, or the last map lacks the field. The maps on the way are
    /// read where they are held, without counting references to them.
    @inline(__always)
    func field(_ field: FieldName, along path: [FieldName], ofVariable name: FieldName) -> Value? {
        if hasOverlay, overlayName.hash == name.hash, overlayName.name == name.name {
            guard case .map(let map) = overlayValue else { return nil }
            return map.field(field, along: path)
        }
        guard case .map(let map)? = table.lookup(field: name) else { return nil }
        return map.field(field, along: path)
    }

    @inline(__always)
    func lookup(_ name: FieldName) -> Value? {
        if hasOverlay, overlayName.hash == name.hash, overlayName.name == name.name { return overlayValue }
        return table.lookup(field: name)
    }
}
