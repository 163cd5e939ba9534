import Foundation
import SchouwModel

/// Converts a Threagile model into a descriptor (`schouw import threagile`).
///
/// Threagile describes architecture and security; it has no purposes, legal bases, personal-data
/// categories, roles or countries. Those are left out or marked `TODO(schouw import)`, so the audit
/// reports them as information needed instead of passing on invented values.
public enum ThreagileImporter {
    /// Reads and converts the model at `path`.
    public static func importModel(path: String) -> ImportResult {
        var reader = SourceReader()
        var sources: [String: String] = [:]
        let root = reader.parseFile(path, sources: &sources, what: "a Threagile model")
        return convert(root: root, reader: reader, sources: sources, path: path)
    }

    /// Converts model text; `path` is used in diagnostics and the header.
    public static func importModel(text: String, path: String) -> ImportResult {
        let (document, parseDiagnostics) = YAMLParser.parse(text: text, path: path)
        var reader = SourceReader()
        reader.diagnostics = parseDiagnostics
        var root: YAMLNode?
        if !parseDiagnostics.hasErrors {
            if let node = document?.root, !node.isNull {
                if node.kind == .mapping { root = node } else {
                    reader.error("expected a Threagile model (a mapping at the top level), found \(node.typeDescription)", at: node)
                }
            } else {
                reader.diagnostics.append(.error("the file is empty; expected a Threagile model",
                                                 at: SourceMark(file: path, line: 1, column: 1)))
            }
        }
        return convert(root: root, reader: reader, sources: [path: text], path: path)
    }

    private static func convert(root: YAMLNode?, reader: SourceReader, sources: [String: String], path: String) -> ImportResult {
        let name = (path as NSString).lastPathComponent
        var report = ImportReport(format: "Threagile", source: name)
        guard let root else {
            return ImportResult(descriptor: nil, report: report, diagnostics: reader.diagnostics, sources: sources)
        }
        var modelReader = ThreagileReader(reader: reader)
        let model = modelReader.read(root)
        let diagnostics = modelReader.reader.diagnostics
        guard !diagnostics.hasErrors else {
            return ImportResult(descriptor: nil, report: report, diagnostics: diagnostics, sources: sources)
        }
        var conversion = ThreagileConversion(model: model)
        let map = conversion.build(report: &report)
        let header = [
            "schouw descriptor imported from the Threagile model \(name)" + (model.title.map { " (\($0))" } ?? ""),
            "by `schouw import threagile`. Threagile does not record purposes, legal bases, personal-data",
            "categories, roles or countries: lines marked TODO(schouw import) say what to fill in.",
            "Then run `schouw validate` and `schouw audit`.",
        ]
        let text = YAMLWriter.write(map, header: header)
        let problems = OutputCheck.verify(text, displayPath: name)
        return ImportResult(descriptor: problems.isEmpty ? text : nil, report: report,
                            diagnostics: diagnostics + problems, sources: sources)
    }
}
