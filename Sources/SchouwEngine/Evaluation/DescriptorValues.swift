import SchouwConcurrency
import Foundation
import CEL
import SchouwModel

/// The descriptor as CEL values, with the derived facts folded into each object (Rules/README.md).
///
/// Optional facts the descriptor leaves out are *absent keys*, so a rule that reads them gets CEL's
/// "no such key" and the engine reports `unknown` instead of guessing. Objects are built once per
/// audit and shared: a flow's `to_system` is the same map as the entry in `systems`.
public struct DescriptorValues: Sendable {
    public var project: Value
    public var parties: [Value]
    public var zones: [Value]
    public var data: [Value]
    public var systems: [Value]
    public var flows: [Value]
    public var purposes: [Value]

    /// Derived facts that are long lists on large descriptors (reach of every asset, all data a system
    /// handles): built only when a loaded rule reads them.
    public static let heavyFacts: Set<String> = [
        "reaches", "reaches_parties", "reaches_countries", "handles", "receives", "processes", "sources",
        "all_source_assets", "hosts", "inbound", "outbound", "flows_using", "collected_by", "stored_by", "systems",
        "handled_assets",
    ]

    /// `skip` names heavy facts no rule reads (see `heavyFacts`); they are left out.
    public init(_ d: Descriptor, facts: GraphFacts, countries: CountryLists, skip skippedNames: Set<String> = []) {
        let skip = SkippedFacts(skippedNames)
        let index = facts.index
        // Parties, zones and which assets each purpose carries beside the assets: none needs the others.
        let ((partyValues, zoneList, carriedPositions), assetList) = concurrently({ () -> ([Value], [Value], [[Int]]) in
            // A party carries the party it is a sub-processor for, one level deep (processor chains may loop).
            let baseParties = zip(d.parties, facts.parties).map { Self.party($0, $1, processorFor: nil, skip: skip) }
            let partyIndex = index.party
            let partyValues = zip(d.parties, facts.parties).map { p, f in
                Self.party(p, f, processorFor: p.processorFor.flatMap { partyIndex[$0] }.map { baseParties[$0] }, skip: skip)
            }
            let zones = zip(d.zones, facts.zones).map {
                Self.zone($0, $1, operatorParty: $1.operatorParty.map { partyValues[$0] }, skip: skip)
            }
            return (partyValues, zones, Self.purposeAssets(d, facts: facts))
        }, { Self.assets(d, facts: facts, index: index, skip: skip) })
        parties = partyValues
        zones = zoneList
        data = assetList
        let builtAssets = data
        purposes = zip(d.purposes, facts.purposes).enumerated().map { i, pair in
            Self.purpose(pair.0, pair.1, assets: carriedPositions[i].map { builtAssets[$0] }, skip: skip)
        }
        let zoneValues = zones, assetValues = data
        systems = parallelMap(d.systems.count) { i in
            Self.system(d.systems[i], facts.systems[i], zones: zoneValues, parties: partyValues, assets: assetValues,
                        collects: index.systemCollects[i], stores: index.systemStores[i], countries: countries, skip: skip)
        }
        let systemValues = systems, dataValues = data, purposeValues = purposes
        // Flows are most of a large descriptor's objects: built on every core.
        flows = parallelMap(d.flows.count, scratch: { ShapeMemo() }) { memo, i in
            Self.flow(d.flows[i], facts.flows[i], systems: systemValues, zones: zoneValues, systemFacts: facts.systems,
                      assets: index.flowData[i].map { dataValues[$0] }, purposes: purposeValues, memo: &memo)
        }
        project = Self.project(d, facts: facts.project)
    }

    // MARK: - Objects

    /// `s` and `f` are borrowed from their arrays: a `let` copy of either counted references to each
    /// of its strings and lists, for every system of a city.
    static func system(_ s: System, _ f: SystemFacts, zones: [Value], parties: [Value], assets: [Value],
                       collects: [Int], stores: [Int], countries: CountryLists, skip: SkippedFacts) -> Value {
        func objects(_ positions: [Int]) -> Value { .list(positions.map { assets[$0] }) }
        return system(s, f, zone: f.zone.map { zones[$0] }, operatorParty: f.operatorParty.map { parties[$0] },
                      countries: countries, collected: objects(collects), stored: objects(stores),
                      handled: objects(f.handledAssets),
                      sent: objects(f.sentAssets), skip: skip)
    }

    /// `flow` is borrowed from the descriptor's array, as a system is.
    static func flow(_ flow: Flow, _ f: FlowFacts, systems systemValues: [Value], zones zoneValues: [Value],
                     systemFacts: [SystemFacts], assets: [Value], purposes purposeValues: [Value],
                     memo: inout ShapeMemo) -> Value {
        var o = ObjectFields(type: "schouw.Flow", memo: memo, capacity: 23)
        o["id"] = .string(flow.id)
        o["name"] = flow.name.map(Value.string)
        o["from"] = .string(flow.from)
        o["to"] = .string(flow.to)
        o["data"] = .list(flow.data.map(Value.string))
        o["purpose"] = flow.purpose.map(Value.string)
        o["protocol"] = flow.protocol_.map { .string($0.rawValue) }
        o["encryption"] = flow.encryption.map { .string($0.rawValue) }
        o["authentication"] = flow.authentication.map { .string($0.rawValue) }
        o["network"] = flow.network.map { .string($0.rawValue) }
        o["from_system"] = f.fromSystem.map { systemValues[$0] }
        o["to_system"] = f.toSystem.map { systemValues[$0] }
        o["from_zone"] = f.fromSystem.flatMap { systemFacts[$0].zone }.map { zoneValues[$0] }
        o["to_zone"] = f.toSystem.flatMap { systemFacts[$0].zone }.map { zoneValues[$0] }
        o["crosses_boundary"] = f.crossesBoundary.map(Value.bool)
        o["crosses_border"] = f.crossesBorder.map(Value.bool)
        o["personal"] = .bool(f.personal)
        o["special"] = .bool(f.special)
        o["criminal"] = .bool(f.criminal)
        o["identifier"] = .bool(f.identifier)
        o["encrypted"] = f.encrypted.map(Value.bool)
        o["assets"] = .list(assets)
        o["purpose_info"] = f.purpose.map { purposeValues[$0] }
        return o.value(type: "schouw.Flow", memo: &memo)
    }

    static func project(_ d: Descriptor, facts f: ProjectFacts) -> Value {
        let p = d.project
        var o = ObjectFields(capacity: 19)
        o["id"] = .string(p.id)
        o["name"] = .string(p.name)
        o["description"] = p.description.map(Value.string)
        o["organisation"] = p.organisation.map(Value.string)
        o["public_authority"] = .bool(p.publicAuthority)
        o["phase"] = p.phase.map { .string($0.rawValue) }
        o["bio"] = .string(p.bio.rawValue)
        o["classification"] = p.classification.map { c in
            var x = ObjectFields()
            x["confidentiality"] = c.confidentiality.map { .string($0.rawValue) }
            x["integrity"] = c.integrity.map { .string($0.rawValue) }
            x["availability"] = c.availability.map { .string($0.rawValue) }
            x["bbn"] = c.bbn.map { .int(Int64($0)) }
            return x.value(type: "schouw.Classification")
        }
        o["risk_assessment"] = p.riskAssessment.map { r in
            var x = ObjectFields()
            x["date"] = r.date.map(timestamp)
            x["reference"] = r.reference.map(Value.string)
            return x.value(type: "schouw.RiskAssessment")
        }
        o["dpia"] = p.dpia.map { r in
            var x = ObjectFields()
            x["status"] = r.status.map { .string($0.rawValue) }
            x["date"] = r.date.map(timestamp)
            x["reference"] = r.reference.map(Value.string)
            x["published"] = r.published.map(Value.bool)
            x["residual_risk"] = r.residualRisk.map { .string($0.rawValue) }
            x["prior_consultation"] = r.priorConsultation.map(Value.bool)
            return x.value(type: "schouw.DPIA")
        }
        o["registers"] = p.registers.map { r in
            var x = ObjectFields()
            x["processing"] = r.processing.map { .string($0.rawValue) }
            x["algorithm"] = r.algorithm.map { .string($0.rawValue) }
            x["sensors"] = r.sensors.map { .string($0.rawValue) }
            return x.value(type: "schouw.Registers")
        }
        o["contacts"] = p.contacts.map { c in
            var x = ObjectFields()
            x["ciso"] = c.ciso.map(Value.string)
            x["dpo"] = c.dpo.map(Value.string)
            x["owner"] = c.owner.map(Value.string)
            return x.value(type: "schouw.Contacts")
        }
        o["security_policy"] = p.securityPolicy.map { s in
            var x = ObjectFields()
            x["cvd"] = s.cvd.map(Value.bool)
            x["incident_procedure"] = s.incidentProcedure.map(Value.bool)
            x["crypto_policy"] = s.cryptoPolicy.map(Value.bool)
            x["soa_published"] = s.soaPublished.map(Value.bool)
            return x.value(type: "schouw.SecurityPolicy")
        }
        o["privacy_statement"] = p.privacyStatement.map(Value.bool)
        o["personal"] = .bool(f.personal)
        o["public_space_sensing"] = .bool(f.publicSpaceSensing)
        o["sensing"] = strings(f.sensing)
        o["large_scale"] = f.largeScale.map(Value.bool)
        o["external_processors"] = strings(f.externalProcessors)
        return o.value(type: "schouw.Project")
    }

    /// Assets in derived-from order, so each can carry its sources as objects (`source_assets`).
    static func assets(_ d: Descriptor, facts: GraphFacts, index: DescriptorIndex, skip: SkippedFacts) -> [Value] {
        var built = [Value?](repeating: nil, count: d.data.count)
        var visiting = Set<Int>()
        // Iterative depth-first build: sources first; a cycle (rejected by the loader) just cuts the edge.
        for root in d.data.indices where built[root] == nil {
            var stack: [(Int, Bool)] = [(root, false)]
            while let (i, expanded) = stack.popLast() {
                if built[i] != nil { continue }
                if expanded {
                    let sources = d.data[i].derivedFrom.compactMap { index.data[$0] }.compactMap { built[$0] }
                    let all = skip.contains("all_source_assets") ? []
                        : facts.assets[i].sourceAssets.compactMap { built[$0] }
                    built[i] = asset(d.data[i], facts.assets[i], sources: sources, allSources: all, skip: skip)
                    visiting.remove(i)
                    continue
                }
                visiting.insert(i)
                stack.append((i, true))
                for s in d.data[i].derivedFrom.compactMap({ index.data[$0] }) where built[s] == nil && !visiting.contains(s) {
                    stack.append((s, false))
                }
            }
        }
        return built.map { $0 ?? .null }
    }

    static func zone(_ z: Zone, _ f: ZoneFacts, operatorParty: Value?, skip: SkippedFacts) -> Value {
        var o = ObjectFields(skip: skip)
        o["id"] = .string(z.id)
        o["name"] = z.name.map(Value.string)
        o["kind"] = z.kind.map { .string($0.rawValue) }
        o["trust"] = z.trust.map { .string($0.rawValue) }
        o["operator"] = z.operator_.map(Value.string)
        o["country"] = (z.country ?? f.country).map(Value.string)
        o["parent"] = z.parent.map(Value.string)
        o["public_space"] = .bool(f.publicSpace)
        o.heavy("systems", strings(f.systems))
        o["personal"] = .bool(f.personal)
        o["operator_party"] = operatorParty
        return o.value(type: "schouw.Zone")
    }

    static func party(_ p: Party, _ f: PartyFacts, processorFor: Value?, skip: SkippedFacts) -> Value {
        var o = ObjectFields(skip: skip, capacity: 20)
        o["id"] = .string(p.id)
        o["name"] = p.name.map(Value.string)
        o["role"] = p.role.map { .string($0.rawValue) }
        o["country"] = p.country.map(Value.string)
        o["headquarters"] = p.headquarters.map(Value.string)
        o["processor_for"] = p.processorFor.map(Value.string)
        o["processor_agreement"] = p.processorAgreement.map { a in
            var x = ObjectFields()
            x["signed"] = a.signed.map(timestamp)
            x["template"] = a.template.map(Value.string)
            x["sub_processors_approved"] = a.subProcessorsApproved.map(strings)
            return x.value(type: "schouw.ProcessorAgreement")
        }
        o["joint_arrangement"] = p.jointArrangement.map { a in
            var x = ObjectFields()
            x["signed"] = a.signed.map(timestamp)
            return x.value(type: "schouw.JointArrangement")
        }
        o["certifications"] = p.certifications.map(strings)
        o["contract"] = p.contract.map { c in
            var x = ObjectFields()
            x["terms"] = c.terms.map(Value.string)
            x["exit_plan"] = c.exitPlan.map(Value.bool)
            x["right_to_audit"] = c.rightToAudit.map(Value.bool)
            x["incident_notification"] = c.incidentNotification.map(duration)
            x["vulnerability_notification"] = c.vulnerabilityNotification.map(Value.bool)
            x["data_export"] = c.dataExport.map { .string($0.rawValue) }
            x["continuity"] = c.continuity.map(Value.bool)
            x["archiving"] = c.archiving.map(Value.bool)
            return x.value(type: "schouw.Contract")
        }
        o["transfer"] = p.transfer.map { t in
            var x = ObjectFields()
            x["mechanism"] = t.mechanism.map { .string($0.rawValue) }
            x["tia"] = t.tia.map(Value.bool)
            return x.value(type: "schouw.Transfer")
        }
        o["receives_personal"] = .bool(f.receivesPersonal)
        o["in_eea"] = f.inEEA.map(Value.bool)
        o["hq_in_eea"] = f.hqInEEA.map(Value.bool)
        o.heavy("processes", strings(f.processes))
        o["operates"] = strings(f.operates)
        o.heavy("hosts", strings(f.hosts))
        o["stores"] = strings(f.stores)
        o["processor_for_party"] = processorFor
        o["external"] = .bool(f.external)
        return o.value(type: "schouw.Party")
    }

    static func asset(_ a: DataAsset, _ f: AssetFacts, sources: [Value], allSources: [Value], skip: SkippedFacts) -> Value {
        var o = ObjectFields(skip: skip, capacity: 29)
        o["id"] = .string(a.id)
        o["name"] = a.name.map(Value.string)
        o["description"] = a.description.map(Value.string)
        o["categories"] = strings(a.categories)
        o["subjects"] = strings(a.subjects ?? [])
        o["form"] = a.form.map { .string($0.rawValue) }
        o["pseudonymisation"] = a.pseudonymisation.map { p in
            var x = ObjectFields()
            x["method"] = p.method.map { .string($0.rawValue) }
            x["key_rotation"] = p.keyRotation.map(duration)
            x["per_sensor_key"] = p.perSensorKey.map(Value.bool)
            return x.value(type: "schouw.Pseudonymisation")
        }
        o["retention"] = a.retention.map(duration)
        o["derived_from"] = strings(a.derivedFrom)
        o["volume"] = a.volume.map { .int(Int64($0)) }
        o["personal"] = .bool(f.personal)
        o["special"] = .bool(f.special)
        o["criminal"] = .bool(f.criminal)
        o["national_id"] = .bool(f.nationalID)
        o["identifier"] = .bool(f.identifier)
        o["biometric"] = .bool(f.biometric)
        o["location"] = .bool(f.location)
        o["category_keys"] = strings(f.categoryKeys)
        o.heavy("sources", strings(f.sources))
        o.heavy("collected_by", strings(f.collectedBy))
        o.heavy("stored_by", strings(f.storedBy))
        o["collected_in_public_space"] = .bool(f.collectedInPublicSpace)
        o["from_public_space"] = .bool(f.fromPublicSpace)
        o["source_assets"] = .list(sources)
        o.heavy("all_source_assets", .list(allSources))
        o.heavy("reaches", strings(f.reaches))
        o.heavy("reaches_parties", strings(f.reachesParties))
        o.heavy("reaches_countries", strings(f.reachesCountries))
        o["leaves_eea"] = f.leavesEEA.map(Value.bool)
        return o.value(type: "schouw.Asset")
    }

    /// Per purpose, the positions of the assets its flows carry: each once, in the order the flows
    /// (by id) first carry them. The purpose each flow names is read from the flow facts, where it
    /// was resolved once. Gathered with repeats, then each purpose's list kept to first occurrences
    /// with one mark per asset: a hash set per purpose made this walk over every flow the longest
    /// step on one core while the values were built.
    static func purposeAssets(_ d: Descriptor, facts: GraphFacts) -> [[Int]] {
        let index = facts.index
        var carriedBy = [[Int]](repeating: [], count: d.purposes.count)
        for position in index.flowOrder.sorted {
            guard let p = facts.flows[position].purpose else { continue }
            // Assets in id order (an id that names no asset has no position and is left out).
            let carried = index.flowData[position]
            carriedBy[p] += carried.count > 1 ? index.dataOrder.ordered(carried) : carried
        }
        // `seenBy[a] == p + 1`: asset `a` is in purpose `p`'s list already.
        var seenBy = [Int](repeating: 0, count: d.data.count)
        return carriedBy.enumerated().map { p, assets in
            assets.filter { a in
                guard seenBy[a] != p + 1 else { return false }
                seenBy[a] = p + 1
                return true
            }
        }
    }

    static func purpose(_ p: Purpose, _ f: PurposeFacts, assets: [Value], skip: SkippedFacts) -> Value {
        var o = ObjectFields(skip: skip, capacity: 20)
        o["id"] = .string(p.id)
        o["name"] = p.name.map(Value.string)
        o["description"] = p.description.map(Value.string)
        o["legal_basis"] = p.legalBasis.map { .string($0.rawValue) }
        o["statutory_basis"] = p.statutoryBasis.map(Value.string)
        o["special_category_exception"] = p.specialCategoryException.map(Value.string)
        o["criminal_data_basis"] = p.criminalDataBasis.map(Value.string)
        o["further_processing_of"] = p.furtherProcessingOf.map(Value.string)
        o["compatibility_assessment"] = p.compatibilityAssessment.map(Value.bool)
        o["profiling"] = p.profiling.map(Value.bool)
        o["automated_decisions"] = p.automatedDecisions.map(Value.bool)
        o["human_review"] = p.humanReview.map(Value.bool)
        o["behaviour_influencing"] = p.behaviourInfluencing.map(Value.bool)
        o.heavy("flows_using", strings(f.flowsUsing))
        o["personal"] = .bool(f.personal)
        o["special"] = .bool(f.special)
        o["criminal"] = .bool(f.criminal)
        o["national_id"] = .bool(f.nationalID)
        o["from_public_space"] = .bool(f.fromPublicSpace)
        o["assets"] = .list(assets)
        return o.value(type: "schouw.Purpose")
    }

    static func system(_ s: System, _ f: SystemFacts, zone: Value?, operatorParty: Value?,
                       countries: CountryLists, collected: Value, stored: Value, handled: @autoclosure () -> Value,
                       sent: Value, skip: SkippedFacts) -> Value {
        var o = ObjectFields(skip: skip, capacity: 28)
        o["id"] = .string(s.id)
        o["name"] = s.name.map(Value.string)
        o["description"] = s.description.map(Value.string)
        o["kind"] = s.kind.map { .string($0.rawValue) }
        o["zone"] = s.zone.map(Value.string)
        o["operator"] = s.operator_.map(Value.string)
        o["collects"] = strings(s.collects)
        o["stores"] = strings(s.stores)
        o["sensor"] = s.sensor.map { x in
            var y = ObjectFields()
            y["senses"] = x.senses.map { strings($0.map(\.rawValue)) }
            y["edge_processing"] = x.edgeProcessing.map(Value.bool)
            y["covers_dwellings"] = x.coversDwellings.map(Value.bool)
            y["signage"] = x.signage.map(Value.bool)
            y["registered"] = x.registered.map(Value.bool)
            y["biometric_identification"] = x.biometricIdentification.map(Value.bool)
            return y.value(type: "schouw.Sensor")
        }
        o["security"] = s.security.map(security)
        o["internet_facing"] = s.internetFacing.map(Value.bool)
        o["endpoints"] = .list(s.endpoints.map { e in
            var y = ObjectFields()
            y["url"] = .string(e.url)
            y["hsts"] = e.hsts.map(Value.bool)
            y["tls"] = e.tls.map(strings)
            y["security_txt"] = e.securityTxt.map(Value.bool)
            y["dnssec"] = e.dnssec.map(Value.bool)
            y["certificate"] = e.certificate.map { .string($0.rawValue) }
            y["ipv6"] = e.ipv6.map(Value.bool)
            return y.value(type: "schouw.Endpoint")
        })
        o["standards"] = s.standards.map(strings)
        o.heavy("receives", strings(f.receives))
        o.heavy("handles", strings(f.handles))
        o["sent_assets"] = sent
        o["collected_assets"] = collected
        o["stored_assets"] = stored
        o.heavy("handled_assets", handled())
        o["personal"] = .bool(f.personal)
        o["special"] = .bool(f.special)
        o["country"] = f.country.map(Value.string)
        o["in_eea"] = f.country.map { .bool(countries.inEEA($0)) }
        o["operator_party"] = operatorParty
        o["zone_info"] = zone
        o["public_space"] = .bool(f.publicSpace)
        o.heavy("inbound", strings(f.inbound))
        o.heavy("outbound", strings(f.outbound))
        return o.value(type: "schouw.System")
    }

    static func security(_ x: SecurityInfo) -> Value {
        var y = ObjectFields()
        y["authentication"] = x.authentication.map { .string($0.rawValue) }
        y["admin_mfa"] = x.adminMFA.map(Value.bool)
        y["encryption_at_rest"] = x.encryptionAtRest.map(Value.bool)
        y["logging"] = x.logging.map { l in
            var z = ObjectFields()
            z["enabled"] = l.enabled.map(Value.bool)
            z["retention"] = l.retention.map(duration)
            z["integrity_protected"] = l.integrityProtected.map(Value.bool)
            return z.value(type: "schouw.Logging")
        }
        y["patch_sla"] = x.patchSLA.map(duration)
        y["last_pentest"] = x.lastPentest.map(timestamp)
        y["default_credentials"] = x.defaultCredentials.map { .string($0.rawValue) }
        y["management_interface"] = x.managementInterface.map { .string($0.rawValue) }
        y["backup"] = x.backup.map { b in
            var z = ObjectFields()
            z["rpo"] = b.rpo.map(duration)
            z["tested"] = b.tested.map(timestamp)
            z["offsite"] = b.offsite.map(Value.bool)
            return z.value(type: "schouw.Backup")
        }
        y["access_review"] = x.accessReview.map(duration)
        y["privileged_review"] = x.privilegedReview.map(duration)
        y["supplier_access"] = x.supplierAccess.map { .string($0.rawValue) }
        y["shared_accounts"] = x.sharedAccounts.map(Value.bool)
        return y.value(type: "schouw.Security")
    }

    // MARK: - Scalars

    static func strings(_ xs: [String]) -> Value { .list(xs.map(Value.string)) }

    static func timestamp(_ d: ISODate) -> Value { .timestamp(Timestamp(seconds: d.epochSeconds)) }

    /// Nominal length (a year is 365 days, a month 30), the same reading `duration('P1Y')` gives.
    static func duration(_ d: ISODuration) -> Value {
        let total = d.totalSeconds
        let whole = total.rounded(.down)
        return .duration(CELDuration(seconds: Int64(whole), nanos: Int32(((total - whole) * 1e9).rounded())))
    }
}

/// Collects an object's fields; assigning nil leaves the key out, which is how "unknown" is encoded.
///
/// Objects of one type are built by the same sequence of assignments, so the set of keys present is
/// identified by which assignments gave a value. Objects with the same set share one `ObjectShape`
/// (sorted keys and lookup table) instead of each building and hashing its own.
struct ObjectFields {
    private var keys: [String] = []
    private var values: [Value] = []
    private var assignment = 0
    private var presence: UInt64 = 0
    /// Every key the previous object of this type was assigned, present or not, in order (see
    /// `ShapeMemo`). While the assignments match it, the present keys are known from `presence`
    /// and are not recorded one by one.
    private var pattern: [String]?
    /// Every key assigned so far, present or not, while learning a pattern for a memo.
    private var assigned: [String]?
    /// Heavy facts not to keep (see `DescriptorValues.heavyFacts`); only `heavy` assignments look here.
    var skip: SkippedFacts = .none

    /// `capacity`: room for the assignments the builder makes (it regrows if a builder makes more).
    /// The descriptor's objects make 20 to 30: starting at 16 regrew two arrays for every flow and
    /// system of a city, and the values array of a regrown object kept a third of its room empty.
    init(skip: SkippedFacts = .none, capacity: Int = 16) {
        self.skip = skip
        keys.reserveCapacity(capacity)
        values.reserveCapacity(capacity)
    }

    /// An object of `type` built for `memo`: it follows the pattern the memo learnt from the
    /// previous object of the type, or teaches it one. A city has tens of thousands of flows, and
    /// recording, comparing and freeing each one's keys cost more than its values.
    init(type: String, memo: ShapeMemo, skip: SkippedFacts = .none, capacity: Int) {
        self.skip = skip
        values.reserveCapacity(capacity)
        if let known = memo.pattern(type: type) {
            pattern = known
        } else {
            keys.reserveCapacity(capacity)
            assigned = []
            assigned?.reserveCapacity(capacity)
        }
    }

    subscript(key: String) -> Value? {
        get { presentKeys.firstIndex(of: key).map { values[$0] } }
        set {
            defer { assignment += 1 }
            if let pattern {
                if assignment < pattern.count, pattern[assignment] == key {
                    guard let newValue else { return }
                    presence |= 1 << UInt64(assignment)
                    values.append(newValue)
                    return
                }
                leavePattern()
            }
            assigned?.append(key)
            guard let newValue else { return }
            if assignment < 64 { presence |= 1 << UInt64(assignment) }
            keys.append(key)
            values.append(newValue)
        }
    }

    /// A heavy derived fact: built and kept only when a loaded rule reads it. The value is made
    /// only then: a list of ids per object that no rule reads cost as much to make and free as to
    /// keep, and a city's systems and assets have tens of thousands of them.
    mutating func heavy(_ key: String, _ value: @autoclosure () -> Value?) {
        self[key] = skip.contains(key) ? nil : value()
    }

    /// The keys of the values given so far, in order.
    private var presentKeys: [String] {
        guard let pattern else { return keys }
        return ObjectFields.keys(of: pattern, presence: presence)
    }

    /// This object's assignments differ from the pattern: record its keys from here on.
    private mutating func leavePattern() {
        keys = presentKeys
        pattern = nil
    }

    static func keys(of pattern: [String], presence: UInt64) -> [String] {
        pattern.indices.filter { presence & (1 << UInt64($0)) != 0 }.map { pattern[$0] }
    }

    func value(type: String) -> Value {
        let keys = presentKeys
        let shape = assignment <= 64 ? ShapeCache.shared.shape(type: type, presence: presence, keys: keys)
                                     : ObjectShape(keys: keys)
        return .map(MapValue(shape: shape, values: values, objectType: type))
    }

    /// The same, asking `memo` first: see `ShapeMemo`.
    func value(type: String, memo: inout ShapeMemo) -> Value {
        guard assignment <= 64 else { return value(type: type) }
        if let pattern {
            return .map(MapValue(shape: memo.shape(type: type, presence: presence, pattern: pattern), values: values, objectType: type))
        }
        if let assigned { memo.learn(type: type, pattern: assigned) }
        return .map(MapValue(shape: memo.shape(type: type, presence: presence, keys: keys), values: values, objectType: type))
    }
}

/// Shapes one builder of many objects has already been given (a chunk of a city's flows). Most
/// objects of a type have the same fields; asking the shared cache for each one took its lock on
/// both cores at once.
///
/// It also keeps, per type, the keys the first object was assigned (present or not), so the next
/// objects need not record theirs: an object that follows the same assignments has the same keys
/// wherever its `presence` bits are set.
struct ShapeMemo {
    private var known: [(type: String, presence: UInt64, keys: [String], shape: ObjectShape)] = []
    private var patterns: [(type: String, keys: [String])] = []
    private var followed: [(type: String, presence: UInt64, shape: ObjectShape)] = []

    func pattern(type: String) -> [String]? {
        for entry in patterns where entry.type == type { return entry.keys }
        return nil
    }

    /// Only patterns of at most 64 assignments are kept: `presence` has a bit for each.
    mutating func learn(type: String, pattern: [String]) {
        guard pattern.count <= 64, self.pattern(type: type) == nil else { return }
        patterns.append((type, pattern))
    }

    mutating func shape(type: String, presence: UInt64, keys: [String]) -> ObjectShape {
        for entry in known where entry.presence == presence && entry.type == type && entry.keys == keys { return entry.shape }
        let shape = ShapeCache.shared.shape(type: type, presence: presence, keys: keys)
        // A few field patterns per type are the rule; a descriptor with many keeps only the first.
        if known.count < 16 { known.append((type, presence, keys, shape)) }
        return shape
    }

    /// The shape of an object that followed this memo's pattern for `type`.
    mutating func shape(type: String, presence: UInt64, pattern: [String]) -> ObjectShape {
        for entry in followed where entry.presence == presence && entry.type == type { return entry.shape }
        let shape = ShapeCache.shared.shape(type: type, presence: presence, keys: ObjectFields.keys(of: pattern, presence: presence))
        if followed.count < 16 { followed.append((type, presence, shape)) }
        return shape
    }
}

/// Shapes by object type and the assignments that gave a value. Guarded by a lock: descriptors may be
/// turned into values on several threads at once (tests do).
final class ShapeCache: @unchecked Sendable {
    static let shared = ShapeCache()

    private struct Key: Hashable {
        var type: String
        var presence: UInt64
    }
    private var shapes: [Key: (keys: [String], shape: ObjectShape)] = [:]
    private let lock = NSLock()

    func shape(type: String, presence: UInt64, keys: [String]) -> ObjectShape {
        let key = Key(type: type, presence: presence)
        lock.lock()
        defer { lock.unlock() }
        // The keys are compared as well, so a builder that assigns in a different order is never given
        // a wrong layout, only a shape of its own.
        if let cached = shapes[key], cached.keys == keys { return cached.shape }
        let shape = ObjectShape(keys: keys)
        if shapes[key] == nil { shapes[key] = (keys, shape) }
        return shape
    }
}
