/// What an import did: every fact mapped, every guess made, every fact the source could not give.
///
/// Printed on stderr by `schouw import` so that stdout carries only the descriptor. The lists keep
/// the order in which the importer met the source objects, so the report is stable.
public struct ImportReport: Sendable, Equatable {
    public enum Kind: String, Sendable, CaseIterable {
        /// Taken over from the source with the same meaning.
        case mapped
        /// Derived from the source, but a person should check it.
        case guessed
        /// The source has no such fact; left out or marked `TODO(schouw import)` in the output.
        case missing
        /// In the source, but the descriptor format has no place for it.
        case dropped
    }

    public struct Item: Sendable, Equatable {
        public var kind: Kind
        /// The descriptor object it concerns, e.g. `system some-component`, or a section name.
        public var subject: String
        public var text: String
    }

    /// The source format, e.g. `Threagile`.
    public var format: String
    public var source: String
    public private(set) var items: [Item] = []

    public init(format: String, source: String) { self.format = format; self.source = source }

    public mutating func add(_ kind: Kind, _ subject: String, _ text: String) {
        items.append(Item(kind: kind, subject: subject, text: text))
    }

    public mutating func mapped(_ subject: String, _ text: String) { add(.mapped, subject, text) }
    public mutating func guessed(_ subject: String, _ text: String) { add(.guessed, subject, text) }
    public mutating func missing(_ subject: String, _ text: String) { add(.missing, subject, text) }
    public mutating func dropped(_ subject: String, _ text: String) { add(.dropped, subject, text) }

    public func count(_ kind: Kind) -> Int { items.reduce(0) { $0 + ($1.kind == kind ? 1 : 0) } }

    /// One line with the counts, e.g. `mapped 41, guessed 9, missing 12, dropped 3`.
    public var summary: String {
        Kind.allCases.map { "\($0.rawValue) \(count($0))" }.joined(separator: ", ")
    }

    /// The report as text for stderr: a heading, the counts, then each list.
    public func rendered() -> String {
        var out = "import from \(format) \(source): \(summary)\n"
        for kind in Kind.allCases {
            let list = items.filter { $0.kind == kind }
            guard !list.isEmpty else { continue }
            out += "\(kind.rawValue) (\(list.count)):\n"
            for item in list { out += "  - \(item.subject): \(item.text)\n" }
        }
        return out
    }
}
