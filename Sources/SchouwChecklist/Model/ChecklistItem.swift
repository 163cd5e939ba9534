import SchouwResult

/// One requirement of the checklist: what goes into the tender, why, and what the supplier must show.
public struct ChecklistItem: Sendable, Hashable {
    /// `CL-` plus the rule id: stable across runs, so a supplier's answers match on it.
    public var id: String
    public var ruleID: String
    public var pack: String
    public var theme: ChecklistTheme
    public var phase: ChecklistPhase
    public var severity: Severity
    public var title: ChecklistText
    public var requirement: ChecklistText
    public var references: [Reference]
    public var evidence: ChecklistText
    public var knockOut: Bool
    /// True when the descriptor lacks facts to tell whether the requirement applies.
    public var toConfirm: Bool
    /// Why it applies, one line per subject that triggered it (sorted, without duplicates).
    public var triggers: [ChecklistText]

    public init(id: String, ruleID: String, pack: String, theme: ChecklistTheme, phase: ChecklistPhase,
                severity: Severity, title: ChecklistText, requirement: ChecklistText, references: [Reference],
                evidence: ChecklistText, knockOut: Bool, toConfirm: Bool, triggers: [ChecklistText]) {
        self.id = id; self.ruleID = ruleID; self.pack = pack; self.theme = theme; self.phase = phase
        self.severity = severity; self.title = title; self.requirement = requirement
        self.references = references; self.evidence = evidence; self.knockOut = knockOut
        self.toConfirm = toConfirm; self.triggers = triggers
    }

    /// The item id for a rule id.
    public static func itemID(forRule ruleID: String) -> String { "CL-" + ruleID }
}

/// Which phases a checklist lists: one phase, or all of them.
public enum PhaseFilter: Sendable, Hashable {
    case all
    case only(ChecklistPhase)

    /// Parses `tender|contract|delivery|operation|all`, in any case, and the Dutch names the
    /// checklist itself prints (`aanbesteding`, `oplevering`, `beheer`, `alle`).
    public init?(argument: String) {
        let word = argument.lowercased()
        if word == "all" || word == "alle" { self = .all; return }
        let dutch = ChecklistStrings.for(.nl)
        guard let phase = ChecklistPhase(rawValue: word)
                ?? ChecklistPhase.allCases.first(where: { dutch.phase($0).lowercased() == word }) else { return nil }
        self = .only(phase)
    }

    public func includes(_ phase: ChecklistPhase) -> Bool {
        switch self {
        case .all: true
        case .only(let only): only == phase
        }
    }
}

/// A procurement checklist for one project: the items in reading order (theme, phase, id).
public struct Checklist: Sendable, Hashable {
    public var project: ChecklistProject
    public var phaseFilter: PhaseFilter
    public var items: [ChecklistItem]

    public init(project: ChecklistProject, phaseFilter: PhaseFilter, items: [ChecklistItem]) {
        self.project = project
        self.phaseFilter = phaseFilter
        self.items = items
    }

    /// The themes that have items, in chapter order, each with its items.
    public var themes: [(theme: ChecklistTheme, items: [ChecklistItem])] {
        ChecklistTheme.allCases.compactMap { theme in
            let items = items.filter { $0.theme == theme }
            return items.isEmpty ? nil : (theme, items)
        }
    }
}
