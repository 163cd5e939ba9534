public enum Phase: String, Sendable, Codable, CaseIterable {
    case idea, procurement, pilot, production, decommissioned

    /// The phase as Dutch reports and checklists name it (the English names are the raw values).
    public var dutchName: String {
        switch self {
        case .idea: "idee"
        case .procurement: "aanbesteding"
        case .pilot: "pilot"
        case .production: "productie"
        case .decommissioned: "buiten gebruik"
        }
    }
}

public enum BIOCatalogue: String, Sendable, Codable, CaseIterable {
    case bio2
    case bio104 = "bio-1.04"
}

public struct Project: Sendable {
    public var id: String
    public var name: String
    public var description: String?
    public var organisation: String?
    /// Defaults to true: municipalities are public authorities (AVG 6(1) last sentence, 37(1)(a)).
    public var publicAuthority: Bool
    public var phase: Phase?
    public var bio: BIOCatalogue
    public var classification: Classification?
    public var riskAssessment: RiskAssessment?
    public var dpia: DPIA?
    public var registers: Registers?
    public var contacts: Contacts?
    /// Organisation-wide security arrangements the project relies on.
    public var securityPolicy: SecurityPolicy? = nil
    /// A public privacy statement covers the project (AVG art. 12-14).
    public var privacyStatement: Bool? = nil
    public var marks: Marks

    public init(id: String, name: String, description: String? = nil, organisation: String? = nil,
                publicAuthority: Bool = true, phase: Phase? = nil, bio: BIOCatalogue = .bio2,
                classification: Classification? = nil, riskAssessment: RiskAssessment? = nil, dpia: DPIA? = nil,
                registers: Registers? = nil, contacts: Contacts? = nil, marks: Marks) {
        self.id = id; self.name = name; self.description = description; self.organisation = organisation
        self.publicAuthority = publicAuthority; self.phase = phase; self.bio = bio
        self.classification = classification; self.riskAssessment = riskAssessment; self.dpia = dpia
        self.registers = registers; self.contacts = contacts; self.marks = marks
    }
}

public struct Classification: Sendable {
    public var confidentiality: Level?
    public var integrity: Level?
    public var availability: Level?
    /// Basisbeveiligingsniveau 1-3, only meaningful for `bio: bio-1.04`.
    public var bbn: Int?
    public init(confidentiality: Level? = nil, integrity: Level? = nil, availability: Level? = nil, bbn: Int? = nil) {
        self.confidentiality = confidentiality; self.integrity = integrity; self.availability = availability; self.bbn = bbn
    }
}

public struct RiskAssessment: Sendable {
    public var date: ISODate?
    public var reference: String?
    public init(date: ISODate? = nil, reference: String? = nil) { self.date = date; self.reference = reference }
}

public enum DPIAStatus: String, Sendable, Codable, CaseIterable {
    case completed
    case inProgress = "in-progress"
    case notStarted = "not-started"
    case notRequired = "not-required"
}

public struct DPIA: Sendable {
    public var status: DPIAStatus?
    public var date: ISODate?
    public var reference: String?
    public var published: Bool?
    public var residualRisk: Level?
    public var priorConsultation: Bool?
    public init(status: DPIAStatus? = nil, date: ISODate? = nil, reference: String? = nil, published: Bool? = nil,
                residualRisk: Level? = nil, priorConsultation: Bool? = nil) {
        self.status = status; self.date = date; self.reference = reference; self.published = published
        self.residualRisk = residualRisk; self.priorConsultation = priorConsultation
    }
}

public struct Registers: Sendable {
    public var processing: RegisterState?
    public var algorithm: RegisterState?
    public var sensors: RegisterState?
    public init(processing: RegisterState? = nil, algorithm: RegisterState? = nil, sensors: RegisterState? = nil) {
        self.processing = processing; self.algorithm = algorithm; self.sensors = sensors
    }
}

public struct Contacts: Sendable {
    public var ciso: String?
    public var dpo: String?
    public var owner: String?
    public init(ciso: String? = nil, dpo: String? = nil, owner: String? = nil) {
        self.ciso = ciso; self.dpo = dpo; self.owner = owner
    }
}

/// Security arrangements of the organisation the project relies on (BIO2 5.24, 8.24, deel 1 §18).
public struct SecurityPolicy: Sendable {
    /// A coordinated vulnerability disclosure procedure is published (BIO2 5.24.08).
    public var cvd: Bool?
    /// An incident and breach procedure covers CSIRT and AP notification in time (BIO2 5.24.07, AVG 33).
    public var incidentProcedure: Bool?
    /// A cryptography policy is adopted (BIO2 8.24.01).
    public var cryptoPolicy: Bool?
    /// The ISMS scope and statement of applicability are published (BIO2 deel 1 §18).
    public var soaPublished: Bool?
    public init(cvd: Bool? = nil, incidentProcedure: Bool? = nil, cryptoPolicy: Bool? = nil, soaPublished: Bool? = nil) {
        self.cvd = cvd; self.incidentProcedure = incidentProcedure; self.cryptoPolicy = cryptoPolicy
        self.soaPublished = soaPublished
    }
}
