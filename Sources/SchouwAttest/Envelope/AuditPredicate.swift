import SchouwResult

/// The claim schouw signs: who audited which descriptor, against which rules, with what result.
///
/// Predicate type `https://schouw.dev/attestation/audit/v1`; JSON Schema in
/// `docs/attestation-predicate-v1.schema.json`. Keys are kebab-case like the audit result they summarise.
public struct AuditPredicate: Codable, Equatable, Sendable {
    public static let typeURI = "https://schouw.dev/attestation/audit/v1"

    public var signer: Signer
    /// When the attestation was signed (RFC 3339, UTC): `--now` or the current time.
    public var time: String
    /// The tool that ran the audit.
    public var tool: AuditResult.Tool
    public var descriptor: AuditResult.DescriptorRef
    public var project: AuditResult.ProjectInfo
    public var ruleset: AuditResult.Ruleset
    public var gate: Gate
    /// `passed|failed`, the gate's verdict.
    public var verdict: String
    /// The `--now` the audit was evaluated at.
    public var evaluatedAt: String
    public var counts: Counts
    /// Every outcome, sorted by finding id.
    public var findings: [Finding]
    /// Waivers that took effect, sorted by pattern.
    public var waivers: [Waiver]

    enum CodingKeys: String, CodingKey {
        case signer, time, tool, descriptor, project, ruleset, gate, verdict, counts, findings, waivers
        case evaluatedAt = "evaluated-at"
    }

    public struct Signer: Codable, Equatable, Sendable {
        public var name: String
        public var keyid: String
    }

    public struct Gate: Codable, Equatable, Sendable {
        public var failOn: String
        public var failOnUnknown: Bool
        enum CodingKeys: String, CodingKey {
            case failOn = "fail-on"
            case failOnUnknown = "fail-on-unknown"
        }
    }

    public struct Counts: Codable, Equatable, Sendable {
        public var critical, high, medium, low, info, unknown, pass, waived, notApplicable: Int
        enum CodingKeys: String, CodingKey {
            case critical, high, medium, low, info, unknown, pass, waived
            case notApplicable = "not-applicable"
        }
    }

    public struct Finding: Codable, Equatable, Sendable {
        public var id: String
        public var severity: String
        public var status: String
    }

    public struct Waiver: Codable, Equatable, Sendable {
        public var finding: String
        public var reason: String
        public var approvedBy: String
        public var expires: String
        public var ticket: String?
        /// The finding ids this waiver covered.
        public var covers: [String]
        enum CodingKeys: String, CodingKey {
            case finding, reason, expires, ticket, covers
            case approvedBy = "approved-by"
        }
    }

    /// Summarises `result` for signing. Throws when the result's verdict is not `passed` or `failed`.
    public init(result: AuditResult, signer: String, keyid: String, time: String) throws {
        guard result.gate.verdict == "passed" || result.gate.verdict == "failed" else {
            throw AttestError("the audit result's gate.verdict is '\(result.gate.verdict)'; expected 'passed' or 'failed'")
        }
        self.signer = Signer(name: signer, keyid: keyid)
        self.time = time
        self.tool = result.tool
        self.descriptor = result.descriptor
        self.project = result.project
        self.ruleset = result.ruleset
        self.gate = Gate(failOn: result.gate.failOn, failOnUnknown: result.gate.failOnUnknown)
        self.verdict = result.gate.verdict
        self.evaluatedAt = result.evaluatedAt
        let s = result.summary
        self.counts = Counts(critical: s.fail.critical, high: s.fail.high, medium: s.fail.medium, low: s.fail.low,
                             info: s.fail.info, unknown: s.unknown, pass: s.pass, waived: s.waived,
                             notApplicable: s.notApplicable)
        self.findings = result.outcomes
            .map { Finding(id: $0.finding, severity: $0.severity.rawValue, status: $0.status.rawValue) }
            .sorted { ($0.id, $0.status, $0.severity) < ($1.id, $1.status, $1.severity) }

        var waivers: [String: Waiver] = [:]
        for outcome in result.outcomes where outcome.status == .waived {
            guard let w = outcome.waiver, !w.expired else { continue }
            let key = [w.finding, w.approvedBy, w.expires, w.reason, w.ticket ?? ""].joined(separator: "\u{0}")
            waivers[key, default: Waiver(finding: w.finding, reason: w.reason, approvedBy: w.approvedBy,
                                         expires: w.expires, ticket: w.ticket, covers: [])].covers.append(outcome.finding)
        }
        self.waivers = waivers.values
            .map { var w = $0; w.covers.sort(); return w }
            .sorted { ($0.finding, $0.approvedBy, $0.expires, $0.reason) < ($1.finding, $1.approvedBy, $1.expires, $1.reason) }
    }
}
