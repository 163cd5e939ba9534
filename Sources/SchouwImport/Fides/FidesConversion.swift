import SchouwEngine
import SchouwModel

/// Builds the descriptor tree from checked Fides manifests.
struct FidesConversion {
    let manifests: FidesManifests
    let categories: FideslangCategories
    let subjects: FideslangSubjects
    let categoryRank: [String: Int]
    let sourceName: String
    private var partyIDs = SlugMaker(stem: "party")
    private var systemIDs = SlugMaker(stem: "system")
    private var dataIDs = SlugMaker(stem: "data")
    private var purposeIDs = SlugMaker(stem: "purpose")
    private var flowIDs = SlugMaker(stem: "flow")
    private var reportedCategories: Set<String> = []
    private var reportedSubjects: Set<String> = []

    init(manifests: FidesManifests, taxonomy: Taxonomy, sourceName: String) {
        self.manifests = manifests
        categories = FideslangCategories(taxonomy: taxonomy)
        subjects = FideslangSubjects(taxonomy: taxonomy)
        var rank: [String: Int] = [:]
        for (i, key) in taxonomy.categoryOrder.enumerated() { rank[key] = i }
        categoryRank = rank
        self.sourceName = sourceName
    }

    private var organization: FidesManifests.Organization? { manifests.organizations.first }

    /// Organizations as parties: those defined, then those systems name in `organization_fides_key`
    /// without a definition in the manifests read (named by their key).
    private var organizationParties: [(source: String, key: String, name: String)] {
        var out = manifests.organizations.map { ("organization:" + $0.key, $0.key, $0.name ?? $0.key) }
        for system in manifests.systems {
            if let key = system.organizationKey, !out.contains(where: { $0.1 == key }) {
                out.append(("organization:" + key, key, key))
            }
        }
        return out
    }

    /// The organization whose data map this is: the first defined, else the first named by a system.
    private var mainOrganizationSource: String? { organizationParties.first?.source }

    /// The party operating a system: its vendor (`legal_name`) when that is another business, else the
    /// organization it belongs to (`organization_fides_key`), else the main organization.
    private func operatorSource(_ system: FidesManifests.System) -> String? {
        if let legal = system.legalName, legal != organization?.name { return "vendor:" + legal }
        if let key = system.organizationKey { return "organization:" + key }
        return mainOrganizationSource
    }

    mutating func build(report: inout ImportReport) -> YAMLMap {
        for org in organizationParties { _ = partyIDs.id(for: org.source, named: org.key) }
        for system in manifests.systems {
            if let legal = system.legalName, legal != organization?.name { _ = partyIDs.id(for: "vendor:" + legal, named: legal) }
        }
        for system in manifests.systems { _ = systemIDs.id(for: system.key) }

        var root = YAMLMap()
        root.set("schouw", .int(1))
        root.set("project", .map(project(&report)))
        root.set("purposes", .list(purposes(&report)))
        root.set("parties", .list(parties(&report)))
        root.set("zones", .list([]), comments: [
            YAMLWriter.todoPrefix + "zones: Fides does not record networks or trust boundaries. Add the zones",
            "(kind, trust, operator, country) and set the `zone` of each system.",
        ])
        report.missing("zones", "Fides has no zones or trust boundaries")
        let assets = dataAssets(&report)
        root.set("data", .list(assets.map { .map($0.map) }))
        root.set("systems", .list(systems(assets: assets, &report)))
        root.set("flows", .list(flows(assets: assets, &report)))
        for section in manifests.dropped {
            let what = section.section == "policy" ? "privacy policies are checked by schouw's own rules"
                : section.section == "data_use" ? "custom data uses give purpose names only"
                : "the descriptor has no place for them"
            report.dropped(section.section, "\(section.count) resource\(section.count == 1 ? "" : "s") not imported: \(what)")
        }
        return root
    }

    // MARK: - Project

    private func project(_ report: inout ImportReport) -> YAMLMap {
        var project = YAMLMap()
        if let org = organization {
            project.set("id", SlugMaker.slug(org.key).isEmpty ? "fides-organization" : SlugMaker.slug(org.key))
            project.set("name", org.name ?? org.key)
            project.set("description", org.description)
            project.set("organisation", org.name ?? org.key)
            report.mapped("project", "id, name and organisation from organization `\(org.key)`")
            if let dpo = org.dpo {
                project.set("contacts", .map(YAMLMap([YAMLEntry("dpo", .string(dpo))])))
                report.mapped("project", "contacts.dpo from the data protection officer")
            }
            if manifests.organizations.count > 1 {
                report.guessed("project", "several organizations: the first, `\(org.key)`, is the project's controller")
            }
        } else {
            let slug = SlugMaker.slug(sourceName)
            project.set("id", slug.isEmpty ? "fides-import" : slug)
            project.set("name", "Imported Fides manifests \(sourceName)")
            project.todo("organisation: the controller (verwerkingsverantwoordelijke); the manifests hold no organization")
            report.missing("project", "organisation: no organization resource")
        }
        project.todo("phase, classification, dpia, registers and risk-assessment: Fides does not record them")
        report.missing("project", "phase, classification, dpia, registers and risk-assessment")
        return project
    }

    // MARK: - Purposes

    private mutating func purposes(_ report: inout ImportReport) -> [YAMLValue] {
        struct Draft { var map: YAMLMap; var legalBasis: String?; var subject: String; var profiling: Bool; var special: Bool; var hasException: Bool }
        var drafts: [(use: String, draft: Draft)] = []
        for system in manifests.systems {
            for declaration in system.declarations {
                guard let use = declaration.dataUse else {
                    report.missing("system \(systemIDs.existing(system.key) ?? system.key)",
                                   "privacy declaration `\(declaration.name ?? "?")` has no data_use, so no purpose")
                    continue
                }
                let basis = declaration.legalBasis.flatMap { FidesMappings.legalBasis($0.0) }
                if let (text, _) = declaration.legalBasis, basis == nil {
                    report.missing("purpose for \(use)", "legal basis `\(text)` is not a GDPR art. 6 basis schouw knows")
                }
                let exception = declaration.specialCategoryBasis.flatMap { FidesMappings.specialCategoryException($0.0) }
                if let index = drafts.firstIndex(where: { $0.use == use }) {
                    var draft = drafts[index].draft
                    if let basis, let existing = draft.legalBasis, existing != basis {
                        report.guessed(draft.subject, "declarations give different legal bases (\(existing), \(basis)); kept \(existing)")
                    } else if let basis, draft.legalBasis == nil {
                        draft.legalBasis = basis
                    }
                    draft.profiling = draft.profiling || system.usesProfiling == true
                    draft.special = draft.special || declaration.processesSpecialCategories
                    if let exception, !draft.hasException {
                        draft.map.set("special-category-exception", .string(exception)); draft.hasException = true
                    }
                    drafts[index].draft = draft
                    continue
                }
                let id = purposeIDs.id(for: use)
                var map = YAMLMap()
                map.set("id", id)
                map.set("name", manifests.dataUseNames[use] ?? declaration.name ?? use)
                map.set("description", "Fides data use \(use)")
                var draft = Draft(map: map, legalBasis: basis, subject: "purpose \(id)", profiling: system.usesProfiling == true,
                                  special: declaration.processesSpecialCategories, hasException: false)
                if let exception { draft.map.set("special-category-exception", .string(exception)); draft.hasException = true }
                drafts.append((use, draft))
                report.mapped(draft.subject, "from data use `\(use)`")
            }
        }
        return drafts.map { _, draft in
            var map = draft.map
            // Keep the schema's key order: legal-basis right after the description.
            if let basis = draft.legalBasis {
                map.entries.insert(YAMLEntry("legal-basis", .string(basis)), at: min(3, map.entries.count))
                report.mapped(draft.subject, "legal-basis \(basis) from legal_basis_for_processing")
            } else {
                map.todo("legal-basis (consent|contract|legal-obligation|vital-interests|public-task|legitimate-interests): the declarations give none")
                report.missing(draft.subject, "legal-basis")
            }
            if draft.legalBasis == "public-task" || draft.legalBasis == "legal-obligation" {
                map.todo("statutory-basis: the statutory provision, e.g. Gemeentewet art. 172")
                report.missing(draft.subject, "statutory-basis")
            }
            if draft.special && !draft.hasException {
                map.todo("special-category-exception: the declaration processes special categories without a stated basis")
                report.missing(draft.subject, "special-category-exception")
            }
            if draft.profiling {
                map.set("profiling", .bool(true))
                report.mapped(draft.subject, "profiling from uses_profiling of a system")
            }
            return .map(map)
        }
    }

    // MARK: - Parties

    private func parties(_ report: inout ImportReport) -> [YAMLValue] {
        var sources: [(source: String, name: String)] = organizationParties.map { ($0.source, $0.name) }
        for system in manifests.systems {
            if let legal = system.legalName, legal != organization?.name, !sources.contains(where: { $0.source == "vendor:" + legal }) {
                sources.append(("vendor:" + legal, legal))
            }
        }
        return sources.compactMap { source, name -> YAMLValue? in
            guard let id = partyIDs.existing(source) else { return nil }
            let subject = "party \(id)"
            let defined = manifests.organizations.contains { "organization:" + $0.key == source }
            report.mapped(subject, source.hasPrefix("vendor:") ? "from legal_name `\(name)` of a system"
                          : defined ? "from organization `\(name)`" : "from organization_fides_key `\(name)` of systems (not defined in the manifests)")
            let operated = manifests.systems.filter { operatorSource($0) == source }
            var party = YAMLMap()
            party.set("id", id)
            party.set("name", name)
            let roles = operated.flatMap { $0.responsibility.compactMap { FidesMappings.role($0.0) } }
            let joint = operated.contains { $0.jointControllerInfo != nil }
            var role: String?
            if roles.contains("controller") {
                role = joint ? "joint-controller" : "controller"
            } else if let first = roles.first {
                role = first
            } else if source == mainOrganizationSource {
                role = "controller"
            }
            if let role {
                party.set("role", .string(role))
                if roles.isEmpty { report.guessed(subject, "role \(role): the Fides organization is the controller of its data map") }
                else { report.mapped(subject, "role \(role) from responsibility") }
            } else {
                party.todo("role (controller|joint-controller|processor|sub-processor|recipient|third-party): no responsibility given")
                report.missing(subject, "role")
            }
            if joint { report.missing(subject, "joint-arrangement: joint_controller_info is free text") }
            party.todo("country and headquarters: Fides does not record where a party processes")
            report.missing(subject, "country and headquarters")
            let transferring = operated.filter { $0.internationalTransfers == true || !$0.thirdCountries.isEmpty }
            if !transferring.isEmpty {
                let bases = transferring.flatMap { $0.transferBases.map(\.0) }
                if let mechanism = bases.lazy.compactMap(FidesMappings.transferMechanism).first {
                    party.set("transfer", .map(YAMLMap([YAMLEntry("mechanism", .string(mechanism))])))
                    report.mapped(subject, "transfer mechanism \(mechanism) from legal_basis_for_transfers")
                } else {
                    party.todo("transfer: the system transfers data internationally; add {mechanism: adequacy|dpf|scc|bcr|derogation|none, tia: true|false}")
                    report.missing(subject, "transfer mechanism for international transfers")
                }
                let countries = Set(transferring.flatMap(\.thirdCountries)).sorted()
                if !countries.isEmpty {
                    report.dropped(subject, "third-country transfers to \(countries.joined(separator: ", ")): set the countries of the receiving parties")
                }
            }
            return .map(party)
        }
    }
}

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

    fileprivate mutating func dataAssets(_ report: inout ImportReport) -> [AssetDraft] {
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

    fileprivate func systems(assets: [AssetDraft], _ report: inout ImportReport) -> [YAMLValue] {
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

    fileprivate mutating func flows(assets: [AssetDraft], _ report: inout ImportReport) -> [YAMLValue] {
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
