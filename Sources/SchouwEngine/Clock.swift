import Foundation

/// The audit's clock as users write it (`--now`, a test case's `now:`): RFC 3339 or a plain date.
public enum Clock {
    /// `2026-03-01T12:00:00Z`, with or without fractional seconds, or `2026-03-01` (00:00 UTC).
    public static func parse(_ text: String) -> Date? {
        for options in [[.withInternetDateTime], [.withInternetDateTime, .withFractionalSeconds], [.withFullDate]]
            as [ISO8601DateFormatter.Options] {
            let formatter = ISO8601DateFormatter()
            formatter.formatOptions = options
            formatter.timeZone = TimeZone(identifier: "UTC")
            if let date = formatter.date(from: text) { return date }
        }
        return nil
    }

    /// 00:00 UTC of the day: the default clock, so two runs on one day give the same bytes.
    public static func startOfDay(_ date: Date) -> Date {
        Date(timeIntervalSince1970: (date.timeIntervalSince1970 / 86_400).rounded(.down) * 86_400)
    }
}
