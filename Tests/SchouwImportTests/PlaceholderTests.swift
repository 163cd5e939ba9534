import Testing
@testable import SchouwImport

@Test func moduleLinks() { #expect(Bool(true)) }
