import Foundation
import PythonChecks
import SchouwChecklist
import SchouwResult
import Testing

/// `schouw checklist` end to end. Scoring runs against a checklist file (`--checklist`), which needs no
/// rule engine.
@Suite struct ChecklistCommandTests {
    static let checklist = ChecklistBuilder.build(
        project: ChecklistProject(id: "p", name: "Parkeersensoren", organisation: "Gemeente Voorbeeld", phase: "idea"),
        candidates: [
            candidate("PR-003", .contractAndExit, knockOut: false),
            candidate("PR-004", .contractAndExit, knockOut: true),
            candidate("AVG-035", .privacy, knockOut: true),
            candidate("OS-001", .openStandards, knockOut: false),
        ])

    static func candidate(_ id: String, _ theme: ChecklistTheme, knockOut: Bool) -> ChecklistCandidate {
        ChecklistCandidate(ruleID: id, pack: "procurement", severity: .high, references: [Reference(framework: "bio2", ref: "5.20.06")],
                           ruleTitle: ChecklistText("Title \(id)"), phase: .tender, theme: theme,
                           requirement: ChecklistText(nl: "Eis \(id)", en: "Requirement \(id)"),
                           evidence: ChecklistText(nl: "Bewijs", en: "Evidence"), knockOut: knockOut)
    }

    func files(answers: String, language: ChecklistLanguage = .nl) throws -> (checklist: String, answers: String, directory: URL) {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("schouw-cl-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        let checklistURL = directory.appendingPathComponent("eisen.csv")
        try Data(Self.checklist.csv(language: language).utf8).write(to: checklistURL)
        let answersURL = directory.appendingPathComponent("antwoorden.csv")
        try Data(answers.utf8).write(to: answersURL)
        return (checklistURL.path, answersURL.path, directory)
    }

    @Test func helpListsBothSubcommands() throws {
        let run = try CLI.run(["checklist", "--help"])
        #expect(run.status == 0)
        #expect(run.stdout.contains("generate (default)"))
        #expect(run.stdout.contains("score"))
    }

    @Test func badUsageExitsTwo() throws {
        #expect(try CLI.run(["checklist", "no-such-project.yaml"]).status == 2)
        #expect(try CLI.run(["checklist", "project.yaml", "--phase", "later"]).status == 2)
        #expect(try CLI.run(["checklist", "project.yaml", "--format", "docx"]).status == 2)
        #expect(try CLI.run(["checklist", "score", "--responses", "a.csv"]).status == 2)
        let both = try CLI.run(["checklist", "score", "p.yaml", "--checklist", "c.csv", "--responses", "a.csv"])
        #expect(both.status == 2)
        #expect(both.stderr.contains("not both"))
    }

    @Test func failedKnockOutExitsOne() throws {
        let answers = "ID,Antwoord,Bewijs leverancier\nCL-PR-003,ja,Exitplan\nCL-PR-004,nee,\nCL-AVG-035,deels,DPIA-input\nCL-OS-001,n.v.t.,\n"
        let f = try files(answers: answers)
        defer { try? FileManager.default.removeItem(at: f.directory) }
        let run = try CLI.run(["checklist", "score", "--checklist", f.checklist, "--responses", f.answers])
        #expect(run.status == 1)
        #expect(run.stdout.contains("Resultaat: knock-outcriteria niet gehaald"))
        #expect(run.stdout.contains("Dekking: 50,0%"))
        #expect(run.stdout.contains("CL-PR-004  [nee]  Eis PR-004"))
    }

    @Test func allKnockOutsMetExitsZeroWithJSON() throws {
        let answers = "ID,Answer,Supplier evidence\nCL-PR-003,yes,Exit plan\nCL-PR-004,yes,ISAE 3402\nCL-AVG-035,yes,DPIA input\n"
        let f = try files(answers: answers, language: .en)
        defer { try? FileManager.default.removeItem(at: f.directory) }
        let output = f.directory.appendingPathComponent("score.json")
        let run = try CLI.run(["checklist", "score", "--checklist", f.checklist, "--responses", f.answers,
                               "--format", "json", "--output", output.path])
        #expect(run.status == 0, "\(run.stderr)")
        let json = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: output)) as? [String: Any])
        #expect(json["passed"] as? Bool == true)
        let total = try #require(json["total"] as? [String: Any])
        #expect(total["percent"] as? Double == 75.0)
        #expect(total["unanswered"] as? Int == 1)
        #expect((json["unanswered"] as? [[String: Any]])?.first?["id"] as? String == "CL-OS-001")
    }

    /// Answers for items this checklist lacks are ignored, and said on stderr: the usual cause is the
    /// answer file of another project.
    @Test func idsTheChecklistLacksAreAWarning() throws {
        let answers = "ID,Answer,Supplier evidence\nCL-PR-003,yes,Exit plan\nCL-PR-004,yes,ISAE\nCL-AVG-099,yes,x\nCL-SC-001,no,\n"
        let f = try files(answers: answers, language: .en)
        defer { try? FileManager.default.removeItem(at: f.directory) }
        let run = try CLI.run(["checklist", "score", "--checklist", f.checklist, "--responses", f.answers])
        #expect(run.stderr == "warning: \(f.answers): 2 of its 4 ids are not in this checklist and are ignored (CL-AVG-099, CL-SC-001); is it the answer file of another project or of another version of the checklist?\n")
        let clean = try CLI.run(["checklist", "score", "--checklist", f.checklist, "--responses", f.answers.replacingOccurrences(of: "antwoorden", with: "antwoorden")])
        #expect(clean.status == run.status)
    }

    @Test func malformedAnswersExitTwoNamingThePosition() throws {
        let f = try files(answers: "ID,Antwoord,Bewijs leverancier\nCL-PR-003,\"ja,\n")
        defer { try? FileManager.default.removeItem(at: f.directory) }
        let run = try CLI.run(["checklist", "score", "--checklist", f.checklist, "--responses", f.answers])
        #expect(run.status == 2)
        #expect(run.stderr.contains("error: \(f.answers):2:11: a quoted field is never closed"))
    }

    @Test func wrongHeaderAndNotAWorkbookExitTwo() throws {
        let f = try files(answers: "Vraag,Reactie\nCL-PR-003,ja\n")
        defer { try? FileManager.default.removeItem(at: f.directory) }
        var run = try CLI.run(["checklist", "score", "--checklist", f.checklist, "--responses", f.answers])
        #expect(run.status == 2)
        #expect(run.stderr.contains("lacks the column(s)"))
        let fake = f.directory.appendingPathComponent("antwoorden.xlsx")
        try Data("not a zip".utf8).write(to: fake)
        run = try CLI.run(["checklist", "score", "--checklist", f.checklist, "--responses", fake.path])
        #expect(run.status == 2)
        #expect(run.stderr.contains("is not an XLSX workbook"))
        run = try CLI.run(["checklist", "score", "--checklist", f.checklist, "--responses", f.directory.appendingPathComponent("none.csv").path])
        #expect(run.status == 2)
        #expect(run.stderr.contains("cannot read the file"))
    }

    /// The officer sends out the XLSX, the supplier fills it in (openpyxl here), `score` reads it back.
    @Test(.enabled(if: PythonChecks.available("openpyxl"), Comment(rawValue: PythonChecks.reason("openpyxl"))))
    func workbookRoundTrip() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("schouw-cl-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let sent = directory.appendingPathComponent("eisen.xlsx")
        try Self.checklist.xlsx(language: .nl).write(to: sent)
        let filled = directory.appendingPathComponent("antwoorden.xlsx")
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", "-c", """
        import sys, openpyxl
        wb = openpyxl.load_workbook(sys.argv[1]); ws = wb["Checklist"]
        answers = {"CL-PR-003": ("ja", "Exitplan"), "CL-PR-004": ("ja", "ISAE 3402"), "CL-AVG-035": ("deels", None)}
        for row in ws.iter_rows(min_row=2):
            if row[0].value in answers:
                row[7].value, row[8].value = answers[row[0].value]
        wb.save(sys.argv[2])
        """, sent.path, filled.path]
        try process.run()
        process.waitUntilExit()
        #expect(process.terminationStatus == 0, "openpyxl failed (pip install openpyxl)")
        let run = try CLI.run(["checklist", "score", "--checklist", sent.path, "--responses", filled.path,
                               "--format", "markdown", "--lang", "en"])
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stdout.contains("**Result: all knock-out criteria met**"))
        #expect(run.stdout.contains("Coverage: 62.5%"))
        #expect(run.stdout.contains("## Evidence missing (yes or partly without evidence) (1)\n\n- **CL-AVG-035** (partly)"))
    }
}
