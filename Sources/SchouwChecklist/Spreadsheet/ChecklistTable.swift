/// The checklist as rows of text cells: what the CSV and the XLSX sheet hold, column for column.
///
/// The answer, supplier-evidence and remarks columns are left empty for the supplier.
public enum ChecklistTable {
    public static func header(language: ChecklistLanguage) -> [String] {
        ChecklistStrings.for(language).columns.all
    }

    public static func rows(_ checklist: Checklist, language: ChecklistLanguage) -> [[String]] {
        let strings = ChecklistStrings.for(language)
        return checklist.items.map { item in
            [item.id, strings.theme(item.theme), strings.phase(item.phase), item.requirement[language],
             whyText(item, language: language), item.evidence[language], strings.yesNo(item.knockOut), "", "", ""]
        }
    }

    /// References, then the reason it applies, then the to-confirm note: all an officer needs to defend
    /// the requirement, in one cell.
    public static func whyText(_ item: ChecklistItem, language: ChecklistLanguage) -> String {
        let strings = ChecklistStrings.for(language)
        var lines = [ReferenceText.render(item.references, language: language)].filter { !$0.isEmpty }
        if !item.triggers.isEmpty {
            lines.append("\(strings.reason): " + strings.reasons(item.triggers))
        }
        if item.toConfirm { lines.append(strings.toConfirmExplanation) }
        return lines.joined(separator: "\n")
    }
}

/// Keeps spreadsheet programs from evaluating text as a formula (CSV injection).
///
/// Excel, LibreOffice and Google Sheets treat a CSV cell that starts with `=`, `+`, `-`, `@`, a tab or a
/// carriage return as a formula. Such cells get a leading single quote, which the programs show as text
/// and which `checklist score` strips again when it reads the file back.
public enum SpreadsheetSafety {
    static let formulaStarters: Set<Character> = ["=", "+", "-", "@", "\t", "\r"]

    public static func needsNeutralising(_ text: String) -> Bool {
        guard let first = text.unicodeScalars.first else { return false }
        return formulaStarters.contains(Character(first))
    }

    public static func neutralise(_ text: String) -> String {
        needsNeutralising(text) ? "'" + text : text
    }

    /// Undoes `neutralise` for a value read back from a CSV file.
    public static func restore(_ text: String) -> String {
        guard text.hasPrefix("'") else { return text }
        let rest = String(text.unicodeScalars.dropFirst())
        return needsNeutralising(rest) ? rest : text
    }
}
