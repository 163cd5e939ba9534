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

    /// An example loaded under its relative path (so the samples hold no machine-specific paths)
    /// and audited in Dutch and in English at the fixed clock.
    static func audits(of example: String) throws -> (descriptor: Descriptor, dutch: AuditResult, english: AuditResult) {
        let relative = "Examples/\(example).yaml"
        let text = try String(contentsOf: Golden.packageRoot.appendingPathComponent(relative), encoding: .utf8)
        let loaded = DescriptorLoader.load(text: text, path: relative)
        let descriptor = try #require(loaded.descriptor, "\(loaded.rendered())")
        let rules = RuleLoader.load()
        #expect(!rules.hasErrors, "\(rules.rendered())")
        func audit(_ lang: Language) -> AuditResult {
            Auditor.run(descriptor, descriptorPath: relative, rules: rules,
                        settings: AuditSettings(lang: lang, now: Self.now, toolVersion: "0.1.0"))
        }
        return (descriptor, audit(.nl), audit(.en))
    }

    @Test(arguments: examples)
    func samplesAreCurrent(_ example: String) throws {
        let (descriptor, result, english) = try Self.audits(of: example)
        let dir = Golden.packageRoot.appendingPathComponent("Reports/samples/\(example)")
        if Golden.updating {
            try SampleReports.write(result, english: english, descriptor: descriptor, to: dir)
            return
        }
        let stale = try SampleReports.staleFiles(result, english: english, descriptor: descriptor, in: dir)
        #expect(stale.isEmpty, "stale samples in Reports/samples/\(example): \(stale); regenerate with SCHOUW_UPDATE_GOLDEN=1 swift test --filter ExampleSamplesTests")
    }

    /// The English samples show what an English audit prints: every finding's message in English,
    /// none of the Dutch ones; the Dutch samples the reverse.
    @Test(arguments: examples)
    func samplesSpeakOneLanguage(_ example: String) throws {
        let (descriptor, dutch, english) = try Self.audits(of: example)
        let files = Dictionary(uniqueKeysWithValues: try SampleReports.files(for: dutch, english: english, descriptor: descriptor)
            .map { ($0.name, String(decoding: $0.data, as: UTF8.self)) })
        let findings = { (result: AuditResult) in result.outcomes.filter { $0.status == .fail }.map(\.message) }
        #expect(!findings(english).isEmpty)
        // Messages that an XML or JSON escape leaves as they are, so they can be looked for as written.
        let plain = { (text: String) in !text.contains(where: { "'\"&<>\\".contains($0) }) }
        for (message, other) in zip(findings(english), findings(dutch)) where message != other {
            let names = plain(message) && plain(other) ? ["report.en.txt", "report.sarif", "report.junit.xml"] : ["report.en.txt"]
            for name in names {
                #expect(files[name]?.contains(message) == true, "\(name) lacks \(message)")
                #expect(files[name]?.contains(other) == false, "\(name) holds the Dutch \(other)")
            }
            #expect(files["report.nl.txt"]?.contains(other) == true)
            #expect(files["report.nl.txt"]?.contains(message) == false)
        }
    }
}
