import Testing
@testable import SchouwModel

@Test func moduleLinks() { #expect(Bool(true)) }
