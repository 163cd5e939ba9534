/// The audit result contract of SPEC section 5 (`schouw/audit-result/v1`).
///
/// This is what `--format json` writes and what `report`, `--baseline` and `attest` read back, so it is
/// versioned and kept in a module of its own: reporters and attestations depend on the result, never on
/// the engine that produced it.
public struct AuditResult: Codable, Sendable, Equatable {
    public static let schemaID = "schouw/audit-result/v1"

    public var schema: String
    /// Language of the rule texts (`nl` or `en`).
    public var lang: String
    public var tool: Tool
    public var descriptor: DescriptorRef
    public var ruleset: Ruleset
    public var project: ProjectInfo
    /// The `--now` instant the audit was evaluated at (RFC 3339, UTC).
    public var evaluatedAt: String
    public var gate: Gate
    public var summary: Summary
    public var outcomes: [Outcome]
    /// Waivers that matched nothing, expired, or were refused.
    public var waiverNotes: [WaiverNote]
    /// Rule metadata for every rule that produced an outcome, keyed by rule id (for SARIF, JUnit, reports).
    public var rules: [RuleInfo]

    enum CodingKeys: String, CodingKey {
        case schema, lang, tool, descriptor, ruleset, project, gate, summary, outcomes, rules
        case evaluatedAt = "evaluated-at"
        case waiverNotes = "waiver-notes"
    }

    public init(schema: String = AuditResult.schemaID, lang: String, tool: Tool, descriptor: DescriptorRef, ruleset: Ruleset,
                project: ProjectInfo, evaluatedAt: String, gate: Gate, summary: Summary, outcomes: [Outcome],
                waiverNotes: [WaiverNote], rules: [RuleInfo]) {
        self.schema = schema; self.lang = lang; self.tool = tool; self.descriptor = descriptor; self.ruleset = ruleset
        self.project = project; self.evaluatedAt = evaluatedAt; self.gate = gate; self.summary = summary
        self.outcomes = outcomes; self.waiverNotes = waiverNotes; self.rules = rules
    }

    public struct Tool: Codable, Sendable, Equatable {
        public var name: String
        public var version: String
        public init(name: String = "schouw", version: String) { self.name = name; self.version = version }
    }

    public struct DescriptorRef: Codable, Sendable, Equatable {
        public var path: String
        /// The main file's digest (see `FileDigestText`: computed when first read, if not given).
        public var sha256: String {
            get { digest.text }
            set { digest = FileDigestText(newValue) }
        }
        private var digest: FileDigestText
        /// Every file that made up the descriptor (the main file and its includes), with digests.
        public var files: [FileDigest]

        public init(path: String, sha256: String, files: [FileDigest]) {
            self.path = path; self.digest = FileDigestText(sha256); self.files = files
        }

        /// A reference whose main digest is computed by `sha256` when first read.
        public init(path: String, sha256: @escaping @Sendable () -> String, files: [FileDigest]) {
            self.path = path; self.digest = FileDigestText(computedBy: sha256); self.files = files
        }

        /// The digest is written under `sha256`, as the text it stands for (`FileDigestText`).
        enum CodingKeys: String, CodingKey { case path, digest = "sha256", files }
    }

    public struct FileDigest: Codable, Sendable, Equatable {
        public var path: String
        /// See `FileDigestText`: computed when first read, if not given.
        public var sha256: String {
            get { digest.text }
            set { digest = FileDigestText(newValue) }
        }
        private var digest: FileDigestText

        public init(path: String, sha256: String) { self.path = path; self.digest = FileDigestText(sha256) }

        /// A file whose digest is computed by `sha256` when first read.
        public init(path: String, sha256: @escaping @Sendable () -> String) {
            self.path = path; self.digest = FileDigestText(computedBy: sha256)
        }

        enum CodingKeys: String, CodingKey { case path, digest = "sha256" }
    }

    public struct Ruleset: Codable, Sendable, Equatable {
        public var sha256: String
        public var rules: Int
        /// Catalogue versions the references point into, e.g. `["bio2": "1.3", "bio-1.04": "1.04"]`.
        public var catalogues: [String: String]
        public init(sha256: String, rules: Int, catalogues: [String: String]) {
            self.sha256 = sha256; self.rules = rules; self.catalogues = catalogues
        }
    }

    public struct ProjectInfo: Codable, Sendable, Equatable {
        public var id: String
        public var name: String
        public var organisation: String?
        public var phase: String?
        public var bio: String
        public init(id: String, name: String, organisation: String?, phase: String?, bio: String) {
            self.id = id; self.name = name; self.organisation = organisation; self.phase = phase; self.bio = bio
        }
    }

    public struct Gate: Codable, Sendable, Equatable {
        /// `info|low|medium|high|critical|never`.
        public var failOn: String
        public var failOnUnknown: Bool
        /// `passed|failed`.
        public var verdict: String
        enum CodingKeys: String, CodingKey {
            case failOn = "fail-on"
            case failOnUnknown = "fail-on-unknown"
            case verdict
        }
        public init(failOn: String, failOnUnknown: Bool, verdict: String) {
            self.failOn = failOn; self.failOnUnknown = failOnUnknown; self.verdict = verdict
        }
    }

    public struct Summary: Codable, Sendable, Equatable {
        public var fail: SeverityCounts
        public var unknown: Int
        public var pass: Int
        public var notApplicable: Int
        public var waived: Int
        enum CodingKeys: String, CodingKey {
            case fail, unknown, pass, waived
            case notApplicable = "not-applicable"
        }
        public init(fail: SeverityCounts, unknown: Int, pass: Int, notApplicable: Int, waived: Int) {
            self.fail = fail; self.unknown = unknown; self.pass = pass
            self.notApplicable = notApplicable; self.waived = waived
        }

        /// These counts plus `other`'s (counts of stretches of outcomes added up).
        public mutating func add(_ other: Summary) {
            fail.add(other.fail)
            unknown += other.unknown; pass += other.pass; notApplicable += other.notApplicable; waived += other.waived
        }
    }

    public struct SeverityCounts: Codable, Sendable, Equatable {
        public var critical: Int
        public var high: Int
        public var medium: Int
        public var low: Int
        public var info: Int
        public init(critical: Int = 0, high: Int = 0, medium: Int = 0, low: Int = 0, info: Int = 0) {
            self.critical = critical; self.high = high; self.medium = medium; self.low = low; self.info = info
        }
        public subscript(severity: Severity) -> Int {
            get {
                switch severity {
                case .critical: critical
                case .high: high
                case .medium: medium
                case .low: low
                case .info: info
                }
            }
            set {
                switch severity {
                case .critical: critical = newValue
                case .high: high = newValue
                case .medium: medium = newValue
                case .low: low = newValue
                case .info: info = newValue
                }
            }
        }

        public mutating func add(_ other: SeverityCounts) {
            for severity in Severity.allCases { self[severity] += other[severity] }
        }
    }
}

public enum Severity: String, Codable, Sendable, CaseIterable, Comparable {
    case info, low, medium, high, critical

    public var rank: Int {
        switch self {
        case .info: 0
        case .low: 1
        case .medium: 2
        case .high: 3
        case .critical: 4
        }
    }

    public static func < (lhs: Severity, rhs: Severity) -> Bool { lhs.rank < rhs.rank }
}

public enum OutcomeStatus: String, Codable, Sendable, CaseIterable {
    case fail, pass, unknown
    case notApplicable = "not-applicable"
    case waived

    /// What reports list as a finding: everything but a pass and a rule that did not apply.
    public var isFinding: Bool { self == .fail || self == .unknown || self == .waived }
}

public struct Reference: Codable, Sendable, Hashable {
    /// One of `avg`, `uavg`, `bio2`, `bio-1.04`, `bio-cloud`, `gibit`, `vng-vwo`, `forum-standaardisatie`,
    /// `ncsc-tls`, `ap-dpia-list`, `gemeentewet`, `ai-act`, `other`.
    public var framework: String
    public var ref: String
    public init(framework: String, ref: String) { self.framework = framework; self.ref = ref }
}

public struct Location: Codable, Sendable, Hashable {
    public var file: String
    public var line: Int
    public var column: Int
    public init(file: String, line: Int, column: Int) { self.file = file; self.line = line; self.column = column }
}

public struct SubjectRef: Codable, Sendable, Hashable {
    /// `project|party|zone|data|system|flow|purpose`.
    public var kind: String
    public var id: String
    public var name: String?
    public init(kind: String, id: String, name: String? = nil) { self.kind = kind; self.id = id; self.name = name }
}

public struct AppliedWaiver: Codable, Sendable, Equatable {
    /// The pattern as written, e.g. `AVG-026@party:*`.
    public var finding: String
    public var reason: String
    public var approvedBy: String
    public var expires: String
    public var ticket: String?
    /// True when the waiver matched but its expiry lies before `--now`: the finding then stays a failure.
    public var expired: Bool
    public var location: Location?
    enum CodingKeys: String, CodingKey {
        case finding, reason, expires, ticket, expired, location
        case approvedBy = "approved-by"
    }
    public init(finding: String, reason: String, approvedBy: String, expires: String, ticket: String?,
                expired: Bool, location: Location?) {
        self.finding = finding; self.reason = reason; self.approvedBy = approvedBy; self.expires = expires
        self.ticket = ticket; self.expired = expired; self.location = location
    }
}

public struct WaiverNote: Codable, Sendable, Equatable {
    /// `stale` (matched nothing), `expired`, `refused` (rule not waivable) or `invalid`.
    public var kind: String
    public var finding: String
    public var message: String
    public var location: Location?
    public init(kind: String, finding: String, message: String, location: Location?) {
        self.kind = kind; self.finding = finding; self.message = message; self.location = location
    }
}

/// What reporters need to know about a rule without loading rule files.
public struct RuleInfo: Codable, Sendable, Equatable {
    public var id: String
    public var pack: String
    public var title: String
    public var severity: Severity
    public var references: [Reference]
    public var remediation: String
    public var description: String?
    public var waivable: Bool
    public init(id: String, pack: String, title: String, severity: Severity, references: [Reference],
                remediation: String, description: String?, waivable: Bool) {
        self.id = id; self.pack = pack; self.title = title; self.severity = severity
        self.references = references; self.remediation = remediation; self.description = description
        self.waivable = waivable
    }
}
