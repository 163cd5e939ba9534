import SchouwModel
import Testing
@testable import SchouwReports

/// SARIF looks up the source line of every result in an index made once per report.
@Suite struct SourceLinesTests {
    let descriptor = Descriptor(project: Project(id: "p", name: "P", marks: Marks(object: SourceMark(file: "project.yaml", line: 2, column: 1))), files: [
        SourceFile(path: "project.yaml", text: "schouw: 1\nproject:\n  id: p\r\n\nlast"),
        SourceFile(path: "parties.yaml", text: "parties: []\n"),
    ])

    @Test func everyLineOfEveryFileWithoutItsBreak() {
        let lines = SourceLines(descriptor)
        #expect(lines.line(1, of: "project.yaml") == "schouw: 1")
        #expect(lines.line(2, of: "project.yaml") == "project:")
        #expect(lines.line(3, of: "project.yaml") == "  id: p\r")
        #expect(lines.line(4, of: "project.yaml") == "")
        #expect(lines.line(5, of: "project.yaml") == "last")
        #expect(lines.line(1, of: "parties.yaml") == "parties: []")
        #expect(lines.line(2, of: "parties.yaml") == "")
    }

    @Test func linesAndFilesThatDoNotExistAreNil() {
        let lines = SourceLines(descriptor)
        #expect(lines.line(0, of: "project.yaml") == nil)
        #expect(lines.line(6, of: "project.yaml") == nil)
        #expect(lines.line(3, of: "parties.yaml") == nil)
        #expect(lines.line(1, of: "systems.yaml") == nil)
        #expect(SourceLines(nil).line(1, of: "project.yaml") == nil)
    }

    @Test func carriageReturnsAreNotPartOfTheLine() {
        #expect(SARIFReporter.withoutCarriageReturns("  id: p\r") == "  id: p")
    }
}
