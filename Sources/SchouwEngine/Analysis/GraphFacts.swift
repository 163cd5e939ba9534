import SchouwModel

/// Facts derived from the taxonomy and the data-flow graph (SPEC 2.3), computed once per descriptor so
/// that rules stay one-liners. Arrays are indexed like the descriptor's sections. `nil` means the
/// descriptor does not give enough to decide: rules reading it report `unknown`.
public struct GraphFacts: Sendable {
    /// Id lookups the facts were computed with, shared with whatever builds on them.
    public var index: DescriptorIndex
    public var assets: [AssetFacts]
    public var flows: [FlowFacts]
    public var systems: [SystemFacts]
    public var parties: [PartyFacts]
    public var purposes: [PurposeFacts]
    public var zones: [ZoneFacts]
    public var project: ProjectFacts
}

public struct AssetFacts: Sendable {
    public var personal = false
    public var special = false
    public var criminal = false
    public var nationalID = false
    public var identifier = false
    public var biometric = false
    public var location = false
    public var categoryKeys: [String] = []
    public var sources: [String] = []
    /// The same assets as positions in `Descriptor.data`, in the same (id) order: what the reach,
    /// the public-space flag and the CEL values read, so each id is looked up once.
    var sourceAssets: [Int] = []
    public var collectedBy: [String] = []
    public var storedBy: [String] = []
    public var collectedInPublicSpace = false
    /// Collected in public space, itself or through an asset it derives from.
    public var fromPublicSpace = false
    public var reaches: [String] = []
    public var reachesParties: [String] = []
    public var reachesCountries: [String] = []
    public var leavesEEA: Bool?
}

public struct FlowFacts: Sendable {
    public var fromSystem: Int?
    public var toSystem: Int?
    public var personal = false
    public var special = false
    public var criminal = false
    public var identifier = false
    public var encrypted: Bool?
    public var crossesBoundary: Bool?
    public var crossesBorder: Bool?
    public var purpose: Int?
}

public struct SystemFacts: Sendable {
    public var zone: Int?
    public var operatorParty: Int?
    public var receives: [String] = []
    public var handles: [String] = []
    /// The positions in `Descriptor.data` of `handles` and `sends`, in the same (id) order: what
    /// the party facts gather and the CEL values list.
    var handledAssets: [Int] = []
    var sentAssets: [Int] = []
    public var personal = false
    public var special = false
    public var country: String?
    public var inEEA: Bool?
    public var publicSpace = false
    public var inbound: [String] = []
    public var outbound: [String] = []
    /// Data ids on flows leaving the system.
    public var sends: [String] = []
}

public struct PartyFacts: Sendable {
    public var receivesPersonal = false
    public var inEEA: Bool?
    public var hqInEEA: Bool?
    public var processes: [String] = []
    public var operates: [String] = []
    public var hosts: [String] = []
    /// Data ids stored by systems it operates.
    public var stores: [String] = []
    public var external = false
}

public struct PurposeFacts: Sendable {
    public var flowsUsing: [String] = []
    public var personal = false
    public var special = false
    public var criminal = false
    public var nationalID = false
    public var fromPublicSpace = false
}

public struct ZoneFacts: Sendable {
    /// Country of the zone or its nearest ancestor that has one.
    public var country: String?
    /// The zone or one of its ancestors is public space.
    public var publicSpace = false
    public var systems: [String] = []
    /// A system in the zone handles personal data.
    public var personal = false
    public var operatorParty: Int?
}

public struct ProjectFacts: Sendable {
    public var personal = false
    public var publicSpaceSensing = false
    public var sensing: [String] = []
    public var largeScale: Bool?
    public var externalProcessors: [String] = []
}
