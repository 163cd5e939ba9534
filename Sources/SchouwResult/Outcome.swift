/// One rule's verdict on one subject.
///
/// A city-wide audit holds hundreds of thousands of outcomes that are filtered, sorted and regrouped
/// by every report. An outcome is four words: what all outcomes of its rule share (id, severity,
/// references, and the message of a passing check), what all outcomes on its subject share (the
/// subject and its location), its status, and a box for what only some outcomes have (a message of
/// their own, missing facts, a waiver, a baseline mark, a finding id given explicitly). The engine
/// makes the shared parts once, so a passing or not-applicable outcome costs no allocation at all.
public struct Outcome: Codable, Sendable, Equatable {
    /// What every outcome of one rule shares.
    public final class RulePart: Sendable, Equatable {
        public let rule: String
        public let severity: Severity
        public let references: [Reference]
        /// The message of outcomes that have none of their own (the engine gives passing and
        /// not-applicable outcomes the rule's title).
        public let message: String
        /// How the rule words a finding on any subject, for outcomes made with a `SharedFinding`.
        public let findingMessage: (any FindingMessageTemplate)?
        public init(rule: String, severity: Severity, references: [Reference], message: String = "",
                    findingMessage: (any FindingMessageTemplate)? = nil) {
            self.rule = rule; self.severity = severity; self.references = references; self.message = message
            self.findingMessage = findingMessage
        }
        public static func == (a: RulePart, b: RulePart) -> Bool {
            a === b || (a.rule == b.rule && a.severity == b.severity && a.references == b.references)
        }
        func with(rule: String? = nil, severity: Severity? = nil, references: [Reference]? = nil) -> RulePart {
            RulePart(rule: rule ?? self.rule, severity: severity ?? self.severity, references: references ?? self.references,
                     message: message, findingMessage: findingMessage)
        }
    }

    /// What every outcome on one subject shares.
    ///
    /// Open so the engine's subject can be one: then the subject an outcome names is the object
    /// its message is rendered from (`FindingMessageTemplate`), with no second object per subject.
    open class SubjectPart: @unchecked Sendable, Equatable {
        public final let subject: SubjectRef
        public final let location: Location?
        public init(subject: SubjectRef, location: Location?) { self.subject = subject; self.location = location }
        public static func == (a: SubjectPart, b: SubjectPart) -> Bool {
            a === b || (a.subject == b.subject && a.location == b.location)
        }
    }

    /// What the findings of one rule share when they lack the same facts and have no text of
    /// their own: their message is the rule's `findingMessage` rendered for the subject when read.
    ///
    /// A city-wide audit has a hundred thousand unknown outcomes, nearly all of them one of a few
    /// per rule ("the descriptor does not say `system.security`"). Made once per rule and list of
    /// missing facts, they cost no allocation each; with a box and a deferred message of their own
    /// they took a fifth of the audit's memory and 6 % of its time.
    public struct SharedFinding: Sendable {
        @usableFromInline let own: Own
        public init(missing: [String]) {
            own = Own(text: nil, missing: missing, finding: nil, waiver: nil, baseline: nil, fromRule: true)
        }
        /// The facts these findings lack.
        public var missing: [String] { own.missing }
    }

    @usableFromInline
    final class WaiverBox: Sendable {
        @usableFromInline let waiver: AppliedWaiver
        init(_ waiver: AppliedWaiver) { self.waiver = waiver }
    }

    /// What only some outcomes have. Immutable: a change makes a new one (changes are rare: a
    /// waiver or a baseline mark on a few findings).
    @usableFromInline
    final class Own: Sendable {
        /// The outcome's own message: `text` as given, or `deferred` rendered when read.
        @usableFromInline let text: String?
        @usableFromInline let deferred: (any DeferredMessage)?
        @usableFromInline var message: String? { text ?? deferred?.render() }
        @usableFromInline let missing: [String]
        /// Nil when it is the default `RULE@kind:id`, derived on demand: reports read the finding
        /// ids of only a few outcomes.
        let finding: String?
        /// Boxed: a waiver is five strings and a location, and only a few outcomes have one, while
        /// every finding and unknown outcome of a city-wide audit has an `Own`.
        @usableFromInline let waiverBox: WaiverBox?
        @usableFromInline var waiver: AppliedWaiver? { waiverBox?.waiver }
        @usableFromInline let baseline: Bool?
        /// With no `text` or `deferred`: the message is the rule's `findingMessage` for the subject.
        @usableFromInline let fromRule: Bool

        init(text: String?, deferred: (any DeferredMessage)? = nil, missing: [String], finding: String?,
             waiver: AppliedWaiver?, baseline: Bool?, fromRule: Bool = false) {
            self.text = text; self.deferred = text == nil ? deferred : nil; self.missing = missing
            self.finding = finding; self.waiverBox = waiver.map(WaiverBox.init); self.baseline = baseline
            self.fromRule = text == nil && deferred == nil && fromRule
        }

        var isEmpty: Bool {
            text == nil && deferred == nil && !fromRule && missing.isEmpty && finding == nil && waiverBox == nil && baseline == nil
        }
    }

    // Readable from inlinable accessors: reports and the engine read the fields of hundreds of
    // thousands of outcomes in other modules, and a call per field copied the outcome each time
    // (retaining and releasing its parts).
    @usableFromInline private(set) var rulePart: RulePart
    @usableFromInline private(set) var subjectPart: SubjectPart
    public var status: OutcomeStatus
    @usableFromInline private(set) var own: Own?

    public var finding: String {
        get {
            own?.finding ?? Outcome.findingID(rule: rulePart.rule, kind: subjectPart.subject.kind, id: subjectPart.subject.id)
        }
        set { change(finding: newValue) }
    }
    public var rule: String {
        @inlinable get { rulePart.rule }
        set { rulePart = rulePart.with(rule: newValue) }
    }
    public var severity: Severity {
        @inlinable get { rulePart.severity }
        set { rulePart = rulePart.with(severity: newValue) }
    }
    public var subject: SubjectRef {
        @inlinable get { subjectPart.subject }
        set { keepMessage(); subjectPart = SubjectPart(subject: newValue, location: subjectPart.location) }
    }
    public var references: [Reference] {
        @inlinable get { rulePart.references }
        set { rulePart = rulePart.with(references: newValue) }
    }
    public var message: String {
        @inlinable get {
            guard let own else { return rulePart.message }
            if let message = own.message { return message }
            if own.fromRule, let template = rulePart.findingMessage { return template.render(for: subjectPart) }
            return rulePart.message
        }
        set { change(message: newValue) }
    }
    public var location: Location? {
        @inlinable get { subjectPart.location }
        set { keepMessage(); subjectPart = SubjectPart(subject: subjectPart.subject, location: newValue) }
    }
    /// Facts an `unknown` outcome lacked, as CEL paths (`party.transfer`, `asset.retention`).
    public var missing: [String] {
        @inlinable get { own?.missing ?? [] }
        set { change(missing: newValue) }
    }
    /// `missing` read where it lies. The outcomes of one rule share one list of missing facts, and
    /// a report that copied it for each entry took counts on it from both cores at once.
    @inlinable
    public func withMissingInPlace<R>(_ body: (UnsafeBufferPointer<String>) throws -> R) rethrows -> R {
        guard let own else { return try body(UnsafeBufferPointer(start: nil, count: 0)) }
        return try own.missing.withUnsafeBufferPointer(body)
    }
    public var waiver: AppliedWaiver? {
        @inlinable get { own?.waiver }
        set { change(waiver: .some(newValue)) }
    }
    /// True when a `--baseline` result already held this finding.
    public var baseline: Bool? {
        @inlinable get { own?.baseline }
        set { change(baseline: .some(newValue)) }
    }

    /// A new `Own` with the given fields changed (nil: keep; for the optional fields `.some(nil)` clears).
    private mutating func change(message: String? = nil, missing: [String]? = nil, finding: String? = nil,
                                 waiver: AppliedWaiver?? = nil, baseline: Bool?? = nil) {
        let next = Own(text: message ?? own?.text, deferred: own?.deferred, missing: missing ?? own?.missing ?? [],
                       finding: finding ?? own?.finding, waiver: waiver ?? own?.waiver, baseline: baseline ?? own?.baseline,
                       fromRule: own?.fromRule ?? false)
        own = next.isEmpty ? nil : next
    }

    /// Before the subject part is replaced: a message rendered from it becomes text of its own.
    private mutating func keepMessage() {
        if let own, own.fromRule { change(message: message) }
    }

    /// An outcome from parts shared with other outcomes; its finding id is the default `RULE@kind:id`.
    /// `message`: nil for the rule part's message.
    public init(rule: RulePart, subject: SubjectPart, status: OutcomeStatus, message: String? = nil, missing: [String] = []) {
        rulePart = rule; subjectPart = subject; self.status = status
        own = message == nil && missing.isEmpty ? nil
            : Own(text: message, missing: missing, finding: nil, waiver: nil, baseline: nil)
    }

    /// A finding of the rule part's rule whose message is the rule's `findingMessage` rendered for
    /// `subject` when read; `shared` is made once for every such finding of the rule that lacks
    /// the same facts.
    @inlinable
    public init(rule: RulePart, subject: SubjectPart, status: OutcomeStatus, shared: SharedFinding) {
        rulePart = rule; subjectPart = subject; self.status = status; own = shared.own
    }

    /// An outcome whose message is rendered when it is read (see `DeferredMessage`).
    public init(rule: RulePart, subject: SubjectPart, status: OutcomeStatus, deferredMessage: any DeferredMessage,
                missing: [String] = []) {
        rulePart = rule; subjectPart = subject; self.status = status
        own = Own(text: nil, deferred: deferredMessage, missing: missing, finding: nil, waiver: nil, baseline: nil)
    }

    /// An outcome whose finding id is the default `RULE@kind:id`.
    public init(rule: String, status: OutcomeStatus, severity: Severity, subject: SubjectRef,
                references: [Reference], message: String, location: Location?, missing: [String] = []) {
        self.init(rule: RulePart(rule: rule, severity: severity, references: references, message: message),
                  subject: SubjectPart(subject: subject, location: location), status: status, missing: missing)
    }

    public init(finding: String, rule: String, status: OutcomeStatus, severity: Severity, subject: SubjectRef,
                references: [Reference], message: String, location: Location?, missing: [String] = [],
                waiver: AppliedWaiver? = nil, baseline: Bool? = nil) {
        rulePart = RulePart(rule: rule, severity: severity, references: references, message: message)
        subjectPart = SubjectPart(subject: subject, location: location)
        self.status = status
        own = Own(text: nil, missing: missing, finding: finding, waiver: waiver, baseline: baseline)
    }

    /// The JSON keys of SPEC section 5.
    enum CodingKeys: String, CodingKey {
        case finding, rule, status, severity, subject, references, message, location, missing, waiver, baseline
    }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        guard let finding = try c.decodeIfPresent(String.self, forKey: .finding) else {
            throw DecodingError.dataCorrupted(.init(codingPath: decoder.codingPath,
                                                    debugDescription: "an outcome needs its finding id"))
        }
        self.init(finding: finding, rule: try c.decode(String.self, forKey: .rule),
                  status: try c.decode(OutcomeStatus.self, forKey: .status),
                  severity: try c.decode(Severity.self, forKey: .severity),
                  subject: try c.decode(SubjectRef.self, forKey: .subject),
                  references: try c.decode([Reference].self, forKey: .references),
                  message: try c.decode(String.self, forKey: .message),
                  location: try c.decodeIfPresent(Location.self, forKey: .location),
                  missing: try c.decode([String].self, forKey: .missing),
                  waiver: try c.decodeIfPresent(AppliedWaiver.self, forKey: .waiver),
                  baseline: try c.decodeIfPresent(Bool.self, forKey: .baseline))
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(finding, forKey: .finding)
        try c.encode(rule, forKey: .rule)
        try c.encode(status, forKey: .status)
        try c.encode(severity, forKey: .severity)
        try c.encode(subject, forKey: .subject)
        try c.encode(references, forKey: .references)
        try c.encode(message, forKey: .message)
        try c.encodeIfPresent(location, forKey: .location)
        try c.encode(missing, forKey: .missing)
        try c.encodeIfPresent(waiver, forKey: .waiver)
        try c.encodeIfPresent(baseline, forKey: .baseline)
    }

    public static func == (lhs: Outcome, rhs: Outcome) -> Bool {
        lhs.rulePart == rhs.rulePart && lhs.subjectPart == rhs.subjectPart && lhs.status == rhs.status
            && lhs.message == rhs.message && lhs.missing == rhs.missing && lhs.waiver == rhs.waiver
            && lhs.baseline == rhs.baseline && lhs.finding == rhs.finding
    }

    /// `RULE@kind:id` (SPEC 2.4), built in one allocation.
    public static func findingID(rule: String, kind: String, id: String) -> String {
        var rule = rule, kind = kind, id = id
        let count = rule.utf8.count + kind.utf8.count + id.utf8.count + 2
        return rule.withUTF8 { r in kind.withUTF8 { k in id.withUTF8 { i in
            String(unsafeUninitializedCapacity: count) { buffer in
                var at = buffer.initialize(fromContentsOf: r)
                buffer[at] = UInt8(ascii: "@"); at += 1
                at = buffer[at...].initialize(fromContentsOf: k)
                buffer[at] = UInt8(ascii: ":"); at += 1
                at = buffer[at...].initialize(fromContentsOf: i)
                return at
            }
        } } }
    }

}

/// A message made only when it is read.
///
/// The engine renders a finding's message from its rule's template and the subject's values. A
/// city-wide audit has a hundred thousand unknown outcomes whose messages the text report never
/// shows; rendering each one as it was made cost more time and memory than the rest of making the
/// outcome, so theirs wait until read (a failure's, which every report shows, is rendered at
/// once). Rendering must give the same text every time (it reads only immutable values).
public protocol DeferredMessage: AnyObject, Sendable {
    func render() -> String
}

/// A rule's finding message for any of its subjects, rendered when read (see `DeferredMessage`
/// and `Outcome.SharedFinding`). Rendering must give the same text every time for one subject.
public protocol FindingMessageTemplate: AnyObject, Sendable {
    func render(for subject: Outcome.SubjectPart) -> String
}
