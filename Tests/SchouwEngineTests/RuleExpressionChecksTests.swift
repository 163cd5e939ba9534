import Foundation
import SchouwEngine
import Testing

/// What a rule author is told about `when` and `assert` when the rule loads: every mistake that
/// would otherwise surface as "information needed" in every audit, located in the rule file.
@Suite struct RuleExpressionChecksTests {
    // MARK: - Hints for type errors

    @Test(arguments: [
        ("data", "data.personal", "the subject of a `for-each: data` rule is `asset`; `data` is the list of them all"),
        ("data", "asset.retention <= 'P1Y'", "write duration('P1Y')"),
        ("flow", "flow.personal == 'true'", "write true without quotes"),
        ("flow", "flow.assets.map(a, a.id).contains('x')",
         "to test whether a list holds a value, write `'x' in flow.assets.map(a, a.id)`"),
        ("system", "system.handled_assets.personal", "a list has no fields: test its items with `.exists(x, x.field)`"),
        ("project", "project.dpia.date < '2026-03-01'", "write date('2026-03-01') for a date"),
    ])
    func commonTypeErrorsGetAHint(forEach: String, assert: String, hint: String) throws {
        let message = forEach == "data" ? "Asset {{asset.id}}" : "{{\(forEach).id}}"
        let errors = RuleFixture.errors(RuleFixture.rule(forEach: forEach, assert: "\"\(assert)\"", message: message))
        let error = try #require(errors.first)
        #expect(errors.count == 1, "\(errors)")
        #expect(error.contains("CEL check error"), "\(error)")
        #expect(error.hasSuffix(" | " + hint) || error.contains(" | " + hint), "\(error)")
    }

    @Test func typeErrorsNameDurationAndTimestampAsRulesWriteThem() throws {
        let errors = RuleFixture.errors(RuleFixture.rule(forEach: "data", assert: "asset.retention > now",
                                                         message: "{{asset.id}}"))
        #expect(errors.count == 1)
        #expect(errors.first?.contains("applied to '(duration, timestamp)'") == true, "\(errors)")
        #expect(!errors.joined().contains("google.protobuf"))
    }
}
