import Foundation
import SchouwChecklist
import SchouwEngine
import SchouwModel
import SchouwResult

/// Evaluates the rules that carry a `checklist` block against a descriptor, for `schouw checklist`.
///
/// The checklist module does not know the rule engine; this function is the one place that connects
/// them. A requirement applies when the rule's `when` holds for some subject, whatever the current
/// state; it is "to confirm" when the facts are not known yet, or when the descriptor has no subject of
/// the rule's kind at all (an early descriptor without named suppliers still gets the supplier
/// requirements); it is left out only when `when` is false for every subject.
func checklistCandidates(descriptorPath: String, rulesDirectory: String?, now: Date) throws
    -> (project: ChecklistProject, candidates: [ChecklistCandidate]) {
    let rules = try Load.rules(rulesDirectory)
    let descriptor = try Load.descriptor(descriptorPath, taxonomy: rules.taxonomy)
    let evaluator = RuleEvaluator(descriptor: descriptor, taxonomy: rules.taxonomy, now: now)
    var candidates: [ChecklistCandidate] = []
    for rule in rules.rules {
        guard let block = rule.checklist else { continue }
        let phase = block.phase, theme = block.theme
        func candidate(_ applicability: Applicability, trigger: ChecklistText?) -> ChecklistCandidate {
            ChecklistCandidate(ruleID: rule.id, pack: rule.pack, severity: rule.severity, references: rule.references,
                               ruleTitle: ChecklistText(nl: rule.title.nl, en: rule.title.en), phase: phase,
                               theme: theme, requirement: ChecklistText(nl: block.requirement.nl, en: block.requirement.en),
                               evidence: ChecklistText(nl: block.evidence.nl, en: block.evidence.en),
                               knockOut: block.knockOut, applicability: applicability, trigger: trigger)
        }
        let subjects = evaluator.subjects(rule.forEach)
        if subjects.isEmpty {
            candidates.append(candidate(.unknown, trigger: ChecklistText(
                nl: "nog geen \(kindName(rule.forEach, .nl)) beschreven", en: "no \(kindName(rule.forEach, .en)) described yet")))
            continue
        }
        for subject in subjects {
            let applicability = Applicability(outcome: evaluator.applicability(rule, subject))
            let label = subject.name.map { "\($0) (\(subject.id))" } ?? subject.id
            candidates.append(candidate(applicability, trigger: ChecklistText(
                nl: "\(kindName(rule.forEach, .nl)) \(label)", en: "\(kindName(rule.forEach, .en)) \(label)")))
        }
    }
    let values = evaluator.values.project
    var triggers: [ChecklistText] = []
    func flag(_ key: String) -> Bool? {
        if case .map(let m) = values, case .bool(let b)? = m.lookup(field: key) { return b }
        return nil
    }
    if flag("personal") == true { triggers.append(ChecklistText(nl: "persoonsgegevens worden verwerkt", en: "personal data is processed")) }
    if flag("public_space_sensing") == true {
        triggers.append(ChecklistText(nl: "sensoren of camera's in de openbare ruimte", en: "sensors or cameras in public space"))
    }
    let processors = descriptor.parties.filter { $0.role == .processor || $0.role == .subProcessor }
    if !processors.isEmpty {
        let names = processors.map { $0.name ?? $0.id }.joined(separator: ", ")
        triggers.append(ChecklistText(nl: "verwerkers: \(names)", en: "processors: \(names)"))
    }
    if descriptor.systems.contains(where: { $0.internetFacing == true }) {
        triggers.append(ChecklistText(nl: "systemen bereikbaar vanaf internet", en: "internet-facing systems"))
    }
    let p = descriptor.project
    return (ChecklistProject(id: p.id, name: p.name, organisation: p.organisation, phase: p.phase?.rawValue,
                             triggers: triggers), candidates)
}

private func kindName(_ kind: SubjectKind, _ lang: Language) -> String {
    switch (kind, lang) {
    case (.project, .nl): "project"
    case (.project, .en): "project"
    case (.party, .nl): "partij"
    case (.party, .en): "party"
    case (.zone, .nl): "zone"
    case (.zone, .en): "zone"
    case (.data, .nl): "gegevens"
    case (.data, .en): "data"
    case (.system, .nl): "systeem"
    case (.system, .en): "system"
    case (.flow, .nl): "gegevensstroom"
    case (.flow, .en): "flow"
    case (.purpose, .nl): "doel"
    case (.purpose, .en): "purpose"
    }
}
