import Testing
@testable import SchouwModel

@Suite struct WaiverLoaderTests {
    @Test func loadsAWaiversFile() throws {
        let result = WaiverLoader.load(text: """
        waivers:
          - finding: AVG-026@party:*
            reason: "TIA uitgevoerd"
            approved-by: "CISO Gemeente Voorbeeld"
            expires: 2026-06-30
            ticket: SEC-123
        """, path: "waivers.yaml")
        #expect(result.diagnostics.isEmpty, "\(result.rendered())")
        let waiver = try #require(result.waivers.first)
        #expect(waiver.finding == "AVG-026@party:*")
        #expect(waiver.expires == ISODate(year: 2026, month: 6, day: 30))
        #expect(waiver.ticket == "SEC-123")
        #expect(waiver.marks["expires"].line == 5)
    }

    @Test func reportsMissingAndBadFields() {
        let result = WaiverLoader.load(text: """
        waivers:
          - finding: AVG-026@party:x
            reason: ok
            expires: 2026-02-30
            tickt: SEC-1
        """, path: "waivers.yaml")
        let messages = result.diagnostics.map(\.message)
        #expect(result.waivers.isEmpty)
        #expect(messages.contains("missing required key `approved-by` in waiver"))
        #expect(messages.contains("`2026-02-30` is not a valid date"))
        #expect(messages.contains("unknown key `tickt` in waiver"))
    }

    @Test func descriptorWaiversLoadToo() throws {
        let d = try #require(DescriptorLoader.load(path: TestFiles.example("passantentelling.yaml")).descriptor)
        #expect(d.waivers.first?.approvedBy == "CISO Gemeente Voorbeeld")
    }
}
