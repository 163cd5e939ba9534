import CEL
import Foundation

/// The audit's clock as users write it (`--now`, a test case's `now:`): RFC 3339 or a plain date.
public enum Clock {
    /// `2026-03-01T12:00:00Z`, with or without fractional seconds or with an offset, or `2026-03-01`
    /// (00:00 UTC). Parsed directly: Foundation's ISO 8601 formatter loads ICU, which costs more than
    /// a whole audit of a typical project.
    public static func parse(_ text: String) -> Date? {
        let full = text.utf8.count == 10 ? text + "T00:00:00Z" : text
        guard let t = Timestamp.parse(full) else { return nil }
        return Date(timeIntervalSince1970: Double(t.seconds) + Double(t.nanos) / 1e9)
    }

    /// RFC 3339 in UTC to the second, as results record the evaluation time.
    public static func rfc3339(_ date: Date) -> String {
        Timestamp(seconds: Int64(date.timeIntervalSince1970.rounded(.down))).rfc3339
    }

    /// 00:00 UTC of the day: the default clock, so two runs on one day give the same bytes.
    public static func startOfDay(_ date: Date) -> Date {
        Date(timeIntervalSince1970: (date.timeIntervalSince1970 / 86_400).rounded(.down) * 86_400)
    }
}
