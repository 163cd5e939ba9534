import Foundation

/// What scoring needs to know about a checklist item.
///
/// It comes from a trusted source (the checklist regenerated from the descriptor, or the checklist file
/// the officer sent out), never from the supplier's answer file, so a supplier cannot turn a knock-out
/// criterion off by editing its column.
public struct ScoringItem: Sendable, Hashable, Codable {
    public var id: String
    public var theme: ChecklistTheme
    public var phase: ChecklistPhase
    public var knockOut: Bool
    public var requirement: String

    public init(id: String, theme: ChecklistTheme, phase: ChecklistPhase, knockOut: Bool, requirement: String) {
        self.id = id; self.theme = theme; self.phase = phase; self.knockOut = knockOut; self.requirement = requirement
    }
}

extension Checklist {
    public func scoringItems(language: ChecklistLanguage) -> [ScoringItem] {
        items.map { ScoringItem(id: $0.id, theme: $0.theme, phase: $0.phase, knockOut: $0.knockOut,
                                requirement: $0.requirement[language]) }
    }
}

/// Reads the items of a checklist file schouw generated (CSV or XLSX, either language).
public enum ChecklistFileReader {
    public static func items(from table: Table) throws -> [ScoringItem] {
        let map = try ChecklistColumnMap(table: table, required: [.id, .theme, .phase, .requirement, .knockOut])
        var items: [ScoringItem] = []
        var seen = Set<String>()
        var errors: [ChecklistError] = []
        for row in table.rows.dropFirst() {
            let id = row.cell(map[.id]).trimmingCharacters(in: .whitespacesAndNewlines)
            if id.isEmpty { continue }
            func fail(_ column: ChecklistColumnMap.Column, _ message: String) {
                errors.append(ChecklistError(file: table.file, position: table.position(row: row, column: map[column]),
                                             message: message, hint: "use the checklist file as schouw generated it"))
            }
            guard let theme = lookup(row.cell(map[.theme]), in: ChecklistTheme.allCases, label: { s, t in s.theme(t) }) else {
                fail(.theme, "unknown theme '\(row.cell(map[.theme]).prefix(40))' for \(id.prefix(40))"); continue
            }
            guard let phase = lookup(row.cell(map[.phase]), in: ChecklistPhase.allCases, label: { s, p in s.phase(p) }) else {
                fail(.phase, "unknown phase '\(row.cell(map[.phase]).prefix(40))' for \(id.prefix(40))"); continue
            }
            let knockOutText = ChecklistColumnMap.normalise(row.cell(map[.knockOut]))
            guard let knockOut = ["ja": true, "yes": true, "nee": false, "no": false, "": false][knockOutText] else {
                fail(.knockOut, "knock-out value '\(knockOutText.prefix(40))' for \(id.prefix(40)) is not ja/nee or yes/no"); continue
            }
            guard seen.insert(id).inserted else { fail(.id, "item \(id.prefix(40)) appears twice"); continue }
            items.append(ScoringItem(id: id, theme: theme, phase: phase, knockOut: knockOut,
                                     requirement: row.cell(map[.requirement])))
        }
        if errors.count == 1, let only = errors.first { throw only }
        if !errors.isEmpty { throw ChecklistErrors(errors) }
        return items
    }

    /// Matches a label in either language, or the raw key (`information-security`).
    private static func lookup<T: RawRepresentable>(_ text: String, in cases: [T],
                                                    label: (ChecklistStrings, T) -> String) -> T? where T.RawValue == String {
        let key = ChecklistColumnMap.normalise(text)
        return cases.first { value in
            value.rawValue == key || ChecklistLanguage.allCases.contains { ChecklistColumnMap.normalise(label(.for($0), value)) == key }
        }
    }
}
