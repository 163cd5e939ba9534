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

    /// Without a result the diagram marks the findings of an audit as of --now: the passing example's
    /// penetration and restore tests, dated 2026, are more than a year old by December 2027.
    @Test func failingElementsFollowNow() throws {
        let example = "Examples/verkeerstelling-goed.yaml"
        let current = try CLI.run(["graph", example, "--now", "2026-12-01"])
        let later = try CLI.run(["graph", example, "--now", "2027-12-01"])
        #expect(current.status == 0 && later.status == 0)
        #expect(!current.stdout.contains("#c62828"))
        #expect(later.stdout.contains("\"system:telplatform\" [label=\"Verkeersdataplatform\\nplatform\", shape=box3d, color=\"#c62828\""),
                "\(later.stdout)")
        #expect(try CLI.run(["graph", example, "--now", "2027-12-01"]).stdout == later.stdout)
        #expect(try CLI.run(["graph", example, "--now", "morgen"]).status == 2)
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
