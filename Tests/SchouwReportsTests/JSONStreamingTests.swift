import Foundation
import SchouwReports
import SchouwResult
import Testing

/// The JSON result written in pieces must be the very bytes of the whole, and as safe as every
/// other JSON report: the writer escapes steering characters itself.
@Suite struct JSONStreamingTests {
    func result(outcomes: Int, message: String = "Gegevensstroom zonder doel") -> AuditResult {
        let list = (0..<outcomes).map { i in
            Outcome(finding: "AVG-001@flow:f\(i)", rule: "AVG-001", status: i % 3 == 0 ? .fail : .notApplicable,
                    severity: .high, subject: SubjectRef(kind: "flow", id: "f\(i)", name: nil),
                    references: [Reference(framework: "avg", ref: "art. 5(1)(b)")], message: message,
                    location: Location(file: "p.yaml", line: i + 1, column: 5))
        }
        return AuditResult(lang: "nl", tool: .init(version: "test"),
                           descriptor: .init(path: "p.yaml", sha256: "00", files: []),
                           ruleset: .init(sha256: "11", rules: 1, catalogues: [:]),
                           project: .init(id: "p", name: "Project", organisation: nil, phase: nil, bio: "basic"),
                           evaluatedAt: "2026-01-01T00:00:00Z",
                           gate: .init(failOn: "high", failOnUnknown: false, verdict: "failed"),
                           summary: .init(fail: .init(), unknown: 0, pass: 0, notApplicable: 0, waived: 0),
                           outcomes: list, waiverNotes: [], rules: [])
    }

    @Test func chunksJoinToTheWholeResult() throws {
        let r = result(outcomes: 2_000)
        var chunks: [[UInt8]] = []
        ResultJSONWriter.write(r, chunkSize: 4_096) { chunks.append($0) }
        #expect(chunks.count > 10)
        #expect(chunks.flatMap { $0 } == ResultJSONWriter.encode(r))
        #expect(ResultJSONWriter.encode(r) == [UInt8](try CanonicalJSON.encode(r)))

        var streamed = Data()
        try JSONReporter().stream(r, context: ReportContext()) { streamed.append($0) }
        #expect(streamed == (try JSONReporter().render(r, context: ReportContext())))
    }

    @Test func steeringCharactersAreEscapedAsEveryJSONReportDoes() throws {
        let hostile = "RLO\u{202E}txt.exe DEL\u{7F} C1\u{85} ESC\u{1B}[31m quote\" tab\t dash – ’"
        let r = result(outcomes: 3, message: hostile)
        let written = Data(ResultJSONWriter.encode(r))
        #expect(written == Escape.jsonSafe(try CanonicalJSON.encode(r)))
        let text = String(decoding: written, as: UTF8.self)
        #expect(text.contains("RLO\\u202etxt.exe DEL\\u007f C1\\u0085 ESC\\u001b[31m quote\\\" tab\\t dash – ’"))
        #expect(!text.unicodeScalars.contains { $0.value == 0x202E || $0.value == 0x7F || $0.value == 0x85 })
        let decoded = try JSONDecoder().decode(AuditResult.self, from: written)
        #expect(decoded.outcomes.first?.message == hostile)
    }
}
