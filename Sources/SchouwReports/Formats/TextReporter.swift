import Foundation
import SchouwResult

/// Compact terminal report: failures grouped by severity, information needed, waivers, one verdict line.
/// Colour only when the context asks for it (the CLI does on a terminal without `NO_COLOR`).
public struct TextReporter: Reporter {
    public static let format = "text"
    public static let summary = "compact report grouped by severity, ending with a one-line verdict (default on a terminal)"
    public init() {}

    public func render(_ result: AuditResult, context: ReportContext) throws -> Data {
        let model = ReportModel(result, policy: context.gatePolicy(for: result))
        let t = ReportTexts.of(context.lang)
        let c = Colours(enabled: context.colour)
        var lines = Lines()
        lines.text.reserveCapacity(256 + 160 * (model.failures.count + model.unknowns.count))
        let e = Escape.terminal

        var header = "\(e(result.tool.name)) \(e(result.tool.version)) · \(e(result.project.name))"
        if let org = result.project.organisation { header += " (\(e(org)))" }
        header += " · \(e(result.evaluatedAt))"
        lines.append(c.bold(header))

        for severity in Severity.allCases.reversed() {
            let group = model.failures(severity)
            guard !group.isEmpty else { continue }
            lines.append("")
            lines.append(c.severity(severity, c.bold("\(t.severity(severity).uppercased()) (\(group.count))")))
            for outcome in group {
                lines.append("  " + c.severity(severity, "✗") + " " + findingLine(outcome, e: e))
                lines.append("    " + e(outcome.message))
                if let waiver = outcome.waiver, waiver.expired {
                    lines.append("    " + c.red("\(t.waiverExpiredNote) \(e(waiver.expires)): \(e(waiver.reason))"))
                }
                if let rule = model.rule(outcome.rule), !rule.remediation.isEmpty {
                    lines.append("    → " + e(rule.remediation))
                }
            }
        }
        if !model.unknowns.isEmpty {
            lines.append("")
            lines.append(c.yellow(c.bold("\(t.informationNeeded.uppercased()) (\(model.unknowns.count))")))
            // Written piece by piece: a city-wide audit lists a hundred thousand of these.
            let missingLabel = "    \(t.missingFacts): "
            for outcome in model.unknowns {
                lines.text += "  ? "
                appendFinding(outcome, to: &lines.text, e: e)
                lines.text += "\n"
                let missing = outcome.missing
                guard !missing.isEmpty else { continue }
                lines.text += missingLabel
                for (i, fact) in missing.enumerated() {
                    if i > 0 { lines.text += ", " }
                    lines.text += e(fact)
                }
                lines.text += "\n"
            }
        }
        if !model.waiverOutcomes.isEmpty {
            lines.append("")
            lines.append(c.bold("\(t.waiversTitle.uppercased()) (\(model.waiverOutcomes.count))"))
            for outcome in model.waiverOutcomes {
                guard let w = outcome.waiver else { continue }
                let state = w.expired ? c.red(t.waiverExpired) : t.waiverActive
                lines.append("  ~ \(e(outcome.finding)) · \(t.expires.lowercased()) \(e(w.expires)) [\(state)] · \(t.approvedBy.lowercased()) \(e(w.approvedBy))")
            }
        }
        if !result.waiverNotes.isEmpty {
            lines.append("")
            lines.append(c.bold(t.waiverNotesTitle.uppercased()))
            for note in result.waiverNotes.sorted(by: { ($0.kind, $0.finding) < ($1.kind, $1.finding) }) {
                var line = "  ! \(t.waiverNoteKind(note.kind)): \(e(note.finding)) · \(e(note.message))"
                if let loc = note.location { line += " (\(e(loc.file)):\(loc.line):\(loc.column))" }
                lines.append(line)
            }
        }
        lines.append("")
        lines.append(verdictLine(model, t: t, c: c))
        return Data(lines.text.utf8)
    }

    /// The report's text, one line at a time: appended to one string rather than collected and
    /// joined, since a city-wide audit lists hundreds of thousands of lines.
    private struct Lines {
        var text = ""
        mutating func append(_ line: String) {
            text += line
            text += "\n"
        }
    }

    private func findingLine(_ outcome: Outcome, e: (String) -> String) -> String {
        var line = ""
        appendFinding(outcome, to: &line, e: e)
        return line
    }

    /// `RULE kind:id  file:line:col`.
    private func appendFinding(_ outcome: Outcome, to text: inout String, e: (String) -> String) {
        let subject = outcome.subject
        text += e(outcome.rule); text += " "; text += e(subject.kind); text += ":"; text += e(subject.id)
        if let loc = outcome.location {
            text += "  "; text += e(loc.file); text += ":"; text += String(loc.line); text += ":"; text += String(loc.column)
        }
    }

    private func verdictLine(_ model: ReportModel, t: ReportTexts, c: Colours) -> String {
        let counts = model.counts
        let perSeverity = Severity.allCases.reversed().map { "\(counts.fail[$0]) \(t.severity($0))" }.joined(separator: ", ")
        var text = "\(model.passed ? t.passed : t.failed): \(t.findings.lowercased()) \(perSeverity)"
        text += " · \(counts.unknown) \(t.informationNeeded.lowercased()) · \(counts.pass) \(t.passes.lowercased())"
        text += " · \(counts.waived) \(t.waived.lowercased())"
        if counts.expiredWaivers > 0 { text += " · \(counts.expiredWaivers) \(t.expiredWaivers.lowercased())" }
        text += " (\(gateDescription(model.policy, t: t)))"
        return model.passed ? c.green(c.bold(text)) : c.red(c.bold(text))
    }
}

/// `threshold: high` / `drempel: hoog, ontbrekende informatie telt mee`.
func gateDescription(_ policy: GatePolicy, t: ReportTexts) -> String {
    let level = policy.failOn.threshold.map { t.severity($0) } ?? t.thresholdNever
    return "\(t.threshold): \(level)" + (policy.failOnUnknown ? ", \(t.unknownGates)" : "")
}

/// ANSI styling that collapses to plain text when disabled.
struct Colours {
    var enabled: Bool
    private func wrap(_ code: String, _ s: String) -> String { enabled ? "\u{1B}[\(code)m\(s)\u{1B}[0m" : s }
    func bold(_ s: String) -> String { wrap("1", s) }
    func red(_ s: String) -> String { wrap("31", s) }
    func green(_ s: String) -> String { wrap("32", s) }
    func yellow(_ s: String) -> String { wrap("33", s) }
    func blue(_ s: String) -> String { wrap("34", s) }
    func severity(_ s: Severity, _ text: String) -> String {
        switch s {
        case .critical, .high: red(text)
        case .medium: yellow(text)
        case .low, .info: blue(text)
        }
    }
}
