import Foundation

/// Rows of text read from a CSV file or a workbook sheet, with enough position information to point
/// the user at the offending line or cell.
public struct Table: Sendable {
    public struct Row: Sendable {
        /// CSV: the line the record starts on; XLSX: the sheet row number.
        public var number: Int
        public var cells: [String]
        /// CSV only: where each cell starts, for `line:col` in messages.
        public var positions: [CSVReader.Position] = []

        public func cell(_ column: Int?) -> String {
            guard let column, column < cells.count else { return "" }
            return cells[column]
        }
    }

    public var file: String
    /// The sheet name for a workbook, nil for CSV.
    public var sheet: String?
    public var rows: [Row]

    /// `12:5` (CSV line and column) or `Checklist!H12` (workbook cell).
    public func position(row: Row, column: Int?) -> String {
        guard let sheet else {
            if let column, column < row.positions.count {
                return "\(row.positions[column].line):\(row.positions[column].column)"
            }
            return "\(row.number):1"
        }
        return "\(sheet)!\(XLSXWriter.columnName((column ?? 0) + 1))\(row.number)"
    }

    /// Largest answer or checklist file accepted, compressed or not: a checklist of a few hundred rows
    /// is far below it.
    public static let maxFileSize = 20 * 1024 * 1024

    /// Reads a CSV file or an XLSX workbook, by content (a zip signature means a workbook).
    ///
    /// Only regular files are read (after following symlinks), and never more than `maxFileSize` + 1
    /// bytes, so a device, a pipe or a file that grows while it is read cannot exhaust memory.
    public static func read(path: String) throws -> Table {
        let url = URL(fileURLWithPath: path).resolvingSymlinksInPath()
        guard let attributes = try? FileManager.default.attributesOfItem(atPath: url.path) else {
            throw ChecklistError(file: path, message: "cannot read the file", hint: "check the path")
        }
        if (attributes[.type] as? FileAttributeType) == .typeDirectory {
            throw ChecklistError(file: path, message: "is a directory", hint: "pass a CSV or XLSX file")
        }
        guard (attributes[.type] as? FileAttributeType) == .typeRegular else {
            throw ChecklistError(file: path, message: "is not a regular file", hint: "pass a CSV or XLSX file")
        }
        if let size = attributes[.size] as? NSNumber, size.intValue > maxFileSize {
            throw ChecklistError(file: path, message: "the file is \(size.intValue) bytes, more than the limit of \(maxFileSize)",
                                 hint: "pass the checklist CSV or XLSX itself, not an archive of attachments")
        }
        let data: Data
        do {
            let handle = try FileHandle(forReadingFrom: url)
            defer { try? handle.close() }
            data = try handle.read(upToCount: maxFileSize + 1) ?? Data()
        } catch {
            throw ChecklistError(file: path, message: "cannot read the file", hint: "check the path and permissions")
        }
        return try read(data: data, file: path)
    }

    public static func read(data: Data, file: String) throws -> Table {
        if data.count > maxFileSize {
            throw ChecklistError(file: file, message: "the file is \(data.count) bytes, more than the limit of \(maxFileSize)")
        }
        if data.starts(with: [0x50, 0x4B, 0x03, 0x04]) || data.starts(with: [0x50, 0x4B, 0x05, 0x06]) {
            return try XLSXReader.read(data: data, file: file)
        }
        if file.lowercased().hasSuffix(".xlsx") {
            throw ChecklistError(file: file, message: "is not an XLSX workbook (no zip signature)",
                                 hint: "save it from the spreadsheet program as Excel workbook (.xlsx), or as CSV")
        }
        let records = try CSVReader.parseRecords(data, file: file)
        if records.count > XLSXReader.maxRows {
            throw ChecklistError(file: file, message: "has \(records.count) records, more than the limit of \(XLSXReader.maxRows)",
                                 hint: "pass the checklist CSV or XLSX itself")
        }
        return Table(file: file, sheet: nil, rows: records.map { Row(number: $0.line, cells: $0.fields.map(SpreadsheetSafety.restore), positions: $0.positions) })
    }
}
