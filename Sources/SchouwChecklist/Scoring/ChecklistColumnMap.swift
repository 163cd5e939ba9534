import Foundation

/// Finds the checklist columns in a header row written in either language, in any order.
///
/// Suppliers may reorder or translate nothing; spreadsheet programs may change case or add spaces.
/// Matching is on the trimmed, lower-cased header text against both languages' headers.
struct ChecklistColumnMap {
    enum Column: CaseIterable {
        case id, theme, phase, requirement, why, evidence, knockOut, answer, supplierEvidence, remarks

        func header(_ language: ChecklistLanguage) -> String {
            let columns = ChecklistStrings.for(language).columns
            switch self {
            case .id: return columns.id
            case .theme: return columns.theme
            case .phase: return columns.phase
            case .requirement: return columns.requirement
            case .why: return columns.why
            case .evidence: return columns.evidence
            case .knockOut: return columns.knockOut
            case .answer: return columns.answer
            case .supplierEvidence: return columns.supplierEvidence
            case .remarks: return columns.remarks
            }
        }
    }

    private var indices: [Column: Int] = [:]

    subscript(column: Column) -> Int? { indices[column] }

    /// Maps the first row of `table`; throws naming the columns that are missing.
    init(table: Table, required: [Column]) throws {
        guard let header = table.rows.first else {
            throw ChecklistError(file: table.file, message: "the file is empty",
                                 hint: "pass the checklist file schouw generated, with its header row")
        }
        for (index, text) in header.cells.enumerated() {
            let key = Self.normalise(text)
            for column in Column.allCases where indices[column] == nil {
                if ChecklistLanguage.allCases.contains(where: { Self.normalise(column.header($0)) == key }) {
                    indices[column] = index
                }
            }
        }
        let missing = required.filter { indices[$0] == nil }
        guard missing.isEmpty else {
            let names = missing.map { "\($0.header(.nl)) / \($0.header(.en))" }.joined(separator: ", ")
            throw ChecklistError(file: table.file, position: table.position(row: header, column: nil),
                                 message: "the header row lacks the column(s) \(names)",
                                 hint: "keep the header row of the generated checklist unchanged")
        }
    }

    static func normalise(_ text: String) -> String {
        text.trimmingCharacters(in: .whitespacesAndNewlines).lowercased()
    }
}
