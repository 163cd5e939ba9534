import SchouwModel

/// Id -> position lookups for every section, built once per descriptor.
public struct DescriptorIndex: Sendable {
    public var party: [String: Int] = [:]
    public var zone: [String: Int] = [:]
    public var data: [String: Int] = [:]
    public var system: [String: Int] = [:]
    public var flow: [String: Int] = [:]
    public var purpose: [String: Int] = [:]

    public init(_ d: Descriptor) {
        // First occurrence wins; duplicates are a load error reported elsewhere.
        for (i, x) in d.parties.enumerated() where party[x.id] == nil { party[x.id] = i }
        for (i, x) in d.zones.enumerated() where zone[x.id] == nil { zone[x.id] = i }
        for (i, x) in d.data.enumerated() where data[x.id] == nil { data[x.id] = i }
        for (i, x) in d.systems.enumerated() where system[x.id] == nil { system[x.id] = i }
        for (i, x) in d.flows.enumerated() where flow[x.id] == nil { flow[x.id] = i }
        for (i, x) in d.purposes.enumerated() where purpose[x.id] == nil { purpose[x.id] = i }
    }
}
