import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import ZIPFoundation

/// Reads the checklist sheet of a workbook a supplier filled in.
///
/// A workbook is hostile input: the reader opens only the parts it needs (workbook, its relationships,
/// shared strings, one sheet), stops inflating any part beyond `maxPartSize` (zip bombs), refuses XML
/// with a document type declaration (entity expansion) and reads cells as text, never evaluating them.
enum XLSXReader {
    static let maxPartSize = 50 * 1024 * 1024
    static let maxRows = 100_000
    static let maxColumns = 256

    static func read(data: Data, file: String) throws -> Table {
        let archive: Archive
        do {
            archive = try Archive(data: data, accessMode: .read)
        } catch {
            throw notAWorkbook(file, "the zip archive cannot be opened")
        }
        guard let workbookXML = try part("xl/workbook.xml", in: archive, file: file) else {
            throw notAWorkbook(file, "it has no xl/workbook.xml part")
        }
        let sheets = try SheetListParser.parse(workbookXML, file: file)
        let relationships = try part("xl/_rels/workbook.xml.rels", in: archive, file: file)
            .map { try RelationshipParser.parse($0, file: file) } ?? [:]
        let chosen = sheets.first { $0.name == ChecklistWorkbook.checklistSheetName } ?? sheets.first
        guard let chosen else { throw notAWorkbook(file, "the workbook lists no sheets") }
        let target = relationships[chosen.relationshipID] ?? "worksheets/sheet1.xml"
        let sheetPath = target.hasPrefix("/") ? String(target.dropFirst()) : "xl/" + target
        guard let sheetXML = try part(sheetPath, in: archive, file: file) else {
            throw notAWorkbook(file, "sheet '\(chosen.name)' points to \(sheetPath), which is missing")
        }
        let sharedStringsPath = relationships.values.first { $0.hasSuffix("sharedStrings.xml") }
            .map { $0.hasPrefix("/") ? String($0.dropFirst()) : "xl/" + $0 } ?? "xl/sharedStrings.xml"
        let sharedStrings = try part(sharedStringsPath, in: archive, file: file)
            .map { try SharedStringsParser.parse($0, file: file) } ?? []
        let rows = try SheetParser.parse(sheetXML, sharedStrings: sharedStrings, file: file, sheet: chosen.name)
        return Table(file: file, sheet: chosen.name, rows: rows)
    }

    static func notAWorkbook(_ file: String, _ reason: String) -> ChecklistError {
        ChecklistError(file: file, message: "is not an XLSX workbook: \(reason)",
                       hint: "save it from the spreadsheet program as Excel workbook (.xlsx), or as CSV")
    }

    /// The bytes of one part, or nil when the archive does not hold it. Inflation stops at `maxPartSize`.
    static func part(_ path: String, in archive: Archive, file: String) throws -> Data? {
        guard let entry = archive[path] else { return nil }
        if entry.uncompressedSize > UInt64(maxPartSize) {
            throw ChecklistError(file: file, message: "workbook part \(path) is \(entry.uncompressedSize) bytes uncompressed, more than the limit of \(maxPartSize)")
        }
        var data = Data()
        do {
            _ = try archive.extract(entry, skipCRC32: false) { chunk in
                data.append(chunk)
                if data.count > maxPartSize { throw PartTooLarge() }
            }
        } catch is PartTooLarge {
            throw ChecklistError(file: file, message: "workbook part \(path) inflates beyond \(maxPartSize) bytes",
                                 hint: "this is not a workbook a spreadsheet program writes; ask for the file again")
        } catch {
            throw notAWorkbook(file, "part \(path) is damaged")
        }
        return data
    }

    private struct PartTooLarge: Error {}

    /// Parses one XML part with Foundation's parser, after refusing document type declarations.
    static func parseXML(_ data: Data, delegate: XMLParserDelegate, part: String, file: String) throws {
        if data.range(of: Data("<!DOCTYPE".utf8)) != nil || data.range(of: Data("<!doctype".utf8)) != nil
            || data.range(of: Data("<!ENTITY".utf8)) != nil {
            throw ChecklistError(file: file, message: "workbook part \(part) declares a document type",
                                 hint: "workbooks never do; this file was crafted or damaged")
        }
        let parser = XMLParser(data: data)
        parser.shouldResolveExternalEntities = false
        parser.delegate = delegate
        guard parser.parse() else {
            let line = parser.lineNumber, column = parser.columnNumber
            throw ChecklistError(file: file, message: "workbook part \(part) is not well-formed XML (line \(line), column \(column))",
                                 hint: "save the workbook again from the spreadsheet program")
        }
    }
}

// MARK: - Part parsers

private struct SheetEntry { var name: String; var relationshipID: String }

private enum SheetListParser {
    final class Delegate: NSObject, XMLParserDelegate {
        var sheets: [SheetEntry] = []
        func parser(_ parser: XMLParser, didStartElement elementName: String, namespaceURI: String?,
                    qualifiedName qName: String?, attributes: [String: String] = [:]) {
            guard local(elementName) == "sheet" else { return }
            let id = attributes.first { local($0.key) == "id" && $0.key != "sheetId" }?.value ?? ""
            sheets.append(SheetEntry(name: attributes["name"] ?? "", relationshipID: id))
        }
    }

    static func parse(_ data: Data, file: String) throws -> [SheetEntry] {
        let delegate = Delegate()
        try XLSXReader.parseXML(data, delegate: delegate, part: "xl/workbook.xml", file: file)
        return delegate.sheets
    }
}

private enum RelationshipParser {
    final class Delegate: NSObject, XMLParserDelegate {
        var targets: [String: String] = [:]
        func parser(_ parser: XMLParser, didStartElement elementName: String, namespaceURI: String?,
                    qualifiedName qName: String?, attributes: [String: String] = [:]) {
            guard local(elementName) == "Relationship", let id = attributes["Id"], let target = attributes["Target"] else { return }
            targets[id] = target
        }
    }

    static func parse(_ data: Data, file: String) throws -> [String: String] {
        let delegate = Delegate()
        try XLSXReader.parseXML(data, delegate: delegate, part: "xl/_rels/workbook.xml.rels", file: file)
        return delegate.targets
    }
}

private enum SharedStringsParser {
    final class Delegate: NSObject, XMLParserDelegate {
        var strings: [String] = []
        var current = ""
        var inItem = false, inText = false, inPhonetic = false
        func parser(_ parser: XMLParser, didStartElement elementName: String, namespaceURI: String?,
                    qualifiedName qName: String?, attributes: [String: String] = [:]) {
            switch local(elementName) {
            case "si": inItem = true; current = ""
            case "t": inText = inItem && !inPhonetic
            case "rPh": inPhonetic = true
            default: break
            }
        }
        func parser(_ parser: XMLParser, didEndElement elementName: String, namespaceURI: String?, qualifiedName qName: String?) {
            switch local(elementName) {
            case "si": strings.append(XMLText.decodeOOXMLEscapes(current)); inItem = false
            case "t": inText = false
            case "rPh": inPhonetic = false
            default: break
            }
        }
        func parser(_ parser: XMLParser, foundCharacters string: String) {
            if inText { current += string }
        }
    }

    static func parse(_ data: Data, file: String) throws -> [String] {
        let delegate = Delegate()
        try XLSXReader.parseXML(data, delegate: delegate, part: "xl/sharedStrings.xml", file: file)
        return delegate.strings
    }
}

private enum SheetParser {
    final class Delegate: NSObject, XMLParserDelegate {
        let sharedStrings: [String]
        var rows: [Int: [String]] = [:]
        var rowNumber = 0
        var columnIndex = -1
        var cellType = ""
        var value = ""
        var inlineText = ""
        var inValue = false, inInline = false, inText = false, inPhonetic = false
        var problem: String?

        init(sharedStrings: [String]) { self.sharedStrings = sharedStrings }

        func parser(_ parser: XMLParser, didStartElement elementName: String, namespaceURI: String?,
                    qualifiedName qName: String?, attributes: [String: String] = [:]) {
            switch local(elementName) {
            case "row":
                rowNumber = attributes["r"].flatMap { Int($0) } ?? rowNumber + 1
                columnIndex = -1
                if rowNumber < 1 || rowNumber > XLSXReader.maxRows {
                    problem = "row number \(rowNumber) is outside 1...\(XLSXReader.maxRows)"
                    parser.abortParsing()
                }
            case "c":
                columnIndex = attributes["r"].flatMap(columnOf) ?? columnIndex + 1
                cellType = attributes["t"] ?? "n"
                value = ""; inlineText = ""
            case "v": inValue = true
            case "is": inInline = true
            case "t": inText = inInline && !inPhonetic
            case "rPh": inPhonetic = true
            default: break
            }
        }

        func parser(_ parser: XMLParser, didEndElement elementName: String, namespaceURI: String?, qualifiedName qName: String?) {
            switch local(elementName) {
            case "v": inValue = false
            case "is": inInline = false
            case "t": inText = false
            case "rPh": inPhonetic = false
            case "c": store()
            default: break
            }
        }

        func parser(_ parser: XMLParser, foundCharacters string: String) {
            if inValue { value += string } else if inText { inlineText += string }
        }

        private func store() {
            guard columnIndex >= 0, columnIndex < XLSXReader.maxColumns, rowNumber >= 1 else { return }
            let text: String
            switch cellType {
            case "s":
                guard let index = Int(value.trimmingCharacters(in: .whitespaces)), sharedStrings.indices.contains(index) else {
                    text = ""
                    break
                }
                text = sharedStrings[index]
            case "inlineStr": text = XMLText.decodeOOXMLEscapes(inlineText)
            case "str": text = XMLText.decodeOOXMLEscapes(value)
            case "b": text = value == "1" ? "TRUE" : "FALSE"
            default: text = value
            }
            var row = rows[rowNumber] ?? []
            if row.count <= columnIndex { row += Array(repeating: "", count: columnIndex + 1 - row.count) }
            row[columnIndex] = text
            rows[rowNumber] = row
        }

        /// Zero-based column of a cell reference such as `H12`.
        private func columnOf(_ reference: String) -> Int? {
            var column = 0
            var sawLetter = false
            for scalar in reference.unicodeScalars {
                guard ("A"..."Z").contains(scalar) else { break }
                column = column * 26 + Int(scalar.value - 64)
                sawLetter = true
                if column > 16_384 { return nil }
            }
            return sawLetter ? column - 1 : nil
        }
    }

    static func parse(_ data: Data, sharedStrings: [String], file: String, sheet: String) throws -> [Table.Row] {
        let delegate = Delegate(sharedStrings: sharedStrings)
        do {
            try XLSXReader.parseXML(data, delegate: delegate, part: "sheet '\(sheet)'", file: file)
        } catch {
            if let problem = delegate.problem {
                throw ChecklistError(file: file, message: "sheet '\(sheet)': \(problem)")
            }
            throw error
        }
        return delegate.rows.keys.sorted().map { Table.Row(number: $0, cells: delegate.rows[$0] ?? []) }
    }
}

/// The local name of a possibly prefixed XML name (`x:row` -> `row`).
private func local(_ name: String) -> String {
    guard let colon = name.lastIndex(of: ":") else { return name }
    return String(name[name.index(after: colon)...])
}
