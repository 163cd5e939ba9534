import Foundation
import SchouwModel
@testable import SchouwReports
import SchouwResult
import Testing

/// City-wide results take other paths than the small fixtures: the report model's pass runs in
/// chunks on every core, findings are ordered by counting, and the text report renders its entries
/// in parallel pieces. These tests hold those paths to what the plain rules say.
@Suite struct LargeResultTests {
    static let rules = [
        RuleInfo(id: "AVG-2", pack: "avg", title: "Doel", severity: .high, references: [], remediation: "Leg een doel vast.",
                 description: nil, waivable: true),
        RuleInfo(id: "AVG-10", pack: "avg", title: "Grondslag", severity: .critical, references: [],
                 remediation: "Leg een grondslag vast.", description: nil, waivable: true),
        RuleInfo(id: "BIO-7", pack: "bio", title: "Versleuteling", severity: .high, references: [],
                 remediation: "Versleutel.", description: nil, waivable: true),
    ]

    /// Rules in finding order (`AVG-10` before `AVG-2`), subjects by id: what the engine produces.
    static func result(subjects: Int) -> AuditResult {
        let ids = (0..<subjects).map { String(format: "f%05d", $0) }
        var outcomes: [Outcome] = []
        for rule in rules.sorted(by: { $0.id + "@" < $1.id + "@" }) {
            for (i, id) in ids.enumerated() {
                let status: OutcomeStatus = i % 3 == 0 ? .fail : i % 3 == 1 ? .unknown : .pass
                outcomes.append(Outcome(rule: rule.id, status: status, severity: rule.severity,
                                        subject: SubjectRef(kind: "flow", id: id), references: [],
                                        message: "\(rule.title) ontbreekt voor \(id)",
                                        location: Location(file: "stad.yaml", line: i + 1, column: 5),
                                        missing: status == .unknown ? ["flow.purpose"] : []))
            }
        }
        return AuditResult(lang: "nl", tool: .init(version: "test"),
                           descriptor: .init(path: "stad.yaml", sha256: "00", files: []),
                           ruleset: .init(sha256: "11", rules: rules.count, catalogues: [:]),
                           project: .init(id: "stad", name: "Stad", organisation: nil, phase: nil, bio: "basic"),
                           evaluatedAt: "2026-01-01T00:00:00Z",
                           gate: .init(failOn: "high", failOnUnknown: false, verdict: "failed"),
                           summary: .init(fail: .init(), unknown: 0, pass: 0, notApplicable: 0, waived: 0),
                           outcomes: outcomes, waiverNotes: [], rules: rules)
    }

    /// `RULE kind:id` of every entry in the section that starts with `heading`.
    static func entries(_ report: String, marker: String) -> [String] {
        report.split(separator: "\n").filter { $0.hasPrefix(marker) }.map { line in
            line.dropFirst(marker.count).split(separator: " ").prefix(2).joined(separator: " ")
        }
    }

    @Test func textReportListsEveryFindingInDisplayOrder() throws {
        let subjects = 9_000
        let result = Self.result(subjects: subjects)
        let report = String(decoding: try TextReporter().render(result, context: ReportContext()), as: UTF8.self)
        let ids = (0..<subjects).map { String(format: "f%05d", $0) }
        // Most severe first; within a severity, rules in natural order (AVG-2 before BIO-7); then subjects.
        let expectedFailures = [("AVG-10", 0), ("AVG-2", 0), ("BIO-7", 0)].flatMap { rule, remainder in
            ids.enumerated().filter { $0.offset % 3 == remainder }.map { "\(rule) flow:\($0.element)" }
        }
        let expectedUnknowns = ["AVG-10", "AVG-2", "BIO-7"].flatMap { rule in
            ids.enumerated().filter { $0.offset % 3 == 1 }.map { "\(rule) flow:\($0.element)" }
        }
        #expect(Self.entries(report, marker: "  ✗ ") == expectedFailures)
        #expect(Self.entries(report, marker: "  ? ") == expectedUnknowns)
        #expect(report.components(separatedBy: "    Ontbrekende gegevens: flow.purpose\n").count - 1 == expectedUnknowns.count)
        #expect(report.contains("KRITIEK (3000)\n"))
        #expect(report.contains("HOOG (6000)\n"))
        #expect(report.hasSuffix("· 9000 informatie nodig · 9000 voldaan · 0 uitgezonderd (drempel: hoog)\n"))
    }

    @Test(arguments: ["text", "markdown"])
    func largeReportsDoNotDependOnTheOrderOfOutcomes(format: String) throws {
        // In finding order the report model orders by counting; shuffled it must sort, and agree.
        let reporter = try #require(ReporterRegistry.reporter(for: format))
        let result = Self.result(subjects: 7_000)
        // A fixed scramble: position i takes outcome (i * 7919) mod n (7919 is prime, n = 21,000).
        var shuffled = result
        let n = result.outcomes.count
        shuffled.outcomes = (0..<n).map { result.outcomes[($0 * 7_919) % n] }
        #expect(Set(shuffled.outcomes.map(\.finding)).count == n)
        let context = ReportContext(lang: .en)
        #expect(try reporter.render(shuffled, context: context) == (try reporter.render(result, context: context)))
    }

    /// A rule's remediation follows the last of its findings in a row, once, with how many it serves,
    /// wherever the blocks rendered on each core divide the entries (3,000 findings per rule here).
    @Test func textReportWritesEachRemediationOnceAfterTheRulesFindings() throws {
        let report = String(decoding: try TextReporter().render(Self.result(subjects: 9_000), context: ReportContext()),
                            as: UTF8.self)
        let lines = report.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        let arrows = lines.indices.filter { lines[$0].hasPrefix("    → ") }
        #expect(arrows.map { lines[$0] } == [
            "    → Voor deze 3000 bevindingen van AVG-10: Leg een grondslag vast.",
            "    → Voor deze 3000 bevindingen van AVG-2: Leg een doel vast.",
            "    → Voor deze 3000 bevindingen van BIO-7: Versleutel.",
        ])
        let lastFindings = ["AVG-10", "AVG-2", "BIO-7"].map { "  ✗ \($0) flow:f08997  stad.yaml:8998:5" }
        #expect(arrows.map { lines[$0 - 2] } == lastFindings)

        let english = String(decoding: try TextReporter().render(Self.result(subjects: 4), context: ReportContext(lang: .en)),
                             as: UTF8.self)
        #expect(english.contains("    → For these 2 findings of BIO-7: Versleutel.\n"))
    }

    /// A rule with a single finding keeps the plain layout: finding, message, remediation.
    @Test func aSingleFindingHasItsRemediationBelowIt() throws {
        let report = String(decoding: try TextReporter().render(Self.result(subjects: 1), context: ReportContext()),
                            as: UTF8.self)
        #expect(report.contains("""
              ✗ BIO-7 flow:f00000  stad.yaml:1:5
                Versleuteling ontbreekt voor f00000
                → Versleutel.

            """))
    }

    @Test func textReportStreamsThePiecesOfTheWhole() throws {
        let result = Self.result(subjects: 12_000)
        var pieces: [Data] = []
        try TextReporter().stream(result, context: ReportContext()) { pieces.append($0) }
        #expect(pieces.count > 1)
        #expect(pieces.reduce(Data(), +) == (try TextReporter().render(result, context: ReportContext())))
    }

    @Test func derivedFindingIDsAreTheSameAsGivenOnes() throws {
        let subject = SubjectRef(kind: "flow", id: "sensor-naar-gateway")
        let derived = Outcome(rule: "AVG-001", status: .fail, severity: .high, subject: subject, references: [],
                              message: "m", location: nil)
        let given = Outcome(finding: "AVG-001@flow:sensor-naar-gateway", rule: "AVG-001", status: .fail,
                            severity: .high, subject: subject, references: [], message: "m", location: nil)
        #expect(derived.finding == "AVG-001@flow:sensor-naar-gateway")
        #expect(derived == given)
        #expect(try CanonicalJSON.encodeCompact(derived) == (try CanonicalJSON.encodeCompact(given)))
        let json = String(decoding: try CanonicalJSON.encodeCompact(derived), as: UTF8.self)
        #expect(json.contains(#""finding":"AVG-001@flow:sensor-naar-gateway""#))

        var renamed = derived
        renamed.finding = "AVG-001@flow:other"
        #expect(renamed.finding == "AVG-001@flow:other")
        #expect(derived.finding == "AVG-001@flow:sensor-naar-gateway", "copy on write: the original keeps its id")
    }

    @Test func anOutcomeWithoutFindingIDDoesNotDecode() throws {
        let given = Outcome(finding: "AVG-001@flow:f", rule: "AVG-001", status: .pass, severity: .high,
                            subject: SubjectRef(kind: "flow", id: "f"), references: [], message: "m", location: nil)
        let json = String(decoding: try CanonicalJSON.encodeCompact(given), as: UTF8.self)
        let without = json.replacingOccurrences(of: #""finding":"AVG-001@flow:f","#, with: "")
        #expect(without != json)
        #expect(throws: DecodingError.self) { try JSONDecoder().decode(Outcome.self, from: Data(without.utf8)) }
        #expect(try JSONDecoder().decode(Outcome.self, from: Data(json.utf8)) == given)
    }

    /// SARIF and OSCAL make their results in pieces on every core while they are written: the
    /// pieces join to what rendering the document whole gives, in finding-id order, and none of
    /// them holds the whole document.
    @Test func sarifAndOSCALStreamInPiecesOfTheWholeDocument() throws {
        let result = Self.result(subjects: 3_000)
        for reporter in [SARIFReporter() as any Reporter, OSCALReporter()] {
            let whole = try reporter.render(result, context: ReportContext())
            var pieces: [Data] = []
            try reporter.stream(result, context: ReportContext()) { pieces.append($0) }
            #expect(pieces.reduce(Data(), +) == whole)
            #expect(pieces.count > 2)
            #expect(pieces.allSatisfy { $0.count < whole.count / 2 })
        }
        let sarif = try JSONSerialization.jsonObject(with: SARIFReporter().render(result, context: ReportContext())) as? [String: Any]
        let run = (sarif?["runs"] as? [[String: Any]])?.first
        let findings = (run?["results"] as? [[String: Any]] ?? []).compactMap {
            ($0["partialFingerprints"] as? [String: Any])?["schouwFinding/v1"] as? String
        }
        // Failures and unknowns of three rules: two thirds of 9,000 outcomes.
        #expect(findings.count == 6_000)
        #expect(findings == findings.sorted())
    }

    /// JUnit testcases are made in blocks on every core and written in pieces: every outcome's
    /// testcase arrives once, in rule then finding order within its pack, across block and piece
    /// boundaries.
    @Test func junitStreamsEveryTestcaseInOrder() throws {
        let result = Self.result(subjects: 3_000)
        var pieces: [Data] = []
        try JUnitReporter().stream(result, context: ReportContext()) { pieces.append($0) }
        #expect(pieces.count > 1)
        let xml = String(decoding: pieces.reduce(Data(), +), as: UTF8.self)
        let names = xml.split(separator: "\n").compactMap { line -> String? in
            guard let start = line.range(of: "<testcase name=\"") else { return nil }
            return String(line[start.upperBound...].prefix { $0 != "\"" })
        }
        // Packs in their order (avg before bio), then rule and finding id.
        let expected = ["AVG-10", "AVG-2", "BIO-7"].flatMap { rule in
            (0..<3_000).map { "\(rule)@flow:" + String(format: "f%05d", $0) }
        }
        #expect(names == expected)
        #expect(xml.hasSuffix("</testsuite>\n</testsuites>\n"))
    }

    /// HTML and Markdown write their findings and information needed in blocks made on every
    /// core: each entry arrives once, in the text report's order, across block and piece
    /// boundaries, and the report is handed on in pieces.
    @Test(arguments: ["html", "markdown"])
    func htmlAndMarkdownStreamEveryEntryInOrder(format: String) throws {
        let reporter = try #require(ReporterRegistry.reporter(for: format))
        let result = Self.result(subjects: 3_000)
        var pieces: [Data] = []
        try reporter.stream(result, context: ReportContext()) { pieces.append($0) }
        #expect(pieces.count > 2)
        let report = String(decoding: pieces.reduce(Data(), +), as: UTF8.self)
        let text = String(decoding: try TextReporter().render(result, context: ReportContext()), as: UTF8.self)
        let ids = (0..<3_000).map { String(format: "f%05d", $0) }
        // Failures: most severe first, rules in natural order, subjects by id (as in the text report).
        let failures = Self.entries(text, marker: "  ✗ ").map { $0.split(separator: " ")[1].dropFirst("flow:".count) }
        #expect(failures.count == 3_000)
        let findingMarker = format == "html" ? "<dt>Bevinding</dt><dd><code>" : "- Bevinding: `"
        let listed = report.components(separatedBy: findingMarker).dropFirst().map { $0.prefix { $0 != "<" && $0 != "`" } }
        #expect(listed.map { String($0.split(separator: ":").last ?? "") } == failures.map(String.init))
        // Information needed: one row per unknown outcome, rule by rule, subjects in id order.
        let rowMarker = format == "html" ? "<td>stroom <code>" : " | stroom `"
        let rows = report.components(separatedBy: rowMarker).dropFirst().map { String($0.prefix(6)) }
        let unknownSubjects = ids.enumerated().filter { $0.offset % 3 == 1 }.map(\.element)
        #expect(rows == unknownSubjects + unknownSubjects + unknownSubjects)
    }

    /// A diagram past Mermaid's limits (500 flows, 50,000 characters) would show as an error on
    /// GitHub and GitLab: the Markdown report says it is too large and where to draw it instead.
    @Test func markdownLeavesOutADiagramMermaidWouldRefuse() throws {
        let mark = Marks(object: SourceMark(file: "stad.yaml", line: 1, column: 1))
        func descriptor(flows: Int) -> Descriptor {
            Descriptor(project: Project(id: "stad", name: "Stad", marks: mark),
                       systems: (0..<20).map { System(id: "s\($0)", name: "S\($0)", marks: mark) },
                       flows: (0..<flows).map { Flow(id: "f\($0)", from: "s\($0 % 20)", to: "s\(($0 + 1) % 20)", marks: mark) })
        }
        let result = Self.result(subjects: 10)
        for (flows, drawn) in [(500, true), (501, false)] {
            let context = ReportContext(descriptor: descriptor(flows: flows))
            let report = String(decoding: try MarkdownReporter().render(result, context: context), as: UTF8.self)
            #expect(report.contains("```mermaid") == drawn, "\(flows) flows")
            #expect(report.contains("_Geen diagram: met 20 systemen en \(flows) stromen is het groter dan Mermaid tekent") == !drawn)
        }
    }

    /// JUnit lists a suite by rule, then finding id. The engine's order (rules by `id@`) is that
    /// order unless one rule id starts another; then, and for outcomes in any other order, the
    /// suite is sorted.
    @Test func junitSortsWhatTheEngineOrderLeavesOutOfOrder() throws {
        func outcome(_ rule: String, _ id: String) -> Outcome {
            Outcome(rule: rule, status: .pass, severity: .high, subject: SubjectRef(kind: "flow", id: id), references: [],
                    message: "m", location: nil)
        }
        let engineOrder = [outcome("AVG-10", "a"), outcome("AVG-10", "b"), outcome("AVG-1", "a"), outcome("AVG-1", "b")]
        let scrambled = [outcome("AVG-2", "b"), outcome("AVG-2", "a"), outcome("AVG-1", "c")]
        let names = { (outcomes: [Outcome]) in JUnitReporter.byRuleAndFinding(outcomes).map(\.finding) }
        #expect(names(engineOrder) == ["AVG-1@flow:a", "AVG-1@flow:b", "AVG-10@flow:a", "AVG-10@flow:b"])
        #expect(names(scrambled) == ["AVG-1@flow:c", "AVG-2@flow:a", "AVG-2@flow:b"])
        let sorted = [outcome("AVG-1", "a"), outcome("AVG-1", "b"), outcome("AVG-10", "a")]
        #expect(names(sorted) == sorted.map(\.finding))
    }
}
