import Foundation
import Testing
@testable import SchouwChecklist

@Suite struct ScoringTests {
    let checklist = ChecklistBuilder.build(project: CameraProject.project, candidates: CameraProject.candidates)

    func scoring(_ csv: String) throws -> ChecklistScore {
        let table = try Table.read(data: Data(csv.utf8), file: "answers.csv")
        return ChecklistScorer.score(items: checklist.scoringItems(language: .nl),
                                     responses: try ResponseReader.responses(from: table))
    }

    @Test func coveragePerThemeKnockOutsUnansweredAndMissingEvidence() throws {
        let score = try scoring(CameraAnswers.csv)
        let percent = Dictionary(uniqueKeysWithValues: score.themes.map { ($0.theme, $0.coverage.percent) })
        #expect(percent[.privacy] == 83.3)
        #expect(percent[.informationSecurity] == 0.0)
        #expect(percent[.contractAndExit] == 33.3)
        #expect(percent[.openStandards] == .some(nil))
        #expect(percent[.transparency] == 75.0)
        #expect(score.total.percent == 55.6)
        #expect(score.total.items == 11 && score.total.notApplicable == 2 && score.total.unanswered == 1)
        #expect(score.knockOutsFailed.map(\.id) == ["CL-PR-004"])
        #expect(!score.passed)
        #expect(score.unanswered.map(\.id) == ["CL-PR-006"])
        #expect(score.evidenceMissing.map(\.id) == ["CL-AVG-035", "CL-SC-006"])
        #expect(score.unknownItems.isEmpty)
    }

    @Test func unansweredKnockOutFailsAndAllYesWithEvidencePasses() throws {
        var csv = "ID,Antwoord,Bewijs leverancier\n"
        for item in checklist.items where item.id != "CL-AVG-035" { csv += "\(item.id),ja,bijlage\n" }
        var score = try scoring(csv)
        #expect(score.knockOutsFailed.map(\.id) == ["CL-AVG-035"])
        csv += "CL-AVG-035,Ja,bijlage\n"
        score = try scoring(csv)
        #expect(score.passed)
        #expect(score.total.percent == 100.0)
        #expect(score.evidenceMissing.isEmpty && score.unanswered.isEmpty)
    }

    @Test func answersInBothLanguagesAreAccepted() {
        for (text, answer) in [("ja", Answer.yes), ("YES", .yes), ("deels", .partly), ("partly", .partly),
                               ("nee", .no), ("No", .no), ("n.v.t.", .notApplicable), ("n.a.", .notApplicable),
                               (" N/A ", .notApplicable)] {
            #expect(Answer.parse(text) == .some(answer))
        }
        #expect(Answer.parse("") == .some(nil))
        #expect(Answer.parse("misschien") == nil)
    }

    @Test func unknownIDsAreReportedNotScored() throws {
        let score = try scoring("ID,Answer,Supplier evidence\nCL-XX-999,yes,x\n")
        #expect(score.unknownItems == ["CL-XX-999"])
        #expect(score.total.unanswered == 11)
    }

    @Test func invalidAnswersAndDuplicatesAreAllReported() throws {
        let csv = "ID,Answer,Supplier evidence\nCL-PR-003,maybe,\nCL-PR-004,yes,x\nCL-PR-004,no,\n"
        #expect {
            try scoring(csv)
        } throws: { error in
            let text = String(describing: error)
            return text.contains("answers.csv:2:11: answer 'maybe'") && text.contains("answers.csv:4:1: item CL-PR-004 is answered twice")
        }
    }

    @Test func wrongHeaderIsAnError() throws {
        #expect {
            try scoring("Nummer,Reactie\nCL-PR-003,ja\n")
        } throws: { error in
            String(describing: error).contains("lacks the column(s) ID / ID, Antwoord / Answer")
        }
    }

    @Test func checklistFileIsAnItemSource() throws {
        for language in ChecklistLanguage.allCases {
            let table = try Table.read(data: Data(checklist.csv(language: language).utf8), file: "checklist.csv")
            let items = try ChecklistFileReader.items(from: table)
            #expect(items == checklist.scoringItems(language: language))
        }
    }

    @Test func reportsRenderInBothLanguages() throws {
        let score = try scoring(CameraAnswers.csv)
        let dutch = score.text(language: .nl)
        #expect(dutch.contains("Resultaat: knock-outcriteria niet gehaald"))
        #expect(dutch.contains("Dekking: 55,6%"))
        #expect(dutch.contains("CL-PR-004  [nee]"))
        let english = score.text(language: .en)
        #expect(english.contains("Coverage: 55.6%"))
        #expect(english.contains("Unanswered (1):\n  CL-PR-006  [no answer]"))
        let markdown = score.markdown(language: .en)
        #expect(markdown.contains("| Privacy | 3 | 2 | 1 | 0 | 0 | 0 | 83.3% |"))
        let json = String(decoding: try score.json(), as: UTF8.self)
        #expect(json.contains("\"schema\" : \"schouw/checklist-score/v1\""))
        #expect(json.contains("\"knock-outs-failed\""))
        #expect(try score.json() == (try score.json()))
    }
}
