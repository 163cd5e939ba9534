import Foundation
import SchouwEngine
import SchouwModel
import SchouwResult
import Testing
@testable import SchouwReports

/// `Reports/samples/<example>/` holds every report format rendered from an audit of `Examples/<example>.yaml`
/// at a fixed clock, so readers can see the output without running schouw. This fails when a sample is
/// stale (a rule, a template or an example changed): regenerate with
/// `SCHOUW_UPDATE_GOLDEN=1 swift test --filter ExampleSamplesTests` and review the diff.
@Suite struct ExampleSamplesTests {
    static let examples = ["passantentelling", "parkeren-anpr", "luchtkwaliteit"]
    static let now = Date(timeIntervalSince1970: 1_772_323_200) // 2026-03-01T00:00:00Z

    @Test(arguments: examples)
    func samplesAreCurrent(_ example: String) throws {
        let relative = "Examples/\(example).yaml"
        let text = try String(contentsOf: Golden.packageRoot.appendingPathComponent(relative), encoding: .utf8)
        // Loaded under its relative path so the samples hold no machine-specific paths.
        let loaded = DescriptorLoader.load(text: text, path: relative)
        let descriptor = try #require(loaded.descriptor, "\(loaded.rendered())")
        let rules = RuleLoader.load()
        #expect(!rules.hasErrors, "\(rules.rendered())")
        let result = Auditor.run(descriptor, descriptorPath: relative, rules: rules,
                                 settings: AuditSettings(now: Self.now, toolVersion: "0.1.0"))
        let dir = Golden.packageRoot.appendingPathComponent("Reports/samples/\(example)")
        if Golden.updating {
            try SampleReports.write(result, descriptor: descriptor, to: dir)
            return
        }
        let stale = try SampleReports.staleFiles(result, descriptor: descriptor, in: dir)
        #expect(stale.isEmpty, "stale samples in Reports/samples/\(example): \(stale); regenerate with SCHOUW_UPDATE_GOLDEN=1 swift test --filter ExampleSamplesTests")
    }
}
