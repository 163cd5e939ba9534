import Testing
@testable import SchouwModel

@Suite struct ValueParsingTests {
    @Test func parsesISODurations() throws {
        let d = try #require(ISODuration.parse("P1Y2M3W4DT5H6M7.5S"))
        #expect(d.years == 1 && d.months == 2 && d.weeks == 3 && d.days == 4)
        #expect(d.hours == 5 && d.minutes == 6 && d.seconds == 7.5)
        #expect(d.text == "P1Y2M3W4DT5H6M7.5S")
        #expect(ISODuration.parse("PT24H")?.totalSeconds == 86_400)
        #expect(ISODuration.parse("P30D")?.totalSeconds == Double(30 * 86_400))
        #expect(ISODuration.parse("P1Y")?.totalSeconds == Double(365 * 86_400))
        #expect(ISODuration.parse("PT0S")?.totalSeconds == 0)
    }

    @Test(arguments: ["", "P", "PT", "30D", "P30", "p30d", "P1.5D", "PT1H2H", "P1D1Y", "P-1D", "P1DT", "P 1D", "PT1.S"])
    func rejectsBadDurations(_ text: String) {
        #expect(ISODuration.parse(text) == nil)
    }

    @Test func parsesDatesWithACalendarCheck() {
        #expect(ISODate.parse("2024-02-29") == ISODate(year: 2024, month: 2, day: 29))
        #expect(ISODate.parse("2025-02-29") == nil)
        #expect(ISODate.parse("2025-13-01") == nil)
        #expect(ISODate.parse("2025-04-31") == nil)
        #expect(ISODate.parse("01-06-2025") == nil)
        #expect(ISODate.parse("2025-6-1") == nil)
        #expect(ISODate(year: 2025, month: 3, day: 1).description == "2025-03-01")
    }

    @Test func slugsAndCountries() {
        #expect(Identifiers.isSlug("wifi-sensor-1"))
        #expect(Identifiers.isSlug("1a"))
        #expect(!Identifiers.isSlug("-a"))
        #expect(!Identifiers.isSlug("Wifi"))
        #expect(!Identifiers.isSlug("a_b"))
        #expect(!Identifiers.isSlug(""))
        #expect(Identifiers.slugified("Wifi Sensor_1!") == "wifi-sensor-1")
        #expect(Identifiers.isCountryCode("NO"))
        #expect(!Identifiers.isCountryCode("no"))
        #expect(!Identifiers.isCountryCode("UK"))
        #expect(CountryCodes.all.count == 249)
        #expect(CountryCodes.eea.isSubset(of: CountryCodes.all))
    }

    @Test func suggestionsUseEditDistanceWithTranspositions() {
        #expect(Suggestions.closest(to: "telplatfrom", in: ["telplatform", "wifi-sensor"]) == "telplatform")
        #expect(Suggestions.closest(to: "xyz", in: ["telplatform"]) == nil)
        #expect(Suggestions.closest(to: "retension", in: ["retention", "categories"]) == "retention")
    }
}
