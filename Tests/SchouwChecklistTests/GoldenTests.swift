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
}
