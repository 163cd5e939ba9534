import SchouwModel
import SchouwResult

/// Every fixed text of the reports, in Dutch and English. A struct with one instance per language, so a
/// text missing in one language is a compile error rather than a blank in a council report.
struct ReportTexts: Sendable {
    var reportTitle: String
    var project: String
    var organisation: String
    var phase: String
    var evaluatedAt: String
    var tool: String
    var ruleset: String
    var rules: String
    var descriptor: String
    var catalogues: String
    var verdict: String
    var passed: String
    var failed: String
    var threshold: String
    var thresholdNever: String
    var unknownGates: String
    var summary: String
    var findings: String
    var informationNeeded: String
    /// A passed check, named by its rule's title (which names the problem looked for).
    var checkedNotFound: String
    var passes: String
    var notApplicable: String
    var waived: String
    var expiredWaivers: String
    /// The verdict line's count of one expired waiver.
    var expiredWaiver: String
    var scoresTitle: String
    var scoresIntro: String
    var framework: String
    var score: String
    var diagramTitle: String
    var diagramMissing: String
    /// Said instead of a Mermaid diagram larger than Mermaid draws; `{systems}` and `{flows}` are filled in.
    var diagramTooLargeForMermaid: String
    var legendFailing: String
    var legendPersonal: String
    var legendFailingStyle: String
    var legendPersonalStyle: String
    var findingsTitle: String
    var noFindings: String
    var rule: String
    var subject: String
    var location: String
    var references: String
    var remediation: String
    /// Leads the remediation written once after several findings of one rule in a row (text report);
    /// `{count}` and `{rule}` are filled in.
    var remediationForFindings: String
    var informationNeededIntro: String
    var missingFacts: String
    var noInformationNeeded: String
    var waiversTitle: String
    var noWaivers: String
    var waiverFinding: String
    var reason: String
    var approvedBy: String
    var expires: String
    var ticket: String
    var state: String
    var waiverActive: String
    var waiverExpired: String
    var waiverExpiredNote: String
    var waiverNotesTitle: String
    var bioTitle: String
    var bioIntro: String
    var measure: String
    var noBIO: String
    var generatedBy: String
    var baselineKnown: String
    var contents: String
    var severityNames: [Severity: String]
    var subjectKinds: [String: String]
    /// Whether the descriptor's values (a project phase) are shown by their Dutch names.
    var dutchValues: Bool
    var waiverNoteKinds: [String: String]
    var packNames: [String: String]

    static func of(_ lang: ReportLanguage) -> ReportTexts { lang == .en ? .en : .nl }

    func severity(_ s: Severity) -> String { severityNames[s] ?? s.rawValue }
    func subjectKind(_ k: String) -> String { subjectKinds[k] ?? k }
    func projectPhase(_ p: String) -> String { dutchValues ? Phase(rawValue: p)?.dutchName ?? p : p }
    func pack(_ p: String) -> String { packNames[p] ?? p }
    func waiverNoteKind(_ k: String) -> String { waiverNoteKinds[k] ?? k }

    /// `diagramTooLargeForMermaid` with its numbers filled in.
    func diagramTooLargeForMermaid(systems: Int, flows: Int) -> String {
        Self.fill(diagramTooLargeForMermaid, ["{systems}": String(systems), "{flows}": String(flows)])
    }

    /// `remediationForFindings` with its count and rule filled in.
    func remediationForFindings(count: Int, rule: String) -> String {
        Self.fill(remediationForFindings, ["{count}": String(count), "{rule}": rule])
    }

    /// `text` with each placeholder replaced by its value.
    private static func fill(_ text: String, _ values: KeyValuePairs<String, String>) -> String {
        values.reduce(text) { filled, placeholder in filled.replacingOccurrences(of: placeholder.key, with: placeholder.value) }
    }

    static let nl = ReportTexts(
        reportTitle: "Auditrapport",
        project: "Project",
        organisation: "Organisatie",
        phase: "Fase",
        evaluatedAt: "Datum audit",
        tool: "Hulpmiddel",
        ruleset: "Regelset",
        rules: "regels",
        descriptor: "Beschrijving",
        catalogues: "Catalogi",
        verdict: "Oordeel",
        passed: "GESLAAGD",
        failed: "NIET GESLAAGD",
        threshold: "drempel",
        thresholdNever: "nooit",
        unknownGates: "ontbrekende informatie telt mee",
        summary: "Samenvatting",
        findings: "Bevindingen",
        informationNeeded: "Informatie nodig",
        checkedNotFound: "gecontroleerd, niet aangetroffen",
        passes: "Voldaan",
        notApplicable: "Niet van toepassing",
        waived: "Uitgezonderd",
        expiredWaivers: "Verlopen uitzonderingen",
        expiredWaiver: "Verlopen uitzondering",
        scoresTitle: "Score per kader",
        scoresIntro: "Score = voldaan / (voldaan + bevindingen) per regelpakket; uitzonderingen en ontbrekende informatie tellen niet mee in de score.",
        framework: "Kader",
        score: "Score",
        diagramTitle: "Gegevensstromen",
        diagramMissing: "Geen diagram: geef de beschrijving mee (`--descriptor`) om het gegevensstroomdiagram te tekenen.",
        diagramTooLargeForMermaid: "Geen diagram: met {systems} systemen en {flows} stromen is het groter dan Mermaid tekent (500 stromen of 50.000 tekens). Teken het met `schouw graph` (SVG of Graphviz).",
        legendFailing: "bevinding",
        legendPersonal: "persoonsgegevens",
        legendFailingStyle: "rood",
        legendPersonalStyle: "paars, gestippeld",
        findingsTitle: "Bevindingen per ernst",
        noFindings: "Geen bevindingen.",
        rule: "Regel",
        subject: "Onderwerp",
        location: "Plaats",
        references: "Referenties",
        remediation: "Oplossing",
        remediationForFindings: "Voor deze {count} bevindingen van {rule}",
        informationNeededIntro: "Voor deze regels ontbreken gegevens in de beschrijving. Dit is geen voldoende: vul de gegevens aan en voer de audit opnieuw uit.",
        missingFacts: "Ontbrekende gegevens",
        noInformationNeeded: "Er ontbreekt geen informatie.",
        waiversTitle: "Uitzonderingen (pas toe of leg uit)",
        noWaivers: "Geen uitzonderingen.",
        waiverFinding: "Bevinding",
        reason: "Uitleg",
        approvedBy: "Goedgekeurd door",
        expires: "Geldig tot",
        ticket: "Kenmerk",
        state: "Status",
        waiverActive: "geldig",
        waiverExpired: "VERLOPEN",
        waiverExpiredNote: "uitzondering verlopen op",
        waiverNotesTitle: "Opmerkingen bij uitzonderingen",
        bioTitle: "BIO-dekking",
        bioIntro: "BIO-maatregelen waarnaar de uitkomsten van deze audit verwijzen.",
        measure: "Maatregel",
        noBIO: "Geen uitkomsten met een BIO-verwijzing.",
        generatedBy: "Gemaakt met",
        baselineKnown: "al bekend in de basislijn",
        contents: "Inhoud",
        severityNames: [.critical: "kritiek", .high: "hoog", .medium: "middel", .low: "laag", .info: "info"],
        subjectKinds: ["project": "project", "party": "partij", "zone": "zone", "data": "gegevens",
                       "system": "systeem", "flow": "stroom", "purpose": "doel"],
        dutchValues: true,
        waiverNoteKinds: ["stale": "ongebruikt", "expired": "verlopen", "refused": "geweigerd", "invalid": "ongeldig"],
        packNames: ["avg": "AVG/UAVG", "bio": "BIO", "smartcity": "Smart city", "procurement": "Inkoop",
                    "standards": "Standaarden"]
    )

    static let en = ReportTexts(
        reportTitle: "Audit report",
        project: "Project",
        organisation: "Organisation",
        phase: "Phase",
        evaluatedAt: "Audit date",
        tool: "Tool",
        ruleset: "Rule set",
        rules: "rules",
        descriptor: "Descriptor",
        catalogues: "Catalogues",
        verdict: "Verdict",
        passed: "PASSED",
        failed: "FAILED",
        threshold: "threshold",
        thresholdNever: "never",
        unknownGates: "missing information counts",
        summary: "Summary",
        findings: "Findings",
        informationNeeded: "Information needed",
        checkedNotFound: "checked, not found",
        passes: "Passed",
        notApplicable: "Not applicable",
        waived: "Waived",
        expiredWaivers: "Expired waivers",
        expiredWaiver: "Expired waiver",
        scoresTitle: "Score per framework",
        scoresIntro: "Score = passed / (passed + findings) per rule pack; waivers and missing information do not count towards the score.",
        framework: "Framework",
        score: "Score",
        diagramTitle: "Data flows",
        diagramMissing: "No diagram: pass the descriptor (`--descriptor`) to draw the data-flow diagram.",
        diagramTooLargeForMermaid: "No diagram: with {systems} systems and {flows} flows it is larger than Mermaid draws (500 flows or 50,000 characters). Draw it with `schouw graph` (SVG or Graphviz).",
        legendFailing: "finding",
        legendPersonal: "personal data",
        legendFailingStyle: "red",
        legendPersonalStyle: "purple, dashed",
        findingsTitle: "Findings by severity",
        noFindings: "No findings.",
        rule: "Rule",
        subject: "Subject",
        location: "Location",
        references: "References",
        remediation: "Remediation",
        remediationForFindings: "For these {count} findings of {rule}",
        informationNeededIntro: "The descriptor lacks facts these rules need. This is not a pass: add the facts and run the audit again.",
        missingFacts: "Missing facts",
        noInformationNeeded: "No information is missing.",
        waiversTitle: "Waivers (comply or explain)",
        noWaivers: "No waivers.",
        waiverFinding: "Finding",
        reason: "Reason",
        approvedBy: "Approved by",
        expires: "Expires",
        ticket: "Ticket",
        state: "State",
        waiverActive: "active",
        waiverExpired: "EXPIRED",
        waiverExpiredNote: "waiver expired on",
        waiverNotesTitle: "Waiver notes",
        bioTitle: "BIO coverage",
        bioIntro: "BIO measures that the outcomes of this audit refer to.",
        measure: "Measure",
        noBIO: "No outcomes refer to BIO.",
        generatedBy: "Generated by",
        baselineKnown: "already in the baseline",
        contents: "Contents",
        severityNames: [.critical: "critical", .high: "high", .medium: "medium", .low: "low", .info: "info"],
        subjectKinds: ["project": "project", "party": "party", "zone": "zone", "data": "data",
                       "system": "system", "flow": "flow", "purpose": "purpose"],
        dutchValues: false,
        waiverNoteKinds: ["stale": "stale", "expired": "expired", "refused": "refused", "invalid": "invalid"],
        packNames: ["avg": "AVG/UAVG (GDPR)", "bio": "BIO", "smartcity": "Smart city", "procurement": "Procurement",
                    "standards": "Standards"]
    )
}

extension ReportTexts {
    /// Section headings as template values (`{{l.summary}}`).
    var templateLabels: [String: String] {
        ["l.reportTitle": reportTitle, "l.summary": summary, "l.scoresTitle": scoresTitle,
         "l.diagramTitle": diagramTitle, "l.findingsTitle": findingsTitle, "l.informationNeeded": informationNeeded,
         "l.waiversTitle": waiversTitle, "l.bioTitle": bioTitle, "l.contents": contents]
    }
}
