extension ISODuration {
    /// Parses an ISO 8601 duration: `P1Y2M3W4DT5H6M7.5S`; at least one component, only the seconds may
    /// have a fraction, no sign. Returns nil when `text` is not such a duration.
    public static func parse(_ text: String) -> ISODuration? {
        let bytes = Array(text.utf8)
        guard bytes.count >= 2, bytes[0] == UInt8(ascii: "P") else { return nil }
        var result = ISODuration(text: text)
        var i = 1
        var inTime = false
        var components = 0
        var lastOrder = -1
        while i < bytes.count {
            if bytes[i] == UInt8(ascii: "T") {
                if inTime { return nil }
                inTime = true; i += 1
                if i == bytes.count { return nil }
                continue
            }
            var digits = 0
            var value = 0
            while i < bytes.count, bytes[i] >= 48, bytes[i] <= 57 {
                let (m, o1) = value.multipliedReportingOverflow(by: 10)
                let (a, o2) = m.addingReportingOverflow(Int(bytes[i] - 48))
                if o1 || o2 || a > 1_000_000_000 { return nil }
                value = a; digits += 1; i += 1
            }
            var fraction: Double = 0
            if i < bytes.count, bytes[i] == UInt8(ascii: ".") || bytes[i] == UInt8(ascii: ",") {
                i += 1
                var scale = 0.1
                var fractionDigits = 0
                while i < bytes.count, bytes[i] >= 48, bytes[i] <= 57 {
                    fraction += Double(bytes[i] - 48) * scale; scale /= 10; i += 1; fractionDigits += 1
                }
                if fractionDigits == 0 { return nil }
                // Only seconds may carry a fraction.
                guard inTime, i < bytes.count, bytes[i] == UInt8(ascii: "S") else { return nil }
            }
            guard digits > 0, i < bytes.count else { return nil }
            let designator = bytes[i]; i += 1
            let order: Int
            switch (inTime, designator) {
            case (false, UInt8(ascii: "Y")): order = 0; result.years = value
            case (false, UInt8(ascii: "M")): order = 1; result.months = value
            case (false, UInt8(ascii: "W")): order = 2; result.weeks = value
            case (false, UInt8(ascii: "D")): order = 3; result.days = value
            case (true, UInt8(ascii: "H")): order = 4; result.hours = value
            case (true, UInt8(ascii: "M")): order = 5; result.minutes = value
            case (true, UInt8(ascii: "S")): order = 6; result.seconds = Double(value) + fraction
            default: return nil
            }
            if order <= lastOrder { return nil }
            lastOrder = order
            components += 1
        }
        return components > 0 ? result : nil
    }
}

extension ISODate {
    /// Parses `YYYY-MM-DD` with a real calendar check (`2025-02-29` is rejected).
    public static func parse(_ text: String) -> ISODate? {
        let bytes = Array(text.utf8)
        guard bytes.count == 10, bytes[4] == UInt8(ascii: "-"), bytes[7] == UInt8(ascii: "-") else { return nil }
        func number(_ range: Range<Int>) -> Int? {
            var value = 0
            for i in range {
                guard bytes[i] >= 48, bytes[i] <= 57 else { return nil }
                value = value * 10 + Int(bytes[i] - 48)
            }
            return value
        }
        guard let year = number(0..<4), let month = number(5..<7), let day = number(8..<10),
              (1...12).contains(month), day >= 1, day <= daysIn(month: month, year: year) else { return nil }
        return ISODate(year: year, month: month, day: day)
    }

    static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }
}

/// Checks for id slugs and country codes.
public enum Identifiers {
    /// True for `[a-z0-9][a-z0-9-]*`.
    public static func isSlug(_ text: String) -> Bool {
        var copy = text
        return copy.withUTF8 { isSlug($0) }
    }

    static func isSlug(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        var first = true
        for c in bytes {
            let ok = (c >= 97 && c <= 122) || (c >= 48 && c <= 57) || (!first && c == UInt8(ascii: "-"))
            if !ok { return false }
            first = false
        }
        return !first
    }

    /// A slug made from arbitrary text, for hints: `Wifi Sensor_1` -> `wifi-sensor-1`.
    public static func slugified(_ text: String) -> String {
        var out = ""
        var lastDash = true
        for scalar in text.lowercased().unicodeScalars {
            if (scalar >= "a" && scalar <= "z") || (scalar >= "0" && scalar <= "9") {
                out.unicodeScalars.append(scalar); lastDash = false
            } else if !lastDash {
                out.append("-"); lastDash = true
            }
        }
        while out.hasSuffix("-") { out.removeLast() }
        return out.isEmpty ? "id" : out
    }

    /// True for an assigned ISO 3166-1 alpha-2 code in capitals.
    public static func isCountryCode(_ text: String) -> Bool { CountryCodes.all.contains(text) }
}
