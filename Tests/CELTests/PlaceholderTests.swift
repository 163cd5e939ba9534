import Testing
@testable import CEL

@Test func moduleLinks() { #expect(Bool(true)) }
