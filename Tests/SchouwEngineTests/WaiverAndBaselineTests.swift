import Foundation
import SchouwEngine
import SchouwModel
import SchouwResult
import Testing

@Suite struct WaiverAndBaselineTests {
    /// A processor without an agreement (AVG-017, waivable) and an HTTP public site (OS-001, not waivable).
    static func descriptor(waivers: String) -> String {
        """
        schouw: 1
        project: {id: p, name: P, organisation: Gemeente Test}
        parties:
          - {id: gemeente, role: controller, country: NL}
          - {id: leverancier, role: processor, country: NL}
        data:
          - {id: beelden, categories: [personal.image], retention: P7D}
        systems:
          - {id: platform, kind: platform, operator: leverancier, stores: [beelden], internet-facing: true,
             endpoints: [{url: "http://x.example.nl", hsts: false}]}
        \(waivers)
        """
    }

    func audit(_ yaml: String, now: String = "2026-03-01T00:00:00Z", baseline: AuditResult? = nil,
               lang: Language = .nl) throws -> AuditResult {
        let d = try #require(loadDescriptor(yaml))
        let date = try #require(ISO8601DateFormatter().date(from: now))
        return Auditor.run(d, descriptorPath: "test.yaml", rules: builtInRules,
                           settings: AuditSettings(failOn: .high, baseline: baseline, lang: lang, now: date, toolVersion: "test"))
    }

    func outcome(_ r: AuditResult, _ finding: String) -> Outcome? { r.outcomes.first { $0.finding == finding } }

    @Test func validWaiverWaivesAndGateIgnoresIt() throws {
        let r = try audit(Self.descriptor(waivers: """
        waivers:
          - {finding: "AVG-017@party:*", reason: "VWO in onderhandeling", approved-by: CISO, expires: 2026-06-30, ticket: SEC-1}
        """))
        let o = try #require(outcome(r, "AVG-017@party:leverancier"))
        #expect(o.status == .waived)
        #expect(o.waiver?.approvedBy == "CISO" && o.waiver?.expired == false)
        #expect(r.summary.waived >= 1)
    }

    @Test func expiredWaiverNoLongerApplies() throws {
        let r = try audit(Self.descriptor(waivers: """
        waivers:
          - {finding: "AVG-017@party:leverancier", reason: "x", approved-by: CISO, expires: 2026-01-31}
        """))
        let o = try #require(outcome(r, "AVG-017@party:leverancier"))
        #expect(o.status == .fail)
        #expect(o.waiver?.expired == true)
        #expect(r.waiverNotes.contains { $0.kind == "expired" })
        #expect(r.gate.verdict == "failed")
    }

    @Test func nonWaivableRuleRefusesTheWaiver() throws {
        let r = try audit(Self.descriptor(waivers: """
        waivers:
          - {finding: "OS-001@system:platform", reason: "x", approved-by: CISO, expires: 2027-01-01}
        """))
        #expect(outcome(r, "OS-001@system:platform")?.status == .fail)
        #expect(r.waiverNotes.contains { $0.kind == "refused" && $0.finding == "OS-001@system:platform" })
    }

    @Test func waiverMatchingNothingIsStale() throws {
        let r = try audit(Self.descriptor(waivers: """
        waivers:
          - {finding: "AVG-017@party:iemand-anders", reason: "x", approved-by: CISO, expires: 2027-01-01}
        """))
        #expect(r.waiverNotes.contains { $0.kind == "stale" && $0.finding == "AVG-017@party:iemand-anders" })
        // A pattern that is not of the form RULE@kind:id does not get this far: `WaiverLoaderTests`.
    }

    @Test func staleWaiverNamesTheLikelyTypo() throws {
        let waivers = """
        waivers:
          - {finding: "AVG-17@party:leverancier", reason: "x", approved-by: CISO, expires: 2027-01-01}
        """
        // In the audit's language, as every other text of the report.
        let dutch = try audit(Self.descriptor(waivers: waivers))
        #expect(dutch.waiverNotes.first?.message == "uitzondering noemt regel AVG-17, die niet is uitgevoerd (bedoelde u `AVG-017`?); verbeter het patroon of laad de regel met --rules")
        let r = try audit(Self.descriptor(waivers: """
        waivers:
          - {finding: "AVG-17@party:leverancier", reason: "x", approved-by: CISO, expires: 2027-01-01}
          - {finding: "AVG-017@party:leverancer", reason: "x", approved-by: CISO, expires: 2027-01-01}
          - {finding: "AVG-017@party:iemand-heel-anders", reason: "x", approved-by: CISO, expires: 2027-01-01}
        """), lang: .en)
        let stale = Dictionary(r.waiverNotes.filter { $0.kind == "stale" }.map { ($0.finding, $0.message) },
                               uniquingKeysWith: { a, _ in a })
        #expect(stale["AVG-17@party:leverancier"]?.contains("rule AVG-17, which did not run (did you mean `AVG-017`?)") == true,
                "\(stale)")
        #expect(stale["AVG-017@party:leverancer"]?.contains("did you mean `AVG-017@party:leverancier`?") == true, "\(stale)")
        #expect(stale["AVG-017@party:iemand-heel-anders"] == "waiver matches no failing finding; remove it or correct the pattern")
    }

    @Test func baselineKeepsOnlyNewFindings() throws {
        let before = try audit(Self.descriptor(waivers: ""))
        #expect(outcome(before, "AVG-017@party:leverancier")?.status == .fail)
        let after = try audit(Self.descriptor(waivers: ""), baseline: before)
        #expect(after.outcomes.allSatisfy { $0.status != .fail }, "every failure was already known")
        #expect(after.gate.verdict == "passed")
        let unknowns = after.outcomes.filter { $0.status == .unknown }
        #expect(!unknowns.isEmpty && unknowns.allSatisfy { $0.baseline == true }, "the same unknowns are marked known")
        #expect(after.outcomes.filter { $0.status == .pass }.allSatisfy { $0.baseline == nil })
    }

    @Test func baselineMarksWhatIsNew() throws {
        // The earlier result knew the processor without an agreement; a second supplier is new.
        let before = try audit(Self.descriptor(waivers: ""))
        let supplier = "  - {id: leverancier, role: processor, country: NL}\n"
        let grown = Self.descriptor(waivers: "")
            .replacingOccurrences(of: supplier, with: supplier + "  - {id: tweede, role: processor, country: NL}\n")
        let after = try audit(grown, baseline: before)
        #expect(outcome(after, "AVG-017@party:leverancier") == nil, "a known failure is left out")
        let new = try #require(outcome(after, "AVG-017@party:tweede"))
        #expect(new.status == .fail && new.baseline == false)
        #expect(after.gate.verdict == "failed", "a new failure still fails the gate")
    }

    @Test func findingPatternsMatchWithinOneSegment() {
        #expect(FindingID.matches(pattern: "AVG-*@party:*", finding: "AVG-024@party:cloudco"))
        #expect(FindingID.matches(pattern: "*@*:cloud*", finding: "AVG-024@party:cloudco"))
        #expect(!FindingID.matches(pattern: "AVG-024@*", finding: "AVG-024@party:cloudco"), "* does not cross the colon")
        #expect(!FindingID.matches(pattern: "AVG-02@party:cloudco", finding: "AVG-024@party:cloudco"))
        #expect(!FindingID.matches(pattern: "a*a*a*a*a*a*a*a*b@x:y", finding: String(repeating: "a", count: 5000) + "@x:y"))
    }

    @Test func missingFactsAreUnknownWithThePathNotAPass() throws {
        let r = try audit("""
        schouw: 1
        project: {id: p, name: P}
        zones: [{id: straat, kind: public-space, trust: untrusted, country: NL}]
        data: [{id: mac, categories: [personal.device.mac], form: identified}]
        systems: [{id: teller, kind: sensor, zone: straat, collects: [mac]}]
        """)
        // Whether raw identifiers are kept longer than a day cannot be told without a retention...
        let raw = try #require(outcome(r, "AVG-011@data:mac"))
        #expect(raw.status == .unknown)
        #expect(raw.missing.contains("asset.retention"))
        // ...while the rule that demands a retention period at all fails on its absence.
        #expect(outcome(r, "AVG-010@data:mac")?.status == .fail)
    }
}
