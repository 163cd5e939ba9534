import Foundation
import SchouwResult

/// One self-contained HTML file: inline CSS and SVG, no scripts, no network (a Content-Security-Policy
/// forbids loading anything), readable on a phone and printable on A4. Every value from the
/// descriptor, rules or waivers is entity-escaped.
public struct HTMLReporter: StreamingReporter {
    public static let format = "html"
    public static let summary = "self-contained HTML report (inline SVG diagram, print and phone layouts)"
    public init() {}

    /// The findings and the information needed are written while they are made, in blocks on
    /// every core: a city's report lists hundreds of thousands of them.
    public func stream(_ result: AuditResult, context: ReportContext, to sink: (Data) throws -> Void) throws {
        let t = ReportTexts.of(context.lang)
        let model = ReportModel(result, policy: context.gatePolicy(for: result))
        let h = { (s: String) in Escape.xml(s) }
        var values = t.templateLabels
        values["lang"] = context.lang.rawValue
        values["generator"] = h("\(result.tool.name) \(result.tool.version)")
        values["css"] = try Template.named("report.css").text
        values["project"] = h(result.project.name)
        values["organisation"] = h(result.project.organisation ?? "")

        var meta: [(String, String)] = [(t.project, "<code>\(h(result.project.id))</code>")]
        if let phase = result.project.phase { meta.append((t.phase, h(t.projectPhase(phase)))) }
        meta.append((t.evaluatedAt, h(result.evaluatedAt)))
        meta.append((t.tool, h("\(result.tool.name) \(result.tool.version)")))
        meta.append((t.ruleset, "\(result.ruleset.rules) \(t.rules), sha256 <code>\(h(String(result.ruleset.sha256.prefix(16))))</code>"))
        if !result.ruleset.catalogues.isEmpty {
            meta.append((t.catalogues, result.ruleset.catalogues.sorted { $0.key < $1.key }.map { h("\($0.key) \($0.value)") }.joined(separator: ", ")))
        }
        meta.append((t.descriptor, "<code>\(h(result.descriptor.path))</code>, sha256 <code>\(h(String(result.descriptor.sha256.prefix(16))))</code>"))
        values["meta"] = meta.map { "    <dt>\($0.0)</dt><dd>\($0.1)</dd>" }.joined(separator: "\n")
        values["verdict"] = "\(t.verdict): \(model.passed ? t.passed : t.failed)"
        values["verdictClass"] = model.passed ? "passed" : "failed"
        values["gate"] = h(gateDescription(model.policy, t: t))
        values["counts"] = counts(model, t: t)
        values["scores"] = scores(model, t: t)
        values["diagram"] = diagram(context: context, result: result, t: t)
        values["waivers"] = waivers(model, result: result, t: t)
        values["bio"] = bio(model, t: t)
        values["footer"] = h("\(t.generatedBy) \(result.tool.name) \(result.tool.version) · \(result.evaluatedAt)")
        let sections: [String: TemplateSection] = [
            "findings": SectionWriter.section { try findings(model, t: t, to: &$0) },
            "informationNeeded": SectionWriter.section { try informationNeeded(model, t: t, to: &$0) },
        ]
        try Template.named("report.html").stream(values, sections: sections, to: sink)
    }

    private func counts(_ model: ReportModel, t: ReportTexts) -> String {
        let c = model.counts
        var out = "<div class=\"cards\">\n"
        out += "<div class=\"card fail\"><span class=\"n\">\(c.totalFailures)</span>\(t.findings)</div>\n"
        out += "<div class=\"card unknown\"><span class=\"n\">\(c.unknown)</span>\(t.informationNeeded)</div>\n"
        out += "<div class=\"card pass\"><span class=\"n\">\(c.pass)</span>\(t.passes)</div>\n"
        out += "<div class=\"card\"><span class=\"n\">\(c.waived)</span>\(t.waived)"
        if c.expiredWaivers > 0 { out += " <span class=\"badge\">\(c.expiredWaivers) \(t.waiverExpired)</span>" }
        out += "</div>\n"
        out += "<div class=\"card\"><span class=\"n\">\(c.notApplicable)</span>\(t.notApplicable)</div>\n</div>\n"
        out += "<ul class=\"chips\">"
        for s in Severity.allCases.reversed() {
            out += "<li class=\"chip sev-\(s.rawValue)\">\(c.fail[s]) \(t.severity(s))</li>"
        }
        return out + "</ul>"
    }

    private func scores(_ model: ReportModel, t: ReportTexts) -> String {
        guard !model.scores.isEmpty else { return "<p>—</p>" }
        var out = "<p class=\"note\">\(Escape.xml(t.scoresIntro))</p>\n<div class=\"table-wrap\"><table>\n"
        out += "<thead><tr><th>\(t.framework)</th><th class=\"num\">\(t.passes)</th><th class=\"num\">\(t.findings)</th><th class=\"num\">\(t.informationNeeded)</th><th class=\"num\">\(t.waived)</th><th class=\"num\">\(t.score)</th><th></th></tr></thead>\n<tbody>\n"
        for s in model.scores {
            let percent = s.percent.map { "\($0)%" } ?? "—"
            out += "<tr><td>\(Escape.xml(t.pack(s.pack)))</td><td class=\"num\">\(s.passed)</td><td class=\"num\">\(s.failed)</td><td class=\"num\">\(s.unknown)</td><td class=\"num\">\(s.waived)</td><td class=\"num\">\(percent)</td>"
            out += "<td><div class=\"bar\"><span style=\"width: \(s.percent ?? 0)%\"></span></div></td></tr>\n"
        }
        return out + "</tbody></table></div>"
    }

    private func diagram(context: ReportContext, result: AuditResult, t: ReportTexts) -> String {
        guard let descriptor = context.descriptor else {
            return "<p class=\"note\">\(Escape.xml(t.diagramMissing))</p>"
        }
        let graph = DataFlowGraph(descriptor: descriptor, highlights: GraphHighlights(result: result))
        var markup = "<div class=\"diagram\">\n"
        SVGExporter.render(graph, legend: (t.legendFailing, t.legendPersonal), appendingTo: &markup)
        markup += "</div>"
        return markup
    }

    private func location(_ o: Outcome) -> String? {
        o.location.map { "<code>\(Escape.xml("\($0.file):\($0.line):\($0.column)"))</code>" }
    }

    private func references(_ refs: [Reference]) -> String {
        refs.map { Escape.xml(referenceLabel($0)) }.joined(separator: "; ")
    }

    private func findings(_ model: ReportModel, t: ReportTexts, to out: inout SectionWriter) throws {
        guard !model.failures.isEmpty else { return try out.add("<p>\(t.noFindings)</p>") }
        for severity in Severity.allCases.reversed() {
            let group = model.failures(severity)
            guard !group.isEmpty else { continue }
            try out.add("<h3 class=\"sev sev-\(severity.rawValue)\">\(t.severity(severity).capitalized) (\(group.count))</h3>\n")
            let first = group.startIndex
            try out.addEntries(group.count) { i in finding(group[first + i], severity: severity, model: model, t: t) }
        }
    }

    private func finding(_ o: Outcome, severity: Severity, model: ReportModel, t: ReportTexts) -> String {
        let rule = model.rule(o.rule)
        var out = "<article class=\"finding sev-\(severity.rawValue)\">\n"
        out += "<h4><span class=\"rule-id\">\(Escape.xml(o.rule))</span>\(Escape.xml(rule?.title ?? o.rule))"
        if o.hasExpiredWaiver { out += " <span class=\"badge\">\(t.waiverExpired)</span>" }
        out += "</h4>\n<p class=\"message\">\(Escape.xml(o.message))</p>\n<dl>\n"
        var subject = "\(t.subjectKind(o.subject.kind)) <code>\(Escape.xml(o.subject.id))</code>"
        if let name = o.subject.name { subject += " (\(Escape.xml(name)))" }
        out += "<dt>\(t.subject)</dt><dd>\(subject)</dd>\n"
        out += "<dt>\(t.waiverFinding)</dt><dd><code>\(Escape.xml(o.finding))</code></dd>\n"
        if let loc = location(o) { out += "<dt>\(t.location)</dt><dd>\(loc)</dd>\n" }
        if let w = o.waiver, w.expired {
            out += "<dt>\(t.waiverExpired)</dt><dd>\(t.waiverExpiredNote) \(Escape.xml(w.expires)): \(Escape.xml(w.reason)) (\(t.approvedBy.lowercased()) \(Escape.xml(w.approvedBy)))</dd>\n"
        }
        if let rule, !rule.remediation.isEmpty { out += "<dt>\(t.remediation)</dt><dd>\(Escape.xml(rule.remediation))</dd>\n" }
        if !o.references.isEmpty { out += "<dt>\(t.references)</dt><dd>\(references(o.references))</dd>\n" }
        if o.baseline == true { out += "<dt></dt><dd class=\"note\">\(t.baselineKnown)</dd>\n" }
        return out + "</dl>\n</article>\n"
    }

    private func informationNeeded(_ model: ReportModel, t: ReportTexts, to out: inout SectionWriter) throws {
        guard !model.unknowns.isEmpty else { return try out.add("<p>\(t.noInformationNeeded)</p>") }
        try out.add("<p class=\"note\">\(t.informationNeededIntro)</p>\n<div class=\"table-wrap\"><table>\n")
        try out.add("<thead><tr><th>\(t.rule)</th><th>\(t.subject)</th><th>\(t.missingFacts)</th><th>\(t.location)</th></tr></thead>\n<tbody>\n")
        let unknowns = model.unknowns, first = unknowns.startIndex
        try out.addEntries(unknowns.count) { i in
            let o = unknowns[first + i]
            let missing = o.missing.isEmpty ? Escape.xml(o.message) : o.missing.map { "<code>\(Escape.xml($0))</code>" }.joined(separator: ", ")
            let title = model.rule(o.rule).map { " " + Escape.xml($0.title) } ?? ""
            return "<tr><td><strong>\(Escape.xml(o.rule))</strong>\(title) <span class=\"chip sev-\(o.severity.rawValue)\">\(t.severity(o.severity))</span></td>"
                + "<td>\(t.subjectKind(o.subject.kind)) <code>\(Escape.xml(o.subject.id))</code></td><td>\(missing)</td><td>\(location(o) ?? "—")</td></tr>\n"
        }
        try out.add("</tbody></table></div>")
    }

    private func waivers(_ model: ReportModel, result: AuditResult, t: ReportTexts) -> String {
        var out = ""
        if model.waiverOutcomes.isEmpty {
            out += "<p>\(t.noWaivers)</p>\n"
        } else {
            out += "<div class=\"table-wrap\"><table>\n<thead><tr><th>\(t.waiverFinding)</th><th>\(t.reason)</th><th>\(t.approvedBy)</th><th>\(t.expires)</th><th>\(t.ticket)</th><th>\(t.state)</th></tr></thead>\n<tbody>\n"
            for o in model.waiverOutcomes {
                guard let w = o.waiver else { continue }
                let state = w.expired ? "<span class=\"badge\">\(t.waiverExpired)</span>" : "<span class=\"badge ok\">\(t.waiverActive)</span>"
                out += "<tr\(w.expired ? " class=\"expired\"" : "")><td><code>\(Escape.xml(o.finding))</code></td><td>\(Escape.xml(w.reason))</td><td>\(Escape.xml(w.approvedBy))</td><td>\(Escape.xml(w.expires))</td><td>\(w.ticket.map { Escape.xml($0) } ?? "—")</td><td>\(state)</td></tr>\n"
            }
            out += "</tbody></table></div>\n"
        }
        if !result.waiverNotes.isEmpty {
            out += "<h3>\(t.waiverNotesTitle)</h3>\n<ul>\n"
            for note in result.waiverNotes.sorted(by: { ($0.kind, $0.finding) < ($1.kind, $1.finding) }) {
                out += "<li><strong>\(Escape.xml(t.waiverNoteKind(note.kind)))</strong> <code>\(Escape.xml(note.finding))</code>: \(Escape.xml(note.message))"
                if let loc = note.location { out += " (<code>\(Escape.xml("\(loc.file):\(loc.line):\(loc.column)"))</code>)" }
                out += "</li>\n"
            }
            out += "</ul>\n"
        }
        return out
    }

    private func bio(_ model: ReportModel, t: ReportTexts) -> String {
        guard !model.bio.isEmpty else { return "<p>\(t.noBIO)</p>" }
        var out = "<p class=\"note\">\(t.bioIntro)</p>\n<div class=\"table-wrap\"><table>\n"
        out += "<thead><tr><th>\(t.measure)</th><th class=\"num\">\(t.passes)</th><th class=\"num\">\(t.findings)</th><th class=\"num\">\(t.informationNeeded)</th><th class=\"num\">\(t.waived)</th><th>\(t.rule)</th></tr></thead>\n<tbody>\n"
        for b in model.bio {
            out += "<tr><td>\(Escape.xml("\(frameworkName(b.framework)) \(b.ref)"))</td><td class=\"num\">\(b.passed)</td><td class=\"num\">\(b.failed)</td><td class=\"num\">\(b.unknown)</td><td class=\"num\">\(b.waived)</td><td>\(b.rules.map { Escape.xml($0) }.joined(separator: ", "))</td></tr>\n"
        }
        return out + "</tbody></table></div>"
    }
}
