import Foundation
import Testing
@testable import SchouwChecklist

/// The rendered checklist of the camera project, byte for byte, in both languages.
@Suite struct GoldenTests {
    let checklist = ChecklistBuilder.build(project: CameraProject.project, candidates: CameraProject.candidates)

    @Test(arguments: ChecklistLanguage.allCases)
    func markdown(language: ChecklistLanguage) throws {
        try Golden.check(checklist.markdown(language: language), "camera-\(language.rawValue).md")
    }

    @Test(arguments: ChecklistLanguage.allCases)
    func csv(language: ChecklistLanguage) throws {
        try Golden.check(checklist.csv(language: language), "camera-\(language.rawValue).csv")
    }

    @Test func tenderPhaseMarkdown() throws {
        let tender = ChecklistBuilder.build(project: CameraProject.project, candidates: CameraProject.candidates,
                                            phase: .only(.tender))
        try Golden.check(tender.markdown(language: .en), "camera-tender-en.md")
    }

    @Test func html() throws {
        try Golden.check(checklist.html(language: .en), "camera-en.html")
    }

    @Test(arguments: ChecklistLanguage.allCases)
    func scoreReports(language: ChecklistLanguage) throws {
        let table = try Table.read(data: Data(CameraAnswers.csv.utf8), file: "answers.csv")
        let score = ChecklistScorer.score(items: checklist.scoringItems(language: language),
                                          responses: try ResponseReader.responses(from: table))
        try Golden.check(score.text(language: language), "camera-score-\(language.rawValue).txt")
        try Golden.check(score.markdown(language: language), "camera-score-\(language.rawValue).md")
        try Golden.check(String(decoding: try score.json(), as: UTF8.self), "camera-score-\(language.rawValue).json")
    }
}
