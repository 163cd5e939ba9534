import Foundation
import SchouwEngine
import Testing

/// Every reference of a built-in rule names a measure or article that exists, checked against the
/// catalogues embedded in the binary.
@Suite struct ReferenceTests {
    let notes: [ReferenceNote]

    init() throws {
        notes = ReferenceCheck.check(builtInRules.rules, catalogues: try ReferenceCheck.builtInCatalogues())
    }

    private func describe(_ list: [ReferenceNote]) -> String {
        list.map { "\($0.rule): \($0.framework) \"\($0.ref)\": \($0.reason)" }.joined(separator: "\n")
    }

    @Test func bio2ReferencesAreActiveOverheidsmaatregelen() {
        // A BIO2 reference must be a v1.3 overheidsmaatregel: a control without one, or a measure that
        // moved or lapsed in v1.3, is not something a VvT accounts for.
        let bad = notes.filter { $0.framework == "bio2" }
        #expect(bad.isEmpty, "\(describe(bad))")
    }

    @Test func bio104ReferencesExistInTheBIO2019Catalogue() {
        // "Conform norm" rows exist in BIO 1.04 (the ISO control applies); only unknown ids are wrong.
        let bad = notes.filter { $0.framework == "bio-1.04" && $0.isError }
        #expect(bad.isEmpty, "\(describe(bad))")
    }

    @Test func bioCloudReferencesExist() {
        let bad = notes.filter { $0.framework == "bio-cloud" }
        #expect(bad.isEmpty, "\(describe(bad))")
    }

    @Test func avgArticlesLieBetween1And99() {
        // Articles outside the coverage list (definitions in art. 4, art. 87 on national numbers) are valid.
        let bad = notes.filter { $0.framework == "avg" && $0.isError }
        #expect(bad.isEmpty, "\(describe(bad))")
    }

    @Test func uavgArticlesLieBetween1And54() {
        let bad = notes.filter { $0.framework == "uavg" }
        #expect(bad.isEmpty, "\(describe(bad))")
    }

    @Test func apDPIAListItemsLieBetween1And17() {
        let bad = notes.filter { $0.framework == "ap-dpia-list" }
        #expect(bad.isEmpty, "\(describe(bad))")
    }

    @Test func theCheckCatchesWrongReferences() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("schouw-refs-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        try """
            id: X-001
            title: {nl: t, en: t}
            severity: low
            references:
              - {framework: bio2, ref: "5.71.01"}
              - {framework: bio2, ref: "5.04.02"}
              - {framework: bio-1.04, ref: "9.4.9.9"}
              - {framework: avg, ref: "art. 120"}
              - {framework: avg, ref: "art. 4(1)"}
              - {framework: uavg, ref: "art. 60"}
              - {framework: ap-dpia-list, ref: "18"}
              - {framework: bio-cloud, ref: "U.99"}
              - {framework: gibit, ref: "art. 999"}
            for-each: project
            assert: "true"
            message: {nl: m, en: m}
            remediation: {nl: r, en: r}
            """.write(to: dir.appendingPathComponent("X-001.yaml"), atomically: false, encoding: .utf8)
        let rules = RuleLoader.load(rulesDirectory: dir.path, includeBuiltIn: false)
        #expect(!rules.hasErrors, "\(rules.rendered())")
        let found = ReferenceCheck.check(rules.rules, catalogues: try ReferenceCheck.builtInCatalogues())
        var byRef: [String: ReferenceNote.Kind] = [:]
        for note in found where byRef[note.ref] == nil { byRef[note.ref] = note.kind }
        #expect(byRef["5.71.01"] == .unknown)
        #expect(byRef["5.04.02"] == .unlisted)
        #expect(byRef["9.4.9.9"] == .unknown)
        #expect(byRef["art. 120"] == .unknown)
        #expect(byRef["art. 4(1)"] == .outsideList)
        #expect(byRef["art. 60"] == .unknown)
        #expect(byRef["18"] == .unknown)
        #expect(byRef["U.99"] == .unknown)
        #expect(byRef["art. 999"] == nil)
    }
}
