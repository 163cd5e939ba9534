import Foundation
import Testing
@testable import SchouwModel

/// Hints that name the actual fix for mistakes users make when writing a descriptor by hand.
@Suite struct DiagnosticHintTests {
    func firstError(_ yaml: String) throws -> Diagnostic {
        let result = DescriptorLoader.load(text: yaml, path: "p.yaml")
        return try #require(result.diagnostics.first { $0.isError }, "\(result.rendered())")
    }

    @Test(arguments: [
        ("2026-13-01", "there is no month 13"),
        ("2026-02-30", "2026-02 has no day 30"),
        ("01-03-2026", "write the year first: `2026-03-01`"),
        ("gisteren", "write the date as YYYY-MM-DD"),
    ])
    func datesSayWhatIsWrongWithThem(date: String, hint: String) throws {
        let error = try firstError("schouw: 1\nproject: {id: p, name: P, risk-assessment: {date: \(date)}}\n")
        #expect(error.message == "`\(date)` is not a valid date")
        #expect(error.hint?.hasPrefix(hint) == true, "\(error.hint ?? "")")
    }

    @Test func aQuotedBooleanIsToldToDropTheQuotes() throws {
        let error = try firstError("schouw: 1\nproject: {id: p, name: P, public-authority: \"true\"}\n")
        #expect(error.hint == "remove the quotes: `true`")
    }

    @Test func anUnquotedBooleanInMixedCaseIsToldToWriteItInLowerCase() throws {
        let error = try firstError("schouw: 1\nproject: {id: p, name: P, public-authority: fALSE}\n")
        #expect(error.hint == "write `false` in lower case")
    }

    @Test func aMissingIncludeSaysWhereItLooked() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("schouw-include-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir.appendingPathComponent("sub"), withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let main = dir.appendingPathComponent("sub/main.yaml").path
        try "schouw: 1\nproject: {id: p, name: P}\ninclude: [partijen.yaml]\n".write(toFile: main, atomically: true, encoding: .utf8)
        let result = DescriptorLoader.load(path: main)
        let problem = try #require(result.diagnostics.first { $0.isError })
        #expect(problem.message == "cannot include `partijen.yaml`: no such file")
        #expect(problem.hint == "looked for `\(dir.appendingPathComponent("sub/partijen.yaml").path)`: include paths are relative to the file that includes them")
        #expect(problem.mark?.line == 3)
    }

    /// A misspelt section is one error; the references to its objects do not each repeat it.
    @Test func aMisspeltSectionIsOneError() throws {
        let result = DescriptorLoader.load(text: """
        schouw: 1
        project: {id: p, name: P}
        sytems: [{id: a, kind: sensor}, {id: b, kind: platform}]
        flows: [{id: f, from: a, to: b}, {id: g, from: b, to: a}]
        """, path: "p.yaml")
        let errors = result.diagnostics.filter(\.isError)
        #expect(errors.count == 1, "\(result.rendered())")
        #expect(errors.first?.message == "unknown key `sytems` in descriptor")
        #expect(errors.first?.hint?.contains("did you mean `systems`?") == true)
    }
}
