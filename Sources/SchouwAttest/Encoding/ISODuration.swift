import Foundation

/// An ISO 8601 duration such as `P90D`, `PT12H`, `P1Y` or `P1Y2M10DT2H30M`, added in UTC calendar terms.
///
/// Years and months are calendar units (`P1M` from 31 January ends on the last day of February), so a
/// `--max-age` reads the way people mean it.
public struct ISODuration: Equatable, Sendable, CustomStringConvertible {
    public var years = 0, months = 0, weeks = 0, days = 0, hours = 0, minutes = 0, seconds = 0
    public let text: String

    public var description: String { text }

    public init?(_ text: String) {
        self.text = text
        let b = Array(text.utf8)
        guard b.first == UInt8(ascii: "P"), b.count > 1 else { return nil }
        var i = 1, inTime = false, sawComponent = false, lastRank = -1
        while i < b.count {
            if b[i] == UInt8(ascii: "T") {
                guard !inTime, i + 1 < b.count else { return nil }
                inTime = true; i += 1; lastRank = 3
                continue
            }
            let start = i
            while i < b.count, (0x30...0x39).contains(b[i]) { i += 1 }
            guard i > start, i - start <= 9, i < b.count,
                  let value = Int(String(decoding: b[start..<i], as: UTF8.self)) else { return nil }
            let unit = Character(Unicode.Scalar(b[i]))
            let ranks: [Character: Int] = inTime ? ["H": 4, "M": 5, "S": 6] : ["Y": 0, "M": 1, "W": 2, "D": 3]
            guard let rank = ranks[unit], rank > lastRank else { return nil }
            lastRank = rank
            switch (inTime, unit) {
            case (false, "Y"): years = value
            case (false, "M"): months = value
            case (false, "W"): weeks = value
            case (false, "D"): days = value
            case (true, "H"): hours = value
            case (true, "M"): minutes = value
            default: seconds = value
            }
            sawComponent = true
            i += 1
        }
        guard sawComponent else { return nil }
    }

    private static let utcCalendar: Calendar = {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC") ?? TimeZone(secondsFromGMT: 0) ?? calendar.timeZone
        return calendar
    }()

    /// `date` plus this duration, or nil if the calendar cannot represent the result.
    public func added(to date: Date) -> Date? {
        let components = DateComponents(year: years, month: months, day: weeks * 7 + days,
                                        hour: hours, minute: minutes, second: seconds)
        return Self.utcCalendar.date(byAdding: components, to: date)
    }
}
