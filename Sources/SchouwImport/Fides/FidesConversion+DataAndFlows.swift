import SchouwEngine
import SchouwModel

// MARK: - Data, systems and flows

extension FidesConversion {
    /// A data asset being built, with what systems and flows need to know about it.
    struct AssetDraft {
        var id: String
        var map: YAMLMap
        var categories: [String]
        /// Set for assets made from a privacy declaration: the system's fides key and the data use.
        var declaredBy: (system: String, use: String?)?
        /// Set for assets made from a dataset.
        var datasetKey: String?
    }

    /// Taxonomy keys for fideslang categories, in taxonomy order, each translation reported once.
    private mutating func translate(_ keys: [(String, YAMLNode)], _ report: inout ImportReport) -> [String] {
        var out: Set<String> = []
        for (fides, _) in keys {
            let match = categories.match(fides)
            if let key = categories.key(for: match) { out.insert(key) }
            guard reportedCategories.insert(fides).inserted else { continue }
            let subject = "category \(fides)"
            switch match {
            case .exact(let key): report.mapped(subject, "taxonomy key \(key)")
            case .ancestor(let key, let via): report.guessed(subject, "not in the taxonomy mapping; taken as \(key) through \(via)")
            case .personalFallback: report.guessed(subject, "unknown user category; taken as personal")
            case .technicalFallback(let key): report.guessed(subject, "unknown system category; taken as \(key)")
            case .unknown: report.missing(subject, "no taxonomy counterpart; left out")
            }
        }
        return out.sorted { (categoryRank[$0] ?? Int.max, $0) < (categoryRank[$1] ?? Int.max, $1) }
    }

    private mutating func translateSubjects(_ keys: [(String, YAMLNode)], _ report: inout ImportReport) -> [String] {
        var out: [String] = []
        for (fides, _) in keys {
            let key = subjects.key(fides)
            if let key, !out.contains(key) { out.append(key) }
            guard reportedSubjects.insert(fides).inserted else { continue }
            if let key { report.mapped("subject \(fides)", "subject \(key)") }
            else { report.missing("subject \(fides)", "no schouw subject corresponds; left out") }
        }
        return out
    }

    mutating func dataAssets(_ report: inout ImportReport) -> [AssetDraft] {
        var drafts: [AssetDraft] = []
        for dataset in manifests.datasets {
            let id = dataIDs.id(for: "dataset:" + dataset.key, named: dataset.key)
            var map = YAMLMap()
            map.set("id", id)
            map.set("name", dataset.name ?? dataset.key)
            map.set("description", dataset.description)
            let keys = translate(dataset.categories, &report)
            if !keys.isEmpty { map.set("categories", .list(keys.map(YAMLValue.string))) }
            // Subjects: the dataset's own, and those of declarations that use it.
            var subjectKeys = dataset.subjects
            for system in manifests.systems {
                let systemRefs = system.datasetReferences.map(\.0)
                for declaration in system.declarations
                where systemRefs.contains(dataset.key) || declaration.datasetReferences.contains(where: { $0.0 == dataset.key }) {
                    subjectKeys += declaration.subjects
                }
            }
            let subjectList = translateSubjects(subjectKeys, &report)
            if !subjectList.isEmpty { map.set("subjects", .list(subjectList.map(YAMLValue.string))) }
            map.todo("form and retention: Fides does not record how identifiable the data is or a retention period schouw can read")
            report.mapped("data \(id)", "from dataset `\(dataset.key)` (\(keys.count) categor\(keys.count == 1 ? "y" : "ies"))")
            report.missing("data \(id)", "form and retention")
            drafts.append(AssetDraft(id: id, map: map, categories: keys, declaredBy: nil, datasetKey: dataset.key))
        }
        for system in manifests.systems {
            for (index, declaration) in system.declarations.enumerated() where !declaration.categories.isEmpty {
                let id = dataIDs.id(for: "declaration:\(system.key):\(index)",
                                    named: "\(system.key) \(declaration.dataUse ?? "data")")
                var map = YAMLMap()
                map.set("id", id)
                map.set("name", declaration.name ?? "\(system.name ?? system.key): \(declaration.dataUse ?? "data")")
                map.set("description", "Data of the privacy declaration of system \(system.key) for data use \(declaration.dataUse ?? "-")")
                let keys = translate(declaration.categories, &report)
                if !keys.isEmpty { map.set("categories", .list(keys.map(YAMLValue.string))) }
                let subjectList = translateSubjects(declaration.subjects, &report)
                if !subjectList.isEmpty { map.set("subjects", .list(subjectList.map(YAMLValue.string))) }
                var retentionKnown = false
                if let text = declaration.retention {
                    if let duration = FidesMappings.retention(text) {
                        map.set("retention", .string(duration))
                        report.mapped("data \(id)", "retention \(duration) from retention_period `\(text)`")
                        retentionKnown = true
                    } else {
                        report.missing("data \(id)", "retention: `\(text)` is not a duration")
                    }
                }
                map.todo(retentionKnown ? "form: how identifiable the data is (identified|pseudonymised|aggregated|anonymous)"
                                        : "form and retention (an ISO 8601 duration such as P30D): Fides does not record them")
                report.mapped("data \(id)", "from a privacy declaration of system `\(system.key)`")
                report.missing("data \(id)", retentionKnown ? "form" : "form and retention")
                drafts.append(AssetDraft(id: id, map: map, categories: keys, declaredBy: (system.key, declaration.dataUse), datasetKey: nil))
            }
        }
        return drafts
    }

    /// Ids of the data a system holds: the datasets it refers to or writes, and its declarations' data.
    private func heldData(_ system: FidesManifests.System, assets: [AssetDraft]) -> [String] {
        var datasetKeys = system.datasetReferences.map(\.0)
        for declaration in system.declarations { datasetKeys += declaration.datasetReferences.map(\.0) }
        datasetKeys += (system.egress + system.ingress).filter { $0.type == "dataset" }.map(\.key)
        var ids: [String] = []
        for asset in assets {
            if let key = asset.datasetKey, datasetKeys.contains(key) { ids.append(asset.id) }
            if let declared = asset.declaredBy, declared.system == system.key { ids.append(asset.id) }
        }
        return ids
    }

    func systems(assets: [AssetDraft], _ report: inout ImportReport) -> [YAMLValue] {
        manifests.systems.compactMap { system -> YAMLValue? in
            guard let id = systemIDs.existing(system.key) else { return nil }
            let subject = "system \(id)"
            report.mapped(subject, "from system `\(system.key)`")
            var map = YAMLMap()
            map.set("id", id)
            map.set("name", system.name ?? system.key)
            map.set("description", system.description)
            let kind = FidesMappings.systemKind(system.systemType)
            map.set("kind", .string(kind.kind))
            let kindText = "kind \(kind.kind) from system_type `\(system.systemType ?? "none")`"
            if kind.exact { report.mapped(subject, kindText) } else { report.guessed(subject, kindText) }
            if let source = operatorSource(system), let party = partyIDs.existing(source) {
                map.set("operator", .string(party))
                report.mapped(subject, "operator \(party)")
            } else {
                map.todo("operator: the party operating this system")
                report.missing(subject, "operator")
            }
            let held = heldData(system, assets: assets)
            if !held.isEmpty {
                map.set("stores", .list(held.map(YAMLValue.string)))
                report.guessed(subject, "stores the datasets it refers to and the data of its privacy declarations")
            }
            map.todo("zone, internet-facing, endpoints and security: Fides does not record them")
            report.missing(subject, "zone, internet-facing and security")
            return .map(map)
        }
    }

    mutating func flows(assets: [AssetDraft], _ report: inout ImportReport) -> [YAMLValue] {
        struct Edge { var from: FidesManifests.System; var to: FidesManifests.System; var categories: [(String, YAMLNode)] }
        var edges: [Edge] = []
        let byKey = Dictionary(manifests.systems.map { ($0.key, $0) }, uniquingKeysWith: { first, _ in first })
        var userFlows = 0
        for system in manifests.systems {
            for flow in system.egress {
                if flow.type == "user" { userFlows += 1; continue }
                guard flow.type == "system", let target = byKey[flow.key] else { continue }
                add(&edges, Edge(from: system, to: target, categories: flow.categories))
            }
            for flow in system.ingress {
                if flow.type == "user" { userFlows += 1; continue }
                guard flow.type == "system", let source = byKey[flow.key] else { continue }
                add(&edges, Edge(from: source, to: system, categories: flow.categories))
            }
        }
        func add(_ edges: inout [Edge], _ edge: Edge) {
            if let i = edges.firstIndex(where: { $0.from.key == edge.from.key && $0.to.key == edge.to.key }) {
                edges[i].categories += edge.categories
            } else {
                edges.append(edge)
            }
        }
        if userFlows > 0 {
            report.dropped("flows", "\(userFlows) ingress/egress entr\(userFlows == 1 ? "y" : "ies") with users: a descriptor flow runs between systems")
        }
        var out: [YAMLValue] = []
        for edge in edges {
            guard let from = systemIDs.existing(edge.from.key), let to = systemIDs.existing(edge.to.key) else { continue }
            let id = flowIDs.id(for: "\(edge.from.key) \(edge.to.key)", named: "\(from) to \(to)")
            let subject = "flow \(id)"
            report.mapped(subject, "from egress/ingress between `\(edge.from.key)` and `\(edge.to.key)`")
            var map = YAMLMap()
            map.set("id", id)
            map.set("from", .string(from))
            map.set("to", .string(to))
            let held = Set(heldData(edge.from, assets: assets))
            var carried = assets.filter { held.contains($0.id) }
            if !edge.categories.isEmpty {
                let wanted = translate(edge.categories, &report)
                carried = carried.filter { asset in
                    asset.categories.contains { have in wanted.contains { Taxonomy.key(have, isWithin: $0) || Taxonomy.key($0, isWithin: have) } }
                }
                report.mapped(subject, "data: the sender's data with the categories of the flow")
            } else if !carried.isEmpty {
                report.guessed(subject, "data: everything the sending system holds (the flow names no categories)")
            }
            if !carried.isEmpty { map.set("data", .list(carried.map { .string($0.id) })) }
            // Purpose: a declaration naming this flow, else the sender's only data use.
            let named = edge.from.declarations.filter { $0.egress.contains(edge.to.key) }.compactMap(\.dataUse)
                + edge.to.declarations.filter { $0.ingress.contains(edge.from.key) }.compactMap(\.dataUse)
            let senderUses = Array(Set(edge.from.declarations.compactMap(\.dataUse))).sorted()
            if let use = named.first, let purpose = purposeIDs.existing(use) {
                map.set("purpose", .string(purpose))
                report.mapped(subject, "purpose \(purpose) from the privacy declaration naming this flow")
            } else if senderUses.count == 1, let purpose = purposeIDs.existing(senderUses[0]) {
                map.set("purpose", .string(purpose))
                report.guessed(subject, "purpose \(purpose): the sending system's only data use")
            } else {
                map.todo("purpose: the id of the purpose this flow serves")
                report.missing(subject, "purpose")
            }
            map.todo("protocol, encryption, authentication and network: Fides does not record them")
            report.missing(subject, "protocol, encryption, authentication and network")
            out.append(.map(map))
        }
        return out
    }
}
