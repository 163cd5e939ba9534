import Foundation
import Testing
@testable import SchouwModel

/// Rendered diagnostics held in golden files. Regenerate with
/// `SCHOUW_UPDATE_GOLDEN=1 swift test --filter SchouwModelTests`.
@Suite struct GoldenTests {
    static let updateCommand = "SCHOUW_UPDATE_GOLDEN=1 swift test --filter SchouwModelTests"

    /// Renders with paths relative to the test directory so the golden file is the same on every machine.
    private func rendered(_ result: LoadResult) -> String {
        result.rendered().replacingOccurrences(of: TestFiles.testsDirectory.path + "/", with: "")
    }

    private func compare(_ actual: String, golden name: String) throws {
        let url = TestFiles.testsDirectory.appendingPathComponent("Golden/" + name)
        if ProcessInfo.processInfo.environment["SCHOUW_UPDATE_GOLDEN"] == "1" {
            try Data(actual.utf8).write(to: url)
            return
        }
        let expected = (try? String(contentsOf: url, encoding: .utf8)) ?? ""
        #expect(actual == expected, "golden file \(name) differs; if the change is intended, run: \(Self.updateCommand)")
    }

    @Test func tenMistakesAreAllReportedInOneRun() throws {
        let result = DescriptorLoader.load(path: TestFiles.fixture("ten-mistakes/project.yaml"))
        #expect(result.descriptor == nil)
        let errors = result.diagnostics.filter(\.isError)
        #expect(errors.count >= 10)
        // Every error is located, in the file where the mistake is.
        #expect(errors.allSatisfy { $0.mark != nil && $0.hint != nil })
        #expect(errors.contains { $0.mark?.file.hasSuffix("ten-mistakes/extra.yaml") == true && $0.message.hasPrefix("YAML syntax error") })
        let kinds = ["is not a valid value for `phase`", "unknown key `organisaton`", "must be `true` or `false`",
                     "is not an ISO 3166-1 alpha-2 country code", "duplicate party id", "is not an ISO 8601 duration",
                     "forms a cycle", "is not a valid date", "unknown system `platfrom`", "is not a valid id",
                     "missing required key `to`", "YAML syntax error"]
        for kind in kinds {
            #expect(errors.contains { $0.message.contains(kind) }, "no error containing \(kind)")
        }
        try compare(rendered(result), golden: "ten-mistakes.txt")
    }

    @Test func renderingIsSortedAndDeterministic() throws {
        let first = rendered(DescriptorLoader.load(path: TestFiles.fixture("ten-mistakes/project.yaml")))
        let second = rendered(DescriptorLoader.load(path: TestFiles.fixture("ten-mistakes/project.yaml")))
        #expect(first == second)
        let headers = first.split(separator: "\n").filter { $0.hasPrefix("error: ") }
        #expect(headers.first?.contains("extra.yaml") == true)
        #expect(first.hasSuffix("12 errors\n"))
    }
}

@Suite struct DiagnosticRendererTests {
    @Test func showsTheLineAndACaretUnderTheColumn() {
        let diagnostic = Diagnostic.error("bad value", at: SourceMark(file: "a.yaml", line: 2, column: 7), hint: "fix it",
                                          path: "x.y")
        let text = DiagnosticRenderer.render([diagnostic], sources: ["a.yaml": "x:\n  y:  café\n"])
        #expect(text == """
        error: a.yaml:2:7: bad value (at x.y)
            2 |   y:  café
              |       ^
        hint: fix it
        1 error

        """)
    }

    @Test func keepsTabsSoTheCaretLinesUp() {
        let diagnostic = Diagnostic.error("tab", at: SourceMark(file: "a.yaml", line: 1, column: 3))
        let text = DiagnosticRenderer.render([diagnostic], sources: ["a.yaml": "\tab\r\n"])
        #expect(text.contains("    1 | \tab\n      | \t ^\n"))
    }

    @Test func countsErrorsAndWarnings() {
        let e = Diagnostic.error("e", at: nil)
        let w = Diagnostic.warning("w", at: nil)
        #expect(DiagnosticRenderer.countLine([e, e, w]) == "2 errors, 1 warning")
        #expect(DiagnosticRenderer.countLine([w, w]) == "2 warnings")
        #expect(DiagnosticRenderer.countLine([]) == "no problems")
    }

    @Test func sortsByFileThenPosition() {
        let b = Diagnostic.error("b", at: SourceMark(file: "b.yaml", line: 1, column: 1))
        let a2 = Diagnostic.error("a2", at: SourceMark(file: "a.yaml", line: 2, column: 1))
        let a1 = Diagnostic.error("a1", at: SourceMark(file: "a.yaml", line: 1, column: 9))
        let text = DiagnosticRenderer.render([b, a2, a1], sources: [:])
        #expect(text == "error: a.yaml:1:9: a1\nerror: a.yaml:2:1: a2\nerror: b.yaml:1:1: b\n3 errors\n")
    }
}
