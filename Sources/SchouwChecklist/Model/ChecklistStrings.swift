import SchouwModel

/// Every fixed text of the checklist and the score report, in Dutch and English.
///
/// Kept in one place so a translation is checked side by side and a missing one is a compile error.
public struct ChecklistStrings: Sendable {
    public var language: ChecklistLanguage
    public var title: String
    public var project: String
    public var organisation: String
    public var projectPhase: String
    public var checklistPhase: String
    public var allPhases: String
    public var introduction: String
    public var triggersHeading: String
    public var noTriggers: String
    public var countsHeading: String
    public var howToUseHeading: String
    public var howToUse: [String]
    public var toConfirmExplanation: String
    public var toConfirmMarker: String
    public var reason: String
    public var knockOut: String
    public var yes: String
    public var no: String
    public var requirement: String
    public var why: String
    public var evidence: String
    public var items: String
    public var knockOuts: String
    public var toConfirm: String
    public var total: String
    public var noItems: String
    public var columns: ChecklistColumns
    /// Answer values offered in the drop-down, in the order yes, partly, no, n.a.
    public var answerValues: [String]

    public static func `for`(_ language: ChecklistLanguage) -> ChecklistStrings {
        switch language {
        case .nl: dutch
        case .en: english
        }
    }

    public func phase(_ phase: ChecklistPhase) -> String {
        switch (language, phase) {
        case (.nl, .tender): "Aanbesteding"
        case (.nl, .contract): "Contract"
        case (.nl, .delivery): "Oplevering"
        case (.nl, .operation): "Beheer"
        case (.en, .tender): "Tender"
        case (.en, .contract): "Contract"
        case (.en, .delivery): "Delivery"
        case (.en, .operation): "Operation"
        }
    }

    public func theme(_ theme: ChecklistTheme) -> String {
        switch (language, theme) {
        case (.nl, .privacy): "Privacy"
        case (.nl, .informationSecurity): "Informatiebeveiliging"
        case (.nl, .contractAndExit): "Contract en exit"
        case (.nl, .openStandards): "Open standaarden"
        case (.nl, .transparency): "Transparantie"
        case (.en, .privacy): "Privacy"
        case (.en, .informationSecurity): "Information security"
        case (.en, .contractAndExit): "Contract and exit"
        case (.en, .openStandards): "Open standards"
        case (.en, .transparency): "Transparency"
        }
    }

    public func phaseFilter(_ filter: PhaseFilter) -> String {
        switch filter {
        case .all: allPhases
        case .only(let only): self.phase(only)
        }
    }

    public func yesNo(_ value: Bool) -> String { value ? yes : no }

    /// The descriptor's project phase in words; an unknown value is shown as written.
    public func projectPhaseName(_ value: String) -> String {
        guard language == .nl, let phase = Phase(rawValue: value) else { return value }
        return phase.dutchName
    }

    /// Reasons of an item, at most `limit` of them: a rule that applies to two hundred sensors should
    /// not fill a spreadsheet cell with two hundred lines.
    public func reasons(_ triggers: [ChecklistText], limit: Int = 5) -> String {
        let shown = triggers.prefix(limit).map { $0[language] }.joined(separator: "; ")
        let rest = triggers.count - limit
        guard rest > 0 else { return shown }
        return shown + (language == .nl ? "; en \(rest) meer" : "; and \(rest) more")
    }

    /// "12 eisen, waarvan 3 knock-outcriteria en 4 nog te bevestigen."
    public func summary(items: Int, knockOuts: Int, toConfirm: Int) -> String {
        switch language {
        case .nl:
            "De beschrijving van dit project leidt tot \(items) \(items == 1 ? "eis" : "eisen"), waarvan \(knockOuts) knock-out en \(toConfirm) nog te bevestigen."
        case .en:
            "This project's descriptor yields \(items) \(items == 1 ? "requirement" : "requirements"), of which \(knockOuts) knock-out and \(toConfirm) still to confirm."
        }
    }

    static let dutch = ChecklistStrings(
        language: .nl,
        title: "Inkoopchecklist",
        project: "Project",
        organisation: "Opdrachtgever",
        projectPhase: "Projectfase",
        checklistPhase: "Fase van de checklist",
        allPhases: "Alle fasen",
        introduction: "Deze checklist zet de projectbeschrijving om in eisen voor de aanbestedingsstukken en het contract, met per eis de grondslag en het bewijs dat de leverancier moet leveren. Eisen staan per thema; binnen een thema op volgorde van fase.",
        triggersHeading: "Wat de projectbeschrijving aangeeft",
        noTriggers: "De projectbeschrijving noemt nog geen bijzonderheden; de eisen hieronder gelden voor elk project.",
        countsHeading: "Aantallen per thema",
        howToUseHeading: "Zo gebruikt u deze checklist",
        howToUse: [
            "Neem de eisen op in het programma van eisen of de conceptovereenkomst. Eisen gemarkeerd als te bevestigen hangen af van gegevens die nog niet in de projectbeschrijving staan: ga na of ze gelden voordat u ze opneemt.",
            "Laat de leverancier de spreadsheet (XLSX of CSV) invullen. Kolom Antwoord: ja, deels, nee of n.v.t. Kolom Bewijs leverancier: het bewijsstuk met paragraaf of bijlage. Kolom Opmerkingen: toelichting, zeker bij deels en n.v.t.",
            "Een knock-outcriterium dat met nee of niet is beantwoord, sluit de inschrijving uit.",
            "Score de antwoorden met `schouw checklist score`: dekking per thema (ja = 1, deels = 0,5, nee = 0, n.v.t. telt niet mee), mislukte knock-outs, onbeantwoorde eisen en ontbrekend bewijs.",
        ],
        toConfirmExplanation: "Te bevestigen: de projectbeschrijving mist nog gegevens om vast te stellen of deze eis geldt.",
        toConfirmMarker: "te bevestigen",
        reason: "Aanleiding",
        knockOut: "knock-out",
        yes: "ja",
        no: "nee",
        requirement: "Eis",
        why: "Grondslag",
        evidence: "Te leveren bewijs",
        items: "Eisen",
        knockOuts: "Knock-out",
        toConfirm: "Te bevestigen",
        total: "Totaal",
        noItems: "Voor deze fase zijn er geen eisen.",
        columns: ChecklistColumns(id: "ID", theme: "Thema", phase: "Fase", requirement: "Eis",
                                  why: "Grondslag", evidence: "Te leveren bewijs", knockOut: "Knock-out",
                                  answer: "Antwoord", supplierEvidence: "Bewijs leverancier",
                                  remarks: "Opmerkingen"),
        answerValues: ["ja", "deels", "nee", "n.v.t."])

    static let english = ChecklistStrings(
        language: .en,
        title: "Procurement checklist",
        project: "Project",
        organisation: "Contracting authority",
        projectPhase: "Project phase",
        checklistPhase: "Checklist phase",
        allPhases: "All phases",
        introduction: "This checklist turns the project descriptor into requirements for the tender documents and the contract, each with its grounds and the evidence the supplier must deliver. Requirements are grouped by theme; within a theme they follow the phases.",
        triggersHeading: "What the project descriptor shows",
        noTriggers: "The project descriptor does not show particulars yet; the requirements below apply to every project.",
        countsHeading: "Counts per theme",
        howToUseHeading: "How to use this checklist",
        howToUse: [
            "Put the requirements into the statement of requirements or the draft contract. Requirements marked to confirm depend on facts the descriptor does not hold yet: check whether they apply before you include them.",
            "Have the supplier fill in the spreadsheet (XLSX or CSV). Answer column: yes, partly, no or n.a. Supplier evidence column: the document with section or annex. Remarks column: explanation, certainly for partly and n.a.",
            "A knock-out criterion answered no, or not answered, excludes the bid.",
            "Score the answers with `schouw checklist score`: coverage per theme (yes = 1, partly = 0.5, no = 0, n.a. does not count), failed knock-outs, unanswered requirements and missing evidence.",
        ],
        toConfirmExplanation: "To confirm: the project descriptor lacks facts to tell whether this requirement applies.",
        toConfirmMarker: "to confirm",
        reason: "Reason",
        knockOut: "knock-out",
        yes: "yes",
        no: "no",
        requirement: "Requirement",
        why: "Why",
        evidence: "Evidence to deliver",
        items: "Requirements",
        knockOuts: "Knock-out",
        toConfirm: "To confirm",
        total: "Total",
        noItems: "There are no requirements for this phase.",
        columns: ChecklistColumns(id: "ID", theme: "Theme", phase: "Phase", requirement: "Requirement",
                                  why: "Why (references)", evidence: "Evidence to deliver", knockOut: "Knock-out",
                                  answer: "Answer", supplierEvidence: "Supplier evidence", remarks: "Remarks"),
        answerValues: ["yes", "partly", "no", "n.a."])
}

/// Column headers of the CSV and XLSX checklist, in sheet order.
public struct ChecklistColumns: Sendable {
    public var id, theme, phase, requirement, why, evidence, knockOut, answer, supplierEvidence, remarks: String

    public var all: [String] {
        [id, theme, phase, requirement, why, evidence, knockOut, answer, supplierEvidence, remarks]
    }
}
