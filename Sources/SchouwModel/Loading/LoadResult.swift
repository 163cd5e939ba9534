/// What loading a descriptor produced: the descriptor when there were no errors, every diagnostic,
/// and the files read (also on failure, so diagnostics can show source lines).
public struct LoadResult: Sendable {
    /// The descriptor, or nil when any error was found. Warnings may come with a descriptor.
    public var descriptor: Descriptor?
    /// Errors and warnings, sorted by file and position.
    public var diagnostics: [Diagnostic]
    /// Every file read, the main file first.
    public var files: [SourceFile]

    public init(descriptor: Descriptor?, diagnostics: [Diagnostic], files: [SourceFile]) {
        self.descriptor = descriptor; self.diagnostics = diagnostics; self.files = files
    }

    public var hasErrors: Bool { diagnostics.hasErrors }

    /// File path to text, for `DiagnosticRenderer`.
    public var sources: [String: String] {
        var map: [String: String] = [:]
        for file in files { map[file.path] = file.text }
        return map
    }

    /// The diagnostics rendered with source lines and a count line.
    public func rendered() -> String { DiagnosticRenderer.render(diagnostics, sources: sources) }
}
