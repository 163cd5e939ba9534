import Foundation

/// A supplier's answer to one requirement.
public enum Answer: String, Sendable, Codable, CaseIterable {
    case yes, partly, no
    case notApplicable = "n.a."

    /// Points in halves: yes 2, partly 1, no 0 (n.a. does not count).
    var halfPoints: Int {
        switch self {
        case .yes: 2
        case .partly: 1
        case .no, .notApplicable: 0
        }
    }

    /// Reads an answer in Dutch or English; nil for an empty cell. Throws nothing: the caller reports
    /// unrecognised text with its position.
    static func parse(_ text: String) -> Answer?? {
        let key = text.trimmingCharacters(in: .whitespacesAndNewlines).lowercased()
        if key.isEmpty { return .some(nil) }
        switch key {
        case "yes", "ja": return .some(.yes)
        case "partly", "partially", "partial", "deels", "gedeeltelijk": return .some(.partly)
        case "no", "nee": return .some(.no)
        case "n.a.", "n.a", "na", "n/a", "not applicable", "n.v.t.", "n.v.t", "nvt", "niet van toepassing":
            return .some(.notApplicable)
        default: return nil
        }
    }

    public func label(_ language: ChecklistLanguage) -> String {
        let values = ChecklistStrings.for(language).answerValues
        switch self {
        case .yes: return values[0]
        case .partly: return values[1]
        case .no: return values[2]
        case .notApplicable: return values[3]
        }
    }
}

/// One row of a supplier's answers.
public struct Response: Sendable, Hashable {
    public var itemID: String
    public var answer: Answer?
    public var evidence: String
    public var remarks: String
}

/// Reads a supplier's answers from a filled-in checklist (CSV or XLSX).
public enum ResponseReader {
    /// The answers by item id. All problems in the file are reported together.
    public static func responses(from table: Table) throws -> [String: Response] {
        let map = try ChecklistColumnMap(table: table, required: [.id, .answer, .supplierEvidence])
        var responses: [String: Response] = [:]
        var firstRow: [String: Int] = [:]
        var errors: [ChecklistError] = []
        for row in table.rows.dropFirst() {
            let id = row.cell(map[.id]).trimmingCharacters(in: .whitespacesAndNewlines)
            let answerText = row.cell(map[.answer])
            if id.isEmpty {
                if !answerText.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty {
                    errors.append(ChecklistError(file: table.file, position: table.position(row: row, column: map[.id]),
                                                 message: "an answer without an item id",
                                                 hint: "keep the ID column as generated"))
                }
                continue
            }
            guard let parsed = Answer.parse(answerText) else {
                errors.append(ChecklistError(
                    file: table.file, position: table.position(row: row, column: map[.answer]),
                    message: "answer '\(answerText.prefix(40))' for \(id.prefix(40)) is not one of ja, deels, nee, n.v.t. / yes, partly, no, n.a.",
                    hint: "use one of those values; explain in the remarks column"))
                continue
            }
            if let earlier = firstRow[id] {
                errors.append(ChecklistError(file: table.file, position: table.position(row: row, column: map[.id]),
                                             message: "item \(id.prefix(40)) is answered twice (first in row \(earlier))",
                                             hint: "keep one row per item"))
                continue
            }
            firstRow[id] = row.number
            responses[id] = Response(itemID: id, answer: parsed,
                                     evidence: row.cell(map[.supplierEvidence]).trimmingCharacters(in: .whitespacesAndNewlines),
                                     remarks: row.cell(map[.remarks]).trimmingCharacters(in: .whitespacesAndNewlines))
        }
        if errors.count == 1, let only = errors.first { throw only }
        if !errors.isEmpty { throw ChecklistErrors(errors) }
        return responses
    }
}
