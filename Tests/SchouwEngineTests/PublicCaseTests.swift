import Foundation
import SchouwEngine
import SchouwModel
import SchouwResult
import Testing

/// Public cases written as descriptors: schouw must report what the regulator or court found wrong,
/// and nothing absurd. Also the well-designed example, which must pass.
@Suite struct PublicCaseTests {
    static let now = Date(timeIntervalSince1970: 1_772_323_200) // 2026-03-01T00:00:00Z

    /// Audits `Examples/<path>` with the built-in rules; outcome status by finding id.
    static func audit(_ path: String, now: Date = now,
                      sourceLocation: SourceLocation = #_sourceLocation) -> [String: OutcomeStatus] {
        let full = packageRoot.appendingPathComponent("Examples").appendingPathComponent(path).path
        let loaded = DescriptorLoader.load(path: full)
        guard let descriptor = loaded.descriptor, !loaded.hasErrors else {
            Issue.record("\(path) does not load:\n\(loaded.rendered())", sourceLocation: sourceLocation)
            return [:]
        }
        let result = Auditor.run(descriptor, descriptorPath: path, rules: builtInRules,
                                 settings: AuditSettings(failOn: .never, now: now, toolVersion: "test"))
        return Dictionary(result.outcomes.map { ($0.finding, $0.status) }, uniquingKeysWith: { a, _ in a })
    }

    static func failing(_ outcomes: [String: OutcomeStatus]) -> Set<String> {
        Set(outcomes.filter { $0.value == .fail }.map(\.key))
    }

    /// Rule ids with at least one failing subject.
    static func failingRules(_ outcomes: [String: OutcomeStatus]) -> Set<String> {
        Set(failing(outcomes).map { String($0.prefix { $0 != "@" }) })
    }

    @Test func enschedeWifiTracking() {
        let outcomes = Self.audit("cases/enschede-wifi-tracking.yaml")
        let failed = Self.failing(outcomes)
        // What the AP found: tracking of passers-by without a DPIA or a valid legal basis, with a hash
        // that is the same on every sensor, unkeyed and never rotated, so devices can be followed.
        for finding in ["AVG-014@project:enschede-wifi-tracking",  // no DPIA for systematic monitoring
                        "AVG-004@purpose:drukte-meten",            // public task without a statutory basis
                        "AVG-013@data:mac-hashes",                 // plain SHA-256: anyone can recompute it
                        "SC-018@data:mac-hashes",                  // key never rotated
                        "SC-003@data:mac-hashes",                  // same method on every sensor: tracking
                        "AVG-010@data:mac-hashes"] {               // the central store of hashes has no retention limit
            #expect(failed.contains(finding), "expected \(finding) to fail")
        }
        #expect(failed.contains("SC-007@system:sensor-oude-markt"))   // no signs for passers-by
        // Nothing absurd: hashing happened on the sensor, nothing left the EEA, no cameras or special data.
        for rule in ["SC-001", "SC-002", "SC-008", "AVG-003", "AVG-006", "AVG-024", "AVG-026", "SC-005", "SC-010"] {
            #expect(!Self.failingRules(outcomes).contains(rule), "\(rule) should not fail for Enschede")
        }
        #expect(outcomes["SC-001@system:sensor-oude-markt"] == .pass)
        #expect(outcomes["AVG-024@party:telbedrijf"] != .fail)
    }

    @Test func milieuzoneANPR() {
        let outcomes = Self.audit("cases/milieuzone-anpr.yaml")
        let failed = Self.failing(outcomes)
        // Plates of every passing car are kept for weeks and sent on unfiltered; all plates go to the
        // police for another purpose without a basis; fines follow without human review.
        for finding in ["AVG-011@data:kentekenregistraties",            // plates kept four weeks
                        "SC-010@system:anpr-camera",                    // no filtering of no-hit plates at the source
                        "AVG-036@flow:platform-naar-politie",           // disclosure to the police without a basis
                        "AVG-029@purpose:opsporing-politie",            // re-use without a compatibility assessment
                        "AVG-004@purpose:opsporing-politie",
                        "AVG-027@purpose:milieuzone-handhaving"] {      // automated fines without review
            #expect(failed.contains(finding), "expected \(finding) to fail")
        }
        // Nothing absurd: the enforcement purpose has a statutory basis, a processor agreement on the VNG
        // model, a DPIA, encrypted links, no biometrics or transfers, images within four weeks.
        for finding in ["AVG-004@purpose:milieuzone-handhaving", "AVG-017@party:anpr-leverancier",
                        "AVG-014@project:milieuzone-anpr", "SC-005@data:kentekenregistraties",
                        "BIO-011@flow:camera-naar-platform", "SC-008@system:anpr-camera"] {
            #expect(!failed.contains(finding), "\(finding) should not fail")
        }
        for rule in ["AVG-024", "AVG-006", "SC-001", "SC-003", "AVG-013"] {
            #expect(!Self.failingRules(outcomes).contains(rule), "\(rule) should not fail for the ANPR case")
        }
    }

    @Test func stratumseindLivingLab() {
        let outcomes = Self.audit("cases/stratumseind-living-lab.yaml")
        let failed = Self.failing(outcomes)
        // Several partners deciding together without an arrangement, behaviour influenced with light,
        // sound and wifi sensing in a street people live in, no DPIA.
        for finding in ["SC-012@purpose:gedrag-beinvloeden",              // AP DPIA list item 16
                        "SC-015@project:stratumseind-living-lab",         // living lab of joint controllers, no DPIA
                        "AVG-014@project:stratumseind-living-lab",
                        "AVG-020@party:gemeente", "AVG-020@party:lichtbedrijf",
                        "AVG-029@purpose:onderzoek-partners",             // partners re-use the data for their own ends
                        "SC-019@system:geluidssensor",                    // sound recorded and sent off the device
                        "SC-001@system:wifi-teller",                      // MAC addresses leave the device
                        "SC-004@system:geluidssensor"] {                  // dwellings above the bars
            #expect(failed.contains(finding), "expected \(finding) to fail")
        }
        // Nothing absurd: the camera counts on the device and sends only numbers; no face recognition,
        // no transfers, no special categories.
        for finding in ["SC-006@system:slimme-camera", "SC-001@system:slimme-camera", "SC-008@system:slimme-camera",
                        "SC-007@system:slimme-camera", "AVG-004@purpose:veiligheid-uitgaansgebied"] {
            #expect(!failed.contains(finding), "\(finding) should not fail")
        }
        for rule in ["AVG-024", "AVG-006", "AVG-008", "SC-005"] {
            #expect(!Self.failingRules(outcomes).contains(rule), "\(rule) should not fail for Stratumseind")
        }
    }

    /// As of a day after its latest evidence: a pen test or restore test dated after the audit is no
    /// evidence, and the example keeps its evidence recent.
    @Test func wellDesignedTrafficCountingPasses() {
        let outcomes = Self.audit("verkeerstelling-goed.yaml", now: Date(timeIntervalSince1970: 1_796_083_200)) // 2026-12-01
        #expect(!outcomes.isEmpty)
        #expect(Self.failing(outcomes).isEmpty, "failing: \(Self.failing(outcomes).sorted())")
        let unknown = outcomes.filter { $0.value == .unknown }.map(\.key).sorted()
        #expect(unknown.isEmpty, "information needed: \(unknown)")
        #expect(outcomes.values.filter { $0 == .pass }.count >= 90)
    }
}
