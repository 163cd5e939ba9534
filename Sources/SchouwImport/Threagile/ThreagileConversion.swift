/// Builds the descriptor tree from a checked `ThreagileModel`.
struct ThreagileConversion {
    let model: ThreagileModel
    private var dataIDs = SlugMaker(stem: "data")
    private var systemIDs = SlugMaker(stem: "system")
    private var zoneIDs = SlugMaker(stem: "zone")
    private var partyIDs = SlugMaker(stem: "party")
    private var flowIDs = SlugMaker(stem: "flow")

    init(model: ThreagileModel) { self.model = model }

    mutating func build(report: inout ImportReport) -> YAMLMap {
        // Ids first, in source order, so references resolve whatever the section order.
        for asset in model.dataAssets { _ = dataIDs.id(for: asset.id) }
        for asset in model.technicalAssets { _ = systemIDs.id(for: asset.id) }
        for boundary in model.trustBoundaries { _ = zoneIDs.id(for: boundary.id) }
        for asset in model.technicalAssets { if let owner = asset.owner { _ = partyIDs.id(for: owner) } }

        var root = YAMLMap()
        root.set("schouw", .int(1))
        root.set("project", .map(project(&report)))
        root.set("purposes", .list([]), comments: [
            YAMLWriter.todoPrefix + "purposes: Threagile does not record why data is processed. Add each purpose",
            "with its legal-basis (consent|contract|legal-obligation|vital-interests|public-task|legitimate-interests),",
            "a statutory-basis for public-task or legal-obligation, and name it in the `purpose` of each flow.",
        ])
        report.missing("purposes", "Threagile has no purposes or legal bases")
        root.set("parties", .list(parties(&report)))
        root.set("zones", .list(zones(&report)))
        root.set("data", .list(data(&report)))
        root.set("systems", .list(systems(&report)))
        root.set("flows", .list(flows(&report)))
        for section in model.droppedSections {
            report.dropped(section.key, "\(section.count) entr\(section.count == 1 ? "y" : "ies") not imported: the descriptor has no place for them")
        }
        return root
    }

    // MARK: - Project

    private func project(_ report: inout ImportReport) -> YAMLMap {
        var project = YAMLMap()
        let title = model.title ?? "Imported Threagile model"
        project.set("id", SlugMaker.slug(title).isEmpty ? "threagile-model" : SlugMaker.slug(title))
        project.set("name", title)
        project.set("description", model.description)
        report.mapped("project", "id and name from the model title")
        var classification = YAMLMap()
        for (key, ratings, translate) in [
            ("confidentiality", model.dataAssets.compactMap(\.confidentiality), ThreagileMappings.confidentiality),
            ("integrity", model.dataAssets.compactMap(\.integrity), ThreagileMappings.criticality),
            ("availability", model.dataAssets.compactMap(\.availability), ThreagileMappings.criticality),
        ] as [(String, [String], (String) -> String?)] {
            let levels = ratings.compactMap(translate)
            if let highest = levels.max(by: { ThreagileMappings.levelRank($0) < ThreagileMappings.levelRank($1) }) {
                classification.set(key, .string(highest))
            }
        }
        if !classification.isEmpty {
            project.set("classification", .map(classification))
            report.mapped("project", "classification: the highest CIA rating of the data assets")
        }
        if let author = model.author {
            project.set("contacts", .map(YAMLMap([YAMLEntry("owner", .string(author))])))
            report.guessed("project", "contacts.owner from the model author `\(author)`")
        }
        project.todo("organisation: the controller (verwerkingsverantwoordelijke), e.g. Gemeente Voorbeeld")
        project.todo("phase, dpia, registers and risk-assessment: Threagile does not record them")
        report.missing("project", "organisation, phase, dpia, registers and risk-assessment")
        return project
    }

    // MARK: - Parties

    private func parties(_ report: inout ImportReport) -> [YAMLValue] {
        var seen: Set<String> = []
        var out: [YAMLValue] = []
        for asset in model.technicalAssets {
            guard let owner = asset.owner, !seen.contains(owner), let id = partyIDs.existing(owner) else { continue }
            seen.insert(owner)
            var party = YAMLMap()
            party.set("id", id)
            party.set("name", owner)
            party.todo("role (controller|joint-controller|processor|sub-processor|recipient|third-party) and country: Threagile only names the owner")
            out.append(.map(party))
            report.mapped("party \(id)", "from the owner `\(owner)` of technical assets")
            report.missing("party \(id)", "role, country, headquarters and agreements")
        }
        return out
    }

    // MARK: - Zones

    private func zones(_ report: inout ImportReport) -> [YAMLValue] {
        let parents = zoneParents(&report)
        var out: [YAMLValue] = []
        for boundary in model.trustBoundaries {
            guard let id = zoneIDs.existing(boundary.id) else { continue }
            var zone = YAMLMap()
            zone.set("id", id)
            zone.set("name", boundary.title)
            zone.set("description", boundary.description)
            let choice = zoneChoice(boundary.id, parents: parents)
            if let kind = choice.kind { zone.set("kind", .string(kind)) }
            if let trust = choice.trust { zone.set("trust", .string(trust)) }
            if let parent = parents[boundary.id], let parentID = zoneIDs.existing(parent) {
                zone.set("parent", .string(parentID))
            }
            if choice.kind == nil {
                zone.todo("kind and trust: the trust boundary type `\(boundary.type ?? "none")` does not say which")
                report.missing("zone \(id)", "kind and trust for boundary type `\(boundary.type ?? "none")`")
            }
            zone.todo("operator and country: Threagile does not record them")
            out.append(.map(zone))
            report.mapped("zone \(id)", "from trust boundary `\(boundary.title)`")
            if choice.kind != nil {
                let text = "kind \(choice.kind ?? "") and trust \(choice.trust ?? "") from type `\(boundary.type ?? "none")`"
                if choice.exact { report.mapped("zone \(id)", text) } else { report.guessed("zone \(id)", text) }
            }
            report.missing("zone \(id)", "operator and country")
        }
        return out
    }

    /// Parent boundary of each nested boundary; a second parent or a cycle is dropped and reported.
    private func zoneParents(_ report: inout ImportReport) -> [String: String] {
        var parents: [String: String] = [:]
        for boundary in model.trustBoundaries {
            for child in boundary.nested {
                if let existing = parents[child.id] {
                    report.dropped("zone \(zoneIDs.existing(child.id) ?? child.id)",
                                   "also nested in `\(boundary.id)`; kept the first parent `\(existing)`")
                    continue
                }
                // Refuse an edge that would close a cycle.
                var cursor: String? = boundary.id
                var steps = 0
                var cycle = false
                while let c = cursor, steps <= model.trustBoundaries.count {
                    if c == child.id { cycle = true; break }
                    cursor = parents[c]; steps += 1
                }
                if cycle {
                    report.dropped("zone \(zoneIDs.existing(child.id) ?? child.id)", "nesting in `\(boundary.id)` would form a cycle")
                    continue
                }
                parents[child.id] = boundary.id
            }
        }
        return parents
    }

    /// Kind and trust of a boundary; types without their own (execution environments) take the parent's.
    private func zoneChoice(_ id: String, parents: [String: String]) -> ThreagileMappings.ZoneChoice {
        var cursor: String? = id
        var steps = 0
        while let c = cursor, steps <= model.trustBoundaries.count {
            let type = model.trustBoundaries.first { $0.id == c }?.type
            let choice = ThreagileMappings.zone(type)
            if choice.kind != nil { return ThreagileMappings.ZoneChoice(kind: choice.kind, trust: choice.trust, exact: choice.exact && c == id) }
            cursor = parents[c]; steps += 1
        }
        return ThreagileMappings.ZoneChoice(kind: nil, trust: nil, exact: false)
    }

    // MARK: - Data

    private func data(_ report: inout ImportReport) -> [YAMLValue] {
        model.dataAssets.compactMap { asset -> YAMLValue? in
            guard let id = dataIDs.existing(asset.id) else { return nil }
            var data = YAMLMap()
            data.set("id", id)
            data.set("name", asset.title)
            data.set("description", asset.description)
            data.todo("categories (taxonomy keys such as personal.contact or non-personal.technical), subjects, form and retention: Threagile does not record them")
            report.mapped("data \(id)", "from data asset `\(asset.title)`")
            report.missing("data \(id)", "categories, subjects, form and retention")
            return .map(data)
        }
    }

    // MARK: - Systems

    /// The innermost boundary holding each technical asset.
    private func zoneOfAsset(_ report: inout ImportReport) -> [String: String] {
        var holders: [String: [String]] = [:]
        for boundary in model.trustBoundaries {
            for asset in boundary.inside where holders[asset]?.contains(boundary.id) != true {
                holders[asset, default: []].append(boundary.id)
            }
        }
        var parentOf: [String: String] = [:]
        for boundary in model.trustBoundaries {
            for child in boundary.nested where parentOf[child.id] == nil { parentOf[child.id] = boundary.id }
        }
        func isAncestor(_ a: String, of b: String) -> Bool {
            var cursor = parentOf[b]
            var steps = 0
            while let c = cursor, steps <= model.trustBoundaries.count {
                if c == a { return true }
                cursor = parentOf[c]; steps += 1
            }
            return false
        }
        var result: [String: String] = [:]
        // In model order, so the report does not depend on dictionary order.
        for asset in model.technicalAssets.map(\.id) {
            guard let boundaries = holders[asset] else { continue }
            let innermost = boundaries.filter { b in !boundaries.contains { $0 != b && isAncestor(b, of: $0) } }
            result[asset] = innermost.first
            if innermost.count > 1, let system = systemIDs.existing(asset) {
                report.guessed("system \(system)", "inside several unrelated trust boundaries; placed in `\(innermost[0])`")
            }
        }
        return result
    }

    private func systems(_ report: inout ImportReport) -> [YAMLValue] {
        let zoneOf = zoneOfAsset(&report)
        return model.technicalAssets.compactMap { asset -> YAMLValue? in
            guard let id = systemIDs.existing(asset.id) else { return nil }
            let subject = "system \(id)"
            report.mapped(subject, "from technical asset `\(asset.title)`")
            var system = YAMLMap()
            system.set("id", id)
            system.set("name", asset.title)
            system.set("description", asset.description)
            let kind = ThreagileMappings.systemKind(technology: asset.technology, type: asset.type)
            system.set("kind", .string(kind.value))
            let kindText = "kind \(kind.value) from technology `\(asset.technology ?? "none")` (type `\(asset.type ?? "none")`)"
            if kind.exact { report.mapped(subject, kindText) } else { report.guessed(subject, kindText) }
            if let boundary = zoneOf[asset.id], let zone = zoneIDs.existing(boundary) {
                system.set("zone", .string(zone))
            }
            if let owner = asset.owner, let party = partyIDs.existing(owner) {
                system.set("operator", .string(party))
                report.guessed(subject, "operator \(party) from the owner `\(owner)`")
            }
            let processed = unique(asset.processed).compactMap { dataIDs.existing($0) }
            if asset.type == "external-entity" && asset.usedByHuman && !processed.isEmpty {
                system.set("collects", .list(processed.map(YAMLValue.string)))
                report.guessed(subject, "collects the data it processes, as a client used by people")
            }
            let stored = unique(asset.stored).compactMap { dataIDs.existing($0) }
            if !stored.isEmpty {
                system.set("stores", .list(stored.map(YAMLValue.string)))
            }
            if let encryption = asset.encryption {
                var security = YAMLMap()
                security.set("encryption-at-rest", .bool(encryption != "none"))
                system.set("security", .map(security))
                report.mapped(subject, "encryption-at-rest from encryption `\(encryption)`")
            }
            if let internet = asset.internet {
                system.set("internet-facing", .bool(internet))
            }
            if asset.owner == nil { system.todo("operator: the party operating this system") }
            if asset.outOfScope {
                report.dropped(subject, "marked out of scope in Threagile; imported because flows refer to it")
            }
            return .map(system)
        }
    }

    // MARK: - Flows

    private mutating func flows(_ report: inout ImportReport) -> [YAMLValue] {
        var out: [YAMLValue] = []
        let internetAssets = Set(model.technicalAssets.filter { $0.internet == true }.map(\.id))
        var linkCount = 0
        for asset in model.technicalAssets {
            guard let from = systemIDs.existing(asset.id) else { continue }
            for (index, link) in asset.links.enumerated() {
                guard let to = systemIDs.existing(link.target) else { continue }
                linkCount += 1
                let transport = ThreagileMappings.transport(link.protocolName)
                let network: String? = transport?.local == true ? "local"
                    : (internetAssets.contains(asset.id) || internetAssets.contains(link.target)) ? "internet" : nil
                let id = flowIDs.id(for: "\(asset.id)\u{0}\(index)", named: asset.id + " " + link.title)
                report.mapped("flow \(id)", "from communication link `\(link.title)` of `\(asset.id)`")
                var flow = flowMap(id: id, name: link.title, description: link.description, from: from, to: to,
                                   data: link.sent, transport: transport, vpn: link.vpn, network: network)
                if let auth = ThreagileMappings.authentication(link.authentication) {
                    flow.entries.insert(YAMLEntry("authentication", .string(auth.value)),
                                        at: flow.entries.firstIndex { $0.key == "network" } ?? flow.entries.count)
                    let text = "authentication \(auth.value) from `\(link.authentication ?? "")`"
                    if auth.exact { report.mapped("flow \(id)", text) } else { report.guessed("flow \(id)", text) }
                }
                out.append(.map(flow))
                reportTransport(&report, "flow \(id)", link: link, transport: transport, network: network)
                if !link.received.isEmpty {
                    let responseID = flowIDs.id(for: "\(asset.id)\u{0}\(index)\u{0}response", named: id + " response")
                    let response = flowMap(id: responseID, name: link.title + " (response)", description: nil, from: to, to: from,
                                           data: link.received, transport: transport, vpn: link.vpn, network: network)
                    out.append(.map(response))
                    report.mapped("flow \(responseID)", "the data received over link `\(link.title)`, as a flow back to `\(asset.id)`")
                }
            }
        }
        if linkCount > 0 {
            report.dropped("flows", "authorization, ip_filtered, readonly and usage of communication links have no place in the descriptor")
        }
        return out
    }

    private func flowMap(id: String, name: String, description: String?, from: String, to: String, data: [String],
                         transport: ThreagileMappings.Transport?, vpn: Bool, network: String?) -> YAMLMap {
        var flow = YAMLMap()
        flow.set("id", id)
        flow.set("name", name)
        flow.set("description", description)
        flow.set("from", .string(from))
        flow.set("to", .string(to))
        let ids = unique(data).compactMap { dataIDs.existing($0) }
        if !ids.isEmpty { flow.set("data", .list(ids.map(YAMLValue.string))) }
        if let transport { flow.set("protocol", .string(transport.protocol_)) }
        if vpn {
            flow.set("encryption", .string("vpn"))
        } else if let encryption = transport?.encryption {
            flow.set("encryption", .string(encryption))
        }
        if let network { flow.set("network", .string(network)) }
        flow.todo("purpose: the id of the purpose this flow serves")
        if !vpn, let transport, transport.encryption == nil, !transport.local {
            flow.todo("encryption: the protocol is encrypted, but Threagile does not say how; fill in tls1.2, tls1.3, ipsec or other")
        }
        return flow
    }

    private func reportTransport(_ report: inout ImportReport, _ subject: String, link: ThreagileModel.Link,
                                 transport: ThreagileMappings.Transport?, network: String?) {
        guard let transport else {
            report.missing(subject, "protocol and encryption: protocol `\(link.protocolName ?? "none")` is not known")
            return
        }
        let text = "protocol \(transport.protocol_) from `\(link.protocolName ?? "")`"
        if transport.exact { report.mapped(subject, text) } else { report.guessed(subject, text) }
        if transport.local {
            report.mapped(subject, "network local: `\(link.protocolName ?? "")` does not cross a network")
        } else if link.vpn {
            report.mapped(subject, "encryption vpn")
        } else if let encryption = transport.encryption {
            report.mapped(subject, "encryption \(encryption)")
        } else {
            report.missing(subject, "encryption: `\(link.protocolName ?? "")` is encrypted, but the TLS version is not recorded")
        }
        if network == "internet" { report.guessed(subject, "network internet: one end is on the internet") }
        report.missing(subject, "purpose")
    }

    private func unique(_ ids: [String]) -> [String] {
        var seen: Set<String> = []
        return ids.filter { seen.insert($0).inserted }
    }
}
