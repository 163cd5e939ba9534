import Foundation

/// RFC 4180 CSV: comma separated, CRLF line ends, fields quoted when they hold a comma, quote or line
/// break, quotes doubled. Every cell passes through `SpreadsheetSafety` first.
public enum CSVWriter {
    public static func write(header: [String], rows: [[String]]) -> String {
        var out = ""
        for row in [header] + rows {
            out += row.map { field(SpreadsheetSafety.neutralise($0)) }.joined(separator: ",")
            out += "\r\n"
        }
        return out
    }

    static func field(_ text: String) -> String {
        let needsQuotes = text.contains { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" || $0 == "\r\n" }
        guard needsQuotes else { return text }
        return "\"" + text.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
}

extension Checklist {
    /// The checklist as CSV (the same columns as the XLSX sheet).
    public func csv(language: ChecklistLanguage) -> String {
        CSVWriter.write(header: ChecklistTable.header(language: language),
                        rows: ChecklistTable.rows(self, language: language))
    }
}
