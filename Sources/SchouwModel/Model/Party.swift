public enum PartyRole: String, Sendable, Codable, CaseIterable {
    case controller
    case jointController = "joint-controller"
    case processor
    case subProcessor = "sub-processor"
    case recipient
    case thirdParty = "third-party"
}

public struct Party: Sendable {
    public var id: String
    public var name: String?
    public var description: String?
    public var role: PartyRole?
    /// ISO 3166-1 alpha-2 country where the party processes.
    public var country: String?
    /// Country it is owned or controlled from (CLOUD Act exposure).
    public var headquarters: String?
    /// For a sub-processor: the processor it works for.
    public var processorFor: String?
    public var processorAgreement: ProcessorAgreement?
    public var jointArrangement: JointArrangement?
    public var certifications: [String]?
    public var contract: Contract?
    public var transfer: Transfer?
    public var marks: Marks

    public init(id: String, name: String? = nil, role: PartyRole? = nil, country: String? = nil,
                headquarters: String? = nil, processorFor: String? = nil,
                processorAgreement: ProcessorAgreement? = nil, jointArrangement: JointArrangement? = nil,
                certifications: [String]? = nil, contract: Contract? = nil, transfer: Transfer? = nil,
                description: String? = nil, marks: Marks) {
        self.id = id; self.name = name; self.role = role; self.country = country; self.headquarters = headquarters
        self.processorFor = processorFor; self.processorAgreement = processorAgreement
        self.jointArrangement = jointArrangement; self.certifications = certifications
        self.contract = contract; self.transfer = transfer; self.description = description; self.marks = marks
    }
}

public struct ProcessorAgreement: Sendable {
    public var signed: ISODate?
    /// e.g. `vng-vwo`, `gibit`, `supplier`, `other`.
    public var template: String?
    public var subProcessorsApproved: [String]?
    public init(signed: ISODate? = nil, template: String? = nil, subProcessorsApproved: [String]? = nil) {
        self.signed = signed; self.template = template; self.subProcessorsApproved = subProcessorsApproved
    }
}

public struct JointArrangement: Sendable {
    public var signed: ISODate?
    public init(signed: ISODate? = nil) { self.signed = signed }
}

public struct Contract: Sendable {
    /// e.g. `gibit-2023`, `gibit-2020`, `arbit-2022`, `supplier`, `other`.
    public var terms: String?
    public var exitPlan: Bool?
    public var rightToAudit: Bool?
    public var incidentNotification: ISODuration?
    public var vulnerabilityNotification: Bool?
    /// How the data can be taken out at the end (GIBIT, Common Ground: open formats).
    public var dataExport: DataExport? = nil
    /// Escrow or a continuity clause for a hosted service (GIBIT 2020 art. 30).
    public var continuity: Bool? = nil
    /// Archiving and destruction are agreed (Archiefwet, BIO2 5.33.01).
    public var archiving: Bool? = nil
    public init(terms: String? = nil, exitPlan: Bool? = nil, rightToAudit: Bool? = nil,
                incidentNotification: ISODuration? = nil, vulnerabilityNotification: Bool? = nil) {
        self.terms = terms; self.exitPlan = exitPlan; self.rightToAudit = rightToAudit
        self.incidentNotification = incidentNotification; self.vulnerabilityNotification = vulnerabilityNotification
    }
}

public enum TransferMechanism: String, Sendable, Codable, CaseIterable {
    case adequacy, dpf, scc, bcr, derogation, none
}

public struct Transfer: Sendable {
    public var mechanism: TransferMechanism?
    /// A transfer impact assessment was done (Schrems II).
    public var tia: Bool?
    public init(mechanism: TransferMechanism? = nil, tia: Bool? = nil) { self.mechanism = mechanism; self.tia = tia }
}

public enum DataExport: String, Sendable, Codable, CaseIterable {
    case openFormat = "open-format"
    case proprietary, none
}
