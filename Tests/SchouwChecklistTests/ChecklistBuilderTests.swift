import SchouwResult
import SeededRandom
import Testing
@testable import SchouwChecklist

@Suite struct ChecklistBuilderTests {
    let checklist = ChecklistBuilder.build(project: CameraProject.project, candidates: CameraProject.candidates)

    @Test func leavesOutNotApplicableAndMergesSubjectsOfOneRule() {
        let ids = checklist.items.map(\.id)
        #expect(!ids.contains("CL-AVG-041"))
        #expect(ids.filter { $0 == "CL-AVG-035" }.count == 1)
        #expect(ids.count == 11)
        let dpia = checklist.items.first { $0.id == "CL-AVG-035" }
        #expect(dpia?.triggers.map(\.en) == ["camera in public space (system cam-noord)",
                                              "camera in public space (system cam-zuid)"])
    }

    @Test func unknownApplicabilityIsListedToConfirm() {
        let transfer = checklist.items.first { $0.id == "CL-AVG-024" }
        #expect(transfer?.toConfirm == true)
        #expect(transfer?.knockOut == true)
        #expect(checklist.items.first { $0.id == "CL-PR-003" }?.toConfirm == false)
    }

    @Test func oneKnownSubjectMakesTheItemApply() {
        var candidates = CameraProject.candidates.filter { $0.ruleID == "SC-004" }
        candidates[0].applicability = .unknown
        let built = ChecklistBuilder.build(project: CameraProject.project, candidates: candidates)
        #expect(built.items.map(\.toConfirm) == [false])
        // Its reasons are the subjects it is known to apply to, not those still to confirm.
        let reasons = built.items.first?.triggers.map(\.en) ?? []
        #expect(reasons == candidates.dropFirst().compactMap { $0.trigger?.en }.sorted(), "\(reasons)")
        #expect(candidates.count > 1 && !reasons.contains(candidates[0].trigger?.en ?? "-"))
    }

    @Test func itemsAreOrderedByThemeThenPhaseThenID() {
        #expect(checklist.items.map(\.id) == [
            "CL-AVG-024", "CL-AVG-035", "CL-PR-007",        // privacy: tender, tender, contract
            "CL-BIO-031", "CL-BIO-044",                      // information security: delivery, operation
            "CL-PR-003", "CL-PR-006", "CL-PR-004",           // contract and exit: tender, tender, contract
            "CL-OS-001",                                     // open standards
            "CL-SC-004", "CL-SC-006",                        // transparency
        ])
    }

    @Test func sameCandidatesInAnyOrderGiveTheSameChecklist() throws {
        var generator = SeededRandom(seed: 42)
        for _ in 0..<5 {
            let shuffled = CameraProject.candidates.shuffled(using: &generator)
            let other = ChecklistBuilder.build(project: CameraProject.project, candidates: shuffled)
            #expect(other == checklist)
            #expect(other.csv(language: .nl) == checklist.csv(language: .nl))
            #expect(try other.xlsx(language: .en) == checklist.xlsx(language: .en))
        }
    }

    @Test func phaseFilterListsOnlyThatPhase() {
        let tender = ChecklistBuilder.build(project: CameraProject.project, candidates: CameraProject.candidates,
                                            phase: .only(.tender))
        #expect(tender.items.map(\.id) == ["CL-AVG-024", "CL-AVG-035", "CL-PR-003", "CL-PR-006"])
        #expect(PhaseFilter(argument: "all") == .all)
        #expect(PhaseFilter(argument: "operation") == .only(.operation))
        #expect(PhaseFilter(argument: "later") == nil)
        // The names the Dutch checklist prints, and any case.
        #expect(PhaseFilter(argument: "Aanbesteding") == .only(.tender))
        #expect(PhaseFilter(argument: "oplevering") == .only(.delivery))
        #expect(PhaseFilter(argument: "beheer") == .only(.operation))
        #expect(PhaseFilter(argument: "TENDER") == .only(.tender))
        #expect(PhaseFilter(argument: "alle") == .all)
    }

    @Test func themeIsDerivedFromPackThenReferences() {
        #expect(ChecklistBuilder.deriveTheme(pack: "avg", references: []) == .privacy)
        #expect(ChecklistBuilder.deriveTheme(pack: "bio", references: []) == .informationSecurity)
        #expect(ChecklistBuilder.deriveTheme(pack: "procurement", references: []) == .contractAndExit)
        #expect(ChecklistBuilder.deriveTheme(pack: "standards", references: []) == .openStandards)
        #expect(ChecklistBuilder.deriveTheme(pack: "smartcity", references: [Reference(framework: "avg", ref: "13")]) == .privacy)
        #expect(ChecklistBuilder.deriveTheme(pack: "smartcity", references: [Reference(framework: "ncsc-tls", ref: "")]) == .openStandards)
        #expect(ChecklistBuilder.deriveTheme(pack: "smartcity", references: [Reference(framework: "gibit", ref: "22")]) == .contractAndExit)
        #expect(ChecklistBuilder.deriveTheme(pack: "smartcity", references: [Reference(framework: "bio2", ref: "5.1")]) == .informationSecurity)
        #expect(ChecklistBuilder.deriveTheme(pack: "smartcity", references: []) == .transparency)
    }

    @Test func itemIDIsDerivedFromTheRuleID() {
        #expect(ChecklistItem.itemID(forRule: "PR-003") == "CL-PR-003")
    }
}

@Suite struct ReasonListTests {
    @Test func longReasonListsAreCut() {
        let triggers = (1...7).map { ChecklistText(nl: "sensor s\($0)", en: "sensor s\($0)") }
        #expect(ChecklistStrings.for(.en).reasons(triggers) == "sensor s1; sensor s2; sensor s3; sensor s4; sensor s5; and 2 more")
        #expect(ChecklistStrings.for(.nl).reasons(Array(triggers.prefix(2))) == "sensor s1; sensor s2")
    }

    @Test func projectPhaseIsTranslated() {
        #expect(ChecklistStrings.for(.nl).projectPhaseName("procurement") == "aanbesteding")
        #expect(ChecklistStrings.for(.en).projectPhaseName("procurement") == "procurement")
        #expect(ChecklistStrings.for(.nl).projectPhaseName("custom") == "custom")
    }
}

@Suite struct ApplicabilityTests {
    @Test func outcomeStatusMapsToApplicability() {
        #expect(Applicability(outcome: .fail) == .applies)
        #expect(Applicability(outcome: .pass) == .applies)
        #expect(Applicability(outcome: .waived) == .applies)
        #expect(Applicability(outcome: .unknown) == .unknown)
        #expect(Applicability(outcome: .notApplicable) == .notApplicable)
    }
}
