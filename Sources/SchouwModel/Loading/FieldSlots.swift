/// A small per-object table of Int32 values, one per schema field, without a heap allocation for
/// kinds of up to 16 fields (every descriptor kind). Larger schemas fall back to an array.
struct FieldSlots {
    private var inline: (Int32, Int32, Int32, Int32, Int32, Int32, Int32, Int32,
                         Int32, Int32, Int32, Int32, Int32, Int32, Int32, Int32)
    private var overflow: [Int32]?

    init(count: Int, value: Int32) {
        inline = (value, value, value, value, value, value, value, value,
                  value, value, value, value, value, value, value, value)
        overflow = count > 16 ? [Int32](repeating: value, count: count) : nil
    }

    subscript(i: Int) -> Int32 {
        get {
            if let overflow { return overflow[i] }
            return withUnsafeBytes(of: inline) { $0.load(fromByteOffset: i * 4, as: Int32.self) }
        }
        set {
            if overflow != nil { overflow?[i] = newValue; return }
            withUnsafeMutableBytes(of: &inline) { $0.storeBytes(of: newValue, toByteOffset: i * 4, as: Int32.self) }
        }
    }
}
