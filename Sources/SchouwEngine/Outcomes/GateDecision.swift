import SchouwResult

/// The `--fail-on` threshold: a severity, or `never`.
public enum FailOn: Sendable, Equatable {
    case severity(Severity)
    case never

    public init?(_ text: String) {
        if text == "never" { self = .never; return }
        guard let s = Severity(rawValue: text) else { return nil }
        self = .severity(s)
    }

    public var text: String {
        switch self {
        case .never: "never"
        case .severity(let s): s.rawValue
        }
    }

    public static let allTexts = ["info", "low", "medium", "high", "critical", "never"]
}

/// Decides whether the audit passes the gate: failures at or above the threshold fail it; waived
/// findings never do; unknown outcomes do only when asked.
public enum GateDecision {
    public static func passes(outcomes: [Outcome], failOn: FailOn, failOnUnknown: Bool) -> Bool {
        for o in outcomes {
            switch o.status {
            case .fail:
                if case .severity(let threshold) = failOn, o.severity >= threshold { return false }
            case .unknown:
                if failOnUnknown { return false }
            default:
                break
            }
        }
        return true
    }

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
