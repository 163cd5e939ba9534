import SchouwChecklist
import SchouwResult

/// A camera project early in procurement: cameras on a station square, supplier not chosen, hosting
/// unknown. The candidates are what the rule engine reports for such a descriptor.
enum CameraProject {
    static let project = ChecklistProject(
        id: "stationsplein-camera", name: "Cameratoezicht Stationsplein", organisation: "Gemeente Voorbeeld",
        phase: "procurement",
        triggers: [
            ChecklistText(nl: "Camera's in de openbare ruimte (systemen cam-noord, cam-zuid)",
                          en: "Cameras in public space (systems cam-noord, cam-zuid)"),
            ChecklistText(nl: "Beeldmateriaal (persoonsgegevens) verwerkt door een nog te kiezen leverancier",
                          en: "Video (personal data) processed by a supplier still to be chosen"),
            ChecklistText(nl: "Land van hosting nog onbekend", en: "Hosting country not yet known"),
        ])

    static let cameraNorth = ChecklistText(nl: "camera in de openbare ruimte (systeem cam-noord)",
                                           en: "camera in public space (system cam-noord)")
    static let cameraSouth = ChecklistText(nl: "camera in de openbare ruimte (systeem cam-zuid)",
                                           en: "camera in public space (system cam-zuid)")
    static let supplier = ChecklistText(nl: "verwerker van beeldmateriaal (partij leverancier)",
                                        en: "processor of video (party leverancier)")

    static var candidates: [ChecklistCandidate] {
        [
            ChecklistCandidate(
                ruleID: "AVG-035", pack: "avg", severity: .high,
                references: [Reference(framework: "avg", ref: "art. 35"), Reference(framework: "ap-dpia-list", ref: "cameratoezicht")],
                ruleTitle: ChecklistText(nl: "DPIA voor cameratoezicht", en: "DPIA for camera surveillance"),
                phase: .tender,
                requirement: ChecklistText(
                    nl: "De leverancier levert de informatie die de gemeente nodig heeft voor de DPIA (gegevensstromen, bewaartermijnen, beveiligingsmaatregelen, subverwerkers) en werkt mee aan het actueel houden ervan.",
                    en: "The supplier provides the information the municipality needs for the DPIA (data flows, retention periods, security measures, sub-processors) and helps keep it up to date."),
                evidence: ChecklistText(
                    nl: "DPIA-input: beschrijving van de verwerking, gegevensstroomdiagram, bewaartermijnen en lijst van subverwerkers",
                    en: "DPIA input: description of the processing, data-flow diagram, retention periods and list of sub-processors"),
                knockOut: true, applicability: .applies, trigger: cameraNorth),
            ChecklistCandidate(
                ruleID: "AVG-035", pack: "avg", severity: .high,
                references: [Reference(framework: "avg", ref: "art. 35"), Reference(framework: "ap-dpia-list", ref: "cameratoezicht")],
                ruleTitle: ChecklistText(nl: "DPIA voor cameratoezicht", en: "DPIA for camera surveillance"),
                phase: .tender,
                requirement: ChecklistText(
                    nl: "De leverancier levert de informatie die de gemeente nodig heeft voor de DPIA (gegevensstromen, bewaartermijnen, beveiligingsmaatregelen, subverwerkers) en werkt mee aan het actueel houden ervan.",
                    en: "The supplier provides the information the municipality needs for the DPIA (data flows, retention periods, security measures, sub-processors) and helps keep it up to date."),
                evidence: ChecklistText(
                    nl: "DPIA-input: beschrijving van de verwerking, gegevensstroomdiagram, bewaartermijnen en lijst van subverwerkers",
                    en: "DPIA input: description of the processing, data-flow diagram, retention periods and list of sub-processors"),
                knockOut: true, applicability: .applies, trigger: cameraSouth),
            ChecklistCandidate(
                ruleID: "PR-007", pack: "procurement", severity: .medium,
                references: [Reference(framework: "avg", ref: "art. 28(3)"), Reference(framework: "vng-vwo", ref: ""),
                             Reference(framework: "gibit", ref: "24")],
                ruleTitle: ChecklistText(nl: "Verwerkersovereenkomst volgens de VNG-standaard", en: "Processor agreement on the VNG standard"),
                phase: .contract, theme: .privacy,
                requirement: ChecklistText(
                    nl: "De leverancier sluit de VNG Standaard Verwerkersovereenkomst Gemeenten; afwijkingen worden vooraf gemeld en gemotiveerd.",
                    en: "The supplier signs the VNG standard processor agreement for municipalities; deviations are reported and justified in advance."),
                evidence: ChecklistText(
                    nl: "Ondertekende verwerkersovereenkomst met beveiligingsbijlage en lijst van subverwerkers",
                    en: "Signed processor agreement with security annex and sub-processor list"),
                knockOut: true, applicability: .applies, trigger: supplier),
            ChecklistCandidate(
                ruleID: "SC-004", pack: "smartcity", severity: .medium,
                references: [Reference(framework: "avg", ref: "art. 12-13")],
                ruleTitle: ChecklistText(nl: "Borden bij camera's", en: "Signs at cameras"),
                phase: .delivery, theme: .transparency,
                requirement: ChecklistText(
                    nl: "Bij elke camera staat een bord dat de gemeente als verantwoordelijke noemt, het doel vermeldt en verwijst naar meer informatie; de leverancier levert de locaties.",
                    en: "Every camera has a sign naming the municipality as controller, stating the purpose and pointing to more information; the supplier provides the locations."),
                evidence: ChecklistText(nl: "Ontwerp van de borden en plaatsingsplan met locaties",
                                        en: "Sign design and placement plan with locations"),
                applicability: .applies, trigger: cameraNorth),
            ChecklistCandidate(
                ruleID: "SC-004", pack: "smartcity", severity: .medium,
                references: [Reference(framework: "avg", ref: "art. 12-13")],
                ruleTitle: ChecklistText(nl: "Borden bij camera's", en: "Signs at cameras"),
                phase: .delivery, theme: .transparency,
                requirement: ChecklistText(
                    nl: "Bij elke camera staat een bord dat de gemeente als verantwoordelijke noemt, het doel vermeldt en verwijst naar meer informatie; de leverancier levert de locaties.",
                    en: "Every camera has a sign naming the municipality as controller, stating the purpose and pointing to more information; the supplier provides the locations."),
                evidence: ChecklistText(nl: "Ontwerp van de borden en plaatsingsplan met locaties",
                                        en: "Sign design and placement plan with locations"),
                applicability: .applies, trigger: cameraSouth),
            ChecklistCandidate(
                ruleID: "SC-006", pack: "smartcity", severity: .low, references: [],
                ruleTitle: ChecklistText(nl: "Registratie in het sensorenregister", en: "Entry in the sensor register"),
                phase: .delivery,
                requirement: ChecklistText(
                    nl: "De leverancier levert per camera de gegevens voor het sensorenregister van de gemeente (locatie, doel, gegevens, eigenaar).",
                    en: "The supplier provides, per camera, the data for the municipality's sensor register (location, purpose, data, owner)."),
                evidence: ChecklistText(nl: "Registergegevens per camera in het formaat van het sensorenregister",
                                        en: "Register data per camera in the sensor register's format"),
                applicability: .applies),
            ChecklistCandidate(
                ruleID: "PR-003", pack: "procurement", severity: .high,
                references: [Reference(framework: "bio2", ref: "5.20.06"), Reference(framework: "gibit", ref: "art. 22"),
                             Reference(framework: "bio-cloud", ref: "B.03")],
                ruleTitle: ChecklistText(nl: "Exitstrategie", en: "Exit strategy"),
                phase: .tender,
                requirement: ChecklistText(
                    nl: "De inschrijving bevat een exitplan: teruggave van alle gegevens en beelden in een open formaat, een overgangsperiode en aantoonbare verwijdering na afloop.",
                    en: "The bid includes an exit plan: return of all data and footage in an open format, a transition period and verifiable deletion afterwards."),
                evidence: ChecklistText(nl: "Exitplan met formaten, termijnen en verwijderverklaring",
                                        en: "Exit plan with formats, terms and a deletion statement"),
                applicability: .applies),
            ChecklistCandidate(
                ruleID: "PR-004", pack: "procurement", severity: .high,
                references: [Reference(framework: "bio2", ref: "5.20.03"), Reference(framework: "bio2", ref: "5.20.04"),
                             Reference(framework: "gibit", ref: "21")],
                ruleTitle: ChecklistText(nl: "Auditrecht en onafhankelijke verklaring", en: "Right to audit and independent assurance"),
                phase: .contract,
                requirement: ChecklistText(
                    nl: "De leverancier toont jaarlijks met een onafhankelijke verklaring aan dat de beveiliging van de dienst en de keten werkt, en staat audits door of namens de gemeente toe.",
                    en: "Every year the supplier shows with independent assurance that the security of the service and its supply chain works, and allows audits by or for the municipality."),
                evidence: ChecklistText(nl: "ISAE 3402 type II-rapport of ISO 27001-certificaat met scope en verklaring van toepasselijkheid",
                                        en: "ISAE 3402 type II report or ISO 27001 certificate with scope and statement of applicability"),
                knockOut: true, applicability: .applies),
            ChecklistCandidate(
                ruleID: "PR-006", pack: "procurement", severity: .medium,
                references: [Reference(framework: "bio2", ref: "5.21.02"), Reference(framework: "avg", ref: "art. 28(2)")],
                ruleTitle: ChecklistText(nl: "Keten van onderaannemers", en: "Chain of subcontractors"),
                phase: .tender,
                requirement: ChecklistText(
                    nl: "De leverancier noemt alle onderaannemers en subverwerkers, legt de eisen aan hen op en meldt wijzigingen vooraf.",
                    en: "The supplier names all subcontractors and sub-processors, imposes the requirements on them and reports changes in advance."),
                evidence: ChecklistText(nl: "Lijst van subverwerkers met land van verwerking", en: "Sub-processor list with country of processing"),
                applicability: .applies),
            ChecklistCandidate(
                ruleID: "AVG-024", pack: "avg", severity: .critical,
                references: [Reference(framework: "avg", ref: "art. 44-46")],
                ruleTitle: ChecklistText(nl: "Doorgifte buiten de EER", en: "Transfer outside the EEA"),
                phase: .tender,
                requirement: ChecklistText(
                    nl: "Beelden en andere persoonsgegevens worden alleen in de EER verwerkt, of de leverancier noemt het doorgiftemechanisme en levert een doorgiftetoetsing (TIA).",
                    en: "Footage and other personal data are processed in the EEA only, or the supplier names the transfer mechanism and provides a transfer impact assessment (TIA)."),
                evidence: ChecklistText(nl: "Overzicht van verwerkingslocaties; bij doorgifte het mechanisme en de TIA",
                                        en: "Overview of processing locations; for transfers the mechanism and the TIA"),
                knockOut: true, applicability: .unknown,
                trigger: ChecklistText(nl: "land van hosting onbekend", en: "hosting country unknown")),
            ChecklistCandidate(
                ruleID: "BIO-031", pack: "bio", severity: .high,
                references: [Reference(framework: "bio2", ref: "8.29.01")],
                ruleTitle: ChecklistText(nl: "Penetratietest voor ingebruikname", en: "Penetration test before go-live"),
                phase: .delivery,
                requirement: ChecklistText(
                    nl: "Voor ingebruikname laat de leverancier een penetratietest uitvoeren door een onafhankelijke partij en herstelt hij de bevindingen met hoog of kritiek risico.",
                    en: "Before go-live the supplier has an independent party run a penetration test and fixes findings of high or critical risk."),
                evidence: ChecklistText(nl: "Pentestrapport (niet ouder dan 12 maanden) met hertest", en: "Pentest report (at most 12 months old) with retest"),
                applicability: .applies),
            ChecklistCandidate(
                ruleID: "OS-001", pack: "standards", severity: .critical,
                references: [Reference(framework: "forum-standaardisatie", ref: "HTTPS en HSTS"), Reference(framework: "ncsc-tls", ref: "v2.1.1")],
                ruleTitle: ChecklistText(nl: "HTTPS en HSTS", en: "HTTPS and HSTS"),
                phase: .delivery,
                requirement: ChecklistText(
                    nl: "Webportalen en API's zijn alleen bereikbaar via HTTPS met HSTS; de TLS-configuratie is 'goed' of 'voldoende' volgens de NCSC-richtlijnen.",
                    en: "Web portals and APIs are reachable over HTTPS with HSTS only; the TLS configuration is 'good' or 'sufficient' under the NCSC guidelines."),
                evidence: ChecklistText(nl: "Testresultaat van internet.nl voor elk domein", en: "internet.nl test result for each domain"),
                applicability: .unknown),
            ChecklistCandidate(
                ruleID: "BIO-044", pack: "bio", severity: .medium,
                references: [Reference(framework: "bio2", ref: "8.15.01")],
                ruleTitle: ChecklistText(nl: "Logging van toegang tot beelden", en: "Logging of access to footage"),
                phase: .operation,
                requirement: ChecklistText(
                    nl: "Elke toegang tot beelden wordt gelogd (wie, wanneer, welke beelden, waarom); logs zijn beschermd tegen wijziging en worden zes maanden bewaard.",
                    en: "Every access to footage is logged (who, when, which footage, why); logs are protected against change and kept for six months."),
                evidence: ChecklistText(nl: "Beschrijving van de logging en een voorbeeld-logregel", en: "Description of the logging and a sample log line"),
                applicability: .applies),
            ChecklistCandidate(
                ruleID: "AVG-041", pack: "avg", severity: .critical,
                references: [Reference(framework: "avg", ref: "art. 9")],
                ruleTitle: ChecklistText(nl: "Geen biometrische identificatie", en: "No biometric identification"),
                phase: .tender,
                requirement: ChecklistText(nl: "Geen gezichtsherkenning.", en: "No face recognition."),
                evidence: ChecklistText(nl: "Verklaring", en: "Statement"),
                knockOut: true, applicability: .notApplicable),
        ]
    }
}
