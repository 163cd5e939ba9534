import Foundation

/// A strict RFC 4180 reader for answer files and generated checklists.
///
/// Accepts what spreadsheet programs write back: LF or CRLF line ends, a UTF-8 byte order mark, and a
/// semicolon separator (Excel with a Dutch locale) when the header line holds semicolons and no commas.
/// Anything else that is not valid CSV is an error with line and column, never a guess.
public enum CSVReader {
    /// Where a field starts: 1-based line and column (in Unicode scalars).
    public struct Position: Sendable, Hashable {
        public var line: Int
        public var column: Int
    }

    /// One record, the line it starts on, and where each of its fields starts.
    public struct Record: Sendable {
        public var line: Int
        public var fields: [String]
        public var positions: [Position]
    }

    public static func parse(_ data: Data, file: String) throws -> [[String]] {
        try parseRecords(data, file: file).map(\.fields)
    }

    public static func parseRecords(_ data: Data, file: String) throws -> [Record] {
        guard var text = String(data: data, encoding: .utf8) else {
            throw ChecklistError(file: file, message: "not UTF-8 text",
                                 hint: "save the file as CSV (UTF-8), or answer in the XLSX workbook")
        }
        if text.hasPrefix("\u{FEFF}") { text.removeFirst() }
        if text.contains("\u{0}") {
            throw ChecklistError(file: file, message: "contains NUL bytes, so it is not a CSV file",
                                 hint: "pass the CSV or XLSX checklist the supplier filled in")
        }
        let separator: Unicode.Scalar = separatorFor(headerLine: text.prefix { $0 != "\n" && $0 != "\r\n" })
        return try parse(scalars: Array(text.unicodeScalars), separator: separator, file: file)
    }

    static func separatorFor<S: StringProtocol>(headerLine: S) -> Unicode.Scalar {
        // Only the unquoted part counts; headers never contain quotes in files we write.
        headerLine.contains(";") && !headerLine.contains(",") ? ";" : ","
    }

    private static func parse(scalars: [Unicode.Scalar], separator: Unicode.Scalar, file: String) throws -> [Record] {
        var rows: [Record] = []
        var recordLine = 1
        var row: [String] = []
        var rowPositions: [Position] = []
        var fieldStart = Position(line: 1, column: 1)
        var field = String.UnicodeScalarView()
        var index = 0
        var line = 1, column = 1
        var fieldIsQuoted = false, inQuotes = false, afterClosingQuote = false
        var quoteLine = 1, quoteColumn = 1
        /// Where the quote that closed the current field stands.
        var closingLine = 1, closingColumn = 1

        func error(_ message: String, hint: String) -> ChecklistError {
            ChecklistError(file: file, position: "\(line):\(column)", message: message, hint: hint)
        }
        func endField() {
            row.append(String(field))
            rowPositions.append(fieldStart)
            field = String.UnicodeScalarView()
            fieldIsQuoted = false
            afterClosingQuote = false
        }
        func endRow() {
            endField()
            // A line with nothing at all is skipped (trailing blank lines in hand-edited files).
            if !(row.count == 1 && row[0].isEmpty) { rows.append(Record(line: recordLine, fields: row, positions: rowPositions)) }
            row = []
            rowPositions = []
            recordLine = line + 1
        }

        while index < scalars.count {
            let c = scalars[index]
            if inQuotes {
                if c == "\"" {
                    if index + 1 < scalars.count && scalars[index + 1] == "\"" {
                        field.append("\"")
                        index += 2; column += 2
                        continue
                    }
                    inQuotes = false
                    afterClosingQuote = true
                    closingLine = line; closingColumn = column
                } else {
                    field.append(c)
                    if c == "\n" { line += 1; column = 0 }
                }
                index += 1; column += 1
                continue
            }
            switch c {
            case "\"":
                if afterClosingQuote || !field.isEmpty {
                    throw error("a quote inside a field that does not start with a quote",
                                hint: "enclose the whole field in double quotes and double the quotes inside it (\"\")")
                }
                inQuotes = true
                fieldIsQuoted = true
                quoteLine = line; quoteColumn = column
            case separator:
                endField()
                fieldStart = Position(line: line, column: column + 1)
            case "\r":
                if index + 1 < scalars.count && scalars[index + 1] == "\n" { index += 1 }
                endRow()
                line += 1; column = 0
                fieldStart = Position(line: line, column: 1)
            case "\n":
                endRow()
                line += 1; column = 0
                fieldStart = Position(line: line, column: 1)
            default:
                if afterClosingQuote {
                    // Usually a quote inside the text, taken as the end of the field that opened
                    // earlier: say where both are, which may be lines apart.
                    throw ChecklistError(file: file, position: "\(closingLine):\(closingColumn)",
                                         message: "this quote ends the field opened at \(quoteLine):\(quoteColumn), and text follows it",
                                         hint: "double a quote inside a quoted field (\"\"), or put the whole field in quotes")
                }
                field.append(c)
            }
            index += 1; column += 1
        }
        if inQuotes {
            throw ChecklistError(file: file, position: "\(quoteLine):\(quoteColumn)",
                                 message: "a quoted field is never closed",
                                 hint: "add the closing double quote, or double the quotes inside the field (\"\")")
        }
        if !field.isEmpty || fieldIsQuoted || !row.isEmpty { endRow() }
        return rows
    }
}
