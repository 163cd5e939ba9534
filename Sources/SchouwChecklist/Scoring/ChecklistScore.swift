import Foundation

/// The outcome of scoring a supplier's answers (`schouw/checklist-score/v1`).
///
/// Coverage counts yes as 1, partly as 0.5 and no or no answer as 0, over the items not answered n.a.
/// A knock-out item answered no, or not answered, fails the bid.
public struct ChecklistScore: Sendable, Codable, Equatable {
    public static let schemaID = "schouw/checklist-score/v1"

    public struct Coverage: Sendable, Codable, Equatable {
        public var items: Int
        public var yes: Int
        public var partly: Int
        public var no: Int
        public var notApplicable: Int
        public var unanswered: Int
        /// Percentage with one decimal; nil when every item was answered n.a.
        public var percent: Double?

        enum CodingKeys: String, CodingKey {
            case items, yes, partly, no, unanswered, percent
            case notApplicable = "not-applicable"
        }
    }

    public struct ThemeCoverage: Sendable, Codable, Equatable {
        public var theme: ChecklistTheme
        public var coverage: Coverage
    }

    public struct ItemNote: Sendable, Codable, Equatable {
        public var id: String
        public var theme: ChecklistTheme
        public var requirement: String
        /// The answer given, nil when none.
        public var answer: Answer?
    }

    public var schema: String
    /// False when a knock-out criterion failed.
    public var passed: Bool
    public var total: Coverage
    public var themes: [ThemeCoverage]
    public var knockOutsFailed: [ItemNote]
    public var unanswered: [ItemNote]
    public var evidenceMissing: [ItemNote]
    /// Ids in the answer file that the checklist does not have (ignored for the score).
    public var unknownItems: [String]

    enum CodingKeys: String, CodingKey {
        case schema, passed, total, themes, unanswered
        case knockOutsFailed = "knock-outs-failed"
        case evidenceMissing = "evidence-missing"
        case unknownItems = "unknown-items"
    }
}

public enum ChecklistScorer {
    public static func score(items: [ScoringItem], responses: [String: Response]) -> ChecklistScore {
        var knockOutsFailed: [ChecklistScore.ItemNote] = []
        var unanswered: [ChecklistScore.ItemNote] = []
        var evidenceMissing: [ChecklistScore.ItemNote] = []
        for item in items {
            let response = responses[item.id]
            let answer = response?.answer
            let note = ChecklistScore.ItemNote(id: item.id, theme: item.theme, requirement: item.requirement, answer: answer)
            if answer == nil { unanswered.append(note) }
            if item.knockOut && (answer == nil || answer == .no) { knockOutsFailed.append(note) }
            if (answer == .yes || answer == .partly) && (response?.evidence.isEmpty ?? true) { evidenceMissing.append(note) }
        }
        let themes = ChecklistTheme.allCases.compactMap { theme -> ChecklistScore.ThemeCoverage? in
            let themed = items.filter { $0.theme == theme }
            return themed.isEmpty ? nil : .init(theme: theme, coverage: coverage(themed, responses))
        }
        let known = Set(items.map(\.id))
        return ChecklistScore(
            schema: ChecklistScore.schemaID, passed: knockOutsFailed.isEmpty, total: coverage(items, responses),
            themes: themes, knockOutsFailed: knockOutsFailed, unanswered: unanswered,
            evidenceMissing: evidenceMissing, unknownItems: responses.keys.filter { !known.contains($0) }.sorted())
    }

    private static func coverage(_ items: [ScoringItem], _ responses: [String: Response]) -> ChecklistScore.Coverage {
        let answers = items.map { responses[$0.id]?.answer }
        let count = { (answer: Answer) in answers.filter { $0 == answer }.count }
        let notApplicable = count(.notApplicable)
        let counted = items.count - notApplicable
        let halfPoints = answers.compactMap { $0?.halfPoints }.reduce(0, +)
        // Tenths of a percent, rounded half up, in integers so the figure is the same everywhere.
        let percent: Double? = counted == 0 ? nil
            : Double((halfPoints * 1000 + counted) / (2 * counted)) / 10
        return .init(items: items.count, yes: count(.yes), partly: count(.partly), no: count(.no),
                     notApplicable: notApplicable, unanswered: answers.filter { $0 == nil }.count, percent: percent)
    }
}
