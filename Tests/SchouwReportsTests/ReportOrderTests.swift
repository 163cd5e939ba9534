import Foundation
import SchouwReports
import SchouwResult
import Testing

/// Human-readable reports order findings by severity, rule and finding id, whatever order the
/// outcomes arrive in (a hand-edited or merged JSON result need not be in finding order).
@Suite struct ReportOrderTests {
    @Test(arguments: ["text", "markdown", "html"])
    func reportsDoNotDependOnTheOrderOfOutcomes(format: String) throws {
        let reporter = try #require(ReporterRegistry.reporter(for: format))
        let result = Fixtures.binnenstadResult
        var shuffled = result
        shuffled.outcomes = Array(result.outcomes.reversed())
        let context = ReportContext(lang: .nl, descriptor: Fixtures.binnenstadDescriptor)
        let original = try reporter.render(result, context: context)
        #expect(try reporter.render(shuffled, context: context) == original)
        var rotated = result
        rotated.outcomes = Array(result.outcomes.dropFirst(3) + result.outcomes.prefix(3))
        #expect(try reporter.render(rotated, context: context) == original)
    }
}
