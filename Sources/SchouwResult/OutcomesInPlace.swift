/// Reading a city-wide result's outcomes where they lie.
///
/// An outcome's computed properties, called on an element of an array, work on a copy of the
/// outcome: three reference counts taken and dropped per outcome read. The parts counted are
/// shared by thousands of outcomes, so when both cores pass over one rule's outcomes they contend
/// for the same counts. Passes over every outcome (report models, the gate, display order) read
/// through these in-place accessors instead, which touch only stored fields.
extension UnsafeBufferPointer where Element == Outcome {
    /// What a pass over the whole result needs of the outcome at `i`.
    @inlinable
    public func glance(_ i: Int) -> OutcomeGlance {
        let status = self[i].status
        var glance = OutcomeGlance(status: status, severity: self[i].rulePart.severity,
                                   rulePart: ObjectIdentifier(self[i].rulePart))
        if let waiver = self[i].own?.waiverBox?.waiver {
            glance.waiver = waiver.expired ? .expired : .active
            glance.effectiveStatus = status.effective(waiverExpired: waiver.expired)
        }
        return glance
    }

    /// The rule id of the outcome at `i`.
    @inlinable
    public func rule(at i: Int) -> String { self[i].rulePart.rule }

    /// `self[i].finding <= self[j].finding`, without spelling out both ids when rule and kind agree
    /// (the ids then differ only after the same `RULE@kind:` prefix).
    @inlinable
    public func inFindingOrder(_ i: Int, _ j: Int) -> Bool {
        if self[i].rulePart === self[j].rulePart || self[i].rulePart.rule == self[j].rulePart.rule,
           self[i].subjectPart.subject.kind == self[j].subjectPart.subject.kind {
            return self[i].subjectPart.subject.id <= self[j].subjectPart.subject.id
        }
        return self[i].finding <= self[j].finding
    }
}

/// Follows a walk over outcomes that come in runs of one rule, as the engine makes them: says
/// when an outcome's rule is not the previous one's, reading the rule id only where the rule part
/// the outcomes share changes (comparing ids for every outcome cost more than the rest of a pass).
public struct RuleRuns {
    @usableFromInline var previous: (part: ObjectIdentifier, rule: String)?

    @inlinable public init() {}

    /// The rule of the outcome at `i` when it differs from the previous outcome's; nil when not.
    @inlinable
    public mutating func newRule(at i: Int, in outcomes: UnsafeBufferPointer<Outcome>) -> String? {
        let part = ObjectIdentifier(outcomes[i].rulePart)
        guard part != previous?.part else { return nil }
        let rule = outcomes.rule(at: i), changed = rule != previous?.rule
        previous = (part, rule)
        return changed ? rule : nil
    }
}

/// An outcome's statuses, severity and waiver state, as a pass over a whole result reads them.
public struct OutcomeGlance: Sendable {
    public enum WaiverState: Sendable { case none, active, expired }
    public let status: OutcomeStatus
    /// `Outcome.effectiveStatus`.
    public var effectiveStatus: OutcomeStatus
    public let severity: Severity
    public var waiver = WaiverState.none
    /// Equal for outcomes that share their rule's part, as one rule's evaluation makes them.
    /// Outcomes with different parts may still have the same rule (compare `rule(at:)` then).
    public let rulePart: ObjectIdentifier

    @inlinable
    init(status: OutcomeStatus, severity: Severity, rulePart: ObjectIdentifier) {
        self.status = status; self.effectiveStatus = status; self.severity = severity; self.rulePart = rulePart
    }
}
