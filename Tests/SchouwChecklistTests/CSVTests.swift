import Foundation
import SchouwResult
import Testing
@testable import SchouwChecklist

@Suite struct CSVTests {
    @Test func quotesFieldsPerRFC4180AndReadsThemBack() throws {
        let rows = [["a,b", "say \"hi\"", "two\nlines", "plain", ""]]
        let csv = CSVWriter.write(header: ["h1", "h2", "h3", "h4", "h5"], rows: rows)
        #expect(csv == "h1,h2,h3,h4,h5\r\n\"a,b\",\"say \"\"hi\"\"\",\"two\nlines\",plain,\r\n")
        let back = try CSVReader.parse(Data(csv.utf8), file: "x.csv")
        #expect(back == [["h1", "h2", "h3", "h4", "h5"], ["a,b", "say \"hi\"", "two\nlines", "plain", ""]])
    }

    @Test(arguments: ["=1+1", "+31 20 123", "-2+3", "@SUM(A1)", "\tx", "\rx", "=HYPERLINK(\"http://evil.example\",\"klik\")"])
    func formulaLikeCellsAreNeutralised(text: String) throws {
        let csv = CSVWriter.write(header: ["h"], rows: [[text]])
        let cell = try CSVReader.parse(Data(csv.utf8), file: "x.csv")[1][0]
        #expect(cell.hasPrefix("'"))
        #expect(SpreadsheetSafety.restore(cell) == text)
    }

    @Test func ordinaryTextIsLeftAlone() {
        #expect(SpreadsheetSafety.neutralise("CL-PR-003") == "CL-PR-003")
        #expect(SpreadsheetSafety.neutralise("'quoted'") == "'quoted'")
        #expect(SpreadsheetSafety.restore("'quoted'") == "'quoted'")
    }

    @Test func descriptorTextInTheChecklistCannotBecomeAFormula() throws {
        let checklist = ChecklistBuilder.build(project: Hostile.project, candidates: Hostile.candidates)
        let csv = checklist.csv(language: .nl)
        let rows = try CSVReader.parse(Data(csv.utf8), file: "x.csv")
        for cell in rows.flatMap({ $0 }) {
            #expect(!SpreadsheetSafety.needsNeutralising(cell), "cell \(cell) would be evaluated")
        }
        #expect(csv.contains("'=HYPERLINK("))
    }

    @Test func excelStyleFilesAreRead() throws {
        let bom = "\u{FEFF}ID;Antwoord;Bewijs leverancier\r\nCL-PR-003;ja;\"bijlage 1; blad 2\"\r\n\r\n"
        let table = try Table.read(data: Data(bom.utf8), file: "a.csv")
        #expect(table.rows.map(\.cells) == [["ID", "Antwoord", "Bewijs leverancier"], ["CL-PR-003", "ja", "bijlage 1; blad 2"]])
    }

    @Test(arguments: [
        ("ID,Answer\nCL-1,\"ja\n", "x.csv:2:6: a quoted field is never closed"),
        ("ID,Answer\nCL-1,ja\"x\"\n", "x.csv:2:8: a quote inside a field that does not start with a quote"),
        ("ID,Answer\nCL-1,\"ja\"x\n", "x.csv:2:9: this quote ends the field opened at 2:6, and text follows it"),
        // An undoubled quote inside a field that runs over two lines: both places are named.
        ("ID,Answer,Evidence\nCL-1,ja,\"report\nversion \"2\" attached\"\n", "x.csv:3:9: this quote ends the field opened at 2:9"),
    ])
    func malformedCSVNamesLineAndColumn(csv: String, message: String) {
        #expect {
            try CSVReader.parse(Data(csv.utf8), file: "x.csv")
        } throws: { error in
            String(describing: error).hasPrefix(message)
        }
    }

    @Test func binaryIsNotCSV() {
        #expect(throws: ChecklistError.self) { try Table.read(data: Data([0xFF, 0xFE, 0x00, 0x41]), file: "x.csv") }
        #expect(throws: ChecklistError.self) { try Table.read(data: Data("ID\0,x".utf8), file: "x.csv") }
    }

    @Test func hugeFilesAreRefusedBeforeReading() throws {
        let directory = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let url = directory.appendingPathComponent("huge.csv")
        try #require(FileManager.default.createFile(atPath: url.path, contents: nil))
        let handle = try FileHandle(forWritingTo: url)
        try handle.truncate(atOffset: UInt64(Table.maxFileSize + 1))
        try handle.close()
        #expect {
            try Table.read(path: url.path)
        } throws: { error in
            String(describing: error).contains("more than the limit of \(Table.maxFileSize)")
        }
    }
}

/// A project whose descriptor and rules carry text that spreadsheet programs would run as formulas.
enum Hostile {
    static let project = ChecklistProject(
        id: "x", name: "=cmd|' /C calc'!A0", organisation: "@SUM(1+1)", phase: "idea",
        triggers: [ChecklistText("+31 evil"), ChecklistText("<script>alert(1)</script> & _x0041_")])

    static let candidates = [
        ChecklistCandidate(
            ruleID: "PR-900", pack: "procurement", severity: .high,
            references: [Reference(framework: "other", ref: "-1+1")],
            ruleTitle: ChecklistText("=1+1 <b>title</b>"), phase: .tender,
            requirement: ChecklistText("=HYPERLINK(\"http://evil.example\",\"klik\")"),
            evidence: ChecklistText("@evidence\u{1}with control"), knockOut: true, applicability: .applies,
            trigger: ChecklistText("\tsystem cam-1")),
    ]
}

@Suite struct AnswerFilePathTests {
    @Test func devicesAndDirectoriesAreRefused() throws {
        #expect { try Table.read(path: "/dev/zero") } throws: { String(describing: $0).contains("is not a regular file") }
        let directory = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        #expect { try Table.read(path: directory.path) } throws: { String(describing: $0).contains("is a directory") }
        #expect { try Table.read(path: directory.appendingPathComponent("none.csv").path) } throws: {
            String(describing: $0).contains("cannot read the file")
        }
    }
}

@Suite struct CSVPositionTests {
    @Test func fieldsKnowWhereTheyStart() throws {
        let csv = "ID,Answer\r\nCL-1,\"two\nlines\",x\r\nCL-2,ja\r\n"
        let records = try CSVReader.parseRecords(Data(csv.utf8), file: "a.csv")
        #expect(records.map(\.line) == [1, 2, 4])
        #expect(records[1].positions.map { "\($0.line):\($0.column)" } == ["2:1", "2:6", "3:8"])
        #expect(records[2].positions.map { "\($0.line):\($0.column)" } == ["4:1", "4:6"])
    }
}
