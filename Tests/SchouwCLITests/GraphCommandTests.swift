import Foundation
import Testing

/// `schouw graph` argument handling; the diagrams themselves are tested in SchouwReportsTests.
@Suite struct GraphCommandTests {
    @Test func helpListsFormatsAndLayouts() throws {
        let run = try CLI.run(["graph", "--help"])
        #expect(run.status == 0)
        for word in ["dot", "mermaid", "svg", "builtin", "graphviz", "--result"] {
            #expect(run.stdout.contains(word), "--help lacks \(word)")
        }
    }

    @Test func unknownFormatIsAUsageError() throws {
        let run = try CLI.run(["graph", "project.yaml", "--format", "png"])
        #expect(run.status == 2)
        #expect(run.stderr.contains("mermaid"))
    }

    @Test func missingDescriptorExitsTwo() throws {
        let run = try CLI.run(["graph", "/nonexistent/project.yaml", "--format", "mermaid"])
        #expect(run.status == 2)
        #expect(run.stderr.hasPrefix("error: "))
        #expect(run.stderr.contains("/nonexistent/project.yaml"))
    }

    @Test func malformedResultExitsTwo() throws {
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("schouw-graph-\(UUID().uuidString).json")
        try Data("[]".utf8).write(to: file)
        defer { try? FileManager.default.removeItem(at: file) }
        let run = try CLI.run(["graph", "Examples/passantentelling.yaml", "--result", file.path])
        #expect(run.status == 2)
        #expect(run.stderr.contains(file.path))
    }
}
