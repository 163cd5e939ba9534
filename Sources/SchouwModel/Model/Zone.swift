public enum ZoneKind: String, Sendable, Codable, CaseIterable {
    case publicSpace = "public-space"
    case fieldNetwork = "field-network"
    case municipalNetwork = "municipal-network"
    case supplierNetwork = "supplier-network"
    case cloud, internet, office, device
}

public enum Trust: String, Sendable, Codable, CaseIterable {
    case untrusted
    case semiTrusted = "semi-trusted"
    case trusted
}

/// A trust boundary or network zone; zones may nest through `parent`.
public struct Zone: Sendable {
    public var id: String
    public var name: String?
    public var description: String?
    public var kind: ZoneKind?
    public var trust: Trust?
    /// Party id operating the zone.
    public var operator_: String?
    public var country: String?
    public var parent: String?
    public var marks: Marks

    public init(id: String, name: String? = nil, kind: ZoneKind? = nil, trust: Trust? = nil, operator_: String? = nil,
                country: String? = nil, parent: String? = nil, description: String? = nil, marks: Marks) {
        self.id = id; self.name = name; self.kind = kind; self.trust = trust; self.operator_ = operator_
        self.country = country; self.parent = parent; self.description = description; self.marks = marks
    }
}
