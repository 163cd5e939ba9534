import CEL
import SchouwModel
import SchouwResult

/// The kinds of object a rule can be evaluated for (`for-each`).
public enum SubjectKind: String, Sendable, CaseIterable, Codable {
    case project, party, zone, data, system, flow, purpose

    /// The CEL variable the subject is bound to (`asset` for data, SPEC 2.2).
    public var variable: String {
        switch self {
        case .data: "asset"
        default: rawValue
        }
    }

    /// The CEL object type of a subject of this kind.
    public var celType: String {
        switch self {
        case .project: "schouw.Project"
        case .party: "schouw.Party"
        case .zone: "schouw.Zone"
        case .data: "schouw.Asset"
        case .system: "schouw.System"
        case .flow: "schouw.Flow"
        case .purpose: "schouw.Purpose"
        }
    }

    /// The variable holding every object of this kind.
    public var listVariable: String {
        switch self {
        case .project: "project"
        case .party: "parties"
        case .zone: "zones"
        case .data: "data"
        case .system: "systems"
        case .flow: "flows"
        case .purpose: "purposes"
        }
    }
}

/// When in the life of a contract a requirement has to be arranged or demanded.
///
/// The order of the cases is the order of a procurement: tender documents first, then the contract,
/// then what the supplier delivers, then what must hold while the system runs.
public enum ChecklistPhase: String, Sendable, CaseIterable, Codable, Comparable {
    case tender, contract, delivery, operation

    public var rank: Int {
        switch self {
        case .tender: 0
        case .contract: 1
        case .delivery: 2
        case .operation: 3
        }
    }

    public static func < (lhs: ChecklistPhase, rhs: ChecklistPhase) -> Bool { lhs.rank < rhs.rank }
}

/// The chapters of a checklist. A procurement officer hands each chapter to a different expert
/// (privacy officer, CISO, legal, architect, communications), so items are grouped by them.
public enum ChecklistTheme: String, Sendable, CaseIterable, Codable, Comparable {
    case privacy
    case informationSecurity = "information-security"
    case contractAndExit = "contract-and-exit"
    case openStandards = "open-standards"
    case transparency

    public var rank: Int {
        switch self {
        case .privacy: 0
        case .informationSecurity: 1
        case .contractAndExit: 2
        case .openStandards: 3
        case .transparency: 4
        }
    }

    public static func < (lhs: ChecklistTheme, rhs: ChecklistTheme) -> Bool { lhs.rank < rhs.rank }
}

/// What a rule asks a procurement officer to demand from a supplier (SPEC 7).
public struct ChecklistBlock: Sendable {
    public var phase: ChecklistPhase
    public var theme: ChecklistTheme?
    public var knockOut: Bool
    public var requirement: LocalizedText
    public var evidence: LocalizedText
}

/// A compiled CEL expression of a rule, with where it was written so errors point into the rule file.
public struct RuleExpression: Sendable {
    public var source: String
    public var mark: SourceMark
    public var program: Program
}

/// One declarative rule (SPEC 2.1), loaded and compiled.
public struct Rule: Sendable {
    public var id: String
    public var pack: String
    public var title: LocalizedText
    public var severity: Severity
    public var waivable: Bool
    public var references: [Reference]
    public var forEach: SubjectKind
    public var when: RuleExpression?
    public var assert: RuleExpression
    public var message: LocalizedText
    public var remediation: LocalizedText
    public var rationale: LocalizedText?
    public var checklist: ChecklistBlock?
    /// The rule file, for `rules show` and error locations.
    public var file: String
    public var mark: SourceMark
    /// The rule file's text, part of the rule-set digest.
    public var text: String
    /// True when the rule came from `--rules DIR` rather than the built-in set.
    public var external: Bool

    public func info(_ lang: Language) -> RuleInfo {
        RuleInfo(id: id, pack: pack, title: title.text(lang), severity: severity, references: references,
                 remediation: remediation.text(lang), description: rationale?.text(lang), waivable: waivable)
    }
}
