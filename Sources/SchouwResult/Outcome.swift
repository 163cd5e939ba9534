/// One rule's verdict on one subject.
///
/// A city-wide audit holds hundreds of thousands of outcomes that are filtered, sorted and regrouped
/// by every report. The fields live in one shared, copy-on-write box, so copying an outcome is one
/// reference count instead of a dozen, and an array of outcomes is an array of pointers. What all
/// outcomes of a rule have in common (id, severity, references) and what all outcomes on a subject
/// have in common (the subject and its location) sit in parts the engine makes once and shares, so
/// the box holds only what is the outcome's own: about half the memory of every field inline.
public struct Outcome: Codable, Sendable, Equatable {
    /// What every outcome of one rule shares.
    public final class RulePart: Sendable, Equatable {
        public let rule: String
        public let severity: Severity
        public let references: [Reference]
        public init(rule: String, severity: Severity, references: [Reference]) {
            self.rule = rule; self.severity = severity; self.references = references
        }
        public static func == (a: RulePart, b: RulePart) -> Bool {
            a === b || (a.rule == b.rule && a.severity == b.severity && a.references == b.references)
        }
    }

    /// What every outcome on one subject shares.
    public final class SubjectPart: Sendable, Equatable {
        public let subject: SubjectRef
        public let location: Location?
        public init(subject: SubjectRef, location: Location?) { self.subject = subject; self.location = location }
        public static func == (a: SubjectPart, b: SubjectPart) -> Bool {
            a === b || (a.subject == b.subject && a.location == b.location)
        }
    }

    struct Fields: Equatable {
        /// Nil when it is the default `RULE@kind:id`, derived on demand: an audit makes hundreds of
        /// thousands of outcomes and reports read the finding ids of only a few of them.
        var finding: String?
        var rulePart: RulePart
        var subjectPart: SubjectPart
        var status: OutcomeStatus
        var baseline: Bool?
        var message: String
        var missing: [String]
        /// Boxed: few outcomes carry a waiver, and inline it would double the size of every outcome.
        var waiver: Boxed<AppliedWaiver>?
    }

    /// Mutated only when uniquely referenced (see `update`), so sharing it across threads is safe.
    final class Storage: @unchecked Sendable {
        @exclusivity(unchecked) var fields: Fields
        init(_ fields: Fields) { self.fields = fields }
    }

    private var storage: Storage

    public var finding: String {
        get {
            let fields = storage.fields
            return fields.finding ?? Outcome.findingID(rule: fields.rulePart.rule, kind: fields.subjectPart.subject.kind,
                                                       id: fields.subjectPart.subject.id)
        }
        set { update { $0.finding = newValue } }
    }
    public var rule: String {
        get { storage.fields.rulePart.rule }
        set { update { $0.rulePart = RulePart(rule: newValue, severity: $0.rulePart.severity, references: $0.rulePart.references) } }
    }
    public var status: OutcomeStatus { get { storage.fields.status } set { update { $0.status = newValue } } }
    public var severity: Severity {
        get { storage.fields.rulePart.severity }
        set { update { $0.rulePart = RulePart(rule: $0.rulePart.rule, severity: newValue, references: $0.rulePart.references) } }
    }
    public var subject: SubjectRef {
        get { storage.fields.subjectPart.subject }
        set { update { $0.subjectPart = SubjectPart(subject: newValue, location: $0.subjectPart.location) } }
    }
    public var references: [Reference] {
        get { storage.fields.rulePart.references }
        set { update { $0.rulePart = RulePart(rule: $0.rulePart.rule, severity: $0.rulePart.severity, references: newValue) } }
    }
    public var message: String { get { storage.fields.message } set { update { $0.message = newValue } } }
    public var location: Location? {
        get { storage.fields.subjectPart.location }
        set { update { $0.subjectPart = SubjectPart(subject: $0.subjectPart.subject, location: newValue) } }
    }
    /// Facts an `unknown` outcome lacked, as CEL paths (`party.transfer`, `asset.retention`).
    public var missing: [String] { get { storage.fields.missing } set { update { $0.missing = newValue } } }
    public var waiver: AppliedWaiver? {
        get { storage.fields.waiver?.value }
        set { update { $0.waiver = newValue.map(Boxed.init) } }
    }
    /// True when a `--baseline` result already held this finding.
    public var baseline: Bool? { get { storage.fields.baseline } set { update { $0.baseline = newValue } } }

    /// An outcome from parts shared with other outcomes; its finding id is the default `RULE@kind:id`.
    public init(rule: RulePart, subject: SubjectPart, status: OutcomeStatus, message: String, missing: [String] = []) {
        storage = Storage(Fields(finding: nil, rulePart: rule, subjectPart: subject, status: status, baseline: nil,
                                 message: message, missing: missing, waiver: nil))
    }

    /// An outcome whose finding id is the default `RULE@kind:id`.
    public init(rule: String, status: OutcomeStatus, severity: Severity, subject: SubjectRef,
                references: [Reference], message: String, location: Location?, missing: [String] = []) {
        self.init(rule: RulePart(rule: rule, severity: severity, references: references),
                  subject: SubjectPart(subject: subject, location: location), status: status, message: message,
                  missing: missing)
    }

    public init(finding: String, rule: String, status: OutcomeStatus, severity: Severity, subject: SubjectRef,
                references: [Reference], message: String, location: Location?, missing: [String] = [],
                waiver: AppliedWaiver? = nil, baseline: Bool? = nil) {
        storage = Storage(Fields(finding: finding, rulePart: RulePart(rule: rule, severity: severity, references: references),
                                 subjectPart: SubjectPart(subject: subject, location: location), status: status,
                                 baseline: baseline, message: message, missing: missing, waiver: waiver.map(Boxed.init)))
    }

    /// The JSON keys of SPEC section 5, in the order the fields were always encoded.
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
        if lhs.storage === rhs.storage { return true }
        let a = lhs.storage.fields, b = rhs.storage.fields
        return lhs.finding == rhs.finding && a.rulePart == b.rulePart && a.subjectPart == b.subjectPart
            && a.status == b.status && a.baseline == b.baseline && a.message == b.message && a.missing == b.missing
            && a.waiver == b.waiver
    }

    /// `a.finding <= b.finding`, without spelling out both ids when rule and kind agree (the ids
    /// then differ only after the same `RULE@kind:` prefix), and without copying either subject.
    public static func inFindingOrder(_ a: Outcome, _ b: Outcome) -> Bool {
        let x = a.storage.fields, y = b.storage.fields
        let s = x.subjectPart, t = y.subjectPart
        if x.rulePart === y.rulePart || x.rulePart.rule == y.rulePart.rule, s.subject.kind == t.subject.kind {
            return s.subject.id <= t.subject.id
        }
        return a.finding <= b.finding
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

    private mutating func update(_ change: (inout Fields) -> Void) {
        if !isKnownUniquelyReferenced(&storage) { storage = Storage(storage.fields) }
        change(&storage.fields)
    }
}

