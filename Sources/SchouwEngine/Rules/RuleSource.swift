import Foundation

/// A rule-library file: a rule, its tests, or a taxonomy file, from the embedded set or `--rules DIR`.
public struct RuleSourceFile: Sendable {
    /// Path relative to the library root (`avg/AVG-001.yaml`), for packs and display.
    public var relativePath: String
    /// Path shown in diagnostics: `Rules/avg/AVG-001.yaml` for built-ins, the real path otherwise.
    public var displayPath: String
    public var text: String
    public var external: Bool

    /// The last component of `relativePath` (`AVG-024.yaml`).
    public var fileName: String {
        guard let slash = relativePath.utf8.lastIndex(of: UInt8(ascii: "/")) else { return relativePath }
        return String(relativePath[relativePath.utf8.index(after: slash)...])
    }
    public var isTests: Bool { relativePath.hasSuffix(".tests.yaml") || relativePath.hasSuffix(".tests.yml") }
    public var isTaxonomy: Bool { relativePath.hasPrefix("taxonomy/") }
    /// Norm catalogues for coverage reports (`catalogues/`): data, not rules.
    public var isCatalogue: Bool { relativePath.hasPrefix("catalogues/") }
    public var isRule: Bool {
        (relativePath.hasSuffix(".yaml") || relativePath.hasSuffix(".yml")) && !isTests && !isTaxonomy && !isCatalogue
    }

    /// The pack is the first folder: `avg` for `avg/AVG-001.yaml`; `custom` for a file at the top.
    public var pack: String {
        let parts = relativePath.split(separator: "/")
        return parts.count > 1 ? String(parts[0]) : "custom"
    }
}

public enum RuleSources {
    /// The built-in library, embedded in the binary.
    public static func builtIn() -> [RuleSourceFile] {
        EmbeddedRules.files.filter { !$0.path.hasPrefix("catalogues/") }.map {
            RuleSourceFile(relativePath: $0.path, displayPath: "Rules/" + $0.path, text: $0.text, external: false)
        }
    }

    /// Every YAML file below `directory`, sorted. Unreadable or non-UTF-8 files become errors.
    public static func directory(_ directory: String) -> (files: [RuleSourceFile], errors: [String]) {
        let root = URL(fileURLWithPath: directory)
        var isDir: ObjCBool = false
        guard FileManager.default.fileExists(atPath: root.path, isDirectory: &isDir), isDir.boolValue else {
            return ([], ["\(directory): not a directory (expected a folder of rule files for --rules)"])
        }
        guard let walker = FileManager.default.enumerator(at: root, includingPropertiesForKeys: nil) else {
            return ([], ["\(directory): cannot be read"])
        }
        let base = root.standardizedFileURL.path + "/"
        var files: [RuleSourceFile] = []
        var errors: [String] = []
        for case let url as URL in walker where ["yaml", "yml"].contains(url.pathExtension) {
            let full = url.standardizedFileURL.path
            let relative = full.hasPrefix(base) ? String(full.dropFirst(base.count)) : url.lastPathComponent
            guard let data = FileManager.default.contents(atPath: full) else {
                errors.append("\(full): cannot be read"); continue
            }
            guard data.count <= 4 * 1024 * 1024 else {
                errors.append("\(full): larger than 4 MiB; a rule file is a few kilobytes"); continue
            }
            guard let text = String(data: data, encoding: .utf8) else {
                errors.append("\(full): not UTF-8 text"); continue
            }
            let display = directory.hasSuffix("/") ? directory + relative : directory + "/" + relative
            files.append(RuleSourceFile(relativePath: relative, displayPath: display, text: text, external: true))
        }
        return (files.sorted { $0.relativePath < $1.relativePath }, errors)
    }
}
