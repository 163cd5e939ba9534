/// The variables one evaluation sees. Build it once per evaluation; lookups are by name.
public struct Activation: Sendable {
    var values: [String: Value]
    /// True when some bound name contains a dot, so qualified lookups must try dotted names.
    let hasDottedNames: Bool

    public init(_ values: [String: Value] = [:]) {
        self.values = values
        self.hasDottedNames = values.keys.contains { $0.contains(".") }
    }

    public subscript(name: String) -> Value? { values[name] }
}
