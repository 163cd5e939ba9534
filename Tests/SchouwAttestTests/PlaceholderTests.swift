import Testing
@testable import SchouwAttest

@Test func moduleLinks() { #expect(Bool(true)) }
