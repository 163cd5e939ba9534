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
}
