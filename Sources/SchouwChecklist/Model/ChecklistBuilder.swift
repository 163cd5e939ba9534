import SchouwResult

/// Turns evaluated candidates into a checklist.
///
/// Not-applicable candidates are dropped; candidates of the same rule (one per subject) merge into one
/// item that is "to confirm" only when none of them is known to apply, and whose reasons are the
/// subjects it applies to (or, to confirm, those it may apply to). Ordering is fixed (theme, phase,
/// id), so the same candidates in any order give the same checklist.
public enum ChecklistBuilder {
    public static func build(project: ChecklistProject, candidates: [ChecklistCandidate],
                             phase: PhaseFilter = .all) -> Checklist {
        var byRule: [String: [ChecklistCandidate]] = [:]
        for candidate in candidates where candidate.applicability != .notApplicable {
            byRule[candidate.ruleID, default: []].append(candidate)
        }
        var items: [ChecklistItem] = []
        for (ruleID, group) in byRule {
            // The first candidate by a fixed order carries the rule's texts; they are equal per rule anyway.
            let ordered = group.sorted { ($0.trigger?.en ?? "", $0.trigger?.nl ?? "") < ($1.trigger?.en ?? "", $1.trigger?.nl ?? "") }
            guard let first = ordered.first else { continue }
            guard phase.includes(first.phase) else { continue }
            // The reasons are the subjects the requirement is known to apply to; only when there are
            // none, those for which it is still to confirm. Mixed, a system whose internet exposure is
            // unknown read as a firm reason for a knock-out requirement.
            let applying = ordered.filter { $0.applicability == .applies }
            let reasons = applying.isEmpty ? ordered : applying
            let triggers = Array(Set(reasons.compactMap(\.trigger))).sorted { ($0.en, $0.nl) < ($1.en, $1.nl) }
            items.append(ChecklistItem(
                id: ChecklistItem.itemID(forRule: ruleID), ruleID: ruleID, pack: first.pack,
                theme: first.theme ?? deriveTheme(pack: first.pack, references: first.references),
                phase: first.phase, severity: group.map(\.severity).max() ?? first.severity,
                title: first.ruleTitle, requirement: first.requirement,
                references: uniqueReferences(first.references), evidence: first.evidence,
                knockOut: group.contains { $0.knockOut },
                toConfirm: !group.contains { $0.applicability == .applies },
                triggers: triggers))
        }
        items.sort { ($0.theme.rank, $0.phase.rank, $0.id) < ($1.theme.rank, $1.phase.rank, $1.id) }
        return Checklist(project: project, phaseFilter: phase, items: items)
    }

    /// The chapter of a rule that does not name one: its pack first, then the frameworks it cites.
    public static func deriveTheme(pack: String, references: [Reference]) -> ChecklistTheme {
        switch pack {
        case "avg": return .privacy
        case "bio": return .informationSecurity
        case "procurement": return .contractAndExit
        case "standards": return .openStandards
        default: break
        }
        let frameworks = Set(references.map(\.framework))
        if !frameworks.isDisjoint(with: ["avg", "uavg", "ap-dpia-list", "vng-vwo"]) { return .privacy }
        if !frameworks.isDisjoint(with: ["forum-standaardisatie", "ncsc-tls"]) { return .openStandards }
        if frameworks.contains("gibit") { return .contractAndExit }
        if !frameworks.isDisjoint(with: ["bio2", "bio-1.04", "bio-cloud"]) { return .informationSecurity }
        return .transparency
    }

    private static func uniqueReferences(_ references: [Reference]) -> [Reference] {
        var seen = Set<Reference>()
        return references.filter { seen.insert($0).inserted }
    }
}
