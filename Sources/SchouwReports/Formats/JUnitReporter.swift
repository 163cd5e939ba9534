import Foundation
import SchouwResult

/// JUnit XML for CI test views (GitLab, Jenkins, Azure): one `<testsuite>` per rule pack, one
/// `<testcase>` per rule × subject.
///
/// Mapping: `fail` (and a waiver that expired) → `<failure>`; `pass` → a plain testcase; `unknown`,
/// `not-applicable` and `waived` → `<skipped>` with a message saying which, because none of them is a
/// pass and only `fail` should turn a pipeline's test view red.
public struct JUnitReporter: StreamingReporter {
    public static let format = "junit"
    public static let summary = "JUnit XML: a testsuite per rule pack, a testcase per rule and subject"
    public init() {}

    /// Testcases are made in blocks on every core and written in pieces of about a megabyte: a
    /// city's report has one per outcome (768,000 for 10,000 systems).
    public func stream(_ result: AuditResult, context: ReportContext, to sink: (Data) throws -> Void) throws {
        let t = ReportTexts.of(context.lang)
        let model = ReportModel(result, policy: context.gatePolicy(for: result))
        var packs: [String: [Outcome]] = [:]
        for outcome in result.outcomes {
            let pack = model.rule(outcome.rule)?.pack ?? ReportModel.packFromRuleID(outcome.rule)
            packs[pack, default: []].append(outcome)
        }
        let suites = packs.keys.sorted { ReportModel.packOrder($0) < ReportModel.packOrder($1) }.map { pack in
            let outcomes = Self.byRuleAndFinding(packs[pack] ?? [])
            return (pack: pack, outcomes: outcomes, failed: outcomes.count { $0.effectiveStatus == .fail },
                    skipped: outcomes.count { [.unknown, .notApplicable, .waived].contains($0.effectiveStatus) })
        }
        let tests = suites.reduce(0) { $0 + $1.outcomes.count }
        let failures = suites.reduce(0) { $0 + $1.failed }
        try SectionWriter.write(to: sink) { out in
            try out.add("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n")
            try out.add("<testsuites name=\"\(x(result.tool.name + " " + result.project.id))\" tests=\"\(tests)\" failures=\"\(failures)\" errors=\"0\" time=\"0\">\n")
            for (pack, outcomes, failed, skipped) in suites {
                try out.add("  <testsuite name=\"\(x(pack.isEmpty ? "rules" : pack))\" tests=\"\(outcomes.count)\" failures=\"\(failed)\" errors=\"0\""
                            + " skipped=\"\(skipped)\" time=\"0\" timestamp=\"\(x(result.evaluatedAt))\">\n")
                try out.addEntries(outcomes.count) { i in testcase(outcomes[i], pack: pack, model: model, t: t) }
                try out.add("  </testsuite>\n")
            }
            try out.add("</testsuites>\n")
        }
    }

    /// A suite's outcomes by rule, then finding id. The engine gives them in that order already
    /// (unless one rule id is the start of another, `AVG-1` and `AVG-10`), which one pass over
    /// the outcomes in place confirms; otherwise they are sorted with each finding id made once
    /// rather than at every comparison (a city's finding ids took more memory than its outcomes).
    static func byRuleAndFinding(_ outcomes: [Outcome]) -> [Outcome] {
        let inOrder = outcomes.withUnsafeBufferPointer { list in
            list.indices.dropFirst().allSatisfy { i in
                let previous = list.rule(at: i - 1), rule = list.rule(at: i)
                return previous == rule ? list.inFindingOrder(i - 1, i) : previous < rule
            }
        }
        if inOrder { return outcomes }
        return outcomes.map { (rule: $0.rule, finding: $0.finding, outcome: $0) }
            .sorted { ($0.rule, $0.finding) < ($1.rule, $1.finding) }
            .map(\.outcome)
    }

    private func x(_ s: String) -> String { Escape.xml(s) }

    private func testcase(_ outcome: Outcome, pack: String, model: ReportModel, t: ReportTexts) -> String {
        let open = "    <testcase name=\"\(x(outcome.finding.isEmpty ? outcome.rule + "@?" : outcome.finding))\" classname=\"\(x(pack + "." + outcome.rule))\" time=\"0\""
        let rule = model.rule(outcome.rule)
        switch outcome.effectiveStatus {
        case .pass:
            return open + "/>\n"
        case .fail:
            var message = "[\(outcome.severity.rawValue)] \(outcome.message)"
            var body = outcome.message + "\n"
            body += "\(t.subject): \(t.subjectKind(outcome.subject.kind)) \(outcome.subject.id)\n"
            if let loc = outcome.location { body += "\(t.location): \(loc.file):\(loc.line):\(loc.column)\n" }
            if let waiver = outcome.waiver, waiver.expired {
                message += " (\(t.waiverExpiredNote) \(waiver.expires))"
                body += "\(t.waiverExpiredNote) \(waiver.expires): \(waiver.reason)\n"
            }
            if let rule, !rule.remediation.isEmpty { body += "\(t.remediation): \(rule.remediation)\n" }
            if !outcome.references.isEmpty {
                body += "\(t.references): " + outcome.references.map(referenceLabel).joined(separator: "; ") + "\n"
            }
            return open + ">\n      <failure message=\"\(x(message))\" type=\"\(outcome.severity.rawValue)\">\(Escape.xml(body, keepNewlines: true))</failure>\n    </testcase>\n"
        case .unknown:
            let missing = outcome.missing.isEmpty ? outcome.message : outcome.missing.joined(separator: ", ")
            return skipped(open, message: "\(t.informationNeeded): \(missing)", type: "unknown")
        case .notApplicable:
            return skipped(open, message: t.notApplicable, type: "not-applicable")
        case .waived:
            let w = outcome.waiver
            var message = t.waived
            if let w { message += ": \(w.reason) (\(t.approvedBy): \(w.approvedBy); \(t.expires): \(w.expires))" }
            return skipped(open, message: message, type: "waived")
        }
    }

    private func skipped(_ open: String, message: String, type: String) -> String {
        open + ">\n      <skipped message=\"\(x(message))\" type=\"\(type)\"/>\n    </testcase>\n"
    }
}
