import Foundation
import SchouwEngine
import SchouwModel

/// Converts Fides manifests (organization, system, dataset) into a descriptor (`schouw import fides`).
///
/// Fides records purposes, legal bases, data categories and subjects, but no network, zones,
/// protocols or security measures; those stay unknown in the audit. Data categories are translated
/// through the taxonomy's fideslang mapping, so the taxonomy is a parameter.
public enum FidesImporter {
    /// Reads a manifest file, or every `.yml`/`.yaml` file below a directory (sorted by path).
    public static func importManifests(path: String, taxonomy: Taxonomy) -> ImportResult {
        var reader = SourceReader()
        var sources: [String: String] = [:]
        var isDirectory: ObjCBool = false
        let name = (path as NSString).lastPathComponent
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
            reader.diagnostics.append(.error("cannot read `\(path)`: no such file or directory", at: nil,
                                             hint: "pass a Fides manifest file or a directory of them (such as .fides/)"))
            return ImportResult(descriptor: nil, report: ImportReport(format: "Fides", source: name),
                                diagnostics: reader.diagnostics, sources: sources)
        }
        let files = isDirectory.boolValue ? manifestFiles(in: path) : [path]
        if files.isEmpty {
            reader.diagnostics.append(.error("`\(path)` holds no .yml or .yaml files", at: nil,
                                             hint: "pass the directory with the Fides manifests"))
        }
        var roots: [YAMLNode] = []
        for file in files {
            if let root = reader.parseFile(file, sources: &sources, what: "a Fides manifest") { roots.append(root) }
        }
        return convert(roots: roots, reader: reader, sources: sources, name: name, taxonomy: taxonomy)
    }

    /// Converts manifest texts given as (path, text) pairs, in that order.
    public static func importManifests(texts: [(path: String, text: String)], name: String, taxonomy: Taxonomy) -> ImportResult {
        var reader = SourceReader()
        var sources: [String: String] = [:]
        var roots: [YAMLNode] = []
        for (path, text) in texts {
            sources[path] = text
            let (document, parseDiagnostics) = YAMLParser.parse(text: text, path: path)
            reader.diagnostics += parseDiagnostics
            guard !parseDiagnostics.hasErrors else { continue }
            guard let root = document?.root, !root.isNull else {
                reader.diagnostics.append(.error("the file is empty; expected a Fides manifest",
                                                 at: SourceMark(file: path, line: 1, column: 1)))
                continue
            }
            guard root.kind == .mapping else {
                reader.error("expected a Fides manifest (a mapping at the top level), found \(root.typeDescription)", at: root)
                continue
            }
            roots.append(root)
        }
        return convert(roots: roots, reader: reader, sources: sources, name: name, taxonomy: taxonomy)
    }

    /// Manifest files below `directory`, sorted by path so the import does not depend on the file system.
    static func manifestFiles(in directory: String) -> [String] {
        guard let enumerator = FileManager.default.enumerator(atPath: directory) else { return [] }
        var files: [String] = []
        while let relative = enumerator.nextObject() as? String {
            guard relative.hasSuffix(".yml") || relative.hasSuffix(".yaml") else { continue }
            let full = (directory as NSString).appendingPathComponent(relative)
            var isDirectory: ObjCBool = false
            if FileManager.default.fileExists(atPath: full, isDirectory: &isDirectory), !isDirectory.boolValue {
                files.append(full)
            }
        }
        return files.sorted()
    }

    private static func convert(roots: [YAMLNode], reader: SourceReader, sources: [String: String], name: String,
                                taxonomy: Taxonomy) -> ImportResult {
        var report = ImportReport(format: "Fides", source: name)
        var fides = FidesReader(reader: reader)
        for root in roots { fides.read(root) }
        if !fides.reader.diagnostics.hasErrors { fides.checkReferences() }
        let diagnostics = fides.reader.diagnostics
        guard !diagnostics.hasErrors, !roots.isEmpty else {
            return ImportResult(descriptor: nil, report: report, diagnostics: diagnostics, sources: sources)
        }
        var conversion = FidesConversion(manifests: fides.manifests, taxonomy: taxonomy, sourceName: name)
        let map = conversion.build(report: &report)
        let fileNames = sources.keys.map { ($0 as NSString).lastPathComponent }.sorted()
        let header = [
            "schouw descriptor imported from the Fides manifests \(name) (\(fileNames.joined(separator: ", ")))",
            "by `schouw import fides`. Fides does not record zones, protocols, encryption, security",
            "measures or countries: lines marked TODO(schouw import) say what to fill in.",
            "Then run `schouw validate` and `schouw audit`.",
        ]
        let text = YAMLWriter.write(map, header: header)
        let problems = OutputCheck.verify(text, displayPath: name)
        return ImportResult(descriptor: problems.isEmpty ? text : nil, report: report,
                            diagnostics: diagnostics + problems, sources: sources)
    }
}
