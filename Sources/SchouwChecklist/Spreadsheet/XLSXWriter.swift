import Foundation
import ZIPFoundation

/// One cell of a generated sheet: text (an inline string) or a count of our own. A workbook schouw
/// writes never holds a formula, whatever a text starts with.
struct XLSXCell: Sendable {
    enum Style: Int, Sendable {
        case plain = 0, header = 1, wrapped = 2, input = 3, bold = 4
    }
    var text: String
    var style: Style
    /// Set for numbers schouw computed (counts); descriptor and rule text is always `nil`.
    var number: Int? = nil

    init(text: String, style: Style) {
        self.text = text
        self.style = style
    }

    init(number: Int, style: Style) {
        self.text = String(number)
        self.style = style
        self.number = number
    }
}

/// A drop-down list on one column of a sheet.
struct XLSXListValidation: Sendable {
    var column: Int
    var firstRow: Int
    var lastRow: Int
    var values: [String]
    var errorTitle: String
    var error: String
}

struct XLSXSheet: Sendable {
    var name: String
    var columnWidths: [Double]
    var rows: [[XLSXCell]]
    var freezeHeaderRow: Bool
    var autoFilter: Bool
    var validation: XLSXListValidation?
}

/// Writes an Office Open XML workbook (SpreadsheetML) as zip bytes.
///
/// Only the parts a spreadsheet program needs: content types, relationships, workbook, styles and one
/// part per sheet, with inline strings. Entries carry a fixed timestamp, so the same checklist gives the
/// same bytes.
enum XLSXWriter {
    /// 1980-01-01T00:00:00Z, the first instant a zip (MS-DOS) timestamp can hold.
    static let fixedDate = Date(timeIntervalSince1970: 315_532_800)

    static func workbook(sheets: [XLSXSheet]) throws -> Data {
        var parts: [(String, String)] = [
            ("[Content_Types].xml", contentTypes(sheetCount: sheets.count)),
            ("_rels/.rels", rootRelationships),
            ("xl/workbook.xml", workbookXML(sheets)),
            ("xl/_rels/workbook.xml.rels", workbookRelationships(sheetCount: sheets.count)),
            ("xl/styles.xml", styles),
        ]
        for (index, sheet) in sheets.enumerated() {
            parts.append(("xl/worksheets/sheet\(index + 1).xml", sheetXML(sheet, selected: index == 0)))
        }
        let archive = try Archive(data: Data(), accessMode: .create)
        for (path, text) in parts {
            let bytes = Data(text.utf8)
            try archive.addEntry(with: path, type: .file, uncompressedSize: Int64(bytes.count),
                                 modificationDate: fixedDate, permissions: 0o644, compressionMethod: .deflate) { position, size in
                bytes.subdata(in: Int(position)..<(Int(position) + size))
            }
        }
        guard let data = archive.data else {
            throw ChecklistError(file: "<xlsx>", message: "the workbook could not be assembled in memory")
        }
        return data
    }

    // MARK: - Parts

    static let xmlHeader = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
    static let mainNS = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
    static let relNS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"

    static func contentTypes(sheetCount: Int) -> String {
        var xml = xmlHeader + "<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">"
        xml += "<Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/>"
        xml += "<Default Extension=\"xml\" ContentType=\"application/xml\"/>"
        xml += "<Override PartName=\"/xl/workbook.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml\"/>"
        xml += "<Override PartName=\"/xl/styles.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml\"/>"
        for index in 0..<sheetCount {
            xml += "<Override PartName=\"/xl/worksheets/sheet\(index + 1).xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml\"/>"
        }
        return xml + "</Types>"
    }

    static let rootRelationships = xmlHeader
        + "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
        + "<Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument\" Target=\"xl/workbook.xml\"/>"
        + "</Relationships>"

    static func workbookXML(_ sheets: [XLSXSheet]) -> String {
        var xml = xmlHeader + "<workbook xmlns=\"\(mainNS)\" xmlns:r=\"\(relNS)\">"
        xml += "<bookViews><workbookView activeTab=\"0\"/></bookViews><sheets>"
        for (index, sheet) in sheets.enumerated() {
            xml += "<sheet name=\"\(XMLText.escape(sheet.name))\" sheetId=\"\(index + 1)\" r:id=\"rId\(index + 1)\"/>"
        }
        xml += "</sheets>"
        let filters = sheets.enumerated().filter { $0.element.autoFilter && !$0.element.rows.isEmpty }
        if !filters.isEmpty {
            xml += "<definedNames>"
            for (index, sheet) in filters {
                let range = "$A$1:$\(columnName(sheet.columnWidths.count))$\(sheet.rows.count)"
                xml += "<definedName name=\"_xlnm._FilterDatabase\" localSheetId=\"\(index)\" hidden=\"1\">"
                xml += XMLText.escape("'\(sheet.name)'!\(range)") + "</definedName>"
            }
            xml += "</definedNames>"
        }
        return xml + "</workbook>"
    }

    static func workbookRelationships(sheetCount: Int) -> String {
        var xml = xmlHeader + "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
        for index in 0..<sheetCount {
            xml += "<Relationship Id=\"rId\(index + 1)\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet\" Target=\"worksheets/sheet\(index + 1).xml\"/>"
        }
        xml += "<Relationship Id=\"rId\(sheetCount + 1)\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles\" Target=\"styles.xml\"/>"
        return xml + "</Relationships>"
    }

    /// Cell formats, indexed by `XLSXCell.Style`: plain, header (bold, grey, wrapped), wrapped body text,
    /// input cells for the supplier (light yellow, wrapped), bold.
    static let styles = xmlHeader + "<styleSheet xmlns=\"\(mainNS)\">"
        + "<fonts count=\"2\"><font><sz val=\"11\"/><name val=\"Calibri\"/><family val=\"2\"/></font>"
        + "<font><b/><sz val=\"11\"/><name val=\"Calibri\"/><family val=\"2\"/></font></fonts>"
        + "<fills count=\"4\"><fill><patternFill patternType=\"none\"/></fill><fill><patternFill patternType=\"gray125\"/></fill>"
        + "<fill><patternFill patternType=\"solid\"><fgColor rgb=\"FFD9D9D9\"/><bgColor indexed=\"64\"/></patternFill></fill>"
        + "<fill><patternFill patternType=\"solid\"><fgColor rgb=\"FFFFF2CC\"/><bgColor indexed=\"64\"/></patternFill></fill></fills>"
        + "<borders count=\"1\"><border><left/><right/><top/><bottom/><diagonal/></border></borders>"
        + "<cellStyleXfs count=\"1\"><xf numFmtId=\"0\" fontId=\"0\" fillId=\"0\" borderId=\"0\"/></cellStyleXfs>"
        + "<cellXfs count=\"5\">"
        + "<xf numFmtId=\"0\" fontId=\"0\" fillId=\"0\" borderId=\"0\" xfId=\"0\"/>"
        + "<xf numFmtId=\"0\" fontId=\"1\" fillId=\"2\" borderId=\"0\" xfId=\"0\" applyFont=\"1\" applyFill=\"1\" applyAlignment=\"1\"><alignment vertical=\"top\" wrapText=\"1\"/></xf>"
        + "<xf numFmtId=\"0\" fontId=\"0\" fillId=\"0\" borderId=\"0\" xfId=\"0\" applyAlignment=\"1\"><alignment vertical=\"top\" wrapText=\"1\"/></xf>"
        + "<xf numFmtId=\"0\" fontId=\"0\" fillId=\"3\" borderId=\"0\" xfId=\"0\" applyFill=\"1\" applyAlignment=\"1\"><alignment vertical=\"top\" wrapText=\"1\"/></xf>"
        + "<xf numFmtId=\"0\" fontId=\"1\" fillId=\"0\" borderId=\"0\" xfId=\"0\" applyFont=\"1\"/>"
        + "</cellXfs>"
        + "<cellStyles count=\"1\"><cellStyle name=\"Normal\" xfId=\"0\" builtinId=\"0\"/></cellStyles>"
        + "</styleSheet>"

    static func sheetXML(_ sheet: XLSXSheet, selected: Bool) -> String {
        let lastColumn = columnName(max(sheet.columnWidths.count, 1))
        let lastRow = max(sheet.rows.count, 1)
        var xml = xmlHeader + "<worksheet xmlns=\"\(mainNS)\" xmlns:r=\"\(relNS)\">"
        xml += "<dimension ref=\"A1:\(lastColumn)\(lastRow)\"/>"
        xml += "<sheetViews><sheetView workbookViewId=\"0\"\(selected ? " tabSelected=\"1\"" : "")>"
        if sheet.freezeHeaderRow {
            xml += "<pane ySplit=\"1\" topLeftCell=\"A2\" activePane=\"bottomLeft\" state=\"frozen\"/>"
            xml += "<selection pane=\"bottomLeft\" activeCell=\"A2\" sqref=\"A2\"/>"
        }
        xml += "</sheetView></sheetViews><sheetFormatPr defaultRowHeight=\"15\"/><cols>"
        for (index, width) in sheet.columnWidths.enumerated() {
            xml += "<col min=\"\(index + 1)\" max=\"\(index + 1)\" width=\"\(width)\" customWidth=\"1\"/>"
        }
        xml += "</cols><sheetData>"
        for (rowIndex, row) in sheet.rows.enumerated() {
            let r = rowIndex + 1
            xml += "<row r=\"\(r)\">"
            for (columnIndex, cell) in row.enumerated() {
                let ref = "\(columnName(columnIndex + 1))\(r)"
                if let number = cell.number {
                    xml += "<c r=\"\(ref)\" s=\"\(cell.style.rawValue)\"><v>\(number)</v></c>"
                } else if cell.text.isEmpty {
                    xml += "<c r=\"\(ref)\" s=\"\(cell.style.rawValue)\"/>"
                } else {
                    let text = XMLText.escape(XMLText.protectOOXMLEscapes(cell.text))
                    xml += "<c r=\"\(ref)\" s=\"\(cell.style.rawValue)\" t=\"inlineStr\"><is><t xml:space=\"preserve\">\(text)</t></is></c>"
                }
            }
            xml += "</row>"
        }
        xml += "</sheetData>"
        if sheet.autoFilter && !sheet.rows.isEmpty {
            xml += "<autoFilter ref=\"A1:\(lastColumn)\(lastRow)\"/>"
        }
        if let validation = sheet.validation {
            let column = columnName(validation.column)
            let list = validation.values.joined(separator: ",")
            xml += "<dataValidations count=\"1\"><dataValidation type=\"list\" allowBlank=\"1\" showInputMessage=\"1\" showErrorMessage=\"1\""
            xml += " errorTitle=\"\(XMLText.escape(validation.errorTitle))\" error=\"\(XMLText.escape(validation.error))\""
            xml += " sqref=\"\(column)\(validation.firstRow):\(column)\(max(validation.lastRow, validation.firstRow))\">"
            xml += "<formula1>\(XMLText.escape("\"" + list + "\""))</formula1></dataValidation></dataValidations>"
        }
        xml += "<pageMargins left=\"0.7\" right=\"0.7\" top=\"0.75\" bottom=\"0.75\" header=\"0.3\" footer=\"0.3\"/>"
        return xml + "</worksheet>"
    }

    /// Column letters from a 1-based index: 1 -> A, 26 -> Z, 27 -> AA.
    static func columnName(_ index: Int) -> String {
        var n = index
        var name = ""
        while n > 0 {
            let remainder = (n - 1) % 26
            name = String(UnicodeScalar(UInt8(65 + remainder))) + name
            n = (n - 1) / 26
        }
        return name
    }
}
