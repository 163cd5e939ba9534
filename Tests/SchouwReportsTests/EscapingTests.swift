import Foundation
import SchouwResult
import Testing
@testable import SchouwReports

/// Supplier-controlled text must come out inert in every format.
@Suite struct EscapingTests {
    static let steering: [UInt8] = [0x1B, 0x07]

    func render(_ format: String, lang: ReportLanguage = .nl, colour: Bool = false) throws -> String {
        let reporter = try #require(ReporterRegistry.reporter(for: format))
        let data = try reporter.render(HostileFixture.result,
                                       context: ReportContext(lang: lang, colour: colour, descriptor: HostileFixture.descriptor))
        return String(decoding: data, as: UTF8.self)
    }

    func expectNoTerminalControls(_ text: String, _ what: String) {
        #expect(!text.utf8.contains(0x1B), "\(what) holds a raw ESC")
        #expect(!text.utf8.contains(0x07), "\(what) holds a raw BEL")
        #expect(!text.unicodeScalars.contains("\u{9B}"), "\(what) holds a raw CSI")
        #expect(!text.unicodeScalars.contains("\u{202E}"), "\(what) holds a bidi override")
    }

    @Test(arguments: ReporterRegistry.formats)
    func noFormatPassesTerminalControlsThrough(_ format: String) throws {
        expectNoTerminalControls(try render(format), format)
    }

    /// The scan reads eight bytes at a time while they are plain ASCII: a steering character at
    /// any offset, and at any place in a word, must still be found, and clean text of any length
    /// passed.
    @Test(arguments: ["\u{1B}", "\u{07}", "\u{7F}", "\n", "\u{9B}", "\u{202E}", "\u{2066}", "\u{200F}"])
    func theScanFindsASteeringCharacterAtEveryOffset(_ steering: String) {
        for length in 0..<24 {
            let clean = String(repeating: "a~ ", count: 9).prefix(length) + "é"
            #expect(!Array(clean.utf8).withUnsafeBufferPointer { SteeringCharacters.mayOccur(inUTF8: $0, keepNewlines: false) })
            for offset in 0...length {
                var text = Array(clean.utf8)
                text.insert(contentsOf: Array(steering.utf8), at: offset)
                #expect(text.withUnsafeBufferPointer { SteeringCharacters.mayOccur(inUTF8: $0, keepNewlines: false) },
                        "\(steering.unicodeScalars.first?.value ?? 0) at \(offset) of \(length)")
                #expect(Escape.terminal(String(decoding: text, as: UTF8.self)) != String(decoding: text, as: UTF8.self))
            }
        }
    }

    @Test func textShowsControlsVisibly() throws {
        let text = try render("text")
        #expect(text.contains("\\u{1b}[31mRED"))
        #expect(text.contains("\\u{1b}]8;;https://evil.example\\u{7}"))
        #expect(text.contains("\\u{202e}"))
        // With colour on, only schouw's own SGR sequences appear; the hostile OSC 8 link stays visible text.
        let coloured = try render("text", colour: true)
        #expect(coloured.contains("\u{1B}[1m"))
        #expect(!coloured.contains("\u{1B}]8"))
        #expect(!coloured.contains("\u{1B}[31mRED"))
    }

    @Test(arguments: ["html", "junit"])
    func markupIsEntityEscaped(_ format: String) throws {
        let text = try render(format)
        #expect(!text.contains("<script"))
        #expect(!text.contains("<svg onload"))
        #expect(text.contains("&lt;script&gt;alert(1)&lt;/script&gt;"))
        #expect(text.contains("{{css}}"), "a placeholder-looking value must stay literal text")
    }

    @Test func htmlHasNoActiveContentAndForbidsItAnyway() throws {
        let html = try render("html")
        #expect(html.contains("Content-Security-Policy"))
        #expect(!html.lowercased().contains("<script"))
        #expect(!html.contains("href=\"javascript"))
    }

    @Test func hostileTemplatePlaceholderStaysLiteral() throws {
        // `{{css}}` inside a name must not pull the stylesheet in a second time.
        let html = try render("html")
        let styleCount = html.components(separatedBy: "--critical:").count - 1
        #expect(styleCount == 1)
        #expect(try Template("a {{x}} b").render(["x": "{{x}}"]) == "a {{x}} b")
    }

    @Test(arguments: [ReportLanguage.nl, .en])
    func markdownEscapesSyntaxOutsideTheDiagram(_ lang: ReportLanguage) throws {
        let md = try render("markdown", lang: lang)
        let parts = md.components(separatedBy: "```")
        // Even parts are Markdown; odd parts are the Mermaid block.
        for (i, raw) in parts.enumerated() where i % 2 == 0 {
            // Code spans are literal in CommonMark; check the text around them.
            let part = raw.replacingOccurrences(of: "`[^`]*`", with: "", options: .regularExpression)
            for bad in ["<", "[", "]", "*", "|"] {
                for range in part.ranges(of: bad) {
                    let before = part[..<range.lowerBound].last
                    let ownSyntax = bad == "|" || bad == "*"  // tables and bold labels are schouw's own
                    if before != "\\" && !ownSyntax {
                        Issue.record("unescaped \(bad) in Markdown near: \(part[range.lowerBound...].prefix(40))")
                    }
                }
            }
            #expect(!part.contains("[link](javascript"))
            #expect(part.contains("\\*\\*bold\\*\\*"))
            #expect(part.contains("\\| \\# head"))
        }
        let mermaid = parts.count > 1 ? parts[1] : ""
        #expect(!mermaid.contains("<"))
        #expect(mermaid.contains("#lt;script#gt;"))
    }

    @Test func jsonFormatsStayValidJSON() throws {
        for format in ["json", "sarif", "oscal"] {
            let text = try render(format)
            #expect((try? JSONSerialization.jsonObject(with: Data(text.utf8))) != nil, "\(format) is not valid JSON")
        }
        let sarif = try render("sarif")
        #expect(sarif.contains("\\\\[link\\\\](javascript:alert(3))"), "SARIF embedded-link brackets must be escaped")
    }

    @Test func jsonResultKeepsHostileDataExactly() throws {
        let data = try JSONReporter().render(HostileFixture.result, context: ReportContext())
        #expect(try AuditResult.decode(data) == HostileFixture.result)
        #expect(String(decoding: data, as: UTF8.self).contains("\\u009b"))
    }

    @Test func graphExportersEscapeLabels() throws {
        let graph = DataFlowGraph(descriptor: HostileFixture.descriptor, highlights: GraphHighlights(result: HostileFixture.result))
        let dot = DOTExporter.render(graph)
        expectNoTerminalControls(dot, "dot")
        #expect(dot.contains("\\\"q\\\""), "quotes in DOT labels must be escaped")
        #expect(dot.contains("\\\\N \\\\G"), "Graphviz escapes must be neutralised")
        for line in dot.split(separator: "\n") where line.contains("label=") {
            #expect(!line.contains("label=<"), "HTML-like label in: \(line)")
        }

        let mermaid = MermaidExporter.render(graph)
        expectNoTerminalControls(mermaid, "mermaid")
        #expect(!mermaid.contains("<"))
        #expect(!mermaid.contains("`"))
        for line in mermaid.split(separator: "\n") {
            let quotes = line.filter { $0 == "\"" }.count
            #expect(quotes == 0 || quotes == 2, "label quoting broken in: \(line)")
        }

        let svg = SVGExporter.render(graph)
        expectNoTerminalControls(svg, "svg")
        #expect(!svg.contains("<script"))
        #expect(!svg.contains("<svg onload"))
        #expect(svg.contains("&lt;script&gt;"))
    }

    @Test func zoneCyclesAndDanglingReferencesDoNotHang() throws {
        let graph = DataFlowGraph(descriptor: HostileFixture.descriptor)
        #expect(graph.rootZones.contains("loop-a") || graph.rootZones.contains("loop-b"))
        #expect(graph.rootSystems == ["c"])
        #expect(graph.edges.map(\.id) == ["f", "g"])
    }
}
