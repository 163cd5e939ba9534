import SchouwModel

/// The outcome of an import: the descriptor text, or the located errors that stopped it.
public struct ImportResult: Sendable {
    /// The descriptor as YAML; nil when the source had errors.
    public var descriptor: String?
    public var report: ImportReport
    /// Errors and warnings about the source, located in its files.
    public var diagnostics: [Diagnostic]
    /// Texts of the source files read, by the path used in diagnostics.
    public var sources: [String: String]

    public init(descriptor: String?, report: ImportReport, diagnostics: [Diagnostic], sources: [String: String]) {
        self.descriptor = descriptor; self.report = report; self.diagnostics = diagnostics; self.sources = sources
    }

    public var hasErrors: Bool { diagnostics.hasErrors || descriptor == nil }

    /// Diagnostics with source lines and carets, as the loader prints them.
    public func renderedDiagnostics() -> String { DiagnosticRenderer.render(diagnostics, sources: sources) }
}

/// Checks that the importer's own output loads; a failure here is a defect of the importer, and is
/// reported as such rather than handing the user a descriptor that does not validate.
enum OutputCheck {
    static func verify(_ text: String, displayPath: String) -> [Diagnostic] {
        let loaded = DescriptorLoader.load(text: text, path: displayPath)
        guard loaded.hasErrors else { return [] }
        return loaded.diagnostics.filter(\.isError).map { d in
            Diagnostic.error("the imported descriptor does not load: \(d.message)", at: nil,
                             hint: "this is a defect of the importer; please report it with the source model")
        }
    }
}
