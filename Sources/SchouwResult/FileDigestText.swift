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

/// Coded and compared as the text: a result read back, or compared with another, does not care
/// whether the digest was given or computed.
extension FileDigestText: Codable, Equatable {
    init(from decoder: any Decoder) throws { self.init(try decoder.singleValueContainer().decode(String.self)) }

    func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(text)
    }

    static func == (a: FileDigestText, b: FileDigestText) -> Bool { a.text == b.text }
}
