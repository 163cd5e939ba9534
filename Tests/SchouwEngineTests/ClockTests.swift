import Foundation
import SchouwEngine
import Testing

@Suite struct ClockTests {
    @Test func acceptsDatesAndRFC3339() {
        #expect(Clock.parse("2026-03-01")?.timeIntervalSince1970 == 1_772_323_200)
        #expect(Clock.parse("2026-03-01T00:00:00Z")?.timeIntervalSince1970 == 1_772_323_200)
        #expect(Clock.parse("2026-03-01T01:30:00+01:30")?.timeIntervalSince1970 == 1_772_323_200)
        #expect(Clock.parse("2026-03-01T00:00:00.250Z")?.timeIntervalSince1970 == 1_772_323_200.25)
        #expect(Clock.rfc3339(Date(timeIntervalSince1970: 1_772_323_200.9)) == "2026-03-01T00:00:00Z")
    }

    @Test func refusesWhatIsNotADate() {
        for text in ["", "yesterday", "2026-13-01", "2026-02-30", "2026-03-01T25:00:00Z", "2026-03-01T00:00:00",
                     "01-03-2026", "2026-03-01 00:00:00Z"] {
            #expect(Clock.parse(text) == nil, "\(text)")
        }
    }
}
