import SchouwResult

/// Counts per status for the result summary; the gate itself is `Gate` in SchouwResult.
public enum OutcomeSummary {
    public static func summary(_ outcomes: [Outcome]) -> AuditResult.Summary {
        var s = AuditResult.Summary(fail: .init(), unknown: 0, pass: 0, notApplicable: 0, waived: 0)
        for o in outcomes {
            switch o.status {
            case .fail: s.fail[o.severity] += 1
            case .unknown: s.unknown += 1
            case .pass: s.pass += 1
            case .notApplicable: s.notApplicable += 1
            case .waived: s.waived += 1
            }
        }
        return s
    }
}
