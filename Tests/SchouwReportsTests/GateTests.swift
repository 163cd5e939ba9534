import SchouwResult
import Testing
@testable import SchouwReports

@Suite struct GateTests {
    static func result(_ outcomes: [Outcome]) -> AuditResult {
        var r = Fixtures.parkerenResult
        r.outcomes = outcomes
        return r
    }

    static func outcome(_ status: OutcomeStatus, _ severity: Severity, waiver: AppliedWaiver? = nil) -> Outcome {
        Outcome(finding: "R-1@system:s", rule: "R-1", status: status, severity: severity,
                subject: SubjectRef(kind: "system", id: "s"), references: [], message: "m", location: nil, waiver: waiver)
    }

    static let waiver = AppliedWaiver(finding: "R-1@system:s", reason: "r", approvedBy: "CISO", expires: "2026-06-30",
                                      ticket: nil, expired: false, location: nil)
    static let expiredWaiver = AppliedWaiver(finding: "R-1@system:s", reason: "r", approvedBy: "CISO", expires: "2026-01-01",
                                             ticket: nil, expired: true, location: nil)

    /// A failure of each severity against each threshold: exit 1 exactly when severity >= threshold.
    @Test(arguments: FailOn.allCases, Severity.allCases)
    func failureGatesAtOrAboveThreshold(_ failOn: FailOn, _ severity: Severity) {
        let code = Gate.exitCode(result: Self.result([Self.outcome(.fail, severity)]), failOn: failOn, failOnUnknown: false)
        let expected: Int32 = failOn.threshold.map { severity >= $0 ? 1 : 0 } ?? 0
        #expect(code == expected)
    }

    @Test(arguments: FailOn.allCases)
    func cleanResultPassesEveryLevel(_ failOn: FailOn) {
        let r = Self.result([Self.outcome(.pass, .critical), Self.outcome(.notApplicable, .critical)])
        #expect(Gate.exitCode(result: r, failOn: failOn, failOnUnknown: true) == 0)
    }

    @Test func defaultThresholdIsHigh() {
        #expect(GatePolicy().failOn == .high)
        #expect(Gate.exitCode(result: Self.result([Self.outcome(.fail, .medium)]), failOn: GatePolicy().failOn, failOnUnknown: false) == 0)
        #expect(Gate.exitCode(result: Self.result([Self.outcome(.fail, .high)]), failOn: GatePolicy().failOn, failOnUnknown: false) == 1)
    }

    @Test func unknownGatesOnlyWhenAsked() {
        let r = Self.result([Self.outcome(.unknown, .critical)])
        #expect(Gate.exitCode(result: r, failOn: .high, failOnUnknown: false) == 0)
        #expect(Gate.exitCode(result: r, failOn: .high, failOnUnknown: true) == 1)
        #expect(Gate.exitCode(result: r, failOn: .never, failOnUnknown: true) == 0)
        let low = Self.result([Self.outcome(.unknown, .low)])
        #expect(Gate.exitCode(result: low, failOn: .high, failOnUnknown: true) == 0)
        #expect(Gate.exitCode(result: low, failOn: .low, failOnUnknown: true) == 1)
    }

    @Test(arguments: FailOn.allCases)
    func waivedFindingsNeverGate(_ failOn: FailOn) {
        let r = Self.result([Self.outcome(.waived, .critical, waiver: Self.waiver)])
        #expect(Gate.exitCode(result: r, failOn: failOn, failOnUnknown: true) == 0)
    }

    @Test(arguments: FailOn.allCases)
    func expiredWaiverDoesNotWaive(_ failOn: FailOn) {
        // As the engine writes it: status fail with the expired waiver attached.
        let engine = Self.result([Self.outcome(.fail, .critical, waiver: Self.expiredWaiver)])
        // As a hand-edited result might say it: still "waived", but the waiver has expired.
        let edited = Self.result([Self.outcome(.waived, .critical, waiver: Self.expiredWaiver)])
        let expected: Int32 = failOn == .never ? 0 : 1
        #expect(Gate.exitCode(result: engine, failOn: failOn, failOnUnknown: false) == expected)
        #expect(Gate.exitCode(result: edited, failOn: failOn, failOnUnknown: false) == expected)
    }

    @Test func fixturesGateAsTheirVerdictSays() {
        #expect(Gate.verdict(Fixtures.binnenstadResult, policy: GatePolicy(recordedIn: Fixtures.binnenstadResult)) == "failed")
        #expect(Gate.verdict(Fixtures.parkerenResult, policy: GatePolicy(recordedIn: Fixtures.parkerenResult)) == "passed")
        // The expired waiver on BIO-031 (medium) gates at medium; the valid one on AVG-026 (high) does not.
        let blocking = Gate.blocking(Fixtures.binnenstadResult, policy: GatePolicy(failOn: .medium))
        #expect(blocking.map(\.finding).sorted() == ["AVG-024@party:cloudco", "BIO-013@flow:gateway-naar-platform",
                                                     "BIO-031@system:telplatform"])
    }
}
