import CEL
import Foundation
import SchouwEngine
import SchouwModel
import Testing

@Suite struct FlowAnalysisTests {
    let taxonomy = builtInRules.taxonomy

    func facts(_ yaml: String) -> (Descriptor, GraphFacts)? {
        guard let d = loadDescriptor(yaml) else { return nil }
        return (d, FactBuilder.build(d, taxonomy: taxonomy))
    }

    func asset(_ id: String, _ d: Descriptor, _ f: GraphFacts) -> AssetFacts? {
        d.data.firstIndex { $0.id == id }.map { f.assets[$0] }
    }

    func system(_ id: String, _ d: Descriptor, _ f: GraphFacts) -> SystemFacts? {
        d.systems.firstIndex { $0.id == id }.map { f.systems[$0] }
    }

    /// A chain of `n` systems, each flow carrying the same identifier.
    static func chain(_ n: Int, lastCountry: String = "NL") -> String {
        var y = """
        schouw: 1
        project: {id: keten, name: Keten}
        parties:
          - {id: gemeente, role: controller, country: NL}
          - {id: verre, role: processor, country: \(lastCountry)}
        zones:
          - {id: straat, kind: public-space, trust: untrusted, country: NL}
          - {id: ver, kind: cloud, trust: semi-trusted, country: \(lastCountry), operator: verre}
        data:
          - {id: mac, categories: [personal.device.mac], retention: PT1H}
        systems:

        """
        for i in 0..<n {
            let zone = i == n - 1 ? "ver" : "straat"
            let collects = i == 0 ? ", collects: [mac]" : ""
            y += "  - {id: s\(i), kind: \(i == 0 ? "sensor" : "platform"), zone: \(zone), operator: gemeente\(collects)}\n"
        }
        y += "flows:\n"
        for i in 0..<(n - 1) {
            y += "  - {id: f\(i), from: s\(i), to: s\(i + 1), data: [mac], encryption: tls1.3}\n"
        }
        return y
    }

    /// `purpose.assets`: what the purpose's flows carry, each asset once, in the order the flows
    /// (by id) first carry them, assets of one flow in id order; a shared asset in every purpose.
    @Test func aPurposesAssetsAreEachCarriedAssetOnceInFlowOrder() throws {
        let yaml = """
        schouw: 1
        project: {id: doelen, name: Doelen}
        parties:
          - {id: gemeente, role: controller, country: NL}
        data:
          - {id: x, categories: [personal.device.mac]}
          - {id: y, categories: [environment]}
          - {id: z, categories: [environment]}
        systems:
          - {id: s1, kind: sensor, operator: gemeente}
          - {id: s2, kind: platform, operator: gemeente}
        purposes:
          - {id: doel-a, name: A}
          - {id: doel-b, name: B}
        flows:
          - {id: f2, from: s1, to: s2, data: [z, x], purpose: doel-a}
          - {id: f1, from: s1, to: s2, data: [y, x], purpose: doel-a}
          - {id: f3, from: s1, to: s2, data: [x], purpose: doel-b}
        """
        guard let (d, f) = facts(yaml) else { return }
        let values = DescriptorValues(d, facts: f, countries: taxonomy.countries)
        let assetIDs = values.purposes.map { purpose in
            (purpose.mapValue?.lookup(field: "assets")?.listValue ?? []).map { $0.mapValue?.lookup(field: "id")?.stringValue ?? "?" }
        }
        #expect(assetIDs == [["x", "y", "z"], ["x"]])
    }

    @Test func chainOfAThousandHopsReachesTheEndAndLeavesTheEEA() throws {
        guard let (d, f) = facts(Self.chain(1000, lastCountry: "US")) else { return }
        let mac = try #require(asset("mac", d, f))
        #expect(mac.reaches.count == 1000)
        #expect(mac.reachesCountries == ["NL", "US"])
        #expect(mac.leavesEEA == true)
        #expect(mac.reachesParties == ["gemeente", "verre"])
        #expect(mac.collectedInPublicSpace)
        let last = try #require(system("s999", d, f))
        #expect(last.receives == ["mac"])
        #expect(last.personal)
        let verre = try #require(d.parties.firstIndex { $0.id == "verre" }.map { f.parties[$0] })
        #expect(verre.receivesPersonal, "a party hosting a system that handles personal data receives it")
        #expect(verre.hosts == ["s999"])
    }

    @Test func partiesListTheSystemsTheyOperateAndHostInIDOrder() throws {
        let yaml = """
        schouw: 1
        project: {id: p, name: P}
        parties:
          - {id: gemeente, role: controller, country: NL}
          - {id: hoster, role: processor, country: NL}
        zones:
          - {id: dc, kind: cloud, trust: trusted, country: NL, operator: hoster}
        systems:
          - {id: sys-10, kind: platform, zone: dc, operator: gemeente}
          - {id: sys-02, kind: platform, zone: dc, operator: gemeente}
          - {id: sys-1, kind: database, zone: dc, operator: hoster}
          - {id: 9-kast, kind: platform, zone: dc, operator: gemeente}
          - {id: sys-01, kind: platform, operator: gemeente}
        """
        guard let (d, f) = facts(yaml) else { return }
        let gemeente = try #require(d.parties.firstIndex { $0.id == "gemeente" }.map { f.parties[$0] })
        let hoster = try #require(d.parties.firstIndex { $0.id == "hoster" }.map { f.parties[$0] })
        // Ids compare as strings (`sys-10` before `sys-2`), whatever order they are written in.
        #expect(gemeente.operates == ["9-kast", "sys-01", "sys-02", "sys-10"])
        #expect(hoster.operates == ["sys-1"])
        // A zone's operator hosts the systems in it that another party operates.
        #expect(hoster.hosts == ["9-kast", "sys-02", "sys-10"])
        #expect(gemeente.hosts.isEmpty)
    }

    @Test func cyclesTerminateAndCoverEveryMember() throws {
        let yaml = """
        schouw: 1
        project: {id: p, name: P}
        data:
          - {id: plate, categories: [personal.vehicle.license-plate]}
        systems:
          - {id: a, kind: camera, collects: [plate]}
          - {id: b, kind: platform}
          - {id: c, kind: database}
        flows:
          - {id: ab, from: a, to: b, data: [plate]}
          - {id: bc, from: b, to: c, data: [plate]}
          - {id: ca, from: c, to: a, data: [plate]}
        """
        guard let (d, f) = facts(yaml) else { return }
        let plate = try #require(asset("plate", d, f))
        #expect(plate.reaches == ["a", "b", "c"])
        #expect(plate.identifier)
        #expect(plate.leavesEEA == nil, "countries are unknown, so leaving the EEA is unknown, not false")
        #expect(try #require(system("a", d, f)).inbound == ["ca"])
    }

    /// Lists of ids named as left out are not made; every other fact stays as a full build has it.
    @Test func leftOutListsAreEmptyAndTheRestUnchanged() throws {
        let yaml = Self.chain(4)
        guard let (d, full) = facts(yaml) else { return }
        let lean = FactBuilder.build(d, taxonomy: taxonomy, leavingOut: ["inbound", "handles", "hosts", "flows_using", "stored_by"])
        let middle = try #require(d.systems.indices.first { !full.systems[$0].inbound.isEmpty && !full.systems[$0].handles.isEmpty })
        #expect(lean.systems[middle].inbound.isEmpty && lean.systems[middle].handles.isEmpty)
        #expect(lean.systems[middle].outbound == full.systems[middle].outbound)
        #expect(lean.systems[middle].receives == full.systems[middle].receives)
        #expect(lean.systems[middle].sends == full.systems[middle].sends)
        #expect(lean.assets.map(\.collectedBy) == full.assets.map(\.collectedBy))
        #expect(lean.assets.map(\.reaches) == full.assets.map(\.reaches))
        #expect(lean.parties.map(\.operates) == full.parties.map(\.operates))
    }

    @Test func diamondOfDerivedDataInheritsOnceAndAggregatesStopPersonal() throws {
        let yaml = """
        schouw: 1
        project: {id: p, name: P}
        data:
          - {id: raw, categories: [personal.device.bluetooth]}
          - {id: left, categories: [personal.device.bluetooth], derived-from: [raw], form: pseudonymised}
          - {id: right, categories: [personal.device.bluetooth], derived-from: [raw], form: pseudonymised}
          - {id: joined, categories: [personal.behaviour], derived-from: [left, right], form: pseudonymised}
          - {id: counts, categories: [non-personal.statistics], derived-from: [joined], form: aggregated}
        systems:
          - {id: sensor, kind: sensor, collects: [raw], stores: [left, right]}
          - {id: hub, kind: platform, stores: [joined]}
          - {id: dash, kind: dashboard}
        flows:
          - {id: to-dash, from: hub, to: dash, data: [counts]}
        """
        guard let (d, f) = facts(yaml) else { return }
        let joined = try #require(asset("joined", d, f))
        #expect(joined.sources == ["left", "raw", "right"])
        #expect(joined.personal && joined.identifier, "identifier flag inherited through derived-from")
        let counts = try #require(asset("counts", d, f))
        #expect(!counts.personal, "aggregated statistics do not inherit personal data")
        let raw = try #require(asset("raw", d, f))
        #expect(raw.reaches == ["hub", "sensor"], "personal descendants extend reach; the aggregate does not")
        #expect(try #require(system("dash", d, f)).personal == false)
    }

    @Test func unreachablePartsAreNotReached() throws {
        let yaml = """
        schouw: 1
        project: {id: p, name: P}
        data:
          - {id: mac, categories: [personal.device.mac]}
          - {id: air, categories: [non-personal.environment]}
        systems:
          - {id: sensor, kind: sensor, collects: [mac]}
          - {id: platform, kind: platform}
          - {id: island, kind: database}
          - {id: meter, kind: sensor, collects: [air]}
        flows:
          - {id: f1, from: sensor, to: platform, data: [mac]}
          - {id: f2, from: meter, to: island, data: [air]}
        """
        guard let (d, f) = facts(yaml) else { return }
        #expect(try #require(asset("mac", d, f)).reaches == ["platform", "sensor"])
        #expect(try #require(system("island", d, f)).personal == false)
        #expect(try #require(asset("air", d, f)).personal == false)
    }

    @Test func flowFactsFollowZonesCountriesAndEncryption() throws {
        let yaml = """
        schouw: 1
        project: {id: p, name: P}
        zones:
          - {id: straat, kind: public-space, trust: untrusted, country: NL}
          - {id: cloud, kind: cloud, trust: semi-trusted, country: IE}
        data:
          - {id: mac, categories: [personal.device.mac]}
        systems:
          - {id: sensor, kind: sensor, zone: straat, collects: [mac]}
          - {id: platform, kind: platform, zone: cloud}
          - {id: web, kind: website, zone: cloud}
        flows:
          - {id: f1, from: sensor, to: platform, data: [mac], encryption: tls1.1}
          - {id: f2, from: platform, to: web, protocol: http}
          - {id: f3, from: platform, to: web, encryption: tls1.3}
          - {id: f4, from: platform, to: web, protocol: https}
        """
        guard let (d, f) = facts(yaml) else { return }
        let byID = Dictionary(uniqueKeysWithValues: zip(d.flows.map(\.id), f.flows))
        #expect(byID["f1"]?.crossesBoundary == true)
        #expect(byID["f1"]?.crossesBorder == true)
        #expect(byID["f1"]?.encrypted == false, "TLS 1.1 is to be phased out per NCSC")
        #expect(byID["f1"]?.personal == true)
        #expect(byID["f2"]?.encrypted == false, "plain HTTP")
        #expect(byID["f2"]?.crossesBoundary == false)
        #expect(byID["f3"]?.encrypted == true)
        #expect(byID["f4"]?.encrypted == nil, "HTTPS without a TLS version: strength unknown")
    }
}
