/// Heavy facts left out of the values (see `DescriptorValues.heavyFacts`), one bit per name.
///
/// Asked for each heavy fact of every object of a city: a `Set<String>` hashed the name each time
/// and had its storage counted by every object builder on both cores.
struct SkippedFacts: Sendable {
    static let none = SkippedFacts(mask: 0)

    /// The heavy facts in a fixed order: bit `i` stands for `names[i]`.
    static let names: [String] = DescriptorValues.heavyFacts.sorted()

    private let mask: UInt64

    private init(mask: UInt64) { self.mask = mask }

    /// The heavy facts among `skipped`; other names are never left out.
    init(_ skipped: Set<String>) {
        var mask: UInt64 = 0
        for (i, name) in SkippedFacts.names.enumerated() where i < 64 && skipped.contains(name) { mask |= 1 << UInt64(i) }
        self.mask = mask
    }

    func contains(_ name: String) -> Bool {
        guard mask != 0 else { return false }
        for (i, heavy) in SkippedFacts.names.enumerated() where i < 64 && heavy == name { return mask & (1 << UInt64(i)) != 0 }
        return false
    }
}
