import Foundation
import PythonChecks
import Testing
@testable import SchouwReports

/// Output checked by the independent validators in ../shared/tools (OASIS SARIF schema + GitHub rules,
/// JUnit XSD + junitparser, NIST OSCAL schema + compliance-trestle).
@Suite(.enabled(if: Validator.available, "../shared/tools is not next to the package"),
       .enabled(if: PythonChecks.available("jsonschema", "regex", "lxml", "junitparser", "trestle"),
                Comment(rawValue: PythonChecks.reason("jsonschema", "regex", "lxml", "junitparser", "compliance-trestle"))))
struct ValidatorTests {
    static let results = [("binnenstad", Fixtures.binnenstadResult), ("parkeren", Fixtures.parkerenResult),
                          ("hostile", HostileFixture.result)]

    @Test(arguments: 0..<results.count)
    func sarifPassesStrictValidation(_ i: Int) throws {
        let data = try SARIFReporter().render(Self.results[i].1, context: ReportContext(descriptor: Fixtures.binnenstadDescriptor))
        let run = try Validator.run("validate_sarif.py", ["--strict"], input: data, fileExtension: "sarif")
        #expect(run.status == 0, "\(Self.results[i].0): \(run.output)")
    }

    @Test(arguments: 0..<results.count)
    func junitPassesValidation(_ i: Int) throws {
        let data = try JUnitReporter().render(Self.results[i].1, context: ReportContext())
        let run = try Validator.run("validate_junit.py", ["--strict"], input: data, fileExtension: "xml")
        #expect(run.status == 0, "\(Self.results[i].0): \(run.output)")
    }

    @Test(arguments: 0..<results.count)
    func oscalPassesValidation(_ i: Int) throws {
        let data = try OSCALReporter().render(Self.results[i].1, context: ReportContext())
        let run = try Validator.run("validate_oscal.py", [], input: data, fileExtension: "json")
        #expect(run.status == 0, "\(Self.results[i].0): \(run.output)")
        #expect(run.output.contains("trestle AssessmentResults model accepts it"), "\(run.output)")
    }
}
