import Foundation
import SchouwConcurrency
import SchouwResult

/// Compact terminal report: failures grouped by severity, information needed, waivers, one verdict line.
/// Colour only when the context asks for it (the CLI does on a terminal without `NO_COLOR`).
public struct TextReporter: StreamingReporter {
    public static let format = "text"
    public static let summary = "compact report grouped by severity, ending with a one-line verdict (the default)"
    public init() {}

    /// Streams in pieces of about a megabyte: a city-wide audit's report runs to tens of megabytes,
    /// and building it whole before writing cost more in fresh memory pages than in formatting.
    public func stream(_ result: AuditResult, context: ReportContext, to sink: (Data) throws -> Void) throws {
        let model = ReportModel(result, policy: context.gatePolicy(for: result))
        let t = ReportTexts.of(context.lang)
        let c = Colours(enabled: context.colour)
        let e = Escape.terminal

        try SectionWriter.write(to: sink) { out in
            var header = "\(e(result.tool.name)) \(e(result.tool.version)) · \(e(result.project.name))"
            if let org = result.project.organisation { header += " (\(e(org)))" }
            header += " · \(e(result.evaluatedAt))"
            try out.addLine(c.bold(header))

            // A rule's remediation is the same for each of its findings: written once, after the
            // last of the rule's findings in a row (a city's report lists thousands per rule), and
            // escaped and encoded once.
            var remediations: [String: [UInt8]] = [:]
            if !model.failures.isEmpty {
                for rule in result.rules where remediations[rule.id] == nil {
                    remediations[rule.id] = Array(e(model.rule(rule.id)?.remediation ?? "").utf8)
                }
            }
            let remediationTexts = remediations
            let arrow = Array("    → ".utf8)
            for severity in Severity.allCases.reversed() {
                let group = model.failures(severity)
                guard !group.isEmpty else { continue }
                try out.addLine("")
                try out.addLine(c.severity(severity, c.bold("\(t.severity(severity).uppercased()) (\(group.count))")))
                // Fixed pieces of every entry as bytes: appending a string costs more than its bytes.
                let mark = Array(("  " + c.severity(severity, "✗") + " ").utf8), messageIndent = Array("\n    ".utf8)
                let newline = UInt8(ascii: "\n")
                try render(group, into: &out) { outcomes, positions, i, lines in
                    let p = positions[i]
                    lines.add(mark)
                    appendFinding(outcomes, p, to: &lines)
                    lines.add(messageIndent); lines.addEscaped(outcomes[p].message); lines.add(byte: newline)
                    if let waiver = outcomes[p].waiver, waiver.expired {
                        lines.append("    " + c.red("\(t.waiverExpiredNote) \(e(waiver.expires)): \(e(waiver.reason))"))
                    }
                    let rule = outcomes[p].rule
                    if i + 1 < positions.endIndex, outcomes[positions[i + 1]].rule == rule { return }
                    guard let remediation = remediationTexts[rule], !remediation.isEmpty else { return }
                    var first = i
                    while first > positions.startIndex, outcomes[positions[first - 1]].rule == rule { first -= 1 }
                    lines.add(arrow)
                    if first < i { lines.addEscaped(t.remediationForFindings(count: i - first + 1, rule: rule) + ": ") }
                    lines.add(remediation); lines.add(byte: newline)
                }
            }
            if !model.unknowns.isEmpty {
                try out.addLine("")
                try out.addLine(c.yellow(c.bold("\(t.informationNeeded.uppercased()) (\(model.unknowns.count))")))
                let missingLabel = Array("    \(t.missingFacts): ".utf8), mark = Array("  ? ".utf8)
                let separator = Array(", ".utf8), newline = UInt8(ascii: "\n")
                try render(model.unknowns, into: &out) { outcomes, positions, i, lines in
                    let p = positions[i]
                    lines.add(mark)
                    appendFinding(outcomes, p, to: &lines)
                    lines.add(byte: newline)
                    outcomes[p].withMissingInPlace { missing in
                        guard !missing.isEmpty else { return }
                        lines.add(missingLabel)
                        for (i, fact) in missing.enumerated() {
                            if i > 0 { lines.add(separator) }
                            lines.addEscaped(fact)
                        }
                        lines.add(byte: newline)
                    }
                }
            }
            if !model.waiverOutcomes.isEmpty {
                try out.addLine("")
                try out.addLine(c.bold("\(t.waiversTitle.uppercased()) (\(model.waiverOutcomes.count))"))
                for outcome in model.waiverOutcomes {
                    guard let w = outcome.waiver else { continue }
                    let state = w.expired ? c.red(t.waiverExpired) : t.waiverActive
                    var line = "  ~ \(e(outcome.finding)) · \(t.expires.lowercased()) \(e(w.expires)) [\(state)] · \(t.approvedBy.lowercased()) \(e(w.approvedBy))"
                    if let ticket = w.ticket { line += " · \(t.ticket.lowercased()) \(e(ticket))" }
                    try out.addLine(line)
                    try out.addLine("    \(t.reason): \(e(w.reason))")
                }
            }
            if !result.waiverNotes.isEmpty {
                try out.addLine("")
                try out.addLine(c.bold(t.waiverNotesTitle.uppercased()))
                for note in result.waiverNotes.sorted(by: { ($0.kind, $0.finding) < ($1.kind, $1.finding) }) {
                    var line = "  ! \(t.waiverNoteKind(note.kind)): \(e(note.finding)) · \(e(note.message))"
                    if let loc = note.location { line += " (\(e(loc.file)):\(loc.line):\(loc.column))" }
                    try out.addLine(line)
                }
            }
            try out.addLine("")
            try out.addLine(verdictLine(model, t: t, c: c))
        }
    }

    /// Renders one entry per outcome, in order. A city-wide audit lists a hundred thousand entries:
    /// they are rendered in blocks on every core and written in order as they are ready. `entry`
    /// reads the outcome at `positions[i]` where it lies (a copy per entry took and dropped counts
    /// on the parts all outcomes of a rule share, which both cores then contended for), and may
    /// look at its neighbours in the list.
    private func render(_ list: OutcomeList, into out: inout SectionWriter,
                        _ entry: (UnsafeBufferPointer<Outcome>, ArraySlice<Int>, Int, inout Lines) -> Void) throws {
        try list.withOutcomesInPlace { outcomes, positions in
            let base = positions.startIndex
            try out.addBlocks(positions.count, block: 2_048) { range in
                var piece = Lines(capacity: 256 * range.count)
                for i in (base + range.lowerBound)..<(base + range.upperBound) { entry(outcomes, positions, i, &piece) }
                return piece.takeBytes()
            }
        }
    }

    /// A block of entries' bytes, appended as UTF-8 rather than to a `String` (whose appends cost
    /// hundreds of instructions each).
    private struct Lines: ~Copyable {
        private var bytes: ByteBuffer

        init(capacity: Int) { bytes = ByteBuffer(capacity: capacity) }

        consuming func takeBytes() -> [UInt8] { bytes.takeArray() }

        mutating func add(_ text: String) {
            var text = text
            text.withUTF8 { bytes.append($0) }
        }

        /// `text` with controls made visible (`Escape.terminal`), appended without making a new
        /// string when it holds none, as nearly every text does.
        mutating func addEscaped(_ text: String) {
            let appended = text.utf8.withContiguousStorageIfAvailable { utf8 -> Bool in
                guard !SteeringCharacters.mayOccur(inUTF8: utf8, keepNewlines: false) else { return false }
                bytes.append(utf8)
                return true
            }
            if appended != true { add(Escape.terminal(text)) }
        }

        mutating func add(byte: UInt8) { bytes.append(byte) }

        /// A fixed piece of every entry, read where it lies: appending the array itself took a
        /// count on it, and both cores render entries with the same pieces at once.
        @inline(__always)
        mutating func add(_ piece: borrowing [UInt8]) {
            piece.withUnsafeBufferPointer { bytes.append($0) }
        }

        /// A line or column number, written as digits without making a string: into a buffer on
        /// the stack, then appended at once (two numbers per entry of a report of 400,000 lines).
        mutating func add(_ number: Int) {
            guard number >= 0 else { add(String(number)); return }
            var digits: (UInt64, UInt64, UInt64) = (0, 0, 0)
            withUnsafeMutableBytes(of: &digits) { buffer in
                var position = buffer.count, rest = number
                repeat {
                    position -= 1
                    buffer[position] = UInt8(ascii: "0") + UInt8(rest % 10)
                    rest /= 10
                } while rest > 0
                bytes.append(UnsafeRawBufferPointer(rebasing: buffer[position...]))
            }
        }

        mutating func append(_ line: String) {
            add(line)
            bytes.append(UInt8(ascii: "\n"))
        }

    }

    /// `RULE kind:id  file:line:col`.
    private func appendFinding(_ outcomes: UnsafeBufferPointer<Outcome>, _ p: Int, to lines: inout Lines) {
        let subject = outcomes[p].subject
        let space = UInt8(ascii: " "), colon = UInt8(ascii: ":")
        lines.addEscaped(outcomes[p].rule); lines.add(byte: space); lines.addEscaped(subject.kind); lines.add(byte: colon)
        lines.addEscaped(subject.id)
        if let loc = outcomes[p].location {
            lines.add(byte: space); lines.add(byte: space); lines.addEscaped(loc.file)
            lines.add(byte: colon); lines.add(loc.line); lines.add(byte: colon); lines.add(loc.column)
        }
    }

    private func verdictLine(_ model: ReportModel, t: ReportTexts, c: Colours) -> String {
        let counts = model.counts
        let perSeverity = Severity.allCases.reversed().map { "\(counts.fail[$0]) \(t.severity($0))" }.joined(separator: ", ")
        var text = "\(model.passed ? t.passed : t.failed): \(t.findings.lowercased()) \(perSeverity)"
        text += " · \(counts.unknown) \(t.informationNeeded.lowercased()) · \(counts.pass) \(t.passes.lowercased())"
        text += " · \(counts.waived) \(t.waived.lowercased())"
        if counts.expiredWaivers > 0 {
            let noun = counts.expiredWaivers == 1 ? t.expiredWaiver : t.expiredWaivers
            text += " · \(counts.expiredWaivers) \(noun.lowercased())"
        }
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
