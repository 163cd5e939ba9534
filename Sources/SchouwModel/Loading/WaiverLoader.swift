/// What loading a separate waivers file produced.
public struct WaiverLoadResult: Sendable {
    /// The waivers, empty when any error was found.
    public var waivers: [Waiver]
    public var diagnostics: [Diagnostic]
    /// The file read, for rendering diagnostics.
    public var file: SourceFile?

    public var hasErrors: Bool { diagnostics.hasErrors }

    public func rendered() -> String {
        DiagnosticRenderer.render(diagnostics, files: file.map { [$0] } ?? [])
    }
}

/// Loads a waivers file: a mapping with one key, `waivers:`, a list shaped as in a descriptor (SPEC 2.4).
public enum WaiverLoader {
    /// The schema of a waivers file.
    public static let schema = ObjectSchema(kind: "waivers-file", description: "A separate file of waivers.", fields: [
        FieldSchema(key: "waivers", type: .list(.object("waiver")), required: true,
                    description: "Recorded, time-boxed exceptions for findings."),
    ])

    public static func load(path: String) -> WaiverLoadResult {
        let (document, diagnostics, bytes) = YAMLParser.parseFile(atPath: path, displayPath: path)
        let file = bytes.map { SourceFile(path: path, bytes: $0) }
        return read(document, diagnostics: diagnostics, file: file, path: path)
    }

    public static func load(text: String, path: String) -> WaiverLoadResult {
        let (document, diagnostics) = YAMLParser.parse(text: text, path: path)
        return read(document, diagnostics: diagnostics, file: SourceFile(path: path, text: text), path: path)
    }

    private static func read(_ document: YAMLDocument?, diagnostics: [Diagnostic], file: SourceFile?, path: String) -> WaiverLoadResult {
        let sink = DiagnosticSink()
        sink.add(contentsOf: diagnostics)
        var waivers: [Waiver] = []
        if let document {
            if let root = document.root, root.kind == .sequence {
                sink.error("a waivers file starts with `waivers:`, this one with a list", at: root,
                           hint: "put `waivers:` on the first line and indent the list under it")
            } else if let root = document.root {
                let reader = MappingReader(root, schema: schema, sink: sink)
                waivers = reader.objects("waivers").map(DescriptorDecoder.waiver)
            } else {
                sink.add(.error("the waivers file is empty", at: SourceMark(file: path, line: 1, column: 1),
                                hint: "write `waivers:` followed by a list of waivers"))
            }
        }
        let sorted = sink.reported.sorted(by: Diagnostic.displayOrder)
        return WaiverLoadResult(waivers: sorted.hasErrors ? [] : waivers, diagnostics: sorted, file: file)
    }
}
