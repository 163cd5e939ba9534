/// A file's hex SHA-256 as a result records it: given, or computed when first read.
///
/// Only some outputs print the descriptor's digest (JSON, SARIF, OSCAL, HTML, Markdown, and the
/// attestations made from them); the default text report does not. Hashing a city-wide descriptor
/// took a core for as long as a tenth of the audit, so the engine hands over how to compute it,
/// and whoever reads it first pays. The source it reads from keeps the digest once computed.
struct FileDigestText: Sendable {
    private let given: String?
    private let compute: (@Sendable () -> String)?

    init(_ text: String) { given = text; compute = nil }
    init(computedBy compute: @escaping @Sendable () -> String) { given = nil; self.compute = compute }

    var text: String { given ?? compute?() ?? "" }
}
