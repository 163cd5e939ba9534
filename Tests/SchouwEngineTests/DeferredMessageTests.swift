import Foundation
import SchouwResult
import Testing

/// Findings' messages are rendered when read; an outcome behaves as if it held the text.
@Suite struct DeferredMessageTests {
    final class Counting: DeferredMessage, @unchecked Sendable {
        let text: String
        private let lock = NSLock()
        private var count = 0
        init(_ text: String) { self.text = text }
        func render() -> String { lock.lock(); count += 1; lock.unlock(); return text }
        var renders: Int { lock.lock(); defer { lock.unlock() }; return count }
    }

    static let rule = Outcome.RulePart(rule: "AVG-001", severity: .high, references: [], message: "titel")
    static let subject = Outcome.SubjectPart(subject: SubjectRef(kind: "system", id: "s1", name: nil), location: nil)

    @Test func messageIsRenderedOnlyWhenRead() {
        let deferred = Counting("Systeem s1 mist een bewaartermijn.")
        let outcome = Outcome(rule: Self.rule, subject: Self.subject, status: .unknown, deferredMessage: deferred,
                              missing: ["system.retention"])
        #expect(deferred.renders == 0)
        #expect(outcome.message == "Systeem s1 mist een bewaartermijn.")
        #expect(outcome.missing == ["system.retention"])
        #expect(deferred.renders == 1)
    }

    @Test func behavesLikeTheRenderedText() throws {
        let deferred = Outcome(rule: Self.rule, subject: Self.subject, status: .fail, deferredMessage: Counting("bericht"))
        let given = Outcome(rule: Self.rule, subject: Self.subject, status: .fail, message: "bericht")
        #expect(deferred == given)
        let encoder = JSONEncoder()
        encoder.outputFormatting = .sortedKeys
        #expect(try encoder.encode(deferred) == encoder.encode(given))
    }

    @Test func aMessageSetLaterReplacesTheDeferredOne() {
        let deferred = Counting("eerst")
        var outcome = Outcome(rule: Self.rule, subject: Self.subject, status: .fail, deferredMessage: deferred)
        outcome.waiver = AppliedWaiver(finding: "AVG-001@system:s1", reason: "r", approvedBy: "CISO", expires: "2027-01-01",
                                       ticket: nil, expired: false, location: nil)
        #expect(outcome.message == "eerst", "a change of another field keeps the deferred message")
        outcome.message = "daarna"
        #expect(outcome.message == "daarna")
        #expect(deferred.renders == 1)
    }

    /// Words a finding from the subject's id, counting how often it is asked.
    final class Template: FindingMessageTemplate, @unchecked Sendable {
        private let lock = NSLock()
        private var count = 0
        func render(for subject: Outcome.SubjectPart) -> String {
            lock.lock(); count += 1; lock.unlock()
            return "Systeem \(subject.subject.id) mist een bewaartermijn."
        }
        var renders: Int { lock.lock(); defer { lock.unlock() }; return count }
    }

    @Test func sharedFindingsRenderTheRuleTemplateForTheirOwnSubject() {
        let template = Template()
        let rule = Outcome.RulePart(rule: "AVG-001", severity: .high, references: [], message: "titel",
                                    findingMessage: template)
        let shared = Outcome.SharedFinding(missing: ["system.retention"])
        let other = Outcome.SubjectPart(subject: SubjectRef(kind: "system", id: "s2", name: nil), location: nil)
        let first = Outcome(rule: rule, subject: Self.subject, status: .unknown, shared: shared)
        let second = Outcome(rule: rule, subject: other, status: .unknown, shared: shared)
        #expect(template.renders == 0)
        #expect(first.message == "Systeem s1 mist een bewaartermijn.")
        #expect(second.message == "Systeem s2 mist een bewaartermijn.")
        #expect(first.missing == ["system.retention"] && second.missing == ["system.retention"])
        #expect(first == Outcome(rule: rule, subject: Self.subject, status: .unknown,
                                 message: "Systeem s1 mist een bewaartermijn.", missing: ["system.retention"]))
    }

    @Test func aSharedFindingKeepsItsMessageWhenItsSubjectIsReplaced() {
        let rule = Outcome.RulePart(rule: "AVG-001", severity: .high, references: [], message: "titel",
                                    findingMessage: Template())
        var outcome = Outcome(rule: rule, subject: Self.subject, status: .unknown,
                              shared: Outcome.SharedFinding(missing: ["system.retention"]))
        outcome.subject = SubjectRef(kind: "system", id: "hernoemd", name: nil)
        #expect(outcome.message == "Systeem s1 mist een bewaartermijn.", "the text was made from the subject it was found on")
        outcome.severity = .low
        #expect(outcome.message == "Systeem s1 mist een bewaartermijn.")
        #expect(outcome.missing == ["system.retention"])
    }

    @Test func withoutATemplateASharedFindingSaysTheRuleTitle() {
        let outcome = Outcome(rule: Self.rule, subject: Self.subject, status: .unknown,
                              shared: Outcome.SharedFinding(missing: ["system.retention"]))
        #expect(outcome.message == "titel")
    }
}
