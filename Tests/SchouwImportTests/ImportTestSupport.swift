import Foundation
import SchouwEngine
import SchouwModel
import SchouwResult
import Testing
@testable import SchouwImport

/// Paths, the rule set and checks shared by the import tests.
enum ImportFixtures {
    static let packageRoot = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    static let reference = packageRoot.deletingLastPathComponent().appendingPathComponent("shared/reference")
    static let threagileExample = reference.appendingPathComponent("threagile/threagile-example-model.yaml").path
    static let threagileStub = reference.appendingPathComponent("threagile/threagile-stub-model.yaml").path
    static let fidesDemo = reference.appendingPathComponent("fides/demo_resources").path
    static let fidesDotFides = reference.appendingPathComponent("fides/dot-fides").path
    static let goldenDirectory = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Golden")

    /// The rules and taxonomy of this checkout's `Rules/`, so tests do not depend on the embedded copy.
    static let rules: RuleSet = RuleLoader.load(rulesDirectory: packageRoot.appendingPathComponent("Rules").path,
                                               includeBuiltIn: false)
    static var taxonomy: Taxonomy { rules.taxonomy }

    /// Loads an imported descriptor as `schouw validate` would and audits it with the rules.
    static func loadAndAudit(_ text: String, path: String) -> (LoadResult, AuditResult?) {
        let loaded = DescriptorLoader.load(text: text, path: path)
        guard let descriptor = loaded.descriptor else { return (loaded, nil) }
        let settings = AuditSettings(now: Date(timeIntervalSince1970: 1_767_225_600), toolVersion: "test")
        return (loaded, Auditor.run(descriptor, descriptorPath: path, rules: rules, settings: settings))
    }

    /// Writes `text` to a fresh temporary file and returns its path.
    static func temporaryFile(_ name: String, _ text: String) throws -> String {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("schouw-import-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        let url = directory.appendingPathComponent(name)
        try Data(text.utf8).write(to: url)
        return url.path
    }

    /// Compares with `Golden/<name>`, or rewrites it when `SCHOUW_UPDATE_GOLDEN=1`.
    static func expectGolden(_ actual: String, _ name: String) throws {
        let url = goldenDirectory.appendingPathComponent(name)
        if ProcessInfo.processInfo.environment["SCHOUW_UPDATE_GOLDEN"] == "1" {
            try Data(actual.utf8).write(to: url)
            return
        }
        let expected = (try? String(contentsOf: url, encoding: .utf8)) ?? ""
        #expect(actual == expected,
                "\(name) differs from the golden file; if the change is intended, regenerate with `SCHOUW_UPDATE_GOLDEN=1 swift test --filter SchouwImportTests`")
    }
}

/// `../shared` (reference models, validators, conformance data) sits beside the package in CI. A clone
/// elsewhere skips the tests that need it; with `CI` set they run anyway and fail loudly if it is missing.
enum SharedDirectory {
    static var usable: Bool {
        FileManager.default.fileExists(atPath: ImportFixtures.reference.path) || ProcessInfo.processInfo.environment["CI"] != nil
    }
}
