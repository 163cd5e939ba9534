import SchouwModel
import SchouwResult

/// The shape of rule files and rule test files, checked with the same reader as descriptors so rule
/// authors get the same located, all-at-once errors with "did you mean".
enum RuleSchemas {
    static let frameworks = ["avg", "uavg", "bio2", "bio-1.04", "bio-cloud", "gibit", "vng-vwo",
                             "forum-standaardisatie", "ncsc-tls", "ap-dpia-list", "gemeentewet", "ai-act", "other"]

    static let localized = ObjectSchema(kind: "text", description: "A text in Dutch and English.", fields: [
        FieldSchema(key: "nl", type: .string, required: true, description: "Dutch text."),
        FieldSchema(key: "en", type: .string, required: true, description: "English text."),
    ])

    static let reference = ObjectSchema(kind: "reference", description: "A norm the rule checks.", fields: [
        FieldSchema(key: "framework", type: .enumeration(frameworks), required: true, description: "The catalogue."),
        FieldSchema(key: "ref", type: .string, required: true, description: "Article or measure id."),
    ])

    static let checklist = ObjectSchema(kind: "checklist", description: "A procurement requirement.", fields: [
        FieldSchema(key: "phase", type: .enumeration(ChecklistPhase.allCases.map(\.rawValue)), required: true,
                    description: "When to demand it."),
        FieldSchema(key: "theme", type: .enumeration(ChecklistTheme.allCases.map(\.rawValue)), required: false,
                    description: "Checklist group."),
        FieldSchema(key: "knock-out", type: .bool, required: false, description: "A must: failing it excludes the supplier."),
        FieldSchema(key: "requirement", type: .object("text"), required: true, description: "The requirement."),
        FieldSchema(key: "evidence", type: .object("text"), required: true, description: "The evidence to demand."),
    ])

    static let rule = ObjectSchema(kind: "rule", description: "A declarative rule (SPEC 2.1).", fields: [
        FieldSchema(key: "id", type: .string, required: true, description: "Stable rule id, e.g. AVG-024."),
        FieldSchema(key: "title", type: .object("text"), required: true, description: "Short title."),
        FieldSchema(key: "severity", type: .enumeration(Severity.allCases.map(\.rawValue)), required: true,
                    description: "Harm when the rule fails."),
        FieldSchema(key: "waivable", type: .bool, required: false, description: "False: waivers are refused."),
        FieldSchema(key: "references", type: .list(.object("reference")), required: true,
                    description: "The norms checked."),
        FieldSchema(key: "for-each", type: .enumeration(SubjectKind.allCases.map(\.rawValue)), required: true,
                    description: "Subject kind."),
        FieldSchema(key: "when", type: .string, required: false, description: "CEL: is the rule applicable?"),
        FieldSchema(key: "assert", type: .string, required: true, description: "CEL: must hold."),
        FieldSchema(key: "message", type: .object("text"), required: true, description: "Finding message."),
        FieldSchema(key: "remediation", type: .object("text"), required: true, description: "How to fix it."),
        FieldSchema(key: "rationale", type: .object("text"), required: false, description: "Why the rule exists."),
        FieldSchema(key: "checklist", type: .object("checklist"), required: false,
                    description: "Procurement requirement derived from the rule."),
    ])
}
