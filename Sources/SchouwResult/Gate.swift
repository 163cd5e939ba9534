/// The `--fail-on` threshold of a pipeline gate.
public enum FailOn: String, Sendable, CaseIterable {
    case info, low, medium, high, critical, never

    /// The lowest severity that fails the gate, or nil for `never`.
    public var threshold: Severity? {
        switch self {
        case .info: .info
        case .low: .low
        case .medium: .medium
        case .high: .high
        case .critical: .critical
        case .never: nil
        }
    }
}

/// A gate setting: threshold plus whether unknown outcomes count.
public struct GatePolicy: Sendable, Equatable {
    public var failOn: FailOn
    public var failOnUnknown: Bool
    public init(failOn: FailOn = .high, failOnUnknown: Bool = false) {
        self.failOn = failOn; self.failOnUnknown = failOnUnknown
    }

    /// The gate the audit recorded; an unreadable threshold falls back to the default `high`.
    public init(recordedIn result: AuditResult) {
        self.init(failOn: FailOn(rawValue: result.gate.failOn) ?? .high, failOnUnknown: result.gate.failOnUnknown)
    }
}

/// Pipeline gating (SPEC section 4): exit 1 when a finding at or above the threshold remains.
///
/// Waived findings never gate. A waiver that has expired does not waive: the engine marks such an
/// outcome `fail` with `waiver.expired = true`, and an outcome marked `waived` whose waiver is expired is
/// treated as a failure here too, so a hand-edited result cannot slip through.
///
/// One definition for the engine (the verdict it records) and for reporters and `report` (the exit
/// code they give), so an audit and a re-rendered result can never disagree.
public enum Gate {
    /// Outcomes that make the gate fail, in result order.
    public static func blocking(_ result: AuditResult, policy: GatePolicy) -> [Outcome] {
        blocking(result.outcomes, policy: policy)
    }

    /// The same for outcomes not yet assembled into a result (the engine deciding its verdict).
    public static func blocking(_ outcomes: [Outcome], policy: GatePolicy) -> [Outcome] {
        outcomes.filter { blocks($0, policy: policy) }
    }

    /// Whether one outcome fails the gate.
    public static func blocks(_ outcome: Outcome, policy: GatePolicy) -> Bool {
        blocks(severity: outcome.severity, effectiveStatus: outcome.effectiveStatus, policy: policy)
    }

    static func blocks(severity: Severity, effectiveStatus: OutcomeStatus, policy: GatePolicy) -> Bool {
        guard let threshold = policy.failOn.threshold, severity >= threshold else { return false }
        switch effectiveStatus {
        case .fail: return true
        case .unknown: return policy.failOnUnknown
        case .pass, .notApplicable, .waived: return false
        }
    }

    public static func passes(_ result: AuditResult, policy: GatePolicy) -> Bool {
        passes(result.outcomes, policy: policy)
    }

    public static func passes(_ outcomes: [Outcome], policy: GatePolicy) -> Bool {
        outcomes.withUnsafeBufferPointer { list in
            !list.indices.contains { i in
                let glance = list.glance(i)
                return blocks(severity: glance.severity, effectiveStatus: glance.effectiveStatus, policy: policy)
            }
        }
    }

    /// `passed` or `failed`, as recorded in results and attestations.
    public static func verdict(_ result: AuditResult, policy: GatePolicy) -> String {
        passes(result, policy: policy) ? "passed" : "failed"
    }

    /// 0 when the gate passes, 1 when it fails.
    public static func exitCode(result: AuditResult, failOn: FailOn, failOnUnknown: Bool) -> Int32 {
        passes(result, policy: GatePolicy(failOn: failOn, failOnUnknown: failOnUnknown)) ? 0 : 1
    }
}

extension Outcome {
    /// The status reports and the gate act on: a `waived` outcome whose waiver has expired counts as `fail`.
    @inlinable
    public var effectiveStatus: OutcomeStatus { status.effective(waiverExpired: waiver?.expired == true) }

    /// True when a waiver matched but had expired (shown as such in every format).
    @inlinable
    public var hasExpiredWaiver: Bool { waiver?.expired == true }
}

extension OutcomeStatus {
    /// The status reports and the gate act on, given whether the outcome's waiver has expired:
    /// `waived` with an expired waiver counts as `fail`.
    @inlinable
    public func effective(waiverExpired: Bool) -> OutcomeStatus { self == .waived && waiverExpired ? .fail : self }
}
