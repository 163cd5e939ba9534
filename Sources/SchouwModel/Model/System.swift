public enum SystemKind: String, Sendable, Codable, CaseIterable {
    case sensor, camera, gateway, platform, database, application, api, dashboard, website
    case mobileApp = "mobile-app"
    case analytics
}

public enum Sensing: String, Sendable, Codable, CaseIterable {
    case wifi, bluetooth, video, audio, anpr, lidar, radar, counting
    case airQuality = "air-quality"
    case noise, parking, other
}

public struct SensorInfo: Sendable {
    public var senses: [Sensing]?
    public var edgeProcessing: Bool?
    public var coversDwellings: Bool?
    public var signage: Bool?
    public var registered: Bool?
    public var biometricIdentification: Bool?
    public init(senses: [Sensing]? = nil, edgeProcessing: Bool? = nil, coversDwellings: Bool? = nil,
                signage: Bool? = nil, registered: Bool? = nil, biometricIdentification: Bool? = nil) {
        self.senses = senses; self.edgeProcessing = edgeProcessing; self.coversDwellings = coversDwellings
        self.signage = signage; self.registered = registered; self.biometricIdentification = biometricIdentification
    }
}

public enum Authentication: String, Sendable, Codable, CaseIterable { case none, password, mfa, certificate }
public enum DefaultCredentials: String, Sendable, Codable, CaseIterable { case changed, unchanged, none }
public enum ManagementInterface: String, Sendable, Codable, CaseIterable { case separated, shared, internet }

public struct Logging: Sendable {
    public var enabled: Bool?
    public var retention: ISODuration?
    public var integrityProtected: Bool?
    public init(enabled: Bool? = nil, retention: ISODuration? = nil, integrityProtected: Bool? = nil) {
        self.enabled = enabled; self.retention = retention; self.integrityProtected = integrityProtected
    }
}

public struct Backup: Sendable {
    public var rpo: ISODuration?
    public var tested: ISODate?
    /// A copy is kept at an independent location (BIO2 8.13.03).
    public var offsite: Bool? = nil
    public init(rpo: ISODuration? = nil, tested: ISODate? = nil) { self.rpo = rpo; self.tested = tested }
}

public struct SecurityInfo: Sendable {
    public var authentication: Authentication?
    public var adminMFA: Bool?
    public var encryptionAtRest: Bool?
    public var logging: Logging?
    public var patchSLA: ISODuration?
    public var lastPentest: ISODate?
    public var defaultCredentials: DefaultCredentials?
    public var managementInterface: ManagementInterface?
    public var backup: Backup?
    /// How often access rights are reviewed (BIO2 5.18.02).
    public var accessReview: ISODuration? = nil
    /// How often special privileges are reviewed (BIO2 8.02.01).
    public var privilegedReview: ISODuration? = nil
    /// Supplier network access (BIO2 8.05.01).
    public var supplierAccess: SupplierAccess? = nil
    /// Shared or group accounts are in use (BIO2 5.16.02).
    public var sharedAccounts: Bool? = nil
    public init(authentication: Authentication? = nil, adminMFA: Bool? = nil, encryptionAtRest: Bool? = nil,
                logging: Logging? = nil, patchSLA: ISODuration? = nil, lastPentest: ISODate? = nil,
                defaultCredentials: DefaultCredentials? = nil, managementInterface: ManagementInterface? = nil,
                backup: Backup? = nil) {
        self.authentication = authentication; self.adminMFA = adminMFA; self.encryptionAtRest = encryptionAtRest
        self.logging = logging; self.patchSLA = patchSLA; self.lastPentest = lastPentest
        self.defaultCredentials = defaultCredentials; self.managementInterface = managementInterface
        self.backup = backup
    }
}

public struct Endpoint: Sendable {
    public var url: String
    public var hsts: Bool?
    /// TLS versions offered, e.g. `["1.2", "1.3"]` (YAML numbers are read back as text).
    public var tls: [String]?
    public var securityTxt: Bool?
    public var dnssec: Bool?
    /// Certificate type (BIO2 5.14.02: at least OV for public sensitive web traffic).
    public var certificate: CertificateType? = nil
    /// Reachable over IPv6 (Forum Standaardisatie).
    public var ipv6: Bool? = nil
    public var marks: Marks
    public init(url: String, hsts: Bool? = nil, tls: [String]? = nil, securityTxt: Bool? = nil, dnssec: Bool? = nil,
                marks: Marks) {
        self.url = url; self.hsts = hsts; self.tls = tls; self.securityTxt = securityTxt; self.dnssec = dnssec
        self.marks = marks
    }
}

public struct System: Sendable {
    public var id: String
    public var name: String?
    public var description: String?
    public var kind: SystemKind?
    public var zone: String?
    /// Party id operating the system.
    public var operator_: String?
    /// Data ids captured from the physical world.
    public var collects: [String]
    public var stores: [String]
    public var sensor: SensorInfo?
    public var security: SecurityInfo?
    public var internetFacing: Bool?
    public var endpoints: [Endpoint]
    /// Open standards applied, e.g. `nl-gov-adr`, `oauth-nl-gov`, `wcag-2.1-aa`; nil when not stated.
    public var standards: [String]? = nil
    public var marks: Marks

    public init(id: String, name: String? = nil, description: String? = nil, kind: SystemKind? = nil,
                zone: String? = nil, operator_: String? = nil, collects: [String] = [], stores: [String] = [],
                sensor: SensorInfo? = nil, security: SecurityInfo? = nil, internetFacing: Bool? = nil,
                endpoints: [Endpoint] = [], marks: Marks) {
        self.id = id; self.name = name; self.description = description; self.kind = kind; self.zone = zone
        self.operator_ = operator_; self.collects = collects; self.stores = stores; self.sensor = sensor
        self.security = security; self.internetFacing = internetFacing; self.endpoints = endpoints
        self.marks = marks
    }
}

public enum SupplierAccess: String, Sendable, Codable, CaseIterable {
    case none
    case timeBoxed = "time-boxed"
    case standing
}

public enum CertificateType: String, Sendable, Codable, CaseIterable {
    case dv, ov, ev, pkio
    case `private`
}
