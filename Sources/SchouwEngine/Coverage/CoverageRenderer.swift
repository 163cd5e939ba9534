import Foundation
import SchouwResult

/// Renders a coverage report as an aligned text table, as Markdown for a statement of applicability,
/// or as canonical JSON.
public enum CoverageRenderer {
    public enum Format: String, Sendable, CaseIterable {
        case text, json, markdown
    }

    public static func render(_ report: CoverageReport, format: Format) throws -> Data {
        switch format {
        case .json: try CanonicalJSON.encode(report)
        case .text: Data(text(report).utf8)
        case .markdown: Data(markdown(report).utf8)
        }
    }

    // MARK: text

    /// Rule ids per line in the text table; longer lists continue on the next line.
    static let rulesColumnWidth = 40

    public static func text(_ report: CoverageReport) -> String {
        let w = Words(report.lang)
        let header = [w.id, w.status, w.rules, w.title]
        var rows: [[String]] = []
        for item in report.items {
            let ruleLines = wrap(item.rules, width: rulesColumnWidth)
            rows.append([item.id, item.status.rawValue, ruleLines.first ?? "-", item.title])
            for more in ruleLines.dropFirst() { rows.append(["", "", more, ""]) }
        }
        var widths = header.map(\.count)
        for row in rows { for (i, cell) in row.enumerated().dropLast() { widths[i] = max(widths[i], cell.count) } }
        func line(_ cells: [String]) -> String {
            let text = cells.enumerated().map { i, cell in
                i == cells.count - 1 ? cell : cell.padding(toLength: widths[i] + 2, withPad: " ", startingAt: 0)
            }.joined()
            return String(text.reversed().drop { $0 == " " }.reversed()) + "\n"
        }
        var out = "\(catalogueName(report)): \(w.coverageBy)\n\n"
        out += line(header)
        for row in rows { out += line(row) }
        out += "\n" + summaryLine(report) + "\n"
        if !report.notes.isEmpty {
            out += "\n\(w.notesHeading):\n"
            let ruleWidth = report.notes.map(\.rule.count).max() ?? 0
            let refWidth = report.notes.map(\.ref.count).max() ?? 0
            for n in report.notes {
                out += "  " + n.rule.padding(toLength: ruleWidth + 2, withPad: " ", startingAt: 0)
                    + n.ref.padding(toLength: refWidth + 2, withPad: " ", startingAt: 0)
                    + n.kind.rawValue + ": " + n.reason + "\n"
            }
        }
        return out
    }

    /// Comma-separated ids in lines of at most `width` characters (a longer id gets a line of its own).
    static func wrap(_ ids: [String], width: Int) -> [String] {
        var lines: [String] = []
        var current = ""
        for id in ids {
            let candidate = current.isEmpty ? id : current + "," + id
            if candidate.count > width, !current.isEmpty {
                lines.append(current + ",")
                current = id
            } else {
                current = candidate
            }
        }
        if !current.isEmpty { lines.append(current) }
        return lines
    }

    /// `117 measures: 48 automated (41.0%), 69 manual`, plus the source rows left out.
    public static func summaryLine(_ report: CoverageReport) -> String {
        let w = Words(report.lang)
        let s = report.summary
        var line = "\(s.items) \(w.items(report.framework)): \(s.automated) \(w.automated) (\(s.percentText)%), \(s.manual) \(w.manual)"
        let left = report.catalogue.entries - report.catalogue.listed
        if left > 0 { line += "; " + w.leftOut(left, report.framework) }
        return line
    }

    // MARK: markdown

    public static func markdown(_ report: CoverageReport) -> String {
        let w = Words(report.lang)
        let withLevel = report.items.contains { $0.level != nil }
        var out = "## \(w.vvtHeading): \(catalogueName(report))\n\n"
        out += w.intro(rules: report.ruleset.rules, digest: String(report.ruleset.sha256.prefix(12))) + "\n\n"
        out += "**" + summaryLine(report) + ".**\n\n"
        var header = [w.idHeading(report.framework), w.titleHeading]
        if withLevel { header.append(w.levelHeading(report.framework)) }
        header += [w.assessment, w.rulesHeading, w.applicable, w.explanation]
        out += "| " + header.joined(separator: " | ") + " |\n"
        out += "|" + String(repeating: " --- |", count: header.count) + "\n"
        for item in report.items {
            var cells = [item.id, item.title]
            if withLevel { cells.append(item.level ?? "") }
            cells += [item.status == .automated ? w.automatedCell : w.manualCell,
                      item.rules.joined(separator: ", "), "", ""]
            out += "| " + cells.map(cell).joined(separator: " | ") + " |\n"
        }
        if !report.notes.isEmpty {
            out += "\n### \(w.notesHeading)\n\n| \(w.ruleHeading) | \(w.reference) | \(w.kind) | \(w.reason) |\n| --- | --- | --- | --- |\n"
            for n in report.notes {
                out += "| " + [n.rule, n.ref, n.kind.rawValue, n.reason].map(cell).joined(separator: " | ") + " |\n"
            }
        }
        out += "\n\(w.sourceLabel): \(report.catalogue.source).\n"
        return out
    }

    /// `BIO2 overheidsmaatregelen v1.3`, `AVG (EU) 2016/679`.
    static func catalogueName(_ report: CoverageReport) -> String {
        let v = report.catalogue.version
        return report.catalogue.name + (v.isEmpty ? "" : v.first?.isNumber == true ? " v" + v : " " + v)
    }

    /// A table cell: one line, pipes escaped.
    static func cell(_ text: String) -> String {
        text.split(whereSeparator: \.isNewline).joined(separator: " ").replacingOccurrences(of: "|", with: "\\|")
    }
}

/// The report's words in Dutch or English.
private struct Words {
    let en: Bool
    init(_ lang: String) { en = lang == "en" }

    var id: String { "id" }
    var status: String { "status" }
    var rules: String { en ? "rules" : "regels" }
    var title: String { en ? "title" : "omschrijving" }
    var coverageBy: String { en ? "coverage by the schouw rules" : "dekking door de regels van schouw" }
    var automated: String { en ? "automated" : "geautomatiseerd" }
    var manual: String { en ? "manual" : "handmatig" }
    var titleHeading: String { en ? "Description" : "Omschrijving" }
    var notesHeading: String {
        en ? "References that do not land on a listed item" : "Verwijzingen die niet op een opgenomen onderdeel vallen"
    }
    var vvtHeading: String { en ? "Statement of applicability" : "Verklaring van toepasselijkheid" }
    var assessment: String { en ? "Assessment" : "Toetsing" }
    var rulesHeading: String { en ? "schouw rules" : "Regels (schouw)" }
    var applicable: String { en ? "Applicable" : "Toepasselijk" }
    var explanation: String { en ? "Explanation / evidence" : "Toelichting / bewijs" }
    var automatedCell: String { en ? "automated (schouw)" : "geautomatiseerd (schouw)" }
    var manualCell: String { en ? "manual" : "handmatig" }
    var ruleHeading: String { en ? "Rule" : "Regel" }
    var reference: String { en ? "Reference" : "Verwijzing" }
    var kind: String { en ? "Kind" : "Soort" }
    var reason: String { en ? "Reason" : "Reden" }
    var sourceLabel: String { en ? "Source of the catalogue" : "Bron van de catalogus" }

    func idHeading(_ framework: String) -> String {
        switch framework {
        case "avg": en ? "Article" : "Artikel"
        case "bio-cloud": "Control"
        default: en ? "Measure" : "Maatregel"
        }
    }

    func levelHeading(_ framework: String) -> String {
        switch framework {
        case "bio-1.04": "BBN"
        case "bio2": en ? "Contributes to (v1.2)" : "Draagt bij aan (v1.2)"
        default: en ? "Level" : "Niveau"
        }
    }

    func items(_ framework: String) -> String {
        switch framework {
        case "avg": en ? "articles" : "artikelen"
        case "bio-cloud": en ? "controls" : "controls"
        default: en ? "measures" : "maatregelen"
        }
    }

    func leftOut(_ n: Int, _ framework: String) -> String {
        switch framework {
        case "bio2":
            en ? "\(n) ids of the source without an active overheidsmaatregel are not listed"
               : "\(n) ids in de bron zonder actieve overheidsmaatregel zijn niet opgenomen"
        case "bio-1.04":
            en ? "\(n) controls without a government measure (\"conform norm\") are not listed"
               : "\(n) beheersmaatregelen zonder overheidsmaatregel (\"conform norm\") zijn niet opgenomen"
        default:
            en ? "\(n) entries are not listed" : "\(n) onderdelen zijn niet opgenomen"
        }
    }

    func intro(rules: Int, digest: String) -> String {
        en ? "Which items the \(rules) schouw rules (rule set \(digest)) check automatically in every audit, and which are assessed by hand. "
            + "Fill in the last two columns; an automated check covers only what the project descriptor states, so record the evidence as well."
           : "Welke onderdelen de \(rules) regels van schouw (regelset \(digest)) bij elke audit geautomatiseerd toetsen, en welke handmatig worden beoordeeld. "
            + "Vul de laatste twee kolommen in; een geautomatiseerde toets dekt alleen wat de projectbeschrijving vastlegt, dus leg ook het bewijs vast."
    }
}
