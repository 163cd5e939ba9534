import Foundation
import Testing
@testable import SchouwResult

/// An outcome made from shared parts behaves as one with every field of its own: the same values,
/// the same JSON, the same equality, and changing one outcome never changes another.
@Suite struct OutcomePartsTests {
    static let rule = Outcome.RulePart(rule: "BIO-011", severity: .high, references: [Reference(framework: "bio2", ref: "8.20")],
                                       message: "Wireless traffic is encrypted")
    static let subject = Outcome.SubjectPart(subject: SubjectRef(kind: "flow", id: "f-1", name: "Sensor to hub"),
                                             location: Location(file: "p.yaml", line: 40, column: 5))

    @Test func sharedPartsReadAsFields() {
        let pass = Outcome(rule: Self.rule, subject: Self.subject, status: .pass)
        let written = Outcome(rule: "BIO-011", status: .pass, severity: .high, subject: Self.subject.subject,
                              references: Self.rule.references, message: "Wireless traffic is encrypted",
                              location: Self.subject.location)
        #expect(pass == written)
        #expect(pass.message == "Wireless traffic is encrypted")
        #expect(pass.finding == "BIO-011@flow:f-1")
        #expect(pass.missing.isEmpty && pass.waiver == nil && pass.baseline == nil)
        let finding = Outcome(rule: Self.rule, subject: Self.subject, status: .unknown, message: "Encryption not stated",
                              missing: ["flow.encryption"])
        #expect(finding.message == "Encryption not stated")
        #expect(finding.missing == ["flow.encryption"])
        #expect(finding != pass)
    }

    @Test func changingOneOutcomeLeavesTheOthers() {
        let a = Outcome(rule: Self.rule, subject: Self.subject, status: .fail, message: "m")
        var b = a
        b.severity = .low
        b.subject = SubjectRef(kind: "flow", id: "f-2")
        b.message = "other"
        b.baseline = true
        b.waiver = AppliedWaiver(finding: "BIO-011@flow:*", reason: "r", approvedBy: "CISO", expires: "2027-01-01",
                                 ticket: nil, expired: false, location: nil)
        #expect(a.severity == .high && a.subject.id == "f-1" && a.message == "m" && a.baseline == nil && a.waiver == nil)
        #expect(b.severity == .low && b.subject.id == "f-2" && b.message == "other" && b.baseline == true)
        #expect(b.finding == "BIO-011@flow:f-2")
        #expect(Self.rule.severity == .high && Self.subject.subject.id == "f-1")
        b.waiver = nil
        b.baseline = nil
        b.message = "m"
        b.severity = .high
        b.subject = Self.subject.subject
        #expect(a == b)
    }

    @Test func jsonIsTheSameAsForAnOutcomeWithFieldsOfItsOwn() throws {
        let shared = Outcome(rule: Self.rule, subject: Self.subject, status: .unknown, message: "x", missing: ["flow.network"])
        let own = Outcome(finding: "BIO-011@flow:f-1", rule: "BIO-011", status: .unknown, severity: .high,
                          subject: Self.subject.subject, references: Self.rule.references, message: "x",
                          location: Self.subject.location, missing: ["flow.network"])
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        let a = try encoder.encode(shared), b = try encoder.encode(own)
        #expect(a == b)
        #expect(try JSONDecoder().decode(Outcome.self, from: a) == shared)
        #expect(String(decoding: a, as: UTF8.self).contains(#""missing":["flow.network"]"#))
    }
}
