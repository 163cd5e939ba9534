import Foundation
import SchouwEngine
import Testing

/// What a rule author is told about `when` and `assert` when the rule loads: every mistake that
/// would otherwise surface as "information needed" in every audit, located in the rule file.
@Suite struct RuleExpressionChecksTests {
    // MARK: - The result must be a bool

    @Test func anAssertThatGivesAStringIsRefusedWithAComparisonToWrite() {
        let errors = RuleFixture.errors(RuleFixture.rule(assert: "flow.encryption"))
        #expect(errors == ["6:9: assert must give a bool; this gives string | compare it: `flow.encryption != 'none'`"])
    }

    @Test func aWhenThatGivesADurationIsRefusedAtItsFirstLine() {
        let text = RuleFixture.rule(forEach: "data", assert: "asset.personal", message: "Asset {{asset.id}}",
                                    extra: "when: >-\n  asset.retention")
        let errors = RuleFixture.errors(text)
        #expect(errors == ["10:3: when must give a bool; this gives duration | compare it: `asset.retention <= duration('P1Y')`"])
    }

    @Test(arguments: [
        ("flow.network", "compare it with one of its values: `flow.network == '"),
        ("flow.assets", "test its items: `flow.assets.exists(x, ...)`"),
        ("flow.from_system", "has(flow.from_system.field)"),
        ("size(flow.assets)", "compare it: `size(flow.assets) > 0`"),
    ])
    func otherTypesGetAHintOfTheirKind(assert: String, hint: String) throws {
        let errors = RuleFixture.errors(RuleFixture.rule(assert: assert))
        let error = try #require(errors.first)
        #expect(errors.count == 1)
        #expect(error.hasPrefix("6:9: assert must give a bool"), "\(error)")
        #expect(error.contains(hint), "\(error)")
    }

    @Test func boolAndDynamicResultsLoad() {
        for assert in ["flow.encrypted", "dyn(flow.encrypted)", "flow.personal ? flow.encrypted : true"] {
            #expect(RuleFixture.errors(RuleFixture.rule(assert: "\"\(assert)\"")).isEmpty, "\(assert)")
        }
    }

    // MARK: - Literal arguments that can never be read

    @Test(arguments: [
        ("duration('1 year') > duration('P1D')", "6:37: '1 year' is not a duration, so duration() fails for every subject",
         "P1Y"),
        ("timestamp('2026-13-01') < now", "6:38: '2026-13-01' is not an RFC 3339 time, so timestamp() fails for every subject",
         "2026-01-01T00:00:00Z"),
        ("date('1-3-2026') < now", "6:33: '1-3-2026' is not an ISO date, so date() fails for every subject", "2026-03-01"),
        ("flow.id.matches('(')", "6:44: '(' is not a valid regular expression, so matches() fails for every subject", "RE2"),
        ("matches(flow.id, '[a')", "6:45: '[a' is not a valid regular expression, so matches() fails for every subject", "RE2"),
    ])
    func aLiteralThatCannotBeReadIsRefusedAtTheLiteral(assert: String, expected: String, hint: String) throws {
        let errors = RuleFixture.errors(RuleFixture.rule(assert: "\"flow.encrypted || \(assert)\""))
        let error = try #require(errors.first)
        #expect(errors.count == 1, "\(errors)")
        #expect(error.hasPrefix(expected + " | "), "\(error)")
        #expect(error.contains(hint), "\(error)")
    }

    @Test func readableLiteralsAndComputedArgumentsLoad() {
        let assert = "\"duration('P1Y') > duration('30s') && timestamp('2026-01-01T00:00:00Z') < now "
            + "&& date('2026-03-01') < now && flow.id.matches('^[a-z]+$') && matches(flow.id, flow.name)\""
        #expect(RuleFixture.errors(RuleFixture.rule(assert: assert)).isEmpty)
    }

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

    // MARK: - An invalid for-each

    @Test(arguments: [
        ("for-each: flows", ["5:11: `flows` is not a valid value for `for-each` | did you mean `flow`?"]),
        ("forEach: flow", ["1:1: missing required key `for-each` in rule", "5:1: unknown key `forEach` in rule | did you mean `for-each`?"]),
    ])
    func anInvalidForEachIsTheOnlyErrorNotEveryUseOfTheSubject(line: String, expected: [String]) {
        let text = RuleFixture.rule(assert: "flow.encrypted && flow.personal")
            .replacingOccurrences(of: "for-each: flow", with: line)
        let errors = RuleFixture.errors(text)
        #expect(errors.count == expected.count, "\(errors)")
        for (error, prefix) in zip(errors, expected) {
            #expect(error.hasPrefix(prefix), "\(error)")
        }
    }

    @Test func withAnInvalidForEachSyntaxErrorsAreStillReported() {
        let errors = RuleFixture.errors(RuleFixture.rule(forEach: "flows", assert: "flow.encrypted &&"))
        #expect(errors.count == 2, "\(errors)")
        #expect(errors.contains { $0.hasPrefix("6:") && $0.contains("CEL parse error") }, "\(errors)")
    }
}

@Suite struct RuleReferenceErrorTests {
    /// A reference with a wrong framework is one error, not also "a rule needs at least one reference".
    @Test func aWrongReferenceIsReportedOnce() {
        let text = RuleFixture.rule(assert: "flow.encrypted")
            .replacingOccurrences(of: "{framework: other, ref: \"test\"}", with: "{framework: AVG, ref: \"art. 32\"}")
        let errors = RuleFixture.errors(text)
        #expect(errors.count == 1, "\(errors)")
        #expect(errors.first?.contains("`AVG` is not a valid value for `framework`") == true, "\(errors)")
    }

    @Test func anEmptyListOfReferencesIsStillAnError() {
        let text = RuleFixture.rule(assert: "flow.encrypted")
            .replacingOccurrences(of: "[{framework: other, ref: \"test\"}]", with: "[]")
        #expect(RuleFixture.errors(text).contains { $0.contains("a rule needs at least one reference") })
    }
}

@Suite struct UndeclaredReferenceHintTests {
    /// The checker says "undeclared reference" of an unknown function too; the subject's name is no
    /// help there.
    @Test func anUnknownFunctionIsNotToldAboutTheSubject() {
        let errors = RuleFixture.errors(RuleFixture.rule(assert: "in_eaa(flow.from_system.country)"))
        #expect(errors.count == 1 && errors[0].contains("undeclared reference to 'in_eaa'"), "\(errors)")
        #expect(errors[0].hasSuffix("| the functions a rule can call are listed in Rules/README.md"), "\(errors)")
        let variable = RuleFixture.errors(RuleFixture.rule(assert: "flw.encrypted"))
        #expect(variable.first?.contains("the subject of a `for-each: flow` rule is `flow`") == true, "\(variable)")
    }
}
