import Foundation
import SchouwResult

/// Fixed texts of the score report in Dutch and English.
struct ScoreStrings {
    var title, passed, failed, coverage, theme, items, open, notScored, knockOutsFailed, unanswered,
        evidenceMissing, unknownItems, none, noAnswer: String

    static func `for`(_ language: ChecklistLanguage) -> ScoreStrings {
        switch language {
        case .nl:
            ScoreStrings(title: "Score van de antwoorden van de leverancier",
                         passed: "Resultaat: alle knock-outcriteria gehaald",
                         failed: "Resultaat: knock-outcriteria niet gehaald",
                         coverage: "Dekking", theme: "Thema", items: "Eisen", open: "open",
                         notScored: "n.v.t.",
                         knockOutsFailed: "Knock-outcriteria niet gehaald",
                         unanswered: "Onbeantwoord", evidenceMissing: "Bewijs ontbreekt (ja of deels zonder bewijs)",
                         unknownItems: "Onbekende ids in het antwoordbestand (genegeerd)",
                         none: "geen", noAnswer: "geen antwoord")
        case .en:
            ScoreStrings(title: "Score of the supplier's answers",
                         passed: "Result: all knock-out criteria met",
                         failed: "Result: knock-out criteria not met",
                         coverage: "Coverage", theme: "Theme", items: "Items", open: "open",
                         notScored: "n.a.",
                         knockOutsFailed: "Knock-out criteria not met",
                         unanswered: "Unanswered", evidenceMissing: "Evidence missing (yes or partly without evidence)",
                         unknownItems: "Unknown ids in the answer file (ignored)",
                         none: "none", noAnswer: "no answer")
        }
    }
}

extension ChecklistScore {
    /// "62.5%" in English, "62,5%" in Dutch.
    static func percentText(_ coverage: Coverage, _ language: ChecklistLanguage, _ s: ScoreStrings) -> String {
        guard let percent = coverage.percent else { return s.notScored }
        let tenths = Int((percent * 10).rounded())
        let text = "\(tenths / 10)\(language == .nl ? "," : ".")\(tenths % 10)%"
        return text
    }

    /// Plain text for a terminal.
    public func text(language: ChecklistLanguage) -> String {
        let s = ScoreStrings.for(language)
        let strings = ChecklistStrings.for(language)
        let values = strings.answerValues
        var out = "\(s.title)\n\n\(passed ? s.passed : s.failed)\n"
        out += "\(s.coverage): \(Self.percentText(total, language, s))\n\n"
        let header = [s.theme, s.items] + values + [s.open, s.coverage]
        var table = [header]
        for entry in themes {
            table.append(row(strings.theme(entry.theme), entry.coverage, language, s))
        }
        table.append(row(strings.total, total, language, s))
        let widths = (0..<header.count).map { column in table.map { $0[column].count }.max() ?? 0 }
        for line in table {
            let cells = line.enumerated().map { index, cell in
                index == 0 ? cell.padding(toLength: widths[index], withPad: " ", startingAt: 0)
                    : String(repeating: " ", count: widths[index] - cell.count) + cell
            }
            out += cells.joined(separator: "  ") + "\n"
        }
        out += section(s.knockOutsFailed, knockOutsFailed, language, s)
        out += section(s.unanswered, unanswered, language, s)
        out += section(s.evidenceMissing, evidenceMissing, language, s)
        if !unknownItems.isEmpty {
            out += "\n\(s.unknownItems) (\(unknownItems.count)):\n"
            for id in unknownItems { out += "  \(Self.oneLine(id))\n" }
        }
        return out
    }

    /// Markdown for a tender file or an assessment report.
    public func markdown(language: ChecklistLanguage) -> String {
        let s = ScoreStrings.for(language)
        let strings = ChecklistStrings.for(language)
        var out = "# \(s.title)\n\n**\(passed ? s.passed : s.failed)**\n\n"
        out += "\(s.coverage): \(Self.percentText(total, language, s))\n\n"
        let header = [s.theme, s.items] + strings.answerValues + [s.open, s.coverage]
        out += "| " + header.joined(separator: " | ") + " |\n"
        out += "| --- |" + String(repeating: " ---: |", count: header.count - 1) + "\n"
        for entry in themes {
            out += "| " + row(strings.theme(entry.theme), entry.coverage, language, s).joined(separator: " | ") + " |\n"
        }
        out += "| " + row("**\(strings.total)**", total, language, s).joined(separator: " | ") + " |\n"
        for (title, notes) in [(s.knockOutsFailed, knockOutsFailed), (s.unanswered, unanswered), (s.evidenceMissing, evidenceMissing)] {
            out += "\n## \(title) (\(notes.count))\n\n"
            if notes.isEmpty { out += "\(s.none)\n"; continue }
            for note in notes {
                out += "- **\(MarkdownText.escape(note.id))** (\(note.answer?.label(language) ?? s.noAnswer)): \(MarkdownText.escape(Self.oneLine(note.requirement)))\n"
            }
        }
        if !unknownItems.isEmpty {
            out += "\n## \(s.unknownItems)\n\n"
            for id in unknownItems { out += "- \(MarkdownText.escape(id))\n" }
        }
        return out
    }

    /// Canonical JSON (sorted keys).
    public func json() throws -> Data { try CanonicalJSON.encode(self) }

    private func row(_ label: String, _ coverage: Coverage, _ language: ChecklistLanguage, _ s: ScoreStrings) -> [String] {
        [label, String(coverage.items), String(coverage.yes), String(coverage.partly), String(coverage.no),
         String(coverage.notApplicable), String(coverage.unanswered), Self.percentText(coverage, language, s)]
    }

    private func section(_ title: String, _ notes: [ItemNote], _ language: ChecklistLanguage, _ s: ScoreStrings) -> String {
        var out = "\n\(title) (\(notes.count))\(notes.isEmpty ? ": \(s.none)" : ":")\n"
        for note in notes {
            out += "  \(Self.oneLine(note.id))  [\(note.answer?.label(language) ?? s.noAnswer)]  \(Self.shorten(Self.oneLine(note.requirement)))\n"
        }
        return out
    }

    /// Answer files are hostile: control characters (terminal escapes) and line breaks are flattened.
    static func oneLine(_ text: String) -> String {
        String(String.UnicodeScalarView(text.unicodeScalars.map { scalar in
            scalar.properties.generalCategory == .control || scalar == "\u{2028}" || scalar == "\u{2029}" ? " " : scalar
        }))
    }

    static func shorten(_ text: String, to limit: Int = 100) -> String {
        text.count <= limit ? text : String(text.prefix(limit - 1)) + "…"
    }
}
