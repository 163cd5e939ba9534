import SchouwConcurrency
import SchouwResult

/// Counts per status for the result summary, and the rules the outcomes come from; the gate itself
/// is `Gate` in SchouwResult.
public enum OutcomeSummary {
    /// The summary and the ids of the rules with outcomes, in one pass. A city-wide audit has most
    /// of a million outcomes: the pass runs in stretches on every core, reading each outcome in
    /// place, and the stretches' counts are added up.
    public static func tally(_ outcomes: [Outcome]) -> (summary: AuditResult.Summary, rules: Set<String>) {
        let stretches = parallelMap(outcomes.count, stretchesOf: 65_536) { tally(outcomes, $0) }
        var summary = AuditResult.Summary(fail: .init(), unknown: 0, pass: 0, notApplicable: 0, waived: 0)
        var rules = Set<String>()
        for part in stretches {
            summary.add(part.summary)
            rules.formUnion(part.rules)
        }
        return (summary, rules)
    }

    private static func tally(_ outcomes: [Outcome], _ range: Range<Int>) -> (summary: AuditResult.Summary, rules: Set<String>) {
        var s = AuditResult.Summary(fail: .init(), unknown: 0, pass: 0, notApplicable: 0, waived: 0)
        var rules = Set<String>()
        // Outcomes come grouped by rule: a rule id is hashed once per run.
        var ruleRuns = RuleRuns()
        outcomes.withUnsafeBufferPointer { outcomes in
            for i in range {
                let glance = outcomes.glance(i)
                switch glance.status {
                case .fail: s.fail[glance.severity] += 1
                case .unknown: s.unknown += 1
                case .pass: s.pass += 1
                case .notApplicable: s.notApplicable += 1
                case .waived: s.waived += 1
                }
                if let rule = ruleRuns.newRule(at: i, in: outcomes) { rules.insert(rule) }
            }
        }
        return (s, rules)
    }
}
