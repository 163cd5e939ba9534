import Foundation

/// A point in time with nanosecond precision, between 0001-01-01 and 9999-12-31 (UTC) as CEL requires.
public struct Timestamp: Sendable, Hashable, Comparable {
    public var seconds: Int64
    public var nanos: Int32

    /// 0001-01-01T00:00:00Z and 9999-12-31T23:59:59Z in Unix seconds.
    static let minSeconds: Int64 = -62_135_596_800
    static let maxSeconds: Int64 = 253_402_300_799

    public init(seconds: Int64, nanos: Int32 = 0) {
        self.seconds = seconds
        self.nanos = nanos
    }

    public init(date: Date) {
        let interval = date.timeIntervalSince1970
        let whole = interval.rounded(.down)
        self.init(seconds: Int64(whole), nanos: Int32(((interval - whole) * 1e9).rounded()))
    }

    var isInRange: Bool { seconds >= Timestamp.minSeconds && seconds <= Timestamp.maxSeconds }

    public static func < (a: Timestamp, b: Timestamp) -> Bool {
        (a.seconds, a.nanos) < (b.seconds, b.nanos)
    }

    /// Parses RFC 3339 (`2009-02-13T23:31:30Z`, `...30.123+01:00`).
    public static func parse(_ text: String) -> Timestamp? {
        let s = Array(text.utf8)
        var i = 0
        func digits(_ count: Int) -> Int64? {
            guard i + count <= s.count else { return nil }
            var v: Int64 = 0
            for k in 0..<count {
                let c = s[i + k]
                guard c >= 48 && c <= 57 else { return nil }
                v = v * 10 + Int64(c - 48)
            }
            i += count
            return v
        }
        func expect(_ chars: String) -> Bool {
            guard i < s.count, chars.utf8.contains(s[i]) else { return false }
            i += 1
            return true
        }
        guard let year = digits(4), expect("-"), let month = digits(2), expect("-"), let day = digits(2),
              expect("Tt"), let hour = digits(2), expect(":"), let minute = digits(2), expect(":"),
              let second = digits(2) else { return nil }
        var nanos: Int64 = 0
        if i < s.count, s[i] == 46 {
            i += 1
            var count = 0
            while i < s.count, s[i] >= 48 && s[i] <= 57 {
                if count < 9 { nanos = nanos * 10 + Int64(s[i] - 48) }
                count += 1
                i += 1
            }
            guard count > 0 else { return nil }
            for _ in count..<max(count, 9) { nanos *= 10 }
        }
        var offset: Int64 = 0
        if expect("Zz") {
        } else if i < s.count, s[i] == 43 || s[i] == 45 {
            let negative = s[i] == 45
            i += 1
            guard let oh = digits(2), expect(":"), let om = digits(2), oh < 24, om < 60 else { return nil }
            offset = (oh * 3600 + om * 60) * (negative ? -1 : 1)
        } else {
            return nil
        }
        guard i == s.count, (1...12).contains(month), day >= 1, day <= CivilDate.daysIn(month: month, year: year),
              hour < 24, minute < 60, second < 60 else { return nil }
        let days = CivilDate.daysFromCivil(year: year, month: month, day: day)
        let total = days * 86400 + hour * 3600 + minute * 60 + second - offset
        let result = Timestamp(seconds: total, nanos: Int32(nanos))
        return result.isInRange ? result : nil
    }

    /// RFC 3339 in UTC with the fractional seconds trimmed of trailing zeros (as Go's RFC3339Nano).
    public var rfc3339: String {
        let days = floorDiv(seconds, 86400)
        let secondOfDay = seconds - days * 86400
        let civil = CivilDate.civilFromDays(days)
        var text = pad(civil.year, 4) + "-" + pad(civil.month, 2) + "-" + pad(civil.day, 2) + "T"
            + pad(secondOfDay / 3600, 2) + ":" + pad(secondOfDay / 60 % 60, 2) + ":" + pad(secondOfDay % 60, 2)
        if nanos > 0 {
            var fraction = pad(Int64(nanos), 9)
            while fraction.hasSuffix("0") { fraction.removeLast() }
            text += "." + fraction
        }
        return text + "Z"
    }

    func adding(_ d: CELDuration) -> Timestamp? {
        let (s1, o1) = seconds.addingReportingOverflow(d.seconds)
        if o1 { return nil }
        var secs = s1
        var ns = Int64(nanos) + Int64(d.nanos)
        if ns >= 1_000_000_000 { secs += 1; ns -= 1_000_000_000 }
        if ns < 0 { secs -= 1; ns += 1_000_000_000 }
        let result = Timestamp(seconds: secs, nanos: Int32(ns))
        return result.isInRange ? result : nil
    }

    func difference(_ other: Timestamp) -> CELDuration? {
        CELDuration.normalised(seconds: seconds - other.seconds, nanos: Int64(nanos) - Int64(other.nanos))
    }
}

/// A signed span of time with nanosecond precision, within about ±10,000 years as CEL requires.
public struct CELDuration: Sendable, Hashable, Comparable {
    /// Seconds and nanoseconds have the same sign (like google.protobuf.Duration).
    public var seconds: Int64
    public var nanos: Int32

    /// Like cel-go (Go's time.Duration), a duration must fit in 64-bit nanoseconds: about ±292 years.
    static let maxSeconds: Int64 = 9_223_372_036

    public init(seconds: Int64, nanos: Int32 = 0) {
        self.seconds = seconds
        self.nanos = nanos
    }

    /// Normalises and range-checks; nil when out of range.
    static func normalised(seconds: Int64, nanos: Int64) -> CELDuration? {
        var s = seconds + nanos / 1_000_000_000
        var n = nanos % 1_000_000_000
        if s > 0 && n < 0 { s -= 1; n += 1_000_000_000 }
        if s < 0 && n > 0 { s += 1; n -= 1_000_000_000 }
        guard abs(s) <= maxSeconds else { return nil }
        let result = CELDuration(seconds: s, nanos: Int32(n))
        return result.totalNanos == nil ? nil : result
    }

    public static func < (a: CELDuration, b: CELDuration) -> Bool {
        (a.seconds, a.nanos) < (b.seconds, b.nanos)
    }

    /// Total nanoseconds, nil if that does not fit in Int64.
    var totalNanos: Int64? {
        let (m, o1) = seconds.multipliedReportingOverflow(by: 1_000_000_000)
        if o1 { return nil }
        let (t, o2) = m.addingReportingOverflow(Int64(nanos))
        return o2 ? nil : t
    }

    func adding(_ other: CELDuration) -> CELDuration? {
        let (s, o) = seconds.addingReportingOverflow(other.seconds)
        if o { return nil }
        return CELDuration.normalised(seconds: s, nanos: Int64(nanos) + Int64(other.nanos))
    }

    var negated: CELDuration { CELDuration(seconds: -seconds, nanos: -nanos) }

    /// Parses Go duration syntax as CEL uses it: `1h30m`, `-1.5s`, `100ms`, `2us`, `3ns`.
    public static func parse(_ text: String) -> CELDuration? {
        var s = Substring(text)
        var negative = false
        if s.hasPrefix("-") { negative = true; s = s.dropFirst() } else if s.hasPrefix("+") { s = s.dropFirst() }
        if s == "0" { return CELDuration(seconds: 0) }
        guard !s.isEmpty else { return nil }
        var totalNanos: Decimal = 0
        while !s.isEmpty {
            let number = s.prefix { $0.isASCII && ($0.isNumber || $0 == ".") }
            guard !number.isEmpty, number != ".", let value = Decimal(string: String(number)) else { return nil }
            s = s.dropFirst(number.count)
            let unit = s.prefix { !($0.isASCII && ($0.isNumber || $0 == ".")) }
            s = s.dropFirst(unit.count)
            let scale: Decimal
            switch unit {
            case "h": scale = 3_600_000_000_000
            case "m": scale = 60_000_000_000
            case "s": scale = 1_000_000_000
            case "ms": scale = 1_000_000
            case "us", "µs", "μs": scale = 1000
            case "ns": scale = 1
            default: return nil
            }
            totalNanos += value * scale
        }
        if negative { totalNanos = -totalNanos }
        var rounded = Decimal()
        var copy = totalNanos
        NSDecimalRound(&rounded, &copy, 0, .plain)
        let billion: Decimal = 1_000_000_000
        var secondsPart = Decimal()
        var quotient = rounded / billion
        NSDecimalRound(&secondsPart, &quotient, 0, rounded < 0 ? .up : .down)
        let nanosPart = rounded - secondsPart * billion
        guard abs(secondsPart) <= Decimal(maxSeconds) else { return nil }
        let secs = NSDecimalNumber(decimal: secondsPart).int64Value
        let ns = NSDecimalNumber(decimal: nanosPart).int64Value
        return normalised(seconds: secs, nanos: ns)
    }

    /// Seconds with up to nine fractional digits and an `s` suffix (`60s`, `1.5s`), as cel-go prints.
    public var text: String {
        if nanos == 0 { return "\(seconds)s" }
        let negative = seconds < 0 || nanos < 0
        var fraction = pad(Int64(abs(nanos)), 9)
        while fraction.hasSuffix("0") { fraction.removeLast() }
        return (negative ? "-" : "") + "\(abs(seconds))." + fraction + "s"
    }
}

func floorDiv(_ a: Int64, _ b: Int64) -> Int64 {
    let q = a / b
    return (a % b != 0 && (a < 0) != (b < 0)) ? q - 1 : q
}

func pad(_ value: Int64, _ width: Int) -> String {
    let digits = String(abs(value))
    let padded = String(repeating: "0", count: max(0, width - digits.count)) + digits
    return value < 0 ? "-" + padded : padded
}

/// Proleptic Gregorian calendar arithmetic (Howard Hinnant's algorithms), independent of Foundation.
enum CivilDate {
    static func daysFromCivil(year: Int64, month: Int64, day: Int64) -> Int64 {
        let y = month <= 2 ? year - 1 : year
        let era = floorDiv(y, 400)
        let yoe = y - era * 400
        let mp = (month + 9) % 12
        let doy = (153 * mp + 2) / 5 + day - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        return era * 146_097 + doe - 719_468
    }

    static func civilFromDays(_ days: Int64) -> (year: Int64, month: Int64, day: Int64) {
        let z = days + 719_468
        let era = floorDiv(z, 146_097)
        let doe = z - era * 146_097
        let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146_096) / 365
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let day = doy - (153 * mp + 2) / 5 + 1
        let month = mp < 10 ? mp + 3 : mp - 9
        return (yoe + era * 400 + (month <= 2 ? 1 : 0), month, day)
    }

    static func isLeap(_ year: Int64) -> Bool {
        (year % 4 == 0 && year % 100 != 0) || year % 400 == 0
    }

    static func daysIn(month: Int64, year: Int64) -> Int64 {
        switch month {
        case 2: return isLeap(year) ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }
}

/// The broken-down local time of a timestamp in a time zone, for the `get*` accessors.
struct LocalTime {
    var year: Int64, month: Int64, day: Int64, hour: Int64, minute: Int64, second: Int64
    var dayOfYear: Int64, dayOfWeek: Int64, millisecond: Int64

    /// `zone` is an IANA name (`Europe/Amsterdam`), `UTC`, or a fixed offset (`+01:00`, `-02:30`, `02:00`).
    static func make(_ ts: Timestamp, zone: String?) -> LocalTime? {
        var offset: Int64 = 0
        if let zone {
            guard let zoneOffset = offsetSeconds(zone: zone, at: ts) else { return nil }
            offset = zoneOffset
        }
        let local = ts.seconds + offset
        let days = floorDiv(local, 86400)
        let secondOfDay = local - days * 86400
        let civil = CivilDate.civilFromDays(days)
        let jan1 = CivilDate.daysFromCivil(year: civil.year, month: 1, day: 1)
        // 1970-01-01 was a Thursday (4).
        let weekday = ((days % 7) + 7 + 4) % 7
        return LocalTime(year: civil.year, month: civil.month, day: civil.day, hour: secondOfDay / 3600,
                         minute: secondOfDay / 60 % 60, second: secondOfDay % 60, dayOfYear: days - jan1,
                         dayOfWeek: weekday, millisecond: Int64(ts.nanos) / 1_000_000)
    }

    static func offsetSeconds(zone: String, at ts: Timestamp) -> Int64? {
        let scalars = Array(zone.utf8)
        let isOffset = scalars.allSatisfy { ($0 >= 48 && $0 <= 57) || $0 == 58 || $0 == 43 || $0 == 45 }
        if isOffset, !scalars.isEmpty {
            var text = Substring(zone)
            var sign: Int64 = 1
            if text.hasPrefix("-") { sign = -1; text = text.dropFirst() } else if text.hasPrefix("+") { text = text.dropFirst() }
            let parts = text.split(separator: ":", omittingEmptySubsequences: false)
            guard parts.count == 2, let h = Int64(parts[0]), let m = Int64(parts[1]), h < 24, m < 60 else { return nil }
            return sign * (h * 3600 + m * 60)
        }
        if zone == "UTC" || zone == "Z" { return 0 }
        guard let tz = TimeZone(identifier: zone) else { return nil }
        return Int64(tz.secondsFromGMT(for: Date(timeIntervalSince1970: TimeInterval(ts.seconds))))
    }
}
