public enum FlowProtocol: String, Sendable, Codable, CaseIterable {
    case https, http, mqtt, mqtts, amqp, sftp, ftp, lorawan
    case nbIoT = "nb-iot"
    case smtp, other
}

public enum TransportEncryption: String, Sendable, Codable, CaseIterable {
    case none
    case tls10 = "tls1.0"
    case tls11 = "tls1.1"
    case tls12 = "tls1.2"
    case tls13 = "tls1.3"
    case vpn, ipsec
    case lorawanAES = "lorawan-aes"
    case other
}

public enum FlowAuthentication: String, Sendable, Codable, CaseIterable {
    case none
    case apiKey = "api-key"
    case basic, oauth2, mtls, other
}

public enum NetworkKind: String, Sendable, Codable, CaseIterable { case internet, `private`, wireless, local }

/// A data flow between two systems.
public struct Flow: Sendable {
    public var id: String
    public var name: String?
    public var description: String?
    public var from: String
    public var to: String
    public var data: [String]
    public var purpose: String?
    public var protocol_: FlowProtocol?
    public var encryption: TransportEncryption?
    public var authentication: FlowAuthentication?
    public var network: NetworkKind?
    public var marks: Marks

    public init(id: String, name: String? = nil, from: String, to: String, data: [String] = [], purpose: String? = nil,
                protocol_: FlowProtocol? = nil, encryption: TransportEncryption? = nil,
                authentication: FlowAuthentication? = nil, network: NetworkKind? = nil, description: String? = nil,
                marks: Marks) {
        self.id = id; self.name = name; self.from = from; self.to = to; self.data = data; self.purpose = purpose
        self.protocol_ = protocol_; self.encryption = encryption; self.authentication = authentication
        self.network = network; self.description = description; self.marks = marks
    }
}

/// "Pas toe of leg uit": a recorded, time-boxed exception for a finding (SPEC 2.4).
public struct Waiver: Sendable {
    /// `RULE-ID@kind:id`; `*` matches within one segment.
    public var finding: String
    public var reason: String
    public var approvedBy: String
    public var expires: ISODate
    public var ticket: String?
    public var marks: Marks
    public init(finding: String, reason: String, approvedBy: String, expires: ISODate, ticket: String? = nil,
                marks: Marks) {
        self.finding = finding; self.reason = reason; self.approvedBy = approvedBy; self.expires = expires
        self.ticket = ticket; self.marks = marks
    }
}
