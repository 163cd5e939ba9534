/// The descriptor format as data: every object kind and its fields (SPEC section 1).
///
/// This one table drives the loader's unknown-key, type, enum and required checks, the JSON Schema
/// that `schouw schema` prints, and the CEL type declarations of the rule engine. Enum values come
/// from the model's enums, so the table and the Swift types cannot drift apart.
///
/// The rule engine maps YAML keys to CEL field names with `FieldSchema.celName` (`-` becomes `_`).
public enum DescriptorSchema {
    /// The kind of the top-level mapping.
    public static let rootKind = "descriptor"

    /// Top-level sections holding referenceable objects, by YAML key, with their object kind.
    public static let sections: [(key: String, kind: String)] = [
        ("purposes", "purpose"), ("parties", "party"), ("zones", "zone"), ("data", "data"),
        ("systems", "system"), ("flows", "flow"),
    ]

    /// Every object kind, the root first.
    public static let objects: [ObjectSchema] = [
        descriptor, project, securityPolicy, classification, riskAssessment, dpia, registers, contacts,
        purpose, party, processorAgreement, jointArrangement, contract, transfer,
        zone, data, pseudonymisation, system, sensor, security, logging, backup, endpoint, flow, waiver,
    ]

    /// The object kind with this name.
    public static func object(_ kind: String) -> ObjectSchema? { byKind[kind] }

    private static let byKind: [String: ObjectSchema] = {
        var map: [String: ObjectSchema] = [:]
        for object in objects { map[object.kind] = object }
        return map
    }()

    private static func values<E: CaseIterable & RawRepresentable>(_ type: E.Type) -> FieldType where E.RawValue == String {
        .enumeration(E.allCases.map(\.rawValue))
    }

    private static func f(_ key: String, _ type: FieldType, required: Bool = false, default value: String? = nil,
                          _ description: String) -> FieldSchema {
        FieldSchema(key: key, type: type, required: required, description: description, defaultValue: value)
    }

    private static let idField = f("id", .id, required: true, "Unique id within its section: lowercase letters, digits and `-`.")
    private static let nameField = f("name", .string, "Human-readable name.")
    private static let descriptionField = f("description", .string, "Free text.")

    // MARK: - Root and project

    static let descriptor = ObjectSchema(kind: "descriptor", description: "A schouw project descriptor.", fields: [
        f("schouw", .enumeration(["1"]), required: true, "Format version; always `1`."),
        f("include", .list(.string), "Other descriptor files to merge in, relative to this file; sections merge and ids must stay unique."),
        f("project", .object("project"), required: true, "The project: controller, phase, classification, DPIA, registers."),
        f("purposes", .list(.object("purpose")), "Purposes of processing (AVG art. 5(1)(b), 6)."),
        f("parties", .list(.object("party")), "Organisations involved: controller, processors, sub-processors, recipients."),
        f("zones", .list(.object("zone")), "Trust boundaries and network zones."),
        f("data", .list(.object("data")), "Data assets: what is collected, kept or derived."),
        f("systems", .list(.object("system")), "Sensors, platforms, databases, applications."),
        f("flows", .list(.object("flow")), "Data flows between systems."),
        f("waivers", .list(.object("waiver")), "Recorded, time-boxed exceptions for findings (comply or explain)."),
    ])

    static let project = ObjectSchema(kind: "project", description: "The project as a whole.", fields: [
        idField,
        f("name", .string, required: true, "Name of the project."),
        descriptionField,
        f("organisation", .string, "The controller (verwerkingsverantwoordelijke), e.g. `Gemeente Voorbeeld`."),
        f("public-authority", .bool, default: "true", "The controller is a public authority (AVG 6(1) last sentence, 37(1)(a))."),
        f("phase", values(Phase.self), "Life-cycle phase; early phases leave many facts unknown."),
        f("bio", values(BIOCatalogue.self), default: "bio2", "BIO catalogue the project is audited against."),
        f("classification", .object("classification"), "Confidentiality, integrity and availability classification."),
        f("risk-assessment", .object("risk-assessment"), "The latest information-security risk assessment."),
        f("dpia", .object("dpia"), "Data protection impact assessment (AVG art. 35)."),
        f("registers", .object("registers"), "Whether the processing is in the municipal registers."),
        f("contacts", .object("contacts"), "Responsible people."),
        f("security-policy", .object("security-policy"), "Organisation-wide security arrangements the project relies on."),
        f("privacy-statement", .bool, "A public privacy statement covers the project (AVG art. 12-14)."),
    ])

    static let securityPolicy = ObjectSchema(kind: "security-policy", description: "Security arrangements of the organisation.", fields: [
        f("cvd", .bool, "A coordinated vulnerability disclosure procedure is published (BIO2 5.24.08)."),
        f("incident-procedure", .bool, "An incident and breach procedure covers CSIRT and AP notification in time."),
        f("crypto-policy", .bool, "A cryptography policy is adopted (BIO2 8.24.01)."),
        f("soa-published", .bool, "The ISMS scope and statement of applicability are published."),
    ])

    static let classification = ObjectSchema(kind: "classification", description: "BIV classification.", fields: [
        f("confidentiality", values(Level.self), "Confidentiality level."),
        f("integrity", values(Level.self), "Integrity level."),
        f("availability", values(Level.self), "Availability level."),
        f("bbn", .enumeration(["1", "2", "3"]), "Basisbeveiligingsniveau; only for `bio: bio-1.04`."),
    ])

    static let riskAssessment = ObjectSchema(kind: "risk-assessment", description: "A recorded risk assessment.", fields: [
        f("date", .date, "When it was done."),
        f("reference", .string, "Document reference."),
    ])

    static let dpia = ObjectSchema(kind: "dpia", description: "Data protection impact assessment.", fields: [
        f("status", values(DPIAStatus.self), "State of the DPIA."),
        f("date", .date, "When it was completed."),
        f("reference", .string, "Document reference."),
        f("published", .bool, "The DPIA (or a summary) is published."),
        f("residual-risk", values(Level.self), "Residual risk after measures; high requires prior consultation (AVG 36)."),
        f("prior-consultation", .bool, "The Autoriteit Persoonsgegevens was consulted (AVG 36)."),
    ])

    static let registers = ObjectSchema(kind: "registers", description: "Municipal registers.", fields: [
        f("processing", values(RegisterState.self), "In the register of processing activities (AVG 30)."),
        f("algorithm", values(RegisterState.self), "In the algorithm register."),
        f("sensors", values(RegisterState.self), "In the sensor register."),
    ])

    static let contacts = ObjectSchema(kind: "contacts", description: "Responsible people or roles.", fields: [
        f("ciso", .string, "Chief information security officer."),
        f("dpo", .string, "Data protection officer (functionaris gegevensbescherming)."),
        f("owner", .string, "Owner of the project or system."),
    ])

    // MARK: - Purposes and parties

    static let purpose = ObjectSchema(kind: "purpose", description: "A purpose of processing.", fields: [
        idField, nameField, descriptionField,
        f("legal-basis", values(LegalBasis.self), "Lawful basis (AVG 6(1))."),
        f("statutory-basis", .string, "The statutory provision for `public-task` or `legal-obligation`, e.g. `Gemeentewet art. 172`."),
        f("special-category-exception", .string, "Exception for special category data, e.g. `AVG 9(2)(g); UAVG 23`."),
        f("criminal-data-basis", .string, "Basis for criminal-law data, e.g. `UAVG art. 32`."),
        f("further-processing-of", .reference("purpose"), "Purpose whose data is re-used here (AVG 6(4))."),
        f("compatibility-assessment", .bool, "The AVG 6(4) compatibility test was done and recorded."),
        f("profiling", .bool, "The processing involves profiling."),
        f("automated-decisions", .bool, "Decisions are taken by automated means (AVG 22)."),
        f("human-review", .bool, "A person reviews automated decisions."),
        f("behaviour-influencing", .bool, "The purpose steers people's behaviour, e.g. with light, sound or nudges."),
    ])

    static let party = ObjectSchema(kind: "party", description: "An organisation taking part.", fields: [
        idField, nameField, descriptionField,
        f("role", values(PartyRole.self), "Role under the AVG."),
        f("country", .country, "Where it processes (ISO 3166-1 alpha-2)."),
        f("headquarters", .country, "Where it is owned or controlled from (CLOUD Act exposure)."),
        f("processor-for", .reference("party"), "For a sub-processor: the processor it works for."),
        f("processor-agreement", .object("processor-agreement"), "The processor agreement (AVG 28)."),
        f("joint-arrangement", .object("joint-arrangement"), "Arrangement between joint controllers (AVG 26)."),
        f("certifications", .list(.string), "Certifications, e.g. `iso27001`, `isae3402-type2`."),
        f("contract", .object("contract"), "Contract terms."),
        f("transfer", .object("transfer"), "Transfer mechanism for processing outside the EEA (AVG 44-49)."),
    ])

    static let processorAgreement = ObjectSchema(kind: "processor-agreement", description: "A processor agreement.", fields: [
        f("signed", .date, "Date of signature."),
        f("template", .string, "Template used, e.g. `vng-vwo`, `gibit`, `supplier`, `other`."),
        f("sub-processors-approved", .list(.reference("party")), "Sub-processors the controller approved."),
    ])

    static let jointArrangement = ObjectSchema(kind: "joint-arrangement", description: "A joint-controller arrangement.", fields: [
        f("signed", .date, "Date of signature."),
    ])

    static let contract = ObjectSchema(kind: "contract", description: "Contract terms with a supplier.", fields: [
        f("terms", .string, "General terms, e.g. `gibit-2023`, `arbit-2022`, `supplier`."),
        f("exit-plan", .bool, "An exit plan is agreed."),
        f("right-to-audit", .bool, "The municipality may audit the supplier."),
        f("incident-notification", .duration, "Agreed time to report security incidents, e.g. `PT24H`."),
        f("vulnerability-notification", .bool, "The supplier reports vulnerabilities."),
        f("data-export", values(DataExport.self), "How data can be taken out at the end: `open-format`, `proprietary` or `none`."),
        f("continuity", .bool, "Escrow or a continuity clause for a hosted service."),
        f("archiving", .bool, "Archiving and destruction are agreed."),
    ])

    static let transfer = ObjectSchema(kind: "transfer", description: "A transfer outside the EEA.", fields: [
        f("mechanism", values(TransferMechanism.self), "Transfer mechanism (AVG 45-49)."),
        f("tia", .bool, "A transfer impact assessment was done."),
    ])

    // MARK: - Zones and data

    static let zone = ObjectSchema(kind: "zone", description: "A trust boundary or network zone.", fields: [
        idField, nameField, descriptionField,
        f("kind", values(ZoneKind.self), "What sort of zone this is."),
        f("trust", values(Trust.self), "How far the zone is trusted."),
        f("operator", .reference("party"), "Party operating the zone."),
        f("country", .country, "Country the zone is in."),
        f("parent", .reference("zone"), "Enclosing zone."),
    ])

    static let data = ObjectSchema(kind: "data", description: "A data asset.", fields: [
        idField, nameField, descriptionField,
        f("categories", .list(.string), "Taxonomy keys, e.g. `personal.device.mac`."),
        f("subjects", .list(.string), "Data subjects, e.g. `residents`, `passers-by`."),
        f("form", values(DataForm.self), "How identifiable the data is."),
        f("pseudonymisation", .object("pseudonymisation"), "How the data is pseudonymised."),
        f("retention", .duration, "How long it is kept, e.g. `P30D`; `PT0S` means not stored."),
        f("derived-from", .list(.reference("data")), "Data assets this one is computed from."),
        f("volume", .int, "Data subjects per year (large-scale assessment)."),
    ])

    static let pseudonymisation = ObjectSchema(kind: "pseudonymisation", description: "Pseudonymisation of identifiers.", fields: [
        f("method", values(PseudonymisationMethod.self), "Technique; a plain hash is unkeyed and can be recomputed by anyone."),
        f("key-rotation", .duration, "How often the key or salt changes; absent means never."),
        f("per-sensor-key", .bool, "Each sensor has its own key."),
    ])

    // MARK: - Systems and flows

    static let system = ObjectSchema(kind: "system", description: "A sensor, platform, database or application.", fields: [
        idField, nameField, descriptionField,
        f("kind", values(SystemKind.self), "What sort of system this is."),
        f("zone", .reference("zone"), "Zone the system runs in."),
        f("operator", .reference("party"), "Party operating the system."),
        f("collects", .list(.reference("data")), "Data captured from the physical world."),
        f("stores", .list(.reference("data")), "Data kept by the system."),
        f("sensor", .object("sensor"), "Sensor properties."),
        f("security", .object("security"), "Security measures."),
        f("internet-facing", .bool, "Reachable from the internet."),
        f("endpoints", .list(.object("endpoint")), "Public endpoints."),
        f("standards", .list(.string), "Open standards applied, e.g. `nl-gov-adr`, `oauth-nl-gov`, `wcag-2.1-aa`."),
    ])

    static let sensor = ObjectSchema(kind: "sensor", description: "What a sensor senses and how it is deployed.", fields: [
        f("senses", .list(values(Sensing.self)), "What the sensor senses."),
        f("edge-processing", .bool, "Identifiers are pseudonymised or aggregated on the device."),
        f("covers-dwellings", .bool, "The sensor's range covers homes."),
        f("signage", .bool, "People are informed on the spot."),
        f("registered", .bool, "The sensor is in a sensor register."),
        f("biometric-identification", .bool, "The sensor identifies people biometrically."),
    ])

    static let security = ObjectSchema(kind: "security", description: "Security measures of a system.", fields: [
        f("authentication", values(Authentication.self), "How users authenticate."),
        f("admin-mfa", .bool, "Administrators use multi-factor authentication."),
        f("encryption-at-rest", .bool, "Stored data is encrypted."),
        f("logging", .object("logging"), "Security logging."),
        f("patch-sla", .duration, "Agreed time to patch, e.g. `P7D`."),
        f("last-pentest", .date, "Date of the last penetration test."),
        f("default-credentials", values(DefaultCredentials.self), "State of factory passwords."),
        f("management-interface", values(ManagementInterface.self), "Where the management interface is reachable."),
        f("backup", .object("backup"), "Backups."),
        f("access-review", .duration, "How often access rights are reviewed, e.g. `P1Y`."),
        f("privileged-review", .duration, "How often special privileges are reviewed, e.g. `P3M`."),
        f("supplier-access", values(SupplierAccess.self), "Supplier network access: `none`, `time-boxed` or `standing`."),
        f("shared-accounts", .bool, "Shared or group accounts are in use."),
    ])

    static let logging = ObjectSchema(kind: "logging", description: "Security logging.", fields: [
        f("enabled", .bool, "Security events are logged."),
        f("retention", .duration, "How long logs are kept."),
        f("integrity-protected", .bool, "Logs cannot be altered unnoticed."),
    ])

    static let backup = ObjectSchema(kind: "backup", description: "Backups.", fields: [
        f("rpo", .duration, "Recovery point objective, e.g. `PT24H`."),
        f("tested", .date, "Date of the last restore test."),
        f("offsite", .bool, "A copy is kept at an independent location."),
    ])

    static let endpoint = ObjectSchema(kind: "endpoint", description: "A public endpoint.", fields: [
        f("url", .string, required: true, "The URL, e.g. `https://tellingen.voorbeeld.nl`."),
        f("hsts", .bool, "HTTP Strict Transport Security is on."),
        f("tls", .list(.enumeration(["1.0", "1.1", "1.2", "1.3"])), "TLS versions offered."),
        f("security-txt", .bool, "A security.txt is published."),
        f("dnssec", .bool, "The domain is signed with DNSSEC."),
        f("certificate", values(CertificateType.self), "Certificate type: `dv`, `ov`, `ev`, `pkio` or `private`."),
        f("ipv6", .bool, "Reachable over IPv6."),
    ])

    static let flow = ObjectSchema(kind: "flow", description: "A data flow between two systems.", fields: [
        idField, nameField, descriptionField,
        f("from", .reference("system"), required: true, "Sending system."),
        f("to", .reference("system"), required: true, "Receiving system."),
        f("data", .list(.reference("data")), "Data assets carried."),
        f("purpose", .reference("purpose"), "Purpose of the flow."),
        f("protocol", values(FlowProtocol.self), "Transport protocol."),
        f("encryption", values(TransportEncryption.self), "Transport encryption."),
        f("authentication", values(FlowAuthentication.self), "How the sender authenticates."),
        f("network", values(NetworkKind.self), "Network the flow crosses."),
    ])

    static let waiver = ObjectSchema(kind: "waiver", description: "A recorded exception for a finding (SPEC 2.4).", fields: [
        f("finding", .string, required: true, "Finding id `RULE-ID@kind:id`; `*` matches within one segment."),
        f("reason", .string, required: true, "Why the finding is accepted."),
        f("approved-by", .string, required: true, "Who approved the exception."),
        f("expires", .date, required: true, "Last day the waiver applies."),
        f("ticket", .string, "Tracking reference."),
    ])
}
