import Testing
@testable import SchouwReports

@Test func moduleLinks() { #expect(Bool(true)) }
