import Testing
@testable import SchouwChecklist

@Test func moduleLinks() { #expect(Bool(true)) }
