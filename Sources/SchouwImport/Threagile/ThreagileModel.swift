import SchouwModel

/// The parts of a Threagile model the importer reads, with the nodes for located errors.
struct ThreagileModel {
    struct DataAsset {
        var title: String
        var id: String
        var node: YAMLNode
        var description: String?
        var confidentiality: String?
        var integrity: String?
        var availability: String?
    }

    struct Link {
        var title: String
        var node: YAMLNode
        var target: String
        var description: String?
        var protocolName: String?
        var authentication: String?
        var vpn: Bool
        var sent: [String]
        var received: [String]
    }

    struct TechnicalAsset {
        var title: String
        var id: String
        var node: YAMLNode
        var description: String?
        var type: String?
        var technology: String?
        var internet: Bool?
        var encryption: String?
        var owner: String?
        var outOfScope: Bool
        var usedByHuman: Bool
        var processed: [String]
        var stored: [String]
        var links: [Link]
    }

    struct TrustBoundary {
        var title: String
        var id: String
        var node: YAMLNode
        var description: String?
        var type: String?
        var inside: [String]
        var nested: [(id: String, node: YAMLNode)]
    }

    var title: String?
    var description: String?
    var author: String?
    var dataAssets: [DataAsset] = []
    var technicalAssets: [TechnicalAsset] = []
    var trustBoundaries: [TrustBoundary] = []
    /// Top-level sections with no place in a descriptor, with their number of entries.
    var droppedSections: [(key: String, count: Int)] = []
}

/// Reads a Threagile YAML model into `ThreagileModel`, checking every reference by id.
struct ThreagileReader {
    var reader = SourceReader()

    static let droppedKeys = ["shared_runtimes", "individual_risk_categories", "risk_tracking", "abuse_cases",
                              "security_requirements", "questions"]

    mutating func read(_ root: YAMLNode) -> ThreagileModel {
        var model = ThreagileModel()
        let known = ["threagile_version", "data_assets", "technical_assets", "trust_boundaries"]
        if !known.contains(where: { SourceReader.value(root, $0) != nil }) {
            reader.error("this does not look like a Threagile model: none of `threagile_version`, `data_assets`, `technical_assets` or `trust_boundaries` is present", at: root,
                         hint: "pass a Threagile model YAML (for example threagile-example-model.yaml)")
            return model
        }
        model.title = reader.string(root, "title")
        if let overview = SourceReader.value(root, "business_overview"), overview.kind == .mapping {
            model.description = reader.string(overview, "description")
        }
        if let author = SourceReader.value(root, "author"), author.kind == .mapping {
            model.author = reader.string(author, "name")
        }
        for key in Self.droppedKeys {
            if let section = SourceReader.value(root, key), section.count > 0 {
                model.droppedSections.append((key, section.count))
            }
        }
        model.dataAssets = readDataAssets(root)
        model.technicalAssets = readTechnicalAssets(root)
        model.trustBoundaries = readTrustBoundaries(root)
        checkReferences(model)
        return model
    }

    /// Title and node of each entry of a titled section (`Title: {id: ..., ...}`).
    private mutating func titled(_ root: YAMLNode, _ key: String, what: String) -> [(String, YAMLNode, String)] {
        guard let section = reader.mapping(root, key, what: what) else { return [] }
        var out: [(String, YAMLNode, String)] = []
        var seen: [String: Int] = [:]
        for entry in SourceReader.entries(section) {
            let title = entry.key.scalar ?? ""
            guard entry.value.kind == .mapping else {
                reader.error("\(what.dropLast()) `\(title)` should be a mapping, found \(entry.value.typeDescription)", at: entry.value)
                continue
            }
            guard let idNode = SourceReader.value(entry.value, "id"), let id = idNode.scalar, !id.isEmpty else {
                reader.error("\(what.dropLast()) `\(title)` has no `id`", at: entry.key, hint: "add `id: some-id` to it")
                continue
            }
            if let line = seen[id] {
                reader.error("duplicate id `\(id)` in \(key); it is also used at line \(line)", at: idNode,
                             hint: "ids must be unique within \(key)")
                continue
            }
            seen[id] = idNode.line
            out.append((title, entry.value, id))
        }
        return out
    }

    private mutating func readDataAssets(_ root: YAMLNode) -> [ThreagileModel.DataAsset] {
        titled(root, "data_assets", what: "data assets").map { title, node, id in
            ThreagileModel.DataAsset(title: title, id: id, node: node,
                                     description: reader.string(node, "description"),
                                     confidentiality: reader.string(node, "confidentiality"),
                                     integrity: reader.string(node, "integrity"),
                                     availability: reader.string(node, "availability"))
        }
    }

    private mutating func readTechnicalAssets(_ root: YAMLNode) -> [ThreagileModel.TechnicalAsset] {
        titled(root, "technical_assets", what: "technical assets").map { title, node, id in
            var links: [ThreagileModel.Link] = []
            if let section = reader.mapping(node, "communication_links", what: "communication links") {
                for entry in SourceReader.entries(section) {
                    let linkTitle = entry.key.scalar ?? ""
                    guard entry.value.kind == .mapping else {
                        reader.error("communication link `\(linkTitle)` should be a mapping, found \(entry.value.typeDescription)", at: entry.value)
                        continue
                    }
                    guard let target = reader.string(entry.value, "target") else {
                        reader.error("communication link `\(linkTitle)` has no `target`", at: entry.key,
                                     hint: "add `target: <technical asset id>`")
                        continue
                    }
                    links.append(ThreagileModel.Link(
                        title: linkTitle, node: entry.value, target: target,
                        description: reader.string(entry.value, "description"),
                        protocolName: reader.string(entry.value, "protocol"),
                        authentication: reader.string(entry.value, "authentication"),
                        vpn: reader.bool(entry.value, "vpn") ?? false,
                        sent: reader.strings(entry.value, "data_assets_sent").map(\.0),
                        received: reader.strings(entry.value, "data_assets_received").map(\.0)))
                }
            }
            return ThreagileModel.TechnicalAsset(
                title: title, id: id, node: node,
                description: reader.string(node, "description"),
                type: reader.string(node, "type"),
                technology: reader.string(node, "technology"),
                internet: reader.bool(node, "internet"),
                encryption: reader.string(node, "encryption"),
                owner: reader.string(node, "owner"),
                outOfScope: reader.bool(node, "out_of_scope") ?? false,
                usedByHuman: reader.bool(node, "used_as_client_by_human") ?? false,
                processed: reader.strings(node, "data_assets_processed").map(\.0),
                stored: reader.strings(node, "data_assets_stored").map(\.0),
                links: links)
        }
    }

    private mutating func readTrustBoundaries(_ root: YAMLNode) -> [ThreagileModel.TrustBoundary] {
        titled(root, "trust_boundaries", what: "trust boundaries").map { title, node, id in
            ThreagileModel.TrustBoundary(
                title: title, id: id, node: node,
                description: reader.string(node, "description"),
                type: reader.string(node, "type"),
                inside: reader.strings(node, "technical_assets_inside").map(\.0),
                nested: reader.strings(node, "trust_boundaries_nested").map { (id: $0.0, node: $0.1) })
        }
    }

    /// Every id a model refers to must exist: a dangling one is an error at the referring node.
    private mutating func checkReferences(_ model: ThreagileModel) {
        let dataIDs = model.dataAssets.map(\.id)
        let assetIDs = model.technicalAssets.map(\.id)
        let boundaryIDs = model.trustBoundaries.map(\.id)
        func check(_ node: YAMLNode, _ key: String, in ids: [String], what: String) {
            for (id, item) in reader.strings(node, key) where !ids.contains(id) {
                let hint = Suggestions.didYouMean(id, in: ids) ?? "define a \(what) with `id: \(id)` or fix the reference"
                reader.error("`\(key)` refers to `\(id)`, but no \(what) has this id", at: item, hint: hint)
            }
        }
        for asset in model.technicalAssets {
            check(asset.node, "data_assets_processed", in: dataIDs, what: "data asset")
            check(asset.node, "data_assets_stored", in: dataIDs, what: "data asset")
            for link in asset.links {
                check(link.node, "target", in: assetIDs, what: "technical asset")
                check(link.node, "data_assets_sent", in: dataIDs, what: "data asset")
                check(link.node, "data_assets_received", in: dataIDs, what: "data asset")
            }
        }
        for boundary in model.trustBoundaries {
            check(boundary.node, "technical_assets_inside", in: assetIDs, what: "technical asset")
            check(boundary.node, "trust_boundaries_nested", in: boundaryIDs, what: "trust boundary")
        }
    }
}
