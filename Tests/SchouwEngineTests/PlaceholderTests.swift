import Testing
@testable import SchouwEngine

@Test func moduleLinks() { #expect(Bool(true)) }
