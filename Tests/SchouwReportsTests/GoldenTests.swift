import Foundation
import SchouwModel
import SchouwResult
import Testing
@testable import SchouwReports

/// Every reporter and diagram writer on both fixtures, compared with the files in Golden/.
@Suite struct GoldenTests {
    static let cases: [(fixture: String, format: String, lang: ReportLanguage, ext: String)] = {
        var out: [(String, String, ReportLanguage, String)] = []
        for fixture in ["binnenstad", "parkeren"] {
            // Machine formats in the language the fixture's audit ran in.
            let lang: ReportLanguage = fixture == "parkeren" ? .en : .nl
            out.append((fixture, "text", .nl, "nl.txt"))
            out.append((fixture, "text", .en, "en.txt"))
            out.append((fixture, "json", lang, "json"))
            out.append((fixture, "sarif", lang, "sarif"))
            out.append((fixture, "junit", lang, "junit.xml"))
            out.append((fixture, "markdown", .nl, "nl.md"))
            out.append((fixture, "markdown", .en, "en.md"))
            out.append((fixture, "html", .nl, "nl.html"))
            out.append((fixture, "html", .en, "en.html"))
            out.append((fixture, "oscal", lang, "oscal.json"))
        }
        return out
    }()

    @Test(arguments: 0..<cases.count)
    func reporterMatchesGolden(_ index: Int) throws {
        let c = Self.cases[index]
        let fixture = try #require(Fixtures.all.first { $0.name == c.fixture })
        let reporter = try #require(ReporterRegistry.reporter(for: c.format))
        let data = try reporter.render(fixture.result, context: ReportContext(lang: c.lang, descriptor: fixture.descriptor))
        let text = Golden.normalise(String(decoding: data, as: UTF8.self), toolVersion: fixture.result.tool.version)
        try Golden.check(text, file: "\(c.fixture).\(c.ext)")
    }

    @Test(arguments: ["binnenstad", "parkeren"])
    func diagramsMatchGolden(_ name: String) throws {
        let fixture = try #require(Fixtures.all.first { $0.name == name })
        let graph = DataFlowGraph(descriptor: fixture.descriptor, highlights: GraphHighlights(result: fixture.result))
        try Golden.check(DOTExporter.render(graph), file: "\(name).dot")
        try Golden.check(MermaidExporter.render(graph), file: "\(name).mmd")
        try Golden.check(SVGExporter.render(graph), file: "\(name).svg")
    }

    /// The saved JSON results the CLI tests feed to `schouw report` are the Swift fixtures, encoded.
    @Test(arguments: ["binnenstad", "parkeren"])
    func jsonFixtureFilesAreCurrent(_ name: String) throws {
        let fixture = try #require(Fixtures.all.first { $0.name == name })
        let url = Golden.fixtures.appendingPathComponent("\(name).result.json")
        let data = try CanonicalJSON.encode(fixture.result)
        if Golden.updating {
            try FileManager.default.createDirectory(at: Golden.fixtures, withIntermediateDirectories: true)
            try data.write(to: url)
        }
        let saved = try Data(contentsOf: url)
        #expect(saved == data, "Fixtures/\(name).result.json is stale; regenerate with SCHOUW_UPDATE_GOLDEN=1 swift test --filter SchouwReportsTests")
        #expect(try AuditResult.decode(saved) == fixture.result)
    }

    @Test func everyFormatIsDeterministic() throws {
        for fixture in Fixtures.all {
            for type in ReporterRegistry.all {
                let context = ReportContext(lang: .nl, descriptor: fixture.descriptor)
                let a = try type.init().render(fixture.result, context: context)
                let b = try type.init().render(fixture.result, context: context)
                #expect(a == b, "\(type.format) output differs between two runs")
            }
        }
    }

    @Test func reordersOutcomesWithoutChangingOutput() throws {
        var shuffled = Fixtures.binnenstadResult
        shuffled.outcomes.reverse()
        for format in ["text", "sarif", "junit", "markdown", "html", "oscal"] {
            let reporter = try #require(ReporterRegistry.reporter(for: format))
            let a = try reporter.render(Fixtures.binnenstadResult, context: ReportContext())
            let b = try reporter.render(shuffled, context: ReportContext())
            #expect(a == b, "\(format) depends on the engine's outcome order")
        }
    }
}

@Suite struct HTMLSelfContainedTests {
    /// The HTML report loads nothing: no external references, no scripts, a CSP that forbids both.
    @Test(arguments: ["binnenstad", "parkeren"])
    func loadsNothing(_ name: String) throws {
        let fixture = try #require(Fixtures.all.first { $0.name == name })
        let html = String(decoding: try HTMLReporter().render(fixture.result, context: ReportContext(descriptor: fixture.descriptor)),
                          as: UTF8.self)
        #expect(!html.contains("src="))
        #expect(!html.contains("<script"))
        #expect(!html.contains("<link"))
        #expect(!html.contains("@import"))
        let urls = html.ranges(of: "url(").map { html[$0.upperBound...].prefix(1) }
        #expect(urls.allSatisfy { $0 == "#" }, "only in-document url(#marker) references")
        let external = html.replacingOccurrences(of: "http://www.w3.org/2000/svg", with: "")
        #expect(!external.contains("http://") && !external.contains("https://"))
        for href in html.ranges(of: "href=\"").map({ html[$0.upperBound...].prefix(1) }) { #expect(href == "#") }
        #expect(html.contains("<svg xmlns=\"http://www.w3.org/2000/svg\""), "the diagram is inline SVG")
        #expect(html.contains("@media print") && html.contains("@media (max-width: 640px)"))
    }
}
