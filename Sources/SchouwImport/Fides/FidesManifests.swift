import SchouwModel

/// The Fides resources the importer reads, with their nodes for located errors.
struct FidesManifests {
    struct Organization {
        var key: String
        var name: String?
        var description: String?
        var dpo: String?
    }

    struct DataFlow {
        var key: String
        var keyNode: YAMLNode
        var type: String
        var categories: [(String, YAMLNode)]
    }

    struct Declaration {
        var name: String?
        var node: YAMLNode
        var categories: [(String, YAMLNode)]
        var dataUse: String?
        var subjects: [(String, YAMLNode)]
        var datasetReferences: [(String, YAMLNode)]
        var egress: [String]
        var ingress: [String]
        var legalBasis: (String, YAMLNode)?
        var specialCategoryBasis: (String, YAMLNode)?
        var processesSpecialCategories: Bool
        var retention: String?
    }

    struct System {
        var key: String
        var keyNode: YAMLNode
        var name: String?
        var description: String?
        var systemType: String?
        var egress: [DataFlow]
        var ingress: [DataFlow]
        var declarations: [Declaration]
        var datasetReferences: [(String, YAMLNode)]
        var usesProfiling: Bool?
        var internationalTransfers: Bool?
        var transferBases: [(String, YAMLNode)]
        var thirdCountries: [String]
        var legalName: String?
        var responsibility: [(String, YAMLNode)]
        var jointControllerInfo: String?
        /// `organization_fides_key` when written out (Fides defaults it to `default_organization`).
        var organizationKey: String?
    }

    struct Dataset {
        var key: String
        var keyNode: YAMLNode
        var name: String?
        var description: String?
        var categories: [(String, YAMLNode)]
        var subjects: [(String, YAMLNode)]
        var thirdCountries: [String]
    }

    var organizations: [Organization] = []
    var systems: [System] = []
    var datasets: [Dataset] = []
    /// Names of data uses defined in the manifests (extended taxonomy), by fides key.
    var dataUseNames: [String: String] = [:]
    /// Sections with no place in a descriptor, with their number of resources, in reading order.
    var dropped: [(section: String, count: Int)] = []
}

/// Reads Fides manifest files, checking keys and references.
struct FidesReader {
    var reader = SourceReader()
    var manifests = FidesManifests()
    var keyLines: [String: [String: SourceMark]] = [:]

    mutating func read(_ root: YAMLNode) {
        reader.checkKeys(root, known: FidesSchemas.topLevel, kind: "a Fides manifest")
        for entry in root.entries {
            guard let section = entry.key.scalar, FidesSchemas.topLevel.contains(section) else { continue }
            let resources = reader.mappings(root, section)
            switch section {
            case "organization": resources.forEach { readOrganization($0) }
            case "system": resources.forEach { readSystem($0) }
            case "dataset": resources.forEach { readDataset($0) }
            case "data_use":
                for resource in resources {
                    if let key = reader.string(resource, "fides_key"), let name = reader.string(resource, "name") {
                        manifests.dataUseNames[key] = name
                    }
                }
                manifests.dropped.append((section, resources.count))
            default:
                manifests.dropped.append((section, resources.count))
            }
        }
    }

    /// The resource's `fides_key`, reported when missing or already used by another resource of the kind.
    private mutating func fidesKey(_ node: YAMLNode, kind: String) -> (String, YAMLNode)? {
        guard let keyNode = SourceReader.value(node, "fides_key"), let key = keyNode.scalar, !key.isEmpty else {
            reader.error("\(kind) has no `fides_key`", at: node, hint: "add `fides_key: some_key`")
            return nil
        }
        if let earlier = keyLines[kind]?[key] {
            reader.error("duplicate \(kind) `fides_key` `\(key)`; it is also defined at \(earlier.file):\(earlier.line)",
                         at: keyNode, hint: "fides keys must be unique per resource type")
            return nil
        }
        keyLines[kind, default: [:]][key] = keyNode.mark
        return (key, keyNode)
    }

    private mutating func readOrganization(_ node: YAMLNode) {
        reader.checkKeys(node, known: FidesSchemas.organization, kind: "organization")
        for contactKey in ["controller", "data_protection_officer", "representative"] {
            if let contact = reader.mapping(node, contactKey, what: "contact details") {
                reader.checkKeys(contact, known: FidesSchemas.contact, kind: "contact details")
            }
        }
        guard let (key, _) = fidesKey(node, kind: "organization") else { return }
        var dpo: String?
        if let contact = SourceReader.value(node, "data_protection_officer"), contact.kind == .mapping {
            dpo = reader.string(contact, "name")
        }
        manifests.organizations.append(.init(key: key, name: reader.string(node, "name"),
                                             description: reader.string(node, "description"), dpo: dpo))
    }

    private mutating func readFlows(_ node: YAMLNode, _ direction: String) -> [FidesManifests.DataFlow] {
        reader.mappings(node, direction).compactMap { flow in
            reader.checkKeys(flow, known: FidesSchemas.dataFlow, kind: "data flow (\(direction))")
            guard let keyNode = SourceReader.value(flow, "fides_key"), let key = keyNode.scalar, !key.isEmpty else {
                reader.error("\(direction) entry has no `fides_key`", at: flow, hint: "name the system, dataset or `user`")
                return nil
            }
            let type = reader.string(flow, "type") ?? "system"
            if !["system", "dataset", "user"].contains(type), let typeNode = SourceReader.value(flow, "type") {
                reader.error("unknown data flow type `\(type)`", at: typeNode, hint: "use system, dataset or user")
                return nil
            }
            return .init(key: key, keyNode: keyNode, type: type, categories: reader.strings(flow, "data_categories"))
        }
    }

    private mutating func readDeclaration(_ node: YAMLNode) -> FidesManifests.Declaration {
        reader.checkKeys(node, known: FidesSchemas.privacyDeclaration, kind: "privacy declaration")
        var legalBasis: (String, YAMLNode)?
        if let value = SourceReader.value(node, "legal_basis_for_processing"), let text = value.scalar { legalBasis = (text, value) }
        var special: (String, YAMLNode)?
        if let value = SourceReader.value(node, "special_category_legal_basis"), let text = value.scalar { special = (text, value) }
        return .init(name: reader.string(node, "name"), node: node,
                     categories: reader.strings(node, "data_categories"),
                     dataUse: reader.string(node, "data_use"),
                     subjects: reader.strings(node, "data_subjects"),
                     datasetReferences: reader.strings(node, "dataset_references"),
                     egress: reader.strings(node, "egress").map(\.0),
                     ingress: reader.strings(node, "ingress").map(\.0),
                     legalBasis: legalBasis, specialCategoryBasis: special,
                     processesSpecialCategories: reader.bool(node, "processes_special_category_data") ?? false,
                     retention: reader.string(node, "retention_period"))
    }

    private mutating func readSystem(_ node: YAMLNode) {
        reader.checkKeys(node, known: FidesSchemas.system, kind: "system")
        let egress = readFlows(node, "egress")
        let ingress = readFlows(node, "ingress")
        let declarations = reader.mappings(node, "privacy_declarations").map { readDeclaration($0) }
        var responsibility = reader.strings(node, "responsibility")
        if responsibility.isEmpty { responsibility = reader.strings(node, "data_responsibility_title") }
        guard let (key, keyNode) = fidesKey(node, kind: "system") else { return }
        manifests.systems.append(.init(
            key: key, keyNode: keyNode, name: reader.string(node, "name"), description: reader.string(node, "description"),
            systemType: reader.string(node, "system_type"), egress: egress, ingress: ingress, declarations: declarations,
            datasetReferences: reader.strings(node, "dataset_references"),
            usesProfiling: reader.bool(node, "uses_profiling"),
            internationalTransfers: reader.bool(node, "does_international_transfers"),
            transferBases: reader.strings(node, "legal_basis_for_transfers"),
            thirdCountries: reader.strings(node, "third_country_transfers").map(\.0),
            legalName: reader.string(node, "legal_name"), responsibility: responsibility,
            jointControllerInfo: reader.string(node, "joint_controller_info"),
            organizationKey: reader.string(node, "organization_fides_key")))
    }

    private mutating func readDataset(_ node: YAMLNode) {
        reader.checkKeys(node, known: FidesSchemas.dataset, kind: "dataset")
        var categories = reader.strings(node, "data_categories")
        var subjects = reader.strings(node, "data_subjects")
        for collection in reader.mappings(node, "collections") {
            reader.checkKeys(collection, known: FidesSchemas.collection, kind: "dataset collection")
            categories += reader.strings(collection, "data_categories")
            subjects += reader.strings(collection, "data_subjects")
            readFields(collection, categories: &categories, subjects: &subjects, depth: 0)
        }
        guard let (key, keyNode) = fidesKey(node, kind: "dataset") else { return }
        manifests.datasets.append(.init(key: key, keyNode: keyNode, name: reader.string(node, "name"),
                                        description: reader.string(node, "description"),
                                        categories: categories, subjects: subjects,
                                        thirdCountries: reader.strings(node, "third_country_transfers").map(\.0)))
    }

    /// Categories and subjects of fields and their nested fields.
    private mutating func readFields(_ node: YAMLNode, categories: inout [(String, YAMLNode)],
                                     subjects: inout [(String, YAMLNode)], depth: Int) {
        guard depth < 64 else { return }
        for field in reader.mappings(node, "fields") {
            reader.checkKeys(field, known: FidesSchemas.field, kind: "dataset field")
            categories += reader.strings(field, "data_categories")
            subjects += reader.strings(field, "data_subjects")
            readFields(field, categories: &categories, subjects: &subjects, depth: depth + 1)
        }
    }

    /// Every system and dataset a system refers to must be defined in the manifests read.
    mutating func checkReferences() {
        let systemKeys = manifests.systems.map(\.key)
        let datasetKeys = manifests.datasets.map(\.key)
        func check(_ key: String, _ node: YAMLNode, in keys: [String], what: String, fatal: Bool = true) {
            guard !keys.contains(key) else { return }
            let hint = Suggestions.didYouMean(key, in: keys)
                ?? "import the directory that also holds the \(what), or fix the key"
            if fatal {
                reader.error("no \(what) has the fides_key `\(key)`", at: node, hint: hint)
            } else {
                reader.warning("no \(what) has the fides_key `\(key)`; the reference is left out", at: node, hint: hint)
            }
        }
        for system in manifests.systems {
            for flow in system.egress + system.ingress {
                switch flow.type {
                case "system": check(flow.key, flow.keyNode, in: systemKeys, what: "system")
                case "dataset": check(flow.key, flow.keyNode, in: datasetKeys, what: "dataset", fatal: false)
                default: break
                }
            }
            // A dataset kept in another file is only a missing fact; a flow to nowhere is an error.
            for (key, node) in system.datasetReferences { check(key, node, in: datasetKeys, what: "dataset", fatal: false) }
            for declaration in system.declarations {
                for (key, node) in declaration.datasetReferences {
                    check(key, node, in: datasetKeys, what: "dataset", fatal: false)
                }
            }
        }
    }
}
