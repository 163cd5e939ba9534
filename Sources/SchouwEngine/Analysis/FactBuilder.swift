import SchouwConcurrency
import SchouwModel

/// Computes `GraphFacts` in time linear in the size of the descriptor (plus the size of the
/// derived-from closure). Robust against cycles and dangling ids, which the loader reports but a
/// programmatically built descriptor might still contain.
public enum FactBuilder {
    /// Data subjects per year from which processing counts as large scale (AVG art. 35(3)).
    public static let largeScaleThreshold = 10_000

    /// `computeReach: false` skips the per-asset reach (systems, parties, countries, EEA exit), the one
    /// part whose size grows with assets × systems, when no rule reads it. `leavingOut` names heavy
    /// facts (`DescriptorValues.heavyFacts`) whose lists of ids are not made: no rule reads them.
    public static func build(_ d: Descriptor, taxonomy: Taxonomy, computeReach: Bool = true,
                             leavingOut skipped: Set<String> = []) -> GraphFacts {
        let index = DescriptorIndex(d)
        let skip = SkippedFacts(skipped)
        // Independent steps side by side: on a city-wide descriptor each takes milliseconds that
        // would otherwise leave the second core idle.
        let ((zoneList, systemList), assetList) = concurrently({ () -> ([ZoneFacts], [SystemFacts]) in
            let zones = zoneFacts(d, index: index)
            return (zones, baseSystemFacts(d, index: index, zones: zones))
        }, { () -> [AssetFacts] in
            var assets = ownAssetFlags(d, taxonomy: taxonomy)
            inheritThroughDerivedFrom(d, index: index, assets: &assets)
            return assets
        })
        var zones = zoneList, systems = systemList, assets = assetList
        let flows = flowFacts(d, index: index, systems: systems, assets: assets)
        let working = holdingsAndReach(d, index: index, assets: &assets, systems: &systems, flows: flows,
                                       countries: taxonomy.countries, computeReach: computeReach, skip: skip)
        for i in assets.indices {
            assets[i].fromPublicSpace = assets[i].collectedInPublicSpace
                || assets[i].sourceAssets.contains { assets[$0].collectedInPublicSpace }
        }
        for si in d.systems.indices where systems[si].personal {
            if let z = d.systems[si].zone.flatMap({ index.zone[$0] }) { zones[z].personal = true }
        }
        let finalAssets = assets, finalSystems = systems
        // Hundreds of thousands of small arrays on a city-wide descriptor: freeing them took
        // 15-20 ms, and the audit waited for it with one core idle.
        releaseOnWorker(consume working)
        let ((parties, project), purposes) = concurrently({
            (partyFacts(d, index: index, systems: finalSystems, assets: finalAssets, taxonomy: taxonomy, skip: skip),
             projectFacts(d, assets: finalAssets, systems: finalSystems))
        }, { purposeFacts(d, index: index, flows: flows, assets: finalAssets, skip: skip) })
        return GraphFacts(index: index, assets: assets, flows: flows, systems: systems, parties: parties, purposes: purposes,
                          zones: zones, project: project)
    }

    // MARK: - Zones

    static func zoneFacts(_ d: Descriptor, index: DescriptorIndex) -> [ZoneFacts] {
        var result = [ZoneFacts](repeating: ZoneFacts(), count: d.zones.count)
        for (i, zone) in d.zones.enumerated() {
            // Walk up the parents; the step limit makes a cycle harmless.
            var current: Int? = i
            var steps = 0
            var country: String?
            var publicSpace = false
            while let c = current, steps <= d.zones.count {
                let z = d.zones[c]
                if country == nil { country = z.country }
                if z.kind == .publicSpace { publicSpace = true }
                current = z.parent.flatMap { index.zone[$0] }
                steps += 1
            }
            if country == nil, let op = zone.operator_.flatMap({ index.party[$0] }) { country = d.parties[op].country }
            result[i].country = country
            result[i].publicSpace = publicSpace
            result[i].operatorParty = zone.operator_.flatMap { index.party[$0] }
        }
        // By position, not `for s in d.systems`: iterating copies each whole system.
        for si in d.systems.indices {
            if let z = d.systems[si].zone.flatMap({ index.zone[$0] }) { result[z].systems.append(d.systems[si].id) }
        }
        return result
    }

    // MARK: - Assets

    static func ownAssetFlags(_ d: Descriptor, taxonomy: Taxonomy) -> [AssetFacts] {
        d.data.map { asset in
            var f = AssetFacts()
            var keys: [String] = []
            var seen = Set<String>()
            for category in asset.categories {
                for k in taxonomy.lineage(of: category) where seen.insert(k).inserted { keys.append(k) }
                let flags = taxonomy.flags(of: category) ?? (category.hasPrefix("personal") ? [.personal] : [])
                f.apply(flags)
            }
            f.categoryKeys = keys.sorted()
            return f
        }
    }

    /// Flags flow from an asset to what is derived from it, unless the derived asset is aggregated or
    /// anonymous and its own categories are not personal: counts derived from hashed MAC addresses
    /// are statistics, but hashed MAC addresses derived from raw ones stay personal.
    static func inheritThroughDerivedFrom(_ d: Descriptor, index: DescriptorIndex, assets: inout [AssetFacts]) {
        let n = d.data.count
        var parents = [[Int]](repeating: [], count: n)
        var children = [[Int]](repeating: [], count: n)
        var indegree = [Int](repeating: 0, count: n)
        for (i, asset) in d.data.enumerated() {
            for src in asset.derivedFrom {
                guard let p = index.data[src], p != i else { continue }
                parents[i].append(p)
                children[p].append(i)
                indegree[i] += 1
            }
        }
        // Kahn's order: sources before what derives from them. Assets on a cycle are never queued
        // and keep their own flags, which is the safe reading of a descriptor the loader rejected.
        var queue = (0..<n).filter { indegree[$0] == 0 }
        var head = 0
        while head < queue.count {
            let i = queue[head]; head += 1
            var sources = Set<String>()
            let ownPersonal = assets[i].personal
            let form = d.data[i].form
            let blocksInheritance = (form == .aggregated || form == .anonymous) && !ownPersonal
            for p in parents[i] {
                sources.insert(d.data[p].id)
                sources.formUnion(assets[p].sources)
                if !blocksInheritance { assets[i].inherit(from: assets[p]) }
            }
            assets[i].sources = sources.sorted()
            assets[i].sourceAssets = assets[i].sources.compactMap { index.data[$0] }
            for c in children[i] {
                indegree[c] -= 1
                if indegree[c] == 0 { queue.append(c) }
            }
        }
    }

    // MARK: - Systems and flows

    static func baseSystemFacts(_ d: Descriptor, index: DescriptorIndex, zones: [ZoneFacts]) -> [SystemFacts] {
        d.systems.indices.map { si in
            var f = SystemFacts()
            f.zone = d.systems[si].zone.flatMap { index.zone[$0] }
            f.operatorParty = d.systems[si].operator_.flatMap { index.party[$0] }
            if let z = f.zone {
                f.country = zones[z].country
                f.publicSpace = zones[z].publicSpace
            }
            if f.country == nil, let p = f.operatorParty { f.country = d.parties[p].country }
            return f
        }
    }

    static func flowFacts(_ d: Descriptor, index: DescriptorIndex, systems: [SystemFacts], assets: [AssetFacts]) -> [FlowFacts] {
        // One per flow, independent of the others: on every core.
        parallelMap(d.flows.count) { i in
            flowFacts(d.flows[i], at: i, d, index: index, systems: systems, assets: assets)
        }
    }

    /// `flow` is borrowed from the descriptor's array: a `let` copy of it counted references to
    /// every string and list it holds, for each of a city's flows.
    private static func flowFacts(_ flow: Flow, at i: Int, _ d: Descriptor, index: DescriptorIndex,
                                  systems: [SystemFacts], assets: [AssetFacts]) -> FlowFacts {
        var f = FlowFacts()
        f.fromSystem = index.system[flow.from]
        f.toSystem = index.system[flow.to]
        f.purpose = flow.purpose.flatMap { index.purpose[$0] }
        for a in index.flowData[i] {
            f.personal = f.personal || assets[a].personal
            f.special = f.special || assets[a].special
            f.criminal = f.criminal || assets[a].criminal
            f.identifier = f.identifier || assets[a].identifier
        }
        f.encrypted = encryptionIsStrong(flow)
        if let a = f.fromSystem, let b = f.toSystem {
            let za = systems[a].zone, zb = systems[b].zone
            if let za, let zb {
                f.crossesBoundary = za != zb || d.zones[za].trust != d.zones[zb].trust
            }
            if let ca = systems[a].country, let cb = systems[b].country { f.crossesBorder = ca != cb }
        }
        return f
    }

    /// Strong transport encryption per the NCSC TLS guidelines: TLS 1.3 ("goed"), TLS 1.2
    /// ("voldoende") or an equivalent tunnel. Plain protocols without a stated encryption are not.
    static func encryptionIsStrong(_ flow: Flow) -> Bool? {
        guard let encryption = flow.encryption else {
            // Plain-text protocols say it all; for the others the strength is not stated.
            switch flow.protocol_ {
            case .some(.http), .some(.ftp): return false
            default: return nil
            }
        }
        switch encryption {
        case .tls12, .tls13, .vpn, .ipsec, .lorawanAES: return true
        case .none, .tls10, .tls11: return false
        case .other: return nil
        }
    }

    /// The lists `holdingsAndReach` works with, handed back so they are freed beside other work:
    /// on a city-wide descriptor they are tens of thousands of small arrays, and freeing them as
    /// the function returned kept one core busy while the other waited.
    struct WorkingLists {
        fileprivate let systemPiece: Holdings
        fileprivate let flowPieces: [FlowHoldings]
        fileprivate let perSystem: [(held: [Int], received: [Int], sent: [Int], inbound: [Int], outbound: [Int])]
        fileprivate let reach: [[Int]]
        fileprivate let halves: [[[Int]]]
    }

    static func holdingsAndReach(_ d: Descriptor, index: DescriptorIndex, assets: inout [AssetFacts],
                                 systems: inout [SystemFacts], flows: [FlowFacts], countries: CountryLists,
                                 computeReach: Bool, skip: SkippedFacts = .none) -> WorkingLists {
        // Index lists, appended freely and made sorted and unique once: tens of thousands of small
        // hash sets cost more in hashing than the whole graph walk. What the systems name and what
        // the flows carry are gathered at the same time: the systems as one task, the flows in
        // stretches, taken by the cores as they come free (the flows alone kept one core busy for
        // tens of milliseconds on a city-wide descriptor). A system's lists are then the pieces'
        // lists joined in flow order.
        let flowStretch = max(1, (d.flows.count + flowPieces - 1) / flowPieces)
        // Task 0 gathers from the systems, the others each from a stretch of the flows.
        let pieces = parallelMap(each: 1 + flowPieces) { p -> (systems: Holdings?, flows: FlowHoldings?) in
            if p == 0 { return (systemHoldings(d, index: index, systems: systems), nil) }
            let start = min(d.flows.count, (p - 1) * flowStretch)
            return (nil, flowHoldings(d, index: index, flows: flows, range: start..<min(d.flows.count, start + flowStretch)))
        }
        let own = pieces.lazy.compactMap(\.systems).first ?? Holdings(held: [[Int]](repeating: [], count: d.systems.count))
        let carried = pieces.compactMap(\.flows)
        for a in own.collectedInPublicSpace { assets[a].collectedInPublicSpace = true }
        let collectedBy = own.collectedBy, storedBy = own.storedBy
        let lists = parallelMap(d.systems.count) { si in
            var held = own.held[si], received: [Int] = [], sent: [Int] = [], inbound: [Int] = [], outbound: [Int] = []
            held.reserveCapacity(held.count + carried.reduce(0) { $0 + $1.held.count(of: si) })
            received.reserveCapacity(carried.reduce(0) { $0 + $1.received.count(of: si) })
            sent.reserveCapacity(carried.reduce(0) { $0 + $1.sent.count(of: si) })
            inbound.reserveCapacity(carried.reduce(0) { $0 + $1.inbound.count(of: si) })
            outbound.reserveCapacity(carried.reduce(0) { $0 + $1.outbound.count(of: si) })
            for piece in carried {
                piece.held.append(si, to: &held); piece.received.append(si, to: &received)
                piece.sent.append(si, to: &sent); piece.inbound.append(si, to: &inbound)
                piece.outbound.append(si, to: &outbound)
            }
            held.makeSortedUnique(); received.makeSortedUnique(); sent.makeSortedUnique()
            return (held: held, received: received, sent: sent, inbound: inbound, outbound: outbound)
        }
        // Reach: an asset reaches every system that holds it, and every system holding something
        // derived from it that still carries its personal character.
        var reach = [[Int]](repeating: [], count: d.data.count)
        var halves: [[[Int]]] = []
        if computeReach {
            // The systems are walked in two halves on two cores, and each asset's two lists joined.
            // Each asset's sources are read from one flat list: an inner array per held asset took
            // a reference count on arrays both cores read at once.
            var sourceStarts = [0], flatSources: [Int] = []
            sourceStarts.reserveCapacity(assets.count + 1)
            for asset in assets {
                flatSources += asset.sourceAssets
                sourceStarts.append(flatSources.count)
            }
            let personal = assets.map(\.personal)
            halves = flatSources.withUnsafeBufferPointer { sources in
                sourceStarts.withUnsafeBufferPointer { starts in
                    parallelMap(d.systems.count, stretchesOf: max(1, (d.systems.count + 1) / 2)) { systems in
                        var reached = [[Int]](repeating: [], count: d.data.count)
                        for si in systems {
                            for a in lists[si].held {
                                reached[a].append(si)
                                for k in starts[a]..<starts[a + 1] where !personal[sources[k]] || personal[a] {
                                    reached[sources[k]].append(si)
                                }
                            }
                        }
                        return reached
                    }
                }
            }
            reach = parallelMap(d.data.count, minimumChunk: 256) { a in
                var systems = halves.count == 1 ? halves[0][a] : halves.flatMap { $0[a] }
                systems.makeSortedUnique()
                return systems
            }
        }
        // Each system's and each asset's lists are put in id order apart from the others: on every core.
        let dataOrder = index.dataOrder, systemOrder = index.systemOrder, flowOrder = index.flowOrder
        let gathered = assets, base = systems
        let handles = !skip.contains("handles"), receives = !skip.contains("receives")
        let inbound = !skip.contains("inbound"), outbound = !skip.contains("outbound")
        let collectedByNames = !skip.contains("collected_by"), storedByNames = !skip.contains("stored_by")
        systems = parallelMap(d.systems.count) { si in
            var f = base[si]
            // Read in place: split into five arrays first, the lists were copied on one core.
            let holding = lists[si]
            f.handledAssets = dataOrder.ordered(holding.held)
            if handles { f.handles = f.handledAssets.map { d.data[$0].id } }
            if receives { f.receives = dataOrder.ordered(holding.received).map { d.data[$0].id } }
            f.sentAssets = dataOrder.ordered(holding.sent)
            f.sends = f.sentAssets.map { d.data[$0].id }
            f.personal = holding.held.contains { gathered[$0].personal }
            f.special = holding.held.contains { gathered[$0].special }
            if inbound { f.inbound = flowOrder.ordered(holding.inbound).map { d.flows[$0].id } }
            if outbound { f.outbound = flowOrder.ordered(holding.outbound).map { d.flows[$0].id } }
            return f
        }
        let systemFacts = systems
        assets = parallelMap(d.data.count, minimumChunk: 256) { a in
            var f = gathered[a]
            if collectedByNames { f.collectedBy = systemOrder.ordered(collectedBy[a]).map { d.systems[$0].id } }
            if storedByNames { f.storedBy = systemOrder.ordered(storedBy[a]).map { d.systems[$0].id } }
            guard computeReach else { return f }
            let reached = reach[a]
            f.reaches = systemOrder.ordered(reached).map { d.systems[$0].id }
            var partiesReached = Set<String>()
            var reachedCountries = Set<String>()
            var unknownCountry = false
            for si in reached {
                if let op = d.systems[si].operator_ { partiesReached.insert(op) }
                if let z = systemFacts[si].zone, let zop = d.zones[z].operator_ { partiesReached.insert(zop) }
                if let c = systemFacts[si].country { reachedCountries.insert(c) } else { unknownCountry = true }
            }
            f.reachesParties = partiesReached.sorted()
            f.reachesCountries = reachedCountries.sorted()
            if reachedCountries.contains(where: { !countries.inEEA($0) }) {
                f.leavesEEA = true
            } else {
                f.leavesEEA = unknownCountry ? nil : false
            }
            return f
        }
        return WorkingLists(systemPiece: own, flowPieces: carried, perSystem: lists, reach: reach, halves: halves)
    }

    /// Flows are gathered in this many stretches (with the systems, one more task than that).
    static let flowPieces = 4

    /// Position lists gathered from the systems: what each system holds, which systems collect and
    /// store each asset, and the assets collected in public space.
    struct Holdings {
        var held: [[Int]]
        var collectedBy: [[Int]] = [], storedBy: [[Int]] = [], collectedInPublicSpace: [Int] = []
    }

    /// What a stretch of the flows brings to and takes from each system, in flow order.
    struct FlowHoldings {
        var held, received, sent, inbound, outbound: PositionsBySystem
    }

    /// What each system collects and stores (as asset positions), which systems collect and store
    /// each asset, and the assets collected by a sensing system in public space.
    private static func systemHoldings(_ d: Descriptor, index: DescriptorIndex, systems: [SystemFacts]) -> Holdings {
        var held = [[Int]](repeating: [], count: d.systems.count)
        // Positions, put in id order at the end (`DescriptorIndex`'s orders).
        var collectedBy = [[Int]](repeating: [], count: d.data.count)
        var storedBy = [[Int]](repeating: [], count: d.data.count)
        var publicSpace: [Int] = []
        for si in d.systems.indices {
            let kind = d.systems[si].kind
            let sensing = kind == .sensor || kind == .camera || d.systems[si].sensor != nil
            for a in index.systemCollects[si] {
                held[si].append(a)
                collectedBy[a].append(si)
                if systems[si].publicSpace && (sensing || kind == nil) { publicSpace.append(a) }
            }
            for a in index.systemStores[si] {
                held[si].append(a)
                storedBy[a].append(si)
            }
        }
        return Holdings(held: held, collectedBy: collectedBy, storedBy: storedBy, collectedInPublicSpace: publicSpace)
    }

    /// What the flows in `range` bring to and take from each system: assets held, received and
    /// sent (a sender handles what it sends), and the flows in and out.
    private static func flowHoldings(_ d: Descriptor, index: DescriptorIndex, flows: [FlowFacts], range: Range<Int>) -> FlowHoldings {
        // (system, position) pairs, flat.
        var held: [Int] = [], received: [Int] = [], sent: [Int] = [], inbound: [Int] = [], outbound: [Int] = []
        inbound.reserveCapacity(2 * range.count)
        outbound.reserveCapacity(2 * range.count)
        for fi in range {
            if let a = flows[fi].fromSystem { outbound.append(a); outbound.append(fi) }
            guard let b = flows[fi].toSystem else { continue }
            inbound.append(b); inbound.append(fi)
            for a in index.flowData[fi] {
                held.append(b); held.append(a)
                received.append(b); received.append(a)
                if let from = flows[fi].fromSystem {
                    held.append(from); held.append(a)
                    sent.append(from); sent.append(a)
                }
            }
        }
        let systems = d.systems.count
        return FlowHoldings(held: PositionsBySystem(systemCount: systems, pairs: held),
                            received: PositionsBySystem(systemCount: systems, pairs: received),
                            sent: PositionsBySystem(systemCount: systems, pairs: sent),
                            inbound: PositionsBySystem(systemCount: systems, pairs: inbound),
                            outbound: PositionsBySystem(systemCount: systems, pairs: outbound))
    }

    // MARK: - Parties, purposes, project

    static func partyFacts(_ d: Descriptor, index: DescriptorIndex, systems: [SystemFacts], assets: [AssetFacts],
                           taxonomy: Taxonomy, skip: SkippedFacts = .none, partiesPerStretch: Int? = nil) -> [PartyFacts] {
        var operated = [[Int]](repeating: [], count: d.parties.count)
        var hosted = [[Int]](repeating: [], count: d.parties.count)
        for si in d.systems.indices {
            if let p = systems[si].operatorParty { operated[p].append(si) }
            if let z = systems[si].zone, let hostID = d.zones[z].operator_, let host = index.party[hostID],
               host != systems[si].operatorParty {
                hosted[host].append(si)
            }
        }
        let processesNames = !skip.contains("processes"), hostsNames = !skip.contains("hosts")
        let operatedBy = operated, hostedBy = hosted
        // Parties on every core, each stretch with stamps of its own: each asset is listed once per
        // party by a stamp that names the party that listed it last. A few parties share thousands
        // of systems, so gathering every system's list and sorting the whole cost more than the
        // rest of the party facts, and on one core it kept the other waiting. A small descriptor's
        // parties stay on one core: handing them out would cost more than it saves.
        let stretch = partiesPerStretch ?? (d.systems.count >= 2_048 ? 1 : max(1, d.parties.count))
        return parallelMap(d.parties.count, minimumChunk: stretch, scratch: {
            (processedBy: [Int](repeating: -1, count: d.data.count), storedBy: [Int](repeating: -1, count: d.data.count))
        }) { stamps, p in
            var f = PartyFacts()
            let party = d.parties[p]
            f.inEEA = party.country.map { taxonomy.countries.inEEA($0) }
            f.hqInEEA = party.headquarters.map { taxonomy.countries.inEEA($0) }
            f.external = party.role != .controller
            var processes: [Int] = [], stores: [Int] = []
            for si in operatedBy[p] + hostedBy[p] {
                for a in systems[si].handledAssets where stamps.processedBy[a] != p {
                    stamps.processedBy[a] = p
                    processes.append(a)
                }
            }
            for si in operatedBy[p] {
                for a in index.systemStores[si] where stamps.storedBy[a] != p {
                    stamps.storedBy[a] = p
                    stores.append(a)
                }
            }
            if processesNames {
                f.processes = index.dataOrder.ordered(processes) { stamps.processedBy[$0] == p }.map { d.data[$0].id }
            }
            f.stores = index.dataOrder.ordered(stores) { stamps.storedBy[$0] == p }.map { d.data[$0].id }
            // In id order by the index's ranks: a party operating thousands of systems made sorting
            // their id strings the larger part of its facts.
            f.operates = index.systemOrder.ordered(operatedBy[p]).map { d.systems[$0].id }
            if hostsNames { f.hosts = index.systemOrder.ordered(hostedBy[p]).map { d.systems[$0].id } }
            f.receivesPersonal = processes.contains { assets[$0].personal }
            return f
        }
    }

    static func purposeFacts(_ d: Descriptor, index: DescriptorIndex, flows: [FlowFacts],
                             assets: [AssetFacts], skip: SkippedFacts = .none) -> [PurposeFacts] {
        var result = [PurposeFacts](repeating: PurposeFacts(), count: d.purposes.count)
        var using = [[Int]](repeating: [], count: d.purposes.count)
        for fi in d.flows.indices {
            guard let p = flows[fi].purpose else { continue }
            using[p].append(fi)
            result[p].personal = result[p].personal || flows[fi].personal
            result[p].special = result[p].special || flows[fi].special
            result[p].criminal = result[p].criminal || flows[fi].criminal
            for a in index.flowData[fi] {
                if assets[a].nationalID { result[p].nationalID = true }
                if assets[a].fromPublicSpace { result[p].fromPublicSpace = true }
            }
        }
        guard !skip.contains("flows_using") else { return result }
        for i in result.indices { result[i].flowsUsing = index.flowOrder.ordered(using[i]).map { d.flows[$0].id } }
        return result
    }

    static func projectFacts(_ d: Descriptor, assets: [AssetFacts], systems: [SystemFacts]) -> ProjectFacts {
        var f = ProjectFacts()
        f.personal = assets.contains { $0.personal }
        var sensing = Set<String>()
        for si in d.systems.indices {
            let kind = d.systems[si].kind
            let isSensing = kind == .sensor || kind == .camera || d.systems[si].sensor != nil
            if isSensing && systems[si].publicSpace { f.publicSpaceSensing = true }
            for kind in d.systems[si].sensor?.senses ?? [] { sensing.insert(kind.rawValue) }
        }
        f.sensing = sensing.sorted()
        var missingVolume = false
        var large = false
        for (i, a) in d.data.enumerated() where assets[i].personal {
            if let v = a.volume { if v >= largeScaleThreshold { large = true } } else { missingVolume = true }
        }
        f.largeScale = large ? true : (missingVolume ? nil : false)
        f.externalProcessors = d.parties.filter { $0.role == .processor || $0.role == .subProcessor }.map(\.id).sorted()
        return f
    }
}

/// EEA member states (EU 27 plus Iceland, Liechtenstein and Norway). The taxonomy's country list is
/// the authority for rules; this copy lets the graph analysis run without it.
let EEA: Set<String> = [
    "AT", "BE", "BG", "HR", "CY", "CZ", "DK", "EE", "FI", "FR", "DE", "GR", "HU", "IE", "IT", "LV", "LT", "LU",
    "MT", "NL", "PL", "PT", "RO", "SK", "SI", "ES", "SE", "IS", "LI", "NO",
]

extension AssetFacts {
    mutating func apply(_ flags: Set<CategoryFlag>) {
        if flags.contains(.personal) { personal = true }
        if flags.contains(.special) { special = true }
        if flags.contains(.criminal) { criminal = true }
        if flags.contains(.nationalID) { nationalID = true }
        if flags.contains(.identifier) { identifier = true }
        if flags.contains(.biometric) { biometric = true }
        if flags.contains(.location) { location = true }
    }

    mutating func inherit(from other: AssetFacts) {
        personal = personal || other.personal
        special = special || other.special
        criminal = criminal || other.criminal
        nationalID = nationalID || other.nationalID
        identifier = identifier || other.identifier
        biometric = biometric || other.biometric
        location = location || other.location
    }
}

extension Array where Element == Int {
    /// Sorts and drops repeats in place.
    mutating func makeSortedUnique() {
        guard count > 1 else { return }
        sort()
        var kept = 1
        for i in 1..<count where self[i] != self[kept - 1] {
            self[kept] = self[i]
            kept += 1
        }
        removeLast(count - kept)
    }
}
