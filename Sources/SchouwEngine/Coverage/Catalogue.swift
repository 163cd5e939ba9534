/// One measure, article or control of a catalogue.
public struct CatalogueEntry: Sendable, Equatable {
    /// Whether the entry belongs in a statement of applicability, and if not, why.
    public enum Standing: Sendable, Equatable {
        /// An obligation to account for: a BIO overheidsmaatregel, a listed AVG article, a cloud control.
        case listed
        /// Present in the source but not an obligation of its own; the text says why
        /// (e.g. "geen overheidsmaatregel", "verplaatst naar 5.10.02", "- conform norm -").
        case unlisted(String)
    }

    /// The id as rules cite it: `5.17.01`, `9.4.2.1`, `art. 28`, `U.05.1`.
    public var id: String
    /// A short title: the first sentence of a BIO measure, the heading of an AVG article.
    public var title: LocalizedText
    /// The full text where the source has one.
    public var text: String?
    /// The control or chapter the entry belongs to (`5.17 Authentication information`).
    public var group: String?
    /// BIO 1.04 basisbeveiligingsniveau (`1`, `2`), BIO2 v1.2 category; nil elsewhere.
    public var level: String?
    public var standing: Standing

    public var isListed: Bool { standing == .listed }
}

/// A catalogue of one framework, read from the files embedded with the rules.
public struct Catalogue: Sendable {
    public var framework: CoverageFramework
    public var name: String
    public var version: String
    /// Where the data comes from (repository, commit, licence), for the report's footer.
    public var source: String
    /// Every entry of the source, in catalogue order.
    public var entries: [CatalogueEntry]

    /// The entries a statement of applicability lists.
    public var listed: [CatalogueEntry] { entries.filter(\.isListed) }

    public func entry(_ id: String) -> CatalogueEntry? { index[id].map { entries[$0] } }

    private let index: [String: Int]

    public init(framework: CoverageFramework, name: String, version: String, source: String, entries: [CatalogueEntry]) {
        self.framework = framework; self.name = name; self.version = version; self.source = source
        self.entries = entries
        var index: [String: Int] = [:]
        for (i, e) in entries.enumerated() where index[e.id] == nil { index[e.id] = i }
        self.index = index
    }
}
