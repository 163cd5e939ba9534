/// A CSV document per RFC 4180: a header row and records of named fields.
///
/// The catalogues are exported spreadsheets whose measure texts hold commas, quotes and line breaks
/// inside quoted fields, so splitting on lines or commas would tear measures apart.
public struct CSVTable: Sendable {
    public var header: [String]
    /// Data records, each as many fields as the header (short records are padded with empty fields).
    public var records: [[String]]
    /// The 1-based line each record starts on, for error messages.
    public var recordLines: [Int]

    /// The value of column `name` in record `index`, or nil when the column does not exist.
    public func value(_ name: String, in index: Int) -> String? {
        guard let column = header.firstIndex(of: name), records.indices.contains(index),
              records[index].indices.contains(column) else { return nil }
        return records[index][column]
    }

    /// Parses `text`; the first record is the header. Accepts LF and CRLF line ends and a UTF-8 BOM.
    public static func parse(_ text: String, path: String) throws(CoverageError) -> CSVTable {
        var rows: [[String]] = []
        var lines: [Int] = []
        var field: [Character] = []
        var row: [String] = []
        var inQuotes = false
        var fieldWasQuoted = false
        var line = 1
        var rowStart = 1
        var quoteStart = 1
        var chars = Array(text)
        if chars.first == "\u{FEFF}" { chars.removeFirst() }
        var i = 0

        func endField() {
            row.append(String(field)); field.removeAll(keepingCapacity: true); fieldWasQuoted = false
        }
        func endRow() {
            endField()
            // A blank line is not a record.
            if !(row.count == 1 && row[0].isEmpty) { rows.append(row); lines.append(rowStart) }
            row.removeAll(keepingCapacity: true)
        }

        while i < chars.count {
            let c = chars[i]
            if inQuotes {
                if c == "\"" {
                    if i + 1 < chars.count, chars[i + 1] == "\"" { field.append("\""); i += 2; continue }
                    inQuotes = false
                } else {
                    if c == "\n" || c == "\r\n" { line += 1 }
                    field.append(c == "\r\n" ? "\n" : c)
                }
                i += 1
                continue
            }
            switch c {
            case "\"":
                guard field.isEmpty, !fieldWasQuoted else {
                    throw .malformed(path: path, line: line,
                                     message: "a quote inside an unquoted field; quote the whole field and double inner quotes (\"\")")
                }
                inQuotes = true; fieldWasQuoted = true; quoteStart = line
            case ",":
                endField()
            case "\n", "\r\n", "\r":
                endRow(); line += 1; rowStart = line
            default:
                guard !fieldWasQuoted else {
                    throw .malformed(path: path, line: line, message: "text after the closing quote of a field")
                }
                field.append(c)
            }
            i += 1
        }
        if inQuotes {
            throw .malformed(path: path, line: quoteStart, message: "a quoted field is never closed")
        }
        if !field.isEmpty || !row.isEmpty || fieldWasQuoted { endRow() }
        guard let header = rows.first else {
            throw .malformed(path: path, line: 1, message: "the file is empty; expected a header row")
        }
        var records = Array(rows.dropFirst())
        for (index, record) in records.enumerated() where record.count != header.count {
            guard record.count < header.count else {
                throw .malformed(path: path, line: lines[index + 1],
                                 message: "\(record.count) fields where the header has \(header.count)")
            }
            records[index] += Array(repeating: "", count: header.count - record.count)
        }
        return CSVTable(header: header, records: records, recordLines: Array(lines.dropFirst()))
    }
}
