import SchouwEngine
import SchouwModel

/// Builds the descriptor tree from checked Fides manifests.
struct FidesConversion {
    let manifests: FidesManifests
    let categories: FideslangCategories
    let subjects: FideslangSubjects
    let categoryRank: [String: Int]
    let sourceName: String
    var partyIDs = SlugMaker(stem: "party")
    var systemIDs = SlugMaker(stem: "system")
    var dataIDs = SlugMaker(stem: "data")
    var purposeIDs = SlugMaker(stem: "purpose")
    var flowIDs = SlugMaker(stem: "flow")
    var reportedCategories: Set<String> = []
    var reportedSubjects: Set<String> = []

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
    func operatorSource(_ system: FidesManifests.System) -> String? {
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
