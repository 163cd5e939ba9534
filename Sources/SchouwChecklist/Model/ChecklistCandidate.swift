import SchouwEngine
import SchouwResult

/// Phases and themes are those of a rule's `checklist` block; one definition, in the rule engine.
public typealias ChecklistPhase = SchouwEngine.ChecklistPhase
public typealias ChecklistTheme = SchouwEngine.ChecklistTheme

/// Whether a rule's requirement applies to the project, as far as the descriptor tells.
public enum Applicability: String, Sendable, Codable {
    /// The descriptor shows the requirement applies.
    case applies
    /// Facts the rule needs are not in the descriptor yet (normal early in a procurement): the
    /// requirement is still listed, marked "to confirm".
    case unknown
    /// The rule does not apply; the requirement is left out.
    case notApplicable = "not-applicable"

    /// From a rule outcome for one subject: `when` held (pass, fail or waived alike, since the
    /// requirement is about the supplier, not about the current state), could not be decided, or was false.
    public init(outcome: OutcomeStatus) {
        switch outcome {
        case .fail, .pass, .waived: self = .applies
        case .unknown: self = .unknown
        case .notApplicable: self = .notApplicable
        }
    }
}

/// One rule with a `checklist` block, evaluated against a descriptor: the input of the checklist.
///
/// The checklist module does not know the rule engine; whoever evaluates the rules fills these in.
/// A rule may yield several candidates (one per subject); they merge into one checklist item.
public struct ChecklistCandidate: Sendable, Hashable {
    /// The rule id, e.g. `PR-003`; the item id `CL-PR-003` is derived from it and stays stable.
    public var ruleID: String
    /// The rule pack: `avg`, `bio`, `smartcity`, `procurement`, `standards`, or a user pack.
    public var pack: String
    public var severity: Severity
    public var references: [Reference]
    public var ruleTitle: ChecklistText
    public var phase: ChecklistPhase
    /// The chapter; nil lets the checklist derive it from the pack and the references.
    public var theme: ChecklistTheme?
    /// The requirement as it would go into a tender document.
    public var requirement: ChecklistText
    /// What the supplier has to deliver to prove it.
    public var evidence: ChecklistText
    /// A requirement the supplier must meet to stay in the competition.
    public var knockOut: Bool
    public var applicability: Applicability
    /// A short reason the requirement applies, e.g. "camera in public space (system cam-1)".
    public var trigger: ChecklistText?

    public init(ruleID: String, pack: String, severity: Severity, references: [Reference],
                ruleTitle: ChecklistText, phase: ChecklistPhase, theme: ChecklistTheme? = nil,
                requirement: ChecklistText, evidence: ChecklistText, knockOut: Bool = false,
                applicability: Applicability = .applies, trigger: ChecklistText? = nil) {
        self.ruleID = ruleID; self.pack = pack; self.severity = severity; self.references = references
        self.ruleTitle = ruleTitle; self.phase = phase; self.theme = theme; self.requirement = requirement
        self.evidence = evidence; self.knockOut = knockOut; self.applicability = applicability
        self.trigger = trigger
    }
}

/// What the checklist's introduction says about the project.
public struct ChecklistProject: Sendable, Hashable {
    public var id: String
    public var name: String
    public var organisation: String?
    /// The descriptor's project phase (`idea`, `procurement`, `pilot`, ...).
    public var phase: String?
    /// Facts of the descriptor that made requirements apply, e.g. "camera in public space",
    /// "personal data processed by a supplier", "cloud hosting outside the EEA: unknown".
    public var triggers: [ChecklistText]

    public init(id: String, name: String, organisation: String? = nil, phase: String? = nil,
                triggers: [ChecklistText] = []) {
        self.id = id; self.name = name; self.organisation = organisation; self.phase = phase
        self.triggers = triggers
    }
}
