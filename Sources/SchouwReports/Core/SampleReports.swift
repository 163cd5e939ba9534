import Foundation
import SchouwModel
import SchouwResult

/// The set of sample reports kept under `Reports/samples/<example>/`: every format rendered from one
/// saved result, so readers can see the output without running schouw. Tests regenerate them from the
/// stored `result.json` and fail when a committed sample is stale.
///
/// A result holds its findings' messages and remediations in the language the audit ran in; a
/// report rendered in the other language translates only its own headings. The English samples
/// are therefore rendered from an audit in English when one is given, so that they show what
/// `schouw audit --lang en` prints rather than Dutch findings under English headings.
public enum SampleReports {
    /// File name and content of every sample for one result (the diagram needs the descriptor).
    /// `english`: the same audit run in English, for the English samples and the machine formats.
    public static func files(for result: AuditResult, english: AuditResult? = nil,
                             descriptor: Descriptor?) throws -> [(name: String, data: Data)] {
        var out: [(String, Data)] = []
        func add(_ name: String, _ format: String, _ lang: ReportLanguage) throws {
            guard let reporter = ReporterRegistry.reporter(for: format) else { return }
            let source = lang == .en ? english ?? result : result
            out.append((name, try reporter.render(source, context: ReportContext(lang: lang, descriptor: descriptor))))
        }
        try add("result.json", "json", .nl)
        try add("report.nl.txt", "text", .nl)
        try add("report.en.txt", "text", .en)
        try add("report.nl.md", "markdown", .nl)
        try add("report.en.md", "markdown", .en)
        try add("report.nl.html", "html", .nl)
        try add("report.en.html", "html", .en)
        try add("report.sarif", "sarif", .en)
        try add("report.junit.xml", "junit", .en)
        try add("report.oscal.json", "oscal", .en)
        if let descriptor {
            let highlights = GraphHighlights(result: result)
            out.append(("flows.dot", try DiagramRenderer.render(descriptor, highlights: highlights, format: .dot)))
            out.append(("flows.mmd", try DiagramRenderer.render(descriptor, highlights: highlights, format: .mermaid)))
            out.append(("flows.svg", try DiagramRenderer.render(descriptor, highlights: highlights, format: .svg, layout: .builtin)))
        }
        return out
    }

    /// Writes every sample into `directory` (created if needed).
    public static func write(_ result: AuditResult, english: AuditResult? = nil, descriptor: Descriptor?,
                             to directory: URL) throws {
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        for file in try files(for: result, english: english, descriptor: descriptor) {
            try file.data.write(to: directory.appendingPathComponent(file.name))
        }
    }

    /// Names of samples in `directory` that are missing or differ from what this build renders.
    public static func staleFiles(_ result: AuditResult, english: AuditResult? = nil, descriptor: Descriptor?,
                                  in directory: URL) throws -> [String] {
        try files(for: result, english: english, descriptor: descriptor).compactMap { file in
            let existing = try? Data(contentsOf: directory.appendingPathComponent(file.name))
            return existing == file.data ? nil : file.name
        }
    }
}
