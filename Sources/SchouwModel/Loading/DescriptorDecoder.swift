/// Turns checked YAML mappings into model values. Field names here are the schema's YAML keys;
/// every check has already happened in `MappingReader`, so decoding itself never fails.
enum DescriptorDecoder {
    static func project(_ r: MappingReader) -> Project {
        Project(
            id: r.string("id") ?? "", name: r.string("name") ?? "", description: r.string("description"),
            organisation: r.string("organisation"), publicAuthority: r.bool("public-authority") ?? true,
            phase: r.enumValue("phase"), bio: r.enumValue("bio") ?? .bio2,
            classification: r.object("classification").map(classification),
            riskAssessment: r.object("risk-assessment").map { RiskAssessment(date: $0.date("date"), reference: $0.string("reference")) },
            dpia: r.object("dpia").map(dpia), registers: r.object("registers").map(registers),
            contacts: r.object("contacts").map { Contacts(ciso: $0.string("ciso"), dpo: $0.string("dpo"), owner: $0.string("owner")) },
            marks: r.marks)
        .with(\.securityPolicy, r.object("security-policy").map {
            SecurityPolicy(cvd: $0.bool("cvd"), incidentProcedure: $0.bool("incident-procedure"),
                           cryptoPolicy: $0.bool("crypto-policy"), soaPublished: $0.bool("soa-published"))
        })
        .with(\.privacyStatement, r.bool("privacy-statement"))
    }

    static func classification(_ r: MappingReader) -> Classification {
        Classification(confidentiality: r.enumValue("confidentiality"), integrity: r.enumValue("integrity"),
                       availability: r.enumValue("availability"), bbn: r.string("bbn").flatMap { Int($0) })
    }

    static func dpia(_ r: MappingReader) -> DPIA {
        DPIA(status: r.enumValue("status"), date: r.date("date"), reference: r.string("reference"),
             published: r.bool("published"), residualRisk: r.enumValue("residual-risk"),
             priorConsultation: r.bool("prior-consultation"))
    }

    static func registers(_ r: MappingReader) -> Registers {
        Registers(processing: r.enumValue("processing"), algorithm: r.enumValue("algorithm"), sensors: r.enumValue("sensors"))
    }

    static func purpose(_ r: MappingReader) -> Purpose {
        Purpose(id: r.string("id") ?? "", name: r.string("name"), description: r.string("description"),
                legalBasis: r.enumValue("legal-basis"), statutoryBasis: r.string("statutory-basis"),
                specialCategoryException: r.string("special-category-exception"),
                criminalDataBasis: r.string("criminal-data-basis"), furtherProcessingOf: r.string("further-processing-of"),
                compatibilityAssessment: r.bool("compatibility-assessment"), profiling: r.bool("profiling"),
                automatedDecisions: r.bool("automated-decisions"), humanReview: r.bool("human-review"), marks: r.marks)
            .with(\.behaviourInfluencing, r.bool("behaviour-influencing"))
    }

    static func party(_ r: MappingReader) -> Party {
        Party(id: r.string("id") ?? "", name: r.string("name"), role: r.enumValue("role"), country: r.string("country"),
              headquarters: r.string("headquarters"), processorFor: r.string("processor-for"),
              processorAgreement: r.object("processor-agreement").map {
                  ProcessorAgreement(signed: $0.date("signed"), template: $0.string("template"),
                                     subProcessorsApproved: $0.strings("sub-processors-approved"))
              },
              jointArrangement: r.object("joint-arrangement").map { JointArrangement(signed: $0.date("signed")) },
              certifications: r.strings("certifications"),
              contract: r.object("contract").map {
                  Contract(terms: $0.string("terms"), exitPlan: $0.bool("exit-plan"), rightToAudit: $0.bool("right-to-audit"),
                           incidentNotification: $0.duration("incident-notification"),
                           vulnerabilityNotification: $0.bool("vulnerability-notification"))
                      .with(\.dataExport, $0.enumValue("data-export"))
                      .with(\.continuity, $0.bool("continuity"))
                      .with(\.archiving, $0.bool("archiving"))
              },
              transfer: r.object("transfer").map { Transfer(mechanism: $0.enumValue("mechanism"), tia: $0.bool("tia")) },
              description: r.string("description"), marks: r.marks)
    }

    static func zone(_ r: MappingReader) -> Zone {
        Zone(id: r.string("id") ?? "", name: r.string("name"), kind: r.enumValue("kind"), trust: r.enumValue("trust"),
             operator_: r.string("operator"), country: r.string("country"), parent: r.string("parent"),
             description: r.string("description"), marks: r.marks)
    }

    static func data(_ r: MappingReader) -> DataAsset {
        DataAsset(id: r.string("id") ?? "", name: r.string("name"), description: r.string("description"),
                  categories: r.strings("categories") ?? [], subjects: r.strings("subjects"), form: r.enumValue("form"),
                  pseudonymisation: r.object("pseudonymisation").map {
                      Pseudonymisation(method: $0.enumValue("method"), keyRotation: $0.duration("key-rotation"),
                                       perSensorKey: $0.bool("per-sensor-key"))
                  },
                  retention: r.duration("retention"), derivedFrom: r.strings("derived-from") ?? [],
                  volume: r.int("volume"), marks: r.marks)
    }

    static func system(_ r: MappingReader) -> System {
        System(id: r.string("id") ?? "", name: r.string("name"), description: r.string("description"),
               kind: r.enumValue("kind"), zone: r.string("zone"), operator_: r.string("operator"),
               collects: r.strings("collects") ?? [], stores: r.strings("stores") ?? [],
               sensor: r.object("sensor").map(sensor), security: r.object("security").map(security),
               internetFacing: r.bool("internet-facing"), endpoints: r.objects("endpoints").map(endpoint), marks: r.marks)
            .with(\.standards, r.strings("standards"))
    }

    static func sensor(_ r: MappingReader) -> SensorInfo {
        SensorInfo(senses: r.enumList("senses"), edgeProcessing: r.bool("edge-processing"),
                   coversDwellings: r.bool("covers-dwellings"), signage: r.bool("signage"),
                   registered: r.bool("registered"), biometricIdentification: r.bool("biometric-identification"))
    }

    static func security(_ r: MappingReader) -> SecurityInfo {
        SecurityInfo(authentication: r.enumValue("authentication"), adminMFA: r.bool("admin-mfa"),
                     encryptionAtRest: r.bool("encryption-at-rest"),
                     logging: r.object("logging").map {
                         Logging(enabled: $0.bool("enabled"), retention: $0.duration("retention"),
                                 integrityProtected: $0.bool("integrity-protected"))
                     },
                     patchSLA: r.duration("patch-sla"), lastPentest: r.date("last-pentest"),
                     defaultCredentials: r.enumValue("default-credentials"),
                     managementInterface: r.enumValue("management-interface"),
                     backup: r.object("backup").map {
                         Backup(rpo: $0.duration("rpo"), tested: $0.date("tested")).with(\.offsite, $0.bool("offsite"))
                     })
            .with(\.accessReview, r.duration("access-review"))
            .with(\.privilegedReview, r.duration("privileged-review"))
            .with(\.supplierAccess, r.enumValue("supplier-access"))
            .with(\.sharedAccounts, r.bool("shared-accounts"))
    }

    static func endpoint(_ r: MappingReader) -> Endpoint {
        Endpoint(url: r.string("url") ?? "", hsts: r.bool("hsts"), tls: r.strings("tls"),
                 securityTxt: r.bool("security-txt"), dnssec: r.bool("dnssec"), marks: r.marks)
            .with(\.certificate, r.enumValue("certificate"))
            .with(\.ipv6, r.bool("ipv6"))
    }

    static func flow(_ r: MappingReader) -> Flow {
        Flow(id: r.string("id") ?? "", name: r.string("name"), from: r.string("from") ?? "", to: r.string("to") ?? "",
             data: r.strings("data") ?? [], purpose: r.string("purpose"), protocol_: r.enumValue("protocol"),
             encryption: r.enumValue("encryption"), authentication: r.enumValue("authentication"),
             network: r.enumValue("network"), description: r.string("description"), marks: r.marks)
    }

    static func waiver(_ r: MappingReader) -> Waiver {
        if let pattern = r.string("finding"), let node = r.value("finding") {
            WaiverPattern.check(pattern, at: node, sink: r.sink)
        }
        return Waiver(finding: r.string("finding") ?? "", reason: r.string("reason") ?? "",
               approvedBy: r.string("approved-by") ?? "", expires: r.date("expires") ?? ISODate(year: 1970, month: 1, day: 1),
               ticket: r.string("ticket"), marks: r.marks)
    }
}

/// Sets one property on a copy; keeps decoders of objects with many optional facts readable.
protocol Settable {}

extension Settable {
    func with<T>(_ keyPath: WritableKeyPath<Self, T>, _ value: T) -> Self {
        var copy = self
        copy[keyPath: keyPath] = value
        return copy
    }
}

extension Project: Settable {}
extension Purpose: Settable {}
extension Contract: Settable {}
extension System: Settable {}
extension SecurityInfo: Settable {}
extension Backup: Settable {}
extension Endpoint: Settable {}
