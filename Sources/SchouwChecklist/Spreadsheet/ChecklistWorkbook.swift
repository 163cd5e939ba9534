import Foundation

extension Checklist {
    /// The checklist as an XLSX workbook: sheet "Checklist" with a frozen header row, wrapped text and
    /// a drop-down on the answer column, then an introduction sheet.
    public func xlsx(language: ChecklistLanguage) throws -> Data {
        let strings = ChecklistStrings.for(language)
        let header = ChecklistTable.header(language: language).map { XLSXCell(text: $0, style: .header) }
        let inputColumns: Set<Int> = [7, 8, 9]
        let body = ChecklistTable.rows(self, language: language).map { row in
            row.enumerated().map { index, text in
                XLSXCell(text: text, style: inputColumns.contains(index) ? .input : .wrapped)
            }
        }
        let validation = XLSXListValidation(
            column: 8, firstRow: 2, lastRow: items.count + 1, values: strings.answerValues,
            errorTitle: strings.columns.answer,
            error: language == .nl ? "Kies ja, deels, nee of n.v.t." : "Choose yes, partly, no or n.a.")
        let checklistSheet = XLSXSheet(
            name: ChecklistWorkbook.checklistSheetName,
            columnWidths: [14, 20, 14, 60, 40, 45, 11, 12, 40, 40],
            rows: [header] + body, freezeHeaderRow: true, autoFilter: true, validation: validation)
        let introduction = XLSXSheet(
            name: ChecklistWorkbook.introductionSheetName(language),
            columnWidths: [100, 14, 14, 14],
            rows: introductionRows(strings), freezeHeaderRow: false, autoFilter: false, validation: nil)
        return try XLSXWriter.workbook(sheets: [checklistSheet, introduction])
    }

    private func introductionRows(_ strings: ChecklistStrings) -> [[XLSXCell]] {
        let intro = ChecklistIntroduction(self, strings: strings)
        func line(_ text: String, _ style: XLSXCell.Style = .wrapped) -> [XLSXCell] { [XLSXCell(text: text, style: style)] }
        var rows: [[XLSXCell]] = [line(intro.title, .bold), []]
        rows += intro.facts.map { line("\($0.label): \($0.value)") }
        rows += [[], line(strings.introduction), line(intro.summary), [], line(strings.triggersHeading, .bold)]
        rows += intro.triggers.map { line("• " + $0) }
        rows += [[], [XLSXCell(text: strings.countsHeading, style: .bold), XLSXCell(text: strings.items, style: .bold),
                      XLSXCell(text: strings.knockOuts, style: .bold), XLSXCell(text: strings.toConfirm, style: .bold)]]
        rows += intro.counts.map { count in
            [XLSXCell(text: count.label, style: .plain), XLSXCell(number: count.items, style: .plain),
             XLSXCell(number: count.knockOuts, style: .plain), XLSXCell(number: count.toConfirm, style: .plain)]
        }
        rows += [[], line(strings.howToUseHeading, .bold)]
        // The texts mark commands for Markdown with backticks; a cell shows them as they are.
        rows += strings.howToUse.map { line("• " + $0.replacingOccurrences(of: "`", with: "")) }
        return rows
    }
}

/// Sheet names the writer uses and the reader looks for.
public enum ChecklistWorkbook {
    public static let checklistSheetName = "Checklist"

    public static func introductionSheetName(_ language: ChecklistLanguage) -> String {
        language == .nl ? "Introductie" : "Introduction"
    }
}
