import Foundation

/// RFC 3339 timestamps as attestations store them (`2026-03-01T12:00:00Z`, UTC, whole seconds).
public enum Timestamp {
    static let utcCalendar: Calendar = {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC") ?? TimeZone(secondsFromGMT: 0) ?? calendar.timeZone
        return calendar
    }()

    /// Formats in UTC, dropping fractions of a second so the text is stable.
    public static func format(_ date: Date) -> String {
        let c = utcCalendar.dateComponents([.year, .month, .day, .hour, .minute, .second], from: date)
        return String(format: "%04d-%02d-%02dT%02d:%02d:%02dZ", c.year ?? 0, c.month ?? 0, c.day ?? 0,
                      c.hour ?? 0, c.minute ?? 0, c.second ?? 0)
    }

    /// Parses `YYYY-MM-DD` (midnight UTC) or `YYYY-MM-DDTHH:MM:SS[.fff](Z|±HH:MM)`; nil for anything else.
    public static func parse(_ text: String) -> Date? {
        let b = Array(text.utf8)
        func number(_ range: Range<Int>) -> Int? {
            guard range.upperBound <= b.count, !range.isEmpty else { return nil }
            var value = 0
            for byte in b[range] {
                guard (0x30...0x39).contains(byte) else { return nil }
                value = value * 10 + Int(byte - 0x30)
            }
            return value
        }
        func byte(_ i: Int, _ c: Character) -> Bool { i < b.count && b[i] == c.asciiValue }
        guard let year = number(0..<4), byte(4, "-"), let month = number(5..<7), byte(7, "-"), let day = number(8..<10) else {
            return nil
        }
        var hour = 0, minute = 0, second = 0, offsetSeconds = 0, fraction = 0.0
        if b.count > 10 {
            guard byte(10, "T") || byte(10, "t"), let h = number(11..<13), byte(13, ":"), let m = number(14..<16),
                  byte(16, ":"), let s = number(17..<19) else { return nil }
            hour = h; minute = m; second = s
            var i = 19
            if byte(i, ".") {
                let start = i + 1
                i = start
                while i < b.count, (0x30...0x39).contains(b[i]) { i += 1 }
                guard i > start, let digits = String(bytes: b[start..<i], encoding: .utf8), let f = Double("0." + digits) else { return nil }
                fraction = f
            }
            if byte(i, "Z") || byte(i, "z") {
                i += 1
            } else if byte(i, "+") || byte(i, "-") {
                guard let oh = number(i + 1..<i + 3), byte(i + 3, ":"), let om = number(i + 4..<i + 6), oh < 24, om < 60 else { return nil }
                offsetSeconds = (oh * 3600 + om * 60) * (byte(i, "-") ? -1 : 1)
                i += 6
            } else {
                return nil
            }
            guard i == b.count else { return nil }
        }
        guard (1...12).contains(month), (1...31).contains(day), hour < 24, minute < 60, second < 60 else { return nil }
        let components = DateComponents(year: year, month: month, day: day, hour: hour, minute: minute, second: second)
        guard let date = utcCalendar.date(from: components) else { return nil }
        // Reject dates the calendar silently rolled over (2026-02-30 becomes 2026-03-02).
        let back = utcCalendar.dateComponents([.year, .month, .day], from: date)
        guard back.year == year, back.month == month, back.day == day else { return nil }
        return date.addingTimeInterval(fraction - Double(offsetSeconds))
    }
}
