import Foundation

/// A position in a source file, 1-based. Every value loaded from YAML keeps one so any later stage
/// (rules, reports, SARIF) can point into the user's file.
public struct SourceMark: Hashable, Sendable, Codable, Comparable {
    public var file: String
    public var line: Int
    public var column: Int
    public init(file: String, line: Int, column: Int) { self.file = file; self.line = line; self.column = column }
    public static func < (a: SourceMark, b: SourceMark) -> Bool {
        (a.file, a.line, a.column) < (b.file, b.line, b.column)
    }
}

/// An ISO 8601 duration (`P30D`, `PT24H`, `P1Y2M`, `P2W`). Kept in its parts so it prints back as
/// written; `seconds` gives the nominal length (a year is 365 days, a month 30) for comparisons.
public struct ISODuration: Hashable, Sendable, Codable, CustomStringConvertible {
    public var years: Int = 0
    public var months: Int = 0
    public var weeks: Int = 0
    public var days: Int = 0
    public var hours: Int = 0
    public var minutes: Int = 0
    public var seconds: Double = 0
    /// The text as the user wrote it.
    public var text: String

    public init(text: String, years: Int = 0, months: Int = 0, weeks: Int = 0, days: Int = 0, hours: Int = 0,
                minutes: Int = 0, seconds: Double = 0) {
        self.text = text; self.years = years; self.months = months; self.weeks = weeks; self.days = days
        self.hours = hours; self.minutes = minutes; self.seconds = seconds
    }

    /// Nominal length in seconds: 1Y = 365 days, 1M = 30 days.
    public var totalSeconds: Double {
        let dayCount = Double(years) * 365 + Double(months) * 30 + Double(weeks) * 7 + Double(days)
        return dayCount * 86_400 + Double(hours) * 3_600 + Double(minutes) * 60 + seconds
    }

    public var description: String { text }
}

/// A calendar date (`2026-03-01`), no time zone: dates in descriptors are days, not instants.
public struct ISODate: Hashable, Sendable, Codable, Comparable, CustomStringConvertible {
    public var year: Int
    public var month: Int
    public var day: Int
    public init(year: Int, month: Int, day: Int) { self.year = year; self.month = month; self.day = day }

    /// Seconds since 1970-01-01T00:00:00Z at the start of this day (UTC).
    public var epochSeconds: Int64 {
        // Days from civil (Howard Hinnant's algorithm): exact for the proleptic Gregorian calendar.
        let y = Int64(month <= 2 ? year - 1 : year)
        let era = (y >= 0 ? y : y - 399) / 400
        let yoe = y - era * 400
        let m = Int64(month)
        let doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + Int64(day) - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        return (era * 146_097 + doe - 719_468) * 86_400
    }

    public var description: String {
        func pad(_ v: Int, _ w: Int) -> String { let s = String(v); return String(repeating: "0", count: max(0, w - s.count)) + s }
        return "\(pad(year, 4))-\(pad(month, 2))-\(pad(day, 2))"
    }

    public static func < (a: ISODate, b: ISODate) -> Bool { (a.year, a.month, a.day) < (b.year, b.month, b.day) }
}

/// `true | false | not-applicable`, as used by the registers block.
public enum RegisterState: String, Sendable, Codable, CaseIterable {
    case yes = "true"
    case no = "false"
    case notApplicable = "not-applicable"
}

public enum Level: String, Sendable, Codable, CaseIterable { case low, medium, high }
