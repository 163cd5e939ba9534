public enum DataForm: String, Sendable, Codable, CaseIterable {
    case identified, pseudonymised, aggregated, anonymous
}

public enum PseudonymisationMethod: String, Sendable, Codable, CaseIterable {
    case sha256, sha1, md5
    case saltedHash = "salted-hash"
    case hmacSHA256 = "hmac-sha256"
    case tokenisation, encryption, truncation, other
}

public struct Pseudonymisation: Sendable {
    public var method: PseudonymisationMethod?
    /// Absent means the key or salt is never rotated.
    public var keyRotation: ISODuration?
    public var perSensorKey: Bool?
    public init(method: PseudonymisationMethod? = nil, keyRotation: ISODuration? = nil, perSensorKey: Bool? = nil) {
        self.method = method; self.keyRotation = keyRotation; self.perSensorKey = perSensorKey
    }
}

/// A data asset: what is collected, kept or derived (SPEC `data:`).
public struct DataAsset: Sendable {
    public var id: String
    public var name: String?
    public var description: String?
    /// Taxonomy keys, e.g. `personal.device.mac`.
    public var categories: [String]
    public var subjects: [String]?
    public var form: DataForm?
    public var pseudonymisation: Pseudonymisation?
    public var retention: ISODuration?
    public var derivedFrom: [String]
    /// Data subjects per year, for the large-scale assessment.
    public var volume: Int?
    public var marks: Marks

    public init(id: String, name: String? = nil, description: String? = nil, categories: [String] = [],
                subjects: [String]? = nil, form: DataForm? = nil, pseudonymisation: Pseudonymisation? = nil,
                retention: ISODuration? = nil, derivedFrom: [String] = [], volume: Int? = nil, marks: Marks) {
        self.id = id; self.name = name; self.description = description; self.categories = categories
        self.subjects = subjects; self.form = form; self.pseudonymisation = pseudonymisation
        self.retention = retention; self.derivedFrom = derivedFrom; self.volume = volume; self.marks = marks
    }
}
