import Foundation
import SchouwModel
import SchouwResult

/// Hand-made descriptors and results that stand in for the loader and the engine: a Dutch wifi
/// passenger count with failures, unknowns and waivers, and an English parking project that passes.
enum Fixtures {
    static func mark(_ line: Int, _ column: Int = 3, file: String = "project.yaml") -> Marks {
        Marks(object: SourceMark(file: file, line: line, column: column))
    }

    // MARK: binnenstad (fails the gate)

    static let binnenstadDescriptor = Descriptor(
        project: Project(id: "binnenstad-passanten", name: "Passantentelling binnenstad", organisation: "Gemeente Voorbeeld",
                         phase: .production, marks: mark(2)),
        purposes: [Purpose(id: "crowd-management", name: "Drukte monitoren en sturen", legalBasis: .publicTask, marks: mark(20))],
        parties: [
            Party(id: "gemeente", name: "Gemeente Voorbeeld", role: .controller, country: "NL", marks: mark(30)),
            Party(id: "telbedrijf", name: "Telbedrijf B.V.", role: .processor, country: "NL", marks: mark(35)),
            Party(id: "cloudco", name: "CloudCo Ltd.", role: .subProcessor, country: "IE", headquarters: "US", marks: mark(40)),
        ],
        zones: [
            Zone(id: "straat", name: "Straat", kind: .publicSpace, trust: .untrusted, country: "NL", marks: mark(50)),
            Zone(id: "veldnetwerk", name: "Veldnetwerk", kind: .fieldNetwork, trust: .semiTrusted, country: "NL", marks: mark(55)),
            Zone(id: "cloud-eu", name: "Cloud EU", kind: .cloud, trust: .semiTrusted, country: "IE", marks: mark(60)),
            Zone(id: "gemeentenet", name: "Gemeentenetwerk", kind: .municipalNetwork, trust: .trusted, country: "NL", marks: mark(65)),
            Zone(id: "datacenter", name: "Datacenter", kind: .municipalNetwork, trust: .trusted, country: "NL",
                 parent: "gemeentenet", marks: mark(70)),
        ],
        data: [
            DataAsset(id: "wifi-raw", name: "Wifi probe requests", categories: ["personal.device.mac"], form: .identified, marks: mark(80)),
            DataAsset(id: "wifi-hash", name: "Gehashte MAC-adressen", categories: ["personal.device.mac"],
                      form: .pseudonymised, derivedFrom: ["wifi-raw"], marks: mark(86)),
            DataAsset(id: "counts", name: "Tellingen per kwartier", categories: ["non-personal.statistics"],
                      form: .aggregated, derivedFrom: ["wifi-hash"], marks: mark(94)),
        ],
        systems: [
            System(id: "wifi-sensor", name: "Wifi-teller", kind: .sensor, zone: "straat", operator_: "telbedrijf",
                   collects: ["wifi-raw"], marks: mark(100)),
            System(id: "lora-gateway", name: "Gateway", kind: .gateway, zone: "veldnetwerk", operator_: "telbedrijf", marks: mark(120)),
            System(id: "telplatform", name: "Telplatform", kind: .platform, zone: "cloud-eu", operator_: "telbedrijf",
                   stores: ["wifi-hash", "counts"], marks: mark(130)),
            System(id: "dashboard", name: "Drukte-dashboard", kind: .dashboard, zone: "gemeentenet", operator_: "gemeente", marks: mark(140)),
            System(id: "archief", name: "Archief", kind: .database, zone: "datacenter", operator_: "gemeente",
                   stores: ["counts"], marks: mark(150)),
        ],
        flows: [
            Flow(id: "sensor-naar-gateway", from: "wifi-sensor", to: "lora-gateway", data: ["wifi-hash"], protocol_: .lorawan,
                 encryption: .lorawanAES, marks: mark(160)),
            Flow(id: "gateway-naar-platform", from: "lora-gateway", to: "telplatform", data: ["wifi-hash"], protocol_: .mqtt,
                 encryption: TransportEncryption.none, marks: mark(168)),
            Flow(id: "platform-naar-dashboard", from: "telplatform", to: "dashboard", data: ["counts"], protocol_: .https,
                 encryption: .tls13, marks: mark(176)),
            Flow(id: "platform-naar-archief", from: "telplatform", to: "archief", data: ["counts"], protocol_: .sftp, marks: mark(184)),
        ],
        files: [SourceFile(path: "project.yaml", sha256: String(repeating: "a", count: 64), text: "schouw: 1\n")]
    )

    static func bioRef(_ ref: String) -> Reference { Reference(framework: "bio2", ref: ref) }

    static let binnenstadRules: [RuleInfo] = [
        RuleInfo(id: "AVG-024", pack: "avg", title: "Persoonsgegevens verlaten de EER zonder doorgiftemechanisme", severity: .critical,
                 references: [Reference(framework: "avg", ref: "art. 44-46"), bioRef("5.20.01")],
                 remediation: "Leg een doorgiftemechanisme vast (adequaatheid, DPF of SCC) en voer een TIA uit.",
                 description: "Doorgifte buiten de EER vereist een mechanisme uit hoofdstuk V AVG.", waivable: true),
        RuleInfo(id: "AVG-026", pack: "avg", title: "Doorgifte zonder transfer impact assessment", severity: .high,
                 references: [Reference(framework: "avg", ref: "art. 46")],
                 remediation: "Voer een transfer impact assessment uit en leg het vast.", description: nil, waivable: true),
        RuleInfo(id: "BIO-013", pack: "bio", title: "Persoonsgegevens onversleuteld over het netwerk", severity: .high,
                 references: [bioRef("8.24.01"), Reference(framework: "ncsc-tls", ref: "TLS-richtlijnen 2025")],
                 remediation: "Versleutel de verbinding met TLS 1.2 of 1.3 (NCSC) of een gelijkwaardige tunnel.",
                 description: "Gegevensstromen met persoonsgegevens moeten sterk versleuteld zijn.", waivable: false),
        RuleInfo(id: "BIO-031", pack: "bio", title: "Logging niet beschermd tegen wijziging", severity: .medium,
                 references: [bioRef("8.15.01")], remediation: "Sla logregels op in een append-only voorziening.",
                 description: nil, waivable: true),
        RuleInfo(id: "BIO-040", pack: "bio", title: "Geen recente penetratietest", severity: .medium,
                 references: [bioRef("8.8.01")], remediation: "Laat jaarlijks een penetratietest uitvoeren.",
                 description: nil, waivable: true),
        RuleInfo(id: "SC-004", pack: "smartcity", title: "Sensor niet opgenomen in het sensorregister", severity: .low,
                 references: [Reference(framework: "other", ref: "Sensorregister (Omgevingswet)")],
                 remediation: "Registreer de sensor in het landelijke sensorregister.", description: nil, waivable: true),
        RuleInfo(id: "SC-010", pack: "smartcity", title: "Bebording ontbreekt bij sensor in openbare ruimte", severity: .medium,
                 references: [Reference(framework: "avg", ref: "art. 13")], remediation: "Plaats borden die de verwerking uitleggen.",
                 description: nil, waivable: true),
        RuleInfo(id: "PROC-002", pack: "procurement", title: "Geen exitplan in het contract", severity: .low,
                 references: [Reference(framework: "gibit", ref: "art. 24")], remediation: "Neem een exitplan op in het contract.",
                 description: nil, waivable: true),
        RuleInfo(id: "STD-001", pack: "standards", title: "Website zonder HSTS", severity: .info,
                 references: [Reference(framework: "forum-standaardisatie", ref: "HSTS")], remediation: "Zet HSTS aan.",
                 description: nil, waivable: true),
    ]

    static func outcome(_ rule: String, _ kind: String, _ id: String, _ status: OutcomeStatus, _ severity: Severity,
                        line: Int, message: String, missing: [String] = [], waiver: AppliedWaiver? = nil,
                        refs: [Reference]? = nil, rules: [RuleInfo] = binnenstadRules, name: String? = nil,
                        baseline: Bool? = nil) -> Outcome {
        let references = refs ?? rules.first(where: { $0.id == rule })?.references ?? []
        return Outcome(finding: "\(rule)@\(kind):\(id)", rule: rule, status: status, severity: severity,
                       subject: SubjectRef(kind: kind, id: id, name: name), references: references, message: message,
                       location: Location(file: "project.yaml", line: line, column: 5), missing: missing, waiver: waiver,
                       baseline: baseline)
    }

    static let binnenstadResult: AuditResult = {
        let outcomes: [Outcome] = [
            outcome("AVG-024", "party", "cloudco", .fail, .critical, line: 40,
                    message: "Partij CloudCo Ltd. buiten de EER ontvangt persoonsgegevens zonder doorgiftemechanisme", name: "CloudCo Ltd."),
            outcome("AVG-024", "party", "telbedrijf", .pass, .critical, line: 35, message: "", name: "Telbedrijf B.V."),
            outcome("AVG-024", "party", "gemeente", .notApplicable, .critical, line: 30, message: ""),
            outcome("AVG-026", "party", "cloudco", .waived, .high, line: 40,
                    message: "Doorgifte aan CloudCo Ltd. zonder transfer impact assessment",
                    waiver: AppliedWaiver(finding: "AVG-026@party:*", reason: "TIA uitgevoerd; aanvullende versleuteling met eigen sleutelbeheer",
                                          approvedBy: "CISO Gemeente Voorbeeld", expires: "2026-06-30", ticket: "SEC-123",
                                          expired: false, location: Location(file: "project.yaml", line: 200, column: 5))),
            outcome("BIO-013", "flow", "gateway-naar-platform", .fail, .high, line: 168,
                    message: "Stroom gateway-naar-platform vervoert persoonsgegevens zonder versleuteling (mqtt)"),
            outcome("BIO-013", "flow", "sensor-naar-gateway", .pass, .high, line: 160, message: ""),
            outcome("BIO-013", "flow", "platform-naar-archief", .unknown, .high, line: 184,
                    message: "Versleuteling van stroom platform-naar-archief is niet opgegeven", missing: ["flow.encryption"]),
            outcome("BIO-031", "system", "telplatform", .fail, .medium, line: 130,
                    message: "Telplatform beschermt logregels niet tegen wijziging",
                    waiver: AppliedWaiver(finding: "BIO-031@system:telplatform", reason: "Migratie naar nieuwe logvoorziening loopt",
                                          approvedBy: "CISO Gemeente Voorbeeld", expires: "2026-01-31", ticket: nil,
                                          expired: true, location: Location(file: "project.yaml", line: 206, column: 5))),
            outcome("BIO-031", "system", "archief", .pass, .medium, line: 150, message: ""),
            outcome("BIO-040", "system", "telplatform", .unknown, .medium, line: 130,
                    message: "Datum van de laatste penetratietest ontbreekt", missing: ["system.security.last_pentest"]),
            outcome("BIO-040", "system", "dashboard", .pass, .medium, line: 140, message: ""),
            outcome("SC-004", "system", "wifi-sensor", .fail, .low, line: 100,
                    message: "Wifi-teller staat niet in het sensorregister"),
            outcome("SC-010", "system", "wifi-sensor", .pass, .medium, line: 100, message: ""),
            outcome("PROC-002", "party", "telbedrijf", .unknown, .low, line: 35,
                    message: "Contractvoorwaarden van Telbedrijf B.V. ontbreken", missing: ["party.contract.exit_plan", "party.contract.terms"]),
            outcome("STD-001", "system", "dashboard", .fail, .info, line: 140, message: "Drukte-dashboard stuurt geen HSTS-header"),
        ]
        return AuditResult(
            lang: "nl",
            tool: .init(version: "0.1.0"),
            descriptor: .init(path: "project.yaml", sha256: String(repeating: "a", count: 64),
                              files: [.init(path: "project.yaml", sha256: String(repeating: "a", count: 64))]),
            ruleset: .init(sha256: String(repeating: "b", count: 64), rules: 9, catalogues: ["bio2": "1.3"]),
            project: .init(id: "binnenstad-passanten", name: "Passantentelling binnenstad", organisation: "Gemeente Voorbeeld",
                           phase: "production", bio: "bio2"),
            evaluatedAt: "2026-03-01T09:00:00Z",
            gate: .init(failOn: "high", failOnUnknown: false, verdict: "failed"),
            summary: .init(fail: .init(critical: 1, high: 1, medium: 1, low: 1, info: 1), unknown: 3, pass: 6, notApplicable: 1, waived: 1),
            outcomes: outcomes,
            waiverNotes: [
                WaiverNote(kind: "stale", finding: "SC-099@system:*", message: "Deze uitzondering past op geen enkele bevinding",
                           location: Location(file: "project.yaml", line: 212, column: 5)),
                WaiverNote(kind: "refused", finding: "BIO-013@flow:gateway-naar-platform",
                           message: "Regel BIO-013 is een overheidsmaatregel en kan niet worden uitgezonderd",
                           location: Location(file: "project.yaml", line: 218, column: 5)),
            ],
            rules: binnenstadRules)
    }()

    // MARK: parkeren (passes the gate)

    static let parkerenRules: [RuleInfo] = [
        RuleInfo(id: "AVG-030", pack: "avg", title: "Retention period longer than needed", severity: .medium,
                 references: [Reference(framework: "avg", ref: "art. 5(1)(e)")],
                 remediation: "Shorten retention of licence plates to the time needed for enforcement.", description: nil, waivable: true),
        RuleInfo(id: "BIO-013", pack: "bio", title: "Personal data sent unencrypted", severity: .high,
                 references: [Reference(framework: "bio2", ref: "8.24.01")],
                 remediation: "Encrypt with TLS 1.2 or 1.3.", description: nil, waivable: false),
        RuleInfo(id: "SC-020", pack: "smartcity", title: "Camera covers dwellings", severity: .low,
                 references: [Reference(framework: "ap-dpia-list", ref: "camera-toezicht")],
                 remediation: "Mask private areas in the camera image.", description: nil, waivable: true),
    ]

    static let parkerenDescriptor = Descriptor(
        project: Project(id: "parkeren-centrum", name: "Parking enforcement city centre", organisation: "Municipality of Example",
                         phase: .pilot, marks: mark(2, file: "parking.yaml")),
        data: [DataAsset(id: "plates", name: "Licence plates", categories: ["personal.vehicle.license-plate"], form: .identified,
                         marks: mark(20, file: "parking.yaml"))],
        systems: [
            System(id: "scan-car", name: "Scan car", kind: .camera, operator_: "supplier", collects: ["plates"], marks: mark(40, file: "parking.yaml")),
            System(id: "backoffice", name: "Back office", kind: .application, operator_: "municipality", stores: ["plates"],
                   marks: mark(50, file: "parking.yaml")),
        ],
        flows: [Flow(id: "car-to-backoffice", from: "scan-car", to: "backoffice", data: ["plates"], protocol_: .https,
                     encryption: .tls12, marks: mark(60, file: "parking.yaml"))]
    )

    static let parkerenResult: AuditResult = {
        func o(_ rule: String, _ kind: String, _ id: String, _ status: OutcomeStatus, _ severity: Severity, line: Int,
               message: String, baseline: Bool? = nil) -> Outcome {
            var out = outcome(rule, kind, id, status, severity, line: line, message: message, rules: parkerenRules, baseline: baseline)
            out.location = Location(file: "parking.yaml", line: line, column: 3)
            return out
        }
        return AuditResult(
            lang: "en",
            tool: .init(version: "0.1.0"),
            descriptor: .init(path: "parking.yaml", sha256: String(repeating: "c", count: 64),
                              files: [.init(path: "parking.yaml", sha256: String(repeating: "c", count: 64))]),
            ruleset: .init(sha256: String(repeating: "d", count: 64), rules: 3, catalogues: [:]),
            project: .init(id: "parkeren-centrum", name: "Parking enforcement city centre", organisation: "Municipality of Example",
                           phase: "pilot", bio: "bio2"),
            evaluatedAt: "2026-04-15T13:30:00Z",
            gate: .init(failOn: "high", failOnUnknown: false, verdict: "passed"),
            summary: .init(fail: .init(medium: 1, low: 1), unknown: 0, pass: 1, notApplicable: 0, waived: 0),
            outcomes: [
                o("AVG-030", "data", "plates", .fail, .medium, line: 20, message: "Licence plates are kept for P1Y", baseline: true),
                o("BIO-013", "flow", "car-to-backoffice", .pass, .high, line: 60, message: "", baseline: false),
                o("SC-020", "system", "scan-car", .fail, .low, line: 40, message: "Scan car may record dwellings", baseline: false),
            ],
            waiverNotes: [],
            rules: parkerenRules)
    }()

    /// Both fixtures, by name (golden files are named after them).
    static let all: [(name: String, result: AuditResult, descriptor: Descriptor)] = [
        ("binnenstad", binnenstadResult, binnenstadDescriptor),
        ("parkeren", parkerenResult, parkerenDescriptor),
    ]
}
