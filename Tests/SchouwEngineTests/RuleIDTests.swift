import Testing
@testable import SchouwEngine

/// Rule ids are `PREFIX-NNN` (`^[A-Z][A-Z0-9]*-[0-9]{3,4}$`), checked without a regular expression.
@Suite struct RuleIDTests {
    @Test(arguments: ["AVG-024", "BIO-005", "SC-003", "BIO-1234", "SC2-001", "X-000"])
    func wellFormedIDsPass(id: String) {
        #expect(RuleLoader.isRuleID(id))
    }

    @Test(arguments: ["", "AVG", "AVG-", "-024", "avg-024", "Avg-024", "AVG-24", "AVG-12345", "AVG-02a",
                      "2VG-024", "A-B-123", "AVG_024", "AVG 024", "AVG-024 ", "ÄVG-024", "AVG-０２４"])
    func malformedIDsFail(id: String) {
        #expect(!RuleLoader.isRuleID(id))
    }
}
