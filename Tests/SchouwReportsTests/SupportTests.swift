#if canImport(FoundationXML)
import FoundationXML
#endif
import Foundation
import SchouwResult
import Testing
@testable import SchouwReports

@Suite struct SupportTests {
    @Test func sha1MatchesKnownVectors() {
        #expect(SHA1.hex("") == "da39a3ee5e6b4b0d3255bfef95601890afd80709")
        #expect(SHA1.hex("abc") == "a9993e364706816aba3e25717850c26c9cd0d89d")
        #expect(SHA1.hex(String(repeating: "a", count: 1000)) == "291e9a6c66994949b57ba5e650361e98fc36b1ba")
    }

    /// Python: uuid.uuid5(uuid.NAMESPACE_URL, "https://schouw.nl/ns/oscal") and uuid5 of that namespace.
    @Test func uuidV5MatchesRFC4122() {
        #expect(NameBasedUUID.v5("python.org", namespace: [0x6b, 0xa7, 0xb8, 0x10, 0x9d, 0xad, 0x11, 0xd1, 0x80, 0xb4, 0x00,
                                                           0xc0, 0x4f, 0xd4, 0x30, 0xc8])
                == "886313e1-3b8a-5372-9b90-0c9aee199e5d")
        let id = NameBasedUUID.v5("AVG-024@party:cloudco")
        #expect(id.count == 36)
        #expect(Array(id)[14] == "5")
        #expect(NameBasedUUID.v5("AVG-024@party:cloudco") == id)
    }

    /// Placeholders are filled in one pass (a value is never scanned again, an unclosed `{{` stays
    /// literal), and sections are written in place, straight to the sink.
    @Test func templatesFillPlaceholdersAndWriteSections() throws {
        let values = ["a": "1", "b": "{{a}}", "c": "ë"]
        let cases = ["x {{a}} y {{ b }}": "x 1 y {{a}}", "{{c}}{{a}}": "ë1", "no placeholders": "no placeholders",
                     "open {{a": "open {{a", "{{a}} then {{ unclosed": "1 then {{ unclosed", "": ""]
        for (text, expected) in cases {
            var streamed = Data()
            try Template(text).stream(values, sections: [:]) { streamed.append($0) }
            #expect(String(decoding: streamed, as: UTF8.self) == expected, "\(text)")
            #expect(try Template(text).render(values) == expected, "\(text)")
        }
        var pieces: [Data] = []
        let section: TemplateSection = { sink in try sink(Data("S1".utf8)); try sink(Data("S2".utf8)) }
        try Template("<{{a}}|{{s}}|{{c}}>").stream(values, sections: ["s": section]) { pieces.append($0) }
        #expect(pieces.map { String(decoding: $0, as: UTF8.self) } == ["<1|", "S1", "S2", "|ë>"])
        #expect(throws: ReportError.self) { try Template("{{nope}}").stream([:], sections: [:]) { _ in } }
    }

    @Test func templateFailsOnUnknownPlaceholder() throws {
        #expect(throws: ReportError.self) { try Template("{{nope}}").render([:]) }
        #expect(try Template("x {{a}} y {{ b }}").render(["a": "1", "b": "2"]) == "x 1 y 2")
    }

    @Test func everyRegisteredFormatHasAReporter() {
        #expect(ReporterRegistry.formats == ["text", "json", "sarif", "junit", "markdown", "html", "oscal"])
        for format in ReporterRegistry.formats { #expect(ReporterRegistry.reporter(for: format) != nil) }
        #expect(ReporterRegistry.reporter(for: "pdf") == nil)
    }

    @Test func embeddedTemplatesAreCurrent() throws {
        let dir = Golden.packageRoot.appendingPathComponent("Reports/templates")
        let names = try FileManager.default.contentsOfDirectory(atPath: dir.path).sorted()
        #expect(names == EmbeddedTemplates.files.map(\.path).sorted(), "run `swift run embed-resources`")
        for file in EmbeddedTemplates.files {
            let disk = try String(contentsOf: dir.appendingPathComponent(file.path), encoding: .utf8)
            #expect(disk == file.text, "Reports/templates/\(file.path) changed; run `swift run embed-resources`")
        }
    }

    @Test func oscalRejectsAnUnzonedTimestamp() {
        var r = Fixtures.parkerenResult
        r.evaluatedAt = "yesterday"
        #expect(throws: ReportError.self) { try OSCALReporter().render(r, context: ReportContext()) }
        r.evaluatedAt = "2026-04-15"
        #expect((try? OSCALReporter().render(r, context: ReportContext())) != nil)
    }

    @Test func sarifURIsAreRelative() {
        #expect(SARIFReporter.relativeURI("/repo/project.yaml", root: "/repo") == "project.yaml")
        #expect(SARIFReporter.relativeURI("./a b/p.yaml", root: nil) == "a%20b/p.yaml")
    }

    @Test func graphHighlightsFollowEffectiveStatus() {
        let h = GraphHighlights(result: Fixtures.binnenstadResult)
        #expect(h.failingSystems == ["telplatform", "wifi-sensor", "dashboard"])  // telplatform: expired waiver
        #expect(h.failingFlows == ["gateway-naar-platform"])
    }
}

@Suite struct DiagramRendererTests {
    @Test func builtinLayoutNeedsNoGraphviz() throws {
        #expect(GraphvizRenderer.svg(fromDOT: "digraph {}", executable: nil) == nil)
        let svg = try DiagramRenderer.render(Fixtures.binnenstadDescriptor, format: .svg, layout: .builtin)
        #expect(String(decoding: svg, as: UTF8.self).hasPrefix("<svg xmlns=\"http://www.w3.org/2000/svg\""))
    }

    @Test(.enabled(if: GraphvizRenderer.dotExecutable() != nil, "Graphviz is not installed"))
    func graphvizRendersTheDOTExport() throws {
        let svg = String(decoding: try DiagramRenderer.render(Fixtures.binnenstadDescriptor,
                                                               highlights: GraphHighlights(result: Fixtures.binnenstadResult),
                                                               format: .svg, layout: .graphviz), as: UTF8.self)
        #expect(svg.contains("<svg"))
        #expect(svg.contains("cluster_straat"))
        #expect(svg.contains("#c62828"))
    }

    @Test func svgParsesAsXML() throws {
        for descriptor in [Fixtures.binnenstadDescriptor, HostileFixture.descriptor] {
            let svg = try DiagramRenderer.render(descriptor, highlights: GraphHighlights(result: HostileFixture.result),
                                                 format: .svg, layout: .builtin)
            let parser = XMLParser(data: svg)
            #expect(parser.parse(), "built-in SVG is not well-formed XML")
        }
    }
}
