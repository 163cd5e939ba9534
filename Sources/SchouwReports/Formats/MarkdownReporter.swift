import Foundation
import SchouwResult

/// A Markdown report a CISO can hand on (renders on GitHub and GitLab, Mermaid diagram included).
/// Every value from the descriptor, rules or waivers is Markdown-escaped.
public struct MarkdownReporter: StreamingReporter {
    public static let format = "markdown"
    public static let summary = "report with scores, Mermaid data-flow diagram, findings, information needed, waivers"
    public init() {}

    /// The findings and the information needed are written while they are made, in blocks on
    /// every core: a city's report lists hundreds of thousands of them.
    public func stream(_ result: AuditResult, context: ReportContext, to sink: (Data) throws -> Void) throws {
        let t = ReportTexts.of(context.lang)
        let model = ReportModel(result, policy: context.gatePolicy(for: result))
        let m = Escape.markdown
        var values = t.templateLabels
        values["project"] = m(result.project.name)

        var meta: [(String, String)] = [(t.project, "\(m(result.project.name)) (\(Escape.markdownCode(result.project.id)))")]
        if let org = result.project.organisation { meta.append((t.organisation, m(org))) }
        if let phase = result.project.phase { meta.append((t.phase, m(t.projectPhase(phase)))) }
        meta.append((t.evaluatedAt, m(result.evaluatedAt)))
        meta.append((t.tool, m("\(result.tool.name) \(result.tool.version)")))
        meta.append((t.ruleset, "\(result.ruleset.rules) \(t.rules), sha256 \(Escape.markdownCode(String(result.ruleset.sha256.prefix(16))))"))
        if !result.ruleset.catalogues.isEmpty {
            meta.append((t.catalogues, result.ruleset.catalogues.sorted { $0.key < $1.key }.map { "\(m($0.key)) \(m($0.value))" }.joined(separator: ", ")))
        }
        meta.append((t.descriptor, "\(Escape.markdownCode(result.descriptor.path)), sha256 \(Escape.markdownCode(String(result.descriptor.sha256.prefix(16))))"))
        values["meta"] = meta.map { "| \($0.0) | \($0.1) |" }.joined(separator: "\n")

        values["verdict"] = "**\(t.verdict): \(model.passed ? t.passed : t.failed)** (\(gateDescription(model.policy, t: t)))"
        values["counts"] = counts(model, t: t)
        values["scores"] = scores(model, t: t)
        values["diagram"] = diagram(context: context, result: result, t: t)
        values["waivers"] = waivers(model, result: result, t: t)
        values["bio"] = bio(model, t: t)
        values["footer"] = "\(t.generatedBy) \(m(result.tool.name)) \(m(result.tool.version)) · \(m(result.evaluatedAt))"
        let sections: [String: TemplateSection] = [
            "findings": SectionWriter.section { try findings(model, t: t, to: &$0) },
            "informationNeeded": SectionWriter.section { try informationNeeded(model, t: t, to: &$0) },
        ]
        try Template.named("report.md").stream(values, sections: sections, to: sink)
    }

    private func counts(_ model: ReportModel, t: ReportTexts) -> String {
        let c = model.counts
        var rows = ["| | |", "| --- | ---: |"]
        rows.append("| \(t.findings) | \(c.totalFailures) |")
        for s in Severity.allCases.reversed() { rows.append("| — \(t.severity(s)) | \(c.fail[s]) |") }
        rows.append("| \(t.informationNeeded) | \(c.unknown) |")
        rows.append("| \(t.passes) | \(c.pass) |")
        rows.append("| \(t.waived) | \(c.waived) |")
        if c.expiredWaivers > 0 { rows.append("| \(t.expiredWaivers) | \(c.expiredWaivers) |") }
        rows.append("| \(t.notApplicable) | \(c.notApplicable) |")
        return rows.joined(separator: "\n")
    }

    private func scores(_ model: ReportModel, t: ReportTexts) -> String {
        guard !model.scores.isEmpty else { return "—" }
        var rows = ["| \(t.framework) | \(t.passes) | \(t.findings) | \(t.informationNeeded) | \(t.waived) | \(t.score) |",
                    "| --- | ---: | ---: | ---: | ---: | ---: |"]
        for s in model.scores {
            let score = s.percent.map { "\($0)%" } ?? "—"
            rows.append("| \(Escape.markdown(t.pack(s.pack))) | \(s.passed) | \(s.failed) | \(s.unknown) | \(s.waived) | \(score) |")
        }
        return t.scoresIntro + "\n\n" + rows.joined(separator: "\n")
    }

    private func diagram(context: ReportContext, result: AuditResult, t: ReportTexts) -> String {
        guard let descriptor = context.descriptor else { return "_\(t.diagramMissing)_" }
        let graph = DataFlowGraph(descriptor: descriptor, highlights: GraphHighlights(result: result))
        // A renderer that keeps Mermaid's default limits (`maxEdges`, `maxTextSize`) refuses a
        // larger diagram and shows an error in its place: a city's inventory is said to be too
        // large instead.
        guard graph.edges.count <= Self.mermaidMaxEdges else { return tooLarge(graph, t: t) }
        let mermaid = MermaidExporter.render(graph)
        guard mermaid.count <= Self.mermaidMaxTextSize else { return tooLarge(graph, t: t) }
        return "```mermaid\n" + mermaid + "```\n\n"
            + "_\(t.legendFailing): \(t.legendFailingStyle) · \(t.legendPersonal): \(t.legendPersonalStyle)_"
    }

    static let mermaidMaxEdges = 500
    static let mermaidMaxTextSize = 50_000

    private func tooLarge(_ graph: DataFlowGraph, t: ReportTexts) -> String {
        "_" + t.diagramTooLargeForMermaid(systems: graph.systems.count, flows: graph.edges.count) + "_"
    }

    private func location(_ outcome: Outcome) -> String? {
        outcome.location.map { Escape.markdownCode("\($0.file):\($0.line):\($0.column)") }
    }

    private func references(_ refs: [Reference]) -> String {
        refs.map { Escape.markdown(referenceLabel($0)) }.joined(separator: "; ")
    }

    /// Severity headings and findings, a blank line between any two.
    private func findings(_ model: ReportModel, t: ReportTexts, to out: inout SectionWriter) throws {
        guard !model.failures.isEmpty else { return try out.add(t.noFindings) }
        var first = true
        for severity in Severity.allCases.reversed() {
            let group = model.failures(severity)
            guard !group.isEmpty else { continue }
            try out.add((first ? "" : "\n\n") + "### \(t.severity(severity).capitalized) (\(group.count))")
            first = false
            let start = group.startIndex
            try out.addEntries(group.count, separator: "\n\n") { i in finding(group[start + i], model: model, t: t) }
        }
    }

    private func finding(_ o: Outcome, model: ReportModel, t: ReportTexts) -> String {
        let rule = model.rule(o.rule)
        var lines = ["#### \(Escape.markdown(o.rule)): \(Escape.markdown(rule?.title ?? o.rule))", ""]
        lines.append("- \(t.subject): \(t.subjectKind(o.subject.kind)) \(Escape.markdownCode(o.subject.id))"
                     + (o.subject.name.map { " (\(Escape.markdown($0)))" } ?? ""))
        lines.append("- \(t.waiverFinding): \(Escape.markdownCode(o.finding))")
        if let loc = location(o) { lines.append("- \(t.location): \(loc)") }
        lines.append("- \(Escape.markdown(o.message))")
        if let w = o.waiver, w.expired {
            lines.append("- **\(t.waiverExpired)**: \(t.waiverExpiredNote) \(Escape.markdown(w.expires)) (\(Escape.markdown(w.reason)); \(t.approvedBy.lowercased()) \(Escape.markdown(w.approvedBy)))")
        }
        if let rule, !rule.remediation.isEmpty { lines.append("- \(t.remediation): \(Escape.markdown(rule.remediation))") }
        if !o.references.isEmpty { lines.append("- \(t.references): \(references(o.references))") }
        if o.baseline == true { lines.append("- _\(t.baselineKnown)_") }
        return lines.joined(separator: "\n")
    }

    private func informationNeeded(_ model: ReportModel, t: ReportTexts, to out: inout SectionWriter) throws {
        guard !model.unknowns.isEmpty else { return try out.add(t.noInformationNeeded) }
        try out.add(t.informationNeededIntro + "\n\n")
        try out.add("| \(t.rule) | \(t.subject) | \(t.missingFacts) | \(t.location) |\n| --- | --- | --- | --- |")
        let unknowns = model.unknowns, start = unknowns.startIndex
        try out.addEntries(unknowns.count, separator: "\n") { i in
            let o = unknowns[start + i]
            let missing = o.missing.isEmpty ? Escape.markdown(o.message) : o.missing.map(Escape.markdownCode).joined(separator: ", ")
            return "| \(Escape.markdown(o.rule)) (\(t.severity(o.severity))) | \(t.subjectKind(o.subject.kind)) \(Escape.markdownCode(o.subject.id)) | \(missing) | \(location(o) ?? "—") |"
        }
    }

    private func waivers(_ model: ReportModel, result: AuditResult, t: ReportTexts) -> String {
        var out: [String] = []
        if model.waiverOutcomes.isEmpty {
            out.append(t.noWaivers)
        } else {
            var rows = ["| \(t.waiverFinding) | \(t.reason) | \(t.approvedBy) | \(t.expires) | \(t.ticket) | \(t.state) |",
                        "| --- | --- | --- | --- | --- | --- |"]
            for o in model.waiverOutcomes {
                guard let w = o.waiver else { continue }
                let state = w.expired ? "**\(t.waiverExpired)**" : t.waiverActive
                rows.append("| \(Escape.markdownCode(o.finding)) | \(Escape.markdown(w.reason)) | \(Escape.markdown(w.approvedBy)) | \(Escape.markdown(w.expires)) | \(w.ticket.map(Escape.markdown) ?? "—") | \(state) |")
            }
            out.append(rows.joined(separator: "\n"))
        }
        if !result.waiverNotes.isEmpty {
            out.append("### \(t.waiverNotesTitle)")
            out.append(result.waiverNotes.sorted { ($0.kind, $0.finding) < ($1.kind, $1.finding) }.map { note in
                var line = "- **\(t.waiverNoteKind(note.kind))** \(Escape.markdownCode(note.finding)): \(Escape.markdown(note.message))"
                if let loc = note.location { line += " (\(Escape.markdownCode("\(loc.file):\(loc.line):\(loc.column)")))" }
                return line
            }.joined(separator: "\n"))
        }
        return out.joined(separator: "\n\n")
    }

    private func bio(_ model: ReportModel, t: ReportTexts) -> String {
        guard !model.bio.isEmpty else { return t.noBIO }
        var rows = ["| \(t.measure) | \(t.passes) | \(t.findings) | \(t.informationNeeded) | \(t.waived) | \(t.rule) |",
                    "| --- | ---: | ---: | ---: | ---: | --- |"]
        for b in model.bio {
            rows.append("| \(Escape.markdown(frameworkName(b.framework))) \(Escape.markdown(b.ref)) | \(b.passed) | \(b.failed) | \(b.unknown) | \(b.waived) | \(b.rules.map(Escape.markdown).joined(separator: ", ")) |")
        }
        return t.bioIntro + "\n\n" + rows.joined(separator: "\n")
    }
}
