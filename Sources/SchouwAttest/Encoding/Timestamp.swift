import CEL
import Foundation

/// RFC 3339 timestamps as attestations store them (`2026-03-01T12:00:00Z`, UTC, whole seconds).
///
/// Parsed and printed by the expression language's timestamp, as the audit's `--now` is: a
/// statement's time, a register entry and `--now` then accept exactly the same texts.
public enum Timestamp {
    /// Formats in UTC, dropping fractions of a second so the text is stable.
    public static func format(_ date: Date) -> String {
        CEL.Timestamp(seconds: Int64(date.timeIntervalSince1970.rounded(.down))).rfc3339
    }

    /// Parses `YYYY-MM-DD` (midnight UTC) or `YYYY-MM-DDTHH:MM:SS[.fff](Z|±HH:MM)`; nil for anything else.
    public static func parse(_ text: String) -> Date? {
        let full = text.utf8.count == 10 ? text + "T00:00:00Z" : text
        guard let t = CEL.Timestamp.parse(full) else { return nil }
        return Date(timeIntervalSince1970: Double(t.seconds) + Double(t.nanos) / 1e9)
    }
}
