import Foundation
import SchouwEngine
import SchouwModel
import Testing

/// Loads a descriptor from YAML text, failing the test with the rendered diagnostics on errors.
func loadDescriptor(_ yaml: String, path: String = "test.yaml", sourceLocation: SourceLocation = #_sourceLocation) -> Descriptor? {
    let result = DescriptorLoader.load(text: yaml, path: path)
    if result.hasErrors {
        Issue.record("descriptor did not load:\n\(result.rendered())", sourceLocation: sourceLocation)
        return nil
    }
    return result.descriptor
}

/// The built-in rule set, loaded once.
let builtInRules = RuleLoader.load()

let packageRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    .deletingLastPathComponent()

let fixedNow = Date(timeIntervalSince1970: 1_767_225_600) // 2026-01-01T00:00:00Z
