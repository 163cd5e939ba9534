import SchouwResult

/// `--baseline OLD.json`: the findings an earlier result already held.
///
/// Failures the earlier result held (failed, or waived there) are left out, so the gate and the
/// reports speak only of what is new. The findings that stay are marked, so a pipeline's code
/// scanning can tell new from known: a failure is new by construction; an unknown or waived
/// outcome is known when the earlier result had the same finding with the same status. SARIF
/// shows the mark as `baselineState` (`new`, `unchanged`), Markdown and HTML as a note, and the
/// JSON result as `baseline`.
enum BaselineComparison {
    static func apply(_ earlier: AuditResult, to outcomes: inout [Outcome]) {
        var statusBefore: [String: OutcomeStatus] = [:]
        for outcome in earlier.outcomes where outcome.status.isFinding {
            statusBefore[outcome.finding] = outcome.status
        }
        outcomes.removeAll { outcome in
            guard outcome.status == .fail, let before = statusBefore[outcome.finding] else { return false }
            return before == .fail || before == .waived
        }
        for i in outcomes.indices where outcomes[i].status.isFinding {
            outcomes[i].baseline = statusBefore[outcomes[i].finding] == outcomes[i].status
        }
    }
}
