import Foundation
@testable import SchouwEngine
import SchouwModel
import Testing

/// What `rules test` and `rules lint` say about test files: located problems with the loader's
/// hints, and no pass counts for a file that did not load.
@Suite struct RuleTestRunnerTests {
    static let rule = RuleFixture.rule(assert: "flow.encrypted")

    @Test func bothCasesOfAGoodFilePass() {
        let set = RuleFixture.load(["GEM-001.yaml": Self.rule, "GEM-001.tests.yaml": RuleFixture.flowTests()])
        let report = RuleTestRunner.run(set)
        #expect(set.diagnostics.isEmpty && report.diagnostics.isEmpty, "\(report.diagnostics)")
        #expect(report.passed == 2 && report.failed == 0 && report.unloadedFiles.isEmpty)
    }

    @Test func anExpectedSubjectThatDoesNotExistNamesItsColumnAndTheSubjectsThatDo() throws {
        let set = RuleFixture.load(["GEM-001.yaml": Self.rule,
                                    "GEM-001.tests.yaml": RuleFixture.flowTests(passExpectation: "flow:g: pass")])
        let report = RuleTestRunner.run(set)
        let failed = try #require(report.cases.first { !$0.passed })
        #expect(failed.failures == ["line 18, column 7: no subject `flow:g` for a `for-each: flow` rule; subjects of this case: flow:f"])
    }

    @Test func theSubjectListStopsAfterAHandful() {
        let subjects = (1...8).map { "flow:f\($0)" }
        #expect(RuleTestRunner.subjectList(subjects, kind: .flow)
                == "subjects of this case: flow:f1, flow:f2, flow:f3, flow:f4, flow:f5, and 3 more")
        #expect(RuleTestRunner.subjectList([], kind: .data) == "this case has no data subjects")
    }

    @Test func anInvalidDescriptorIsAnErrorWithTheLoadersHintAndItsCasesDoNotCount() throws {
        let set = RuleFixture.load(["GEM-001.yaml": Self.rule,
                                    "GEM-001.tests.yaml": RuleFixture.flowTests(systemKind: "sensr")])
        let report = RuleTestRunner.run(set)
        let error = try #require(report.diagnostics.first { $0.isError })
        #expect(error.description == "error: dir/GEM-001.tests.yaml:7:31: `sensr` is not a valid value for `kind` (at cases[0].descriptor.systems[0].kind)")
        #expect(error.hint?.hasPrefix("did you mean `sensor`?") == true, "\(error.hint ?? "")")
        #expect(report.cases.isEmpty)
        #expect(report.unloadedFiles == ["dir/GEM-001.tests.yaml"])
    }

    @Test func anInvalidExpectationSuggestsTheOutcomeAndNoCaseCounts() throws {
        let set = RuleFixture.load(["GEM-001.yaml": Self.rule,
                                    "GEM-001.tests.yaml": RuleFixture.flowTests(failExpectation: "flow:f: failed")])
        let report = RuleTestRunner.run(set)
        // Only the mistake itself: not also "no case expecting `fail`", which follows from it.
        #expect(report.diagnostics.count == 1, "\(report.diagnostics)")
        let error = try #require(report.diagnostics.first)
        #expect(error.mark == SourceMark(file: "dir/GEM-001.tests.yaml", line: 10, column: 15))
        #expect(error.hint == "did you mean `fail`? allowed: fail, pass, unknown, not-applicable, waived")
        #expect(report.passed == 0 && report.failed == 0)
        #expect(report.unloadedFiles == ["dir/GEM-001.tests.yaml"])
    }

    @Test func theTestsOfARuleThatFailedToLoadAreNotForAnUnknownRule() {
        let broken = RuleFixture.rule(assert: "flow.encrypted > 1")
        let set = RuleFixture.load(["GEM-001.yaml": broken, "GEM-001.tests.yaml": RuleFixture.flowTests(),
                                    "named-otherwise.yaml": broken.replacingOccurrences(of: "GEM-001", with: "GEM-002"),
                                    "GEM-002.tests.yaml": RuleFixture.flowTests(id: "GEM-002"),
                                    "GEM-003.tests.yaml": RuleFixture.flowTests(id: "GEM-003")])
        #expect(set.hasErrors)
        #expect(set.unloadedRuleIDs.isSuperset(of: ["GEM-001", "GEM-002"]))
        let warnings = RuleTestRunner.run(set).diagnostics.map(\.message)
        #expect(warnings == ["test file for unknown rule GEM-003"])
    }
}
