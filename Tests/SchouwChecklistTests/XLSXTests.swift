import Foundation
import PythonChecks
import Testing
import ZIPFoundation
@testable import SchouwChecklist

@Suite struct XLSXTests {
    let checklist = ChecklistBuilder.build(project: CameraProject.project, candidates: CameraProject.candidates)

    func write(_ data: Data, _ name: String, in directory: URL) throws -> URL {
        let url = directory.appendingPathComponent(name)
        try data.write(to: url)
        return url
    }

    @Test func sameChecklistGivesSameBytes() throws {
        #expect(try checklist.xlsx(language: .nl) == checklist.xlsx(language: .nl))
    }

    /// An independent reader (openpyxl) sees the sheets, header, rows, frozen pane and drop-down.
    @Test(.enabled(if: PythonChecks.available("openpyxl"), Comment(rawValue: PythonChecks.reason("openpyxl"))),
          arguments: ChecklistLanguage.allCases)
    func openpyxlReadsTheWorkbook(language: ChecklistLanguage) throws {
        let directory = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let url = try write(try checklist.xlsx(language: language), "checklist.xlsx", in: directory)
        let script = """
        import json, sys, openpyxl
        wb = openpyxl.load_workbook(sys.argv[1])
        ws = wb["Checklist"]
        rows = [[c.value for c in row] for row in ws.iter_rows()]
        dv = ws.data_validations.dataValidation
        print(json.dumps({
            "sheets": wb.sheetnames,
            "header": rows[0],
            "ids": [r[0] for r in rows[1:]],
            "knockOut": [r[6] for r in rows[1:]],
            "freeze": ws.freeze_panes,
            "validations": [[v.type, v.formula1, str(v.sqref)] for v in dv],
            "types": sorted({c.data_type for row in ws.iter_rows() for c in row if c.value is not None}),
            "wrap": ws["D2"].alignment.wrap_text,
            "bold": ws["A1"].font.b,
            "widthD": ws.column_dimensions["D"].width,
            "intro": [r[0].value for r in wb.worksheets[1].iter_rows(max_row=1)],
            "total": [[c.value for c in r] for r in wb.worksheets[1].iter_rows() if r[0].value in ("Totaal", "Total")],
        }))
        """
        let run = try Python.run(script, [url.path])
        #expect(run.status == 0, "openpyxl failed (pip install openpyxl): \(run.stderr)")
        let json = try #require(try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any])
        let strings = ChecklistStrings.for(language)
        #expect(json["sheets"] as? [String] == ["Checklist", language == .nl ? "Introductie" : "Introduction"])
        #expect(json["header"] as? [String] == strings.columns.all)
        #expect(json["ids"] as? [String] == checklist.items.map(\.id))
        #expect(json["knockOut"] as? [String] == checklist.items.map { strings.yesNo($0.knockOut) })
        #expect(json["freeze"] as? String == "A2")
        let list = language == .nl ? "\"ja,deels,nee,n.v.t.\"" : "\"yes,partly,no,n.a.\""
        #expect(json["validations"] as? [[String]] == [["list", list, "H2:H12"]])
        #expect(json["types"] as? [String] == ["s"])
        #expect(json["wrap"] as? Bool == true)
        #expect(json["bold"] as? Bool == true)
        #expect(json["widthD"] as? Double == 60)
        #expect(json["intro"] as? [String] == ["\(strings.title): Cameratoezicht Stationsplein"])
        #expect(json["total"] as? [[AnyHashable]] == [[strings.total, 11, 4, 2]])
    }

    /// The supplier fills in the workbook with openpyxl (as a spreadsheet program would) and the score
    /// reads the answers back.
    @Test(.enabled(if: PythonChecks.available("openpyxl"), Comment(rawValue: PythonChecks.reason("openpyxl"))))
    func roundTripThroughOpenpyxl() throws {
        let directory = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let url = try write(try checklist.xlsx(language: .nl), "checklist.xlsx", in: directory)
        let filled = directory.appendingPathComponent("antwoorden.xlsx")
        let answers = Dictionary(uniqueKeysWithValues: CameraAnswers.answers.map { ($0.key, [$0.value.0, $0.value.1]) })
        let answersJSON = String(decoding: try JSONSerialization.data(withJSONObject: answers, options: [.sortedKeys]), as: UTF8.self)
        let script = """
        import json, sys, openpyxl
        wb = openpyxl.load_workbook(sys.argv[1])
        ws = wb["Checklist"]
        answers = json.loads(sys.argv[3])
        for row in ws.iter_rows(min_row=2):
            if row[0].value in answers:
                answer, evidence = answers[row[0].value]
                row[7].value = answer
                row[8].value = evidence or None
                row[9].value = "toelichting"
        wb.save(sys.argv[2])
        """
        let run = try Python.run(script, [url.path, filled.path, answersJSON])
        #expect(run.status == 0, "openpyxl failed (pip install openpyxl): \(run.stderr)")
        let table = try Table.read(path: filled.path)
        #expect(table.sheet == "Checklist")
        let responses = try ResponseReader.responses(from: table)
        #expect(responses["CL-PR-007"]?.answer == .yes)
        #expect(responses["CL-PR-007"]?.remarks == "toelichting")
        let score = ChecklistScorer.score(items: checklist.scoringItems(language: .nl), responses: responses)
        #expect(score.total.percent == 55.6)
        #expect(score.knockOutsFailed.map(\.id) == ["CL-PR-004"])
        #expect(score.unanswered.map(\.id) == ["CL-PR-006"])
        #expect(score.evidenceMissing.map(\.id) == ["CL-AVG-035", "CL-SC-006"])
        // The generated workbook itself is also a valid item source.
        #expect(try ChecklistFileReader.items(from: Table.read(path: url.path)) == checklist.scoringItems(language: .nl))
    }

    @Test(.enabled(if: PythonChecks.available("openpyxl"), Comment(rawValue: PythonChecks.reason("openpyxl"))))
    func hostileTextStaysTextInTheWorkbook() throws {
        let hostile = ChecklistBuilder.build(project: Hostile.project, candidates: Hostile.candidates)
        let data = try hostile.xlsx(language: .en)
        let archive = try Archive(data: data, accessMode: .read)
        let sheet = try #require(try XLSXReader.part("xl/worksheets/sheet1.xml", in: archive, file: "x"))
        let xml = String(decoding: sheet, as: UTF8.self)
        #expect(!xml.contains("<f>") && !xml.contains("<f "))
        #expect(xml.contains("=HYPERLINK(&quot;http://evil.example&quot;,&quot;klik&quot;)"))
        let directory = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let url = try write(data, "hostile.xlsx", in: directory)
        let script = """
        import json, sys, openpyxl
        wb = openpyxl.load_workbook(sys.argv[1])
        ws = wb["Checklist"]
        print(json.dumps([[ws["D2"].data_type, ws["D2"].value], [ws["F2"].data_type, ws["F2"].value]]))
        print(json.dumps([c.value for c in wb.worksheets[1]["A"] if c.value and "<script>" in c.value]))
        """
        let run = try Python.run(script, [url.path])
        #expect(run.status == 0, "openpyxl failed: \(run.stderr)")
        let lines = run.stdout.split(separator: "\n").map(String.init)
        #expect(lines.first == #"[["s", "=HYPERLINK(\"http://evil.example\",\"klik\")"], ["s", "@evidence\ufffdwith control"]]"#)
        // openpyxl shows the OOXML escape raw; Excel and LibreOffice decode it to the original text.
        #expect(lines.last == #"["\u2022 <script>alert(1)</script> & _x005F_x0041_"]"#)
        // Our own reader returns the same text.
        let table = try Table.read(data: data, file: "hostile.xlsx")
        #expect(table.rows[1].cells[3] == "=HYPERLINK(\"http://evil.example\",\"klik\")")
        #expect(table.rows[1].cells[4] == "-1+1\nReason: \tsystem cam-1")
    }

    // MARK: - Hostile answer files

    @Test func textFileNamedXLSXIsNotAWorkbook() {
        #expect {
            try Table.read(data: Data("ID,Answer\n".utf8), file: "answers.xlsx")
        } throws: { error in
            String(describing: error) == "answers.xlsx: is not an XLSX workbook (no zip signature) (save it from the spreadsheet program as Excel workbook (.xlsx), or as CSV)"
        }
    }

    @Test func zipWithoutWorkbookIsNotAWorkbook() throws {
        let data = try zip([("readme.txt", Data("hello".utf8))])
        #expect {
            try Table.read(data: data, file: "a.xlsx")
        } throws: { error in
            String(describing: error).contains("is not an XLSX workbook: it has no xl/workbook.xml part")
        }
    }

    @Test func truncatedWorkbookIsRefused() throws {
        let data = try checklist.xlsx(language: .nl)
        #expect(throws: ChecklistError.self) { try Table.read(data: data.prefix(data.count / 2), file: "a.xlsx") }
        #expect(throws: ChecklistError.self) { try Table.read(data: data.prefix(200), file: "a.xlsx") }
    }

    @Test func documentTypeDeclarationsAreRefused() throws {
        let bomb = """
        <?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;">]>
        <worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>&lol2;</t></is></c></row></sheetData></worksheet>
        """
        let data = try zip([("xl/workbook.xml", Data(Self.minimalWorkbook.utf8)), ("xl/worksheets/sheet1.xml", Data(bomb.utf8))])
        #expect {
            try Table.read(data: data, file: "a.xlsx")
        } throws: { error in
            String(describing: error).contains("declares a document type")
        }
    }

    /// A part that inflates far beyond the limit while its headers claim it is small (a zip bomb).
    @Test func zipBombIsStoppedWhileInflating() throws {
        let big = Data(count: XLSXReader.maxPartSize + 1024 * 1024)
        var data = try zip([("xl/workbook.xml", Data(Self.minimalWorkbook.utf8)), ("xl/worksheets/sheet1.xml", big)])
        #expect(data.count < 200_000)
        // Claim 1000 bytes uncompressed in the local header and the central directory.
        data = patchUncompressedSize(of: "xl/worksheets/sheet1.xml", in: data, to: 1000)
        #expect {
            try Table.read(data: data, file: "bomb.xlsx")
        } throws: { error in
            let text = String(describing: error)
            return text.contains("inflates beyond") || text.contains("is not an XLSX workbook")
        }
        // With honest headers, the size is refused before inflating.
        let honest = try zip([("xl/workbook.xml", Data(Self.minimalWorkbook.utf8)), ("xl/worksheets/sheet1.xml", big)])
        #expect {
            try Table.read(data: honest, file: "bomb.xlsx")
        } throws: { error in
            String(describing: error).contains("bytes uncompressed, more than the limit")
        }
    }

    @Test func sharedStringsAndRichTextAreRead() throws {
        let sheet = """
        <worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>
        <row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>1</v></c><c r="C1" t="s"><v>2</v></c></row>
        <row r="3"><c r="A3" t="s"><v>3</v></c><c r="B3" t="s"><v>4</v></c><c r="D3"><v>42</v></c></row>
        </sheetData></worksheet>
        """
        let shared = """
        <sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">
        <si><t>ID</t></si><si><t>Antwoord</t></si><si><t>Bewijs leverancier</t></si>
        <si><t>CL-PR-003</t></si><si><r><t>de</t></r><r><rPr><b/></rPr><t>els</t></r><rPh><t>x</t></rPh></si></sst>
        """
        let data = try zip([("xl/workbook.xml", Data(Self.minimalWorkbook.utf8)), ("xl/worksheets/sheet1.xml", Data(sheet.utf8)),
                            ("xl/sharedStrings.xml", Data(shared.utf8))])
        let table = try Table.read(data: data, file: "a.xlsx")
        #expect(table.rows.map(\.number) == [1, 3])
        #expect(table.rows[1].cells == ["CL-PR-003", "deels", "", "42"])
        let responses = try ResponseReader.responses(from: table)
        #expect(responses["CL-PR-003"]?.answer == .partly)
    }

    @Test(.enabled(if: PythonChecks.available("openpyxl"), Comment(rawValue: PythonChecks.reason("openpyxl"))))
    func invalidAnswerCellIsNamed() throws {
        let directory = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let url = try write(try checklist.xlsx(language: .en), "c.xlsx", in: directory)
        let run = try Python.run("""
        import sys, openpyxl
        wb = openpyxl.load_workbook(sys.argv[1]); ws = wb["Checklist"]; ws["H4"] = "perhaps"; wb.save(sys.argv[1])
        """, [url.path])
        #expect(run.status == 0, "openpyxl failed: \(run.stderr)")
        #expect {
            try ResponseReader.responses(from: Table.read(path: url.path))
        } throws: { error in
            String(describing: error).contains("c.xlsx:Checklist!H4: answer 'perhaps'")
        }
    }

    @Test func ooxmlEscapesAreProtectedAndDecoded() {
        #expect(XMLText.protectOOXMLEscapes("a_x0041_b") == "a_x005F_x0041_b")
        #expect(XMLText.decodeOOXMLEscapes("a_x005F_x0041_b") == "a_x0041_b")
        #expect(XMLText.decodeOOXMLEscapes("line_x000D_") == "line\r")
        #expect(XMLText.escape("a\u{0}b<&>") == "a\u{FFFD}b&lt;&amp;&gt;")
    }

    // MARK: - Helpers

    static let minimalWorkbook = """
    <workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="Checklist" sheetId="1" r:id="rId1"/></sheets></workbook>
    """

    func zip(_ entries: [(String, Data)]) throws -> Data {
        let archive = try Archive(data: Data(), accessMode: .create)
        for (path, bytes) in entries {
            try archive.addEntry(with: path, type: .file, uncompressedSize: Int64(bytes.count), compressionMethod: .deflate) { position, size in
                bytes.subdata(in: Int(position)..<(Int(position) + size))
            }
        }
        return try #require(archive.data)
    }

    /// Rewrites the uncompressed-size field of an entry in its local header and central directory record.
    func patchUncompressedSize(of path: String, in data: Data, to size: UInt32) -> Data {
        var bytes = [UInt8](data)
        let name = [UInt8](path.utf8)
        let little = [UInt8(size & 0xFF), UInt8((size >> 8) & 0xFF), UInt8((size >> 16) & 0xFF), UInt8(size >> 24)]
        for i in 0..<(bytes.count - 46) {
            if bytes[i...i + 3] == [0x50, 0x4B, 0x03, 0x04], Array(bytes[(i + 30)..<min(i + 30 + name.count, bytes.count)]) == name {
                bytes.replaceSubrange((i + 22)..<(i + 26), with: little)
            }
            if bytes[i...i + 3] == [0x50, 0x4B, 0x01, 0x02], Array(bytes[(i + 46)..<min(i + 46 + name.count, bytes.count)]) == name {
                bytes.replaceSubrange((i + 24)..<(i + 28), with: little)
            }
        }
        return Data(bytes)
    }
}
