import Foundation
import SchouwResult

/// JUnit XML for CI test views (GitLab, Jenkins, Azure): one `<testsuite>` per rule pack, one
/// `<testcase>` per rule × subject.
///
/// Mapping: `fail` (and a waiver that expired) → `<failure>`; `pass` → a plain testcase; `unknown`,
/// `not-applicable` and `waived` → `<skipped>` with a message saying which, because none of them is a
/// pass and only `fail` should turn a pipeline's test view red.
public struct JUnitReporter: Reporter {
    public static let format = "junit"
    public static let summary = "JUnit XML: a testsuite per rule pack, a testcase per rule and subject"
    public init() {}

    public func render(_ result: AuditResult, context: ReportContext) throws -> Data {
        let t = ReportTexts.of(context.lang)
        let model = ReportModel(result, policy: context.gatePolicy(for: result))
        var packs: [String: [Outcome]] = [:]
        for outcome in result.outcomes {
            let pack = model.rule(outcome.rule)?.pack ?? ReportModel.packFromRuleID(outcome.rule)
            packs[pack, default: []].append(outcome)
        }
        let order = packs.keys.sorted { ReportModel.packOrder($0) < ReportModel.packOrder($1) }
        var suites: [String] = []
        var total = (tests: 0, failures: 0)
        for pack in order {
            let outcomes = (packs[pack] ?? []).sorted { ($0.rule, $0.finding) < ($1.rule, $1.finding) }
            let failures = outcomes.filter { $0.effectiveStatus == .fail }.count
            let skipped = outcomes.filter { [.unknown, .notApplicable, .waived].contains($0.effectiveStatus) }.count
            total.tests += outcomes.count
            total.failures += failures
            var s = "  <testsuite name=\"\(x(pack.isEmpty ? "rules" : pack))\" tests=\"\(outcomes.count)\" failures=\"\(failures)\" errors=\"0\""
            s += " skipped=\"\(skipped)\" time=\"0\" timestamp=\"\(x(result.evaluatedAt))\">\n"
            for outcome in outcomes { s += testcase(outcome, pack: pack, model: model, t: t) }
            s += "  </testsuite>\n"
            suites.append(s)
        }
        var xml = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
        xml += "<testsuites name=\"\(x(result.tool.name + " " + result.project.id))\" tests=\"\(total.tests)\" failures=\"\(total.failures)\" errors=\"0\" time=\"0\">\n"
        xml += suites.joined()
        xml += "</testsuites>\n"
        return Data(xml.utf8)
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
            body += "\(t.subject): \(outcome.subject.kind) \(outcome.subject.id)\n"
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
