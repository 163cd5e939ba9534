import SchouwModel

/// Reads `Rules/taxonomy/`: `categories.yaml`, `subjects.yaml` and `countries.yaml`. Files from
/// `--rules DIR/taxonomy/` extend the built-in ones (a later file may add keys, not remove them).
enum TaxonomyLoader {
    /// Used when no countries file is present: adequacy decisions under AVG art. 45 besides the EEA.
    static let defaultAdequate: Set<String> = ["AD", "AR", "CA", "FO", "GG", "IL", "IM", "JP", "JE", "NZ", "KR", "CH", "GB", "UY"]

    static let flagNames = CategoryFlag.allCases.map(\.rawValue)

    static let name = ObjectSchema(kind: "name", description: "A name in Dutch and English.", fields: [
        FieldSchema(key: "nl", type: .string, required: true, description: "Dutch."),
        FieldSchema(key: "en", type: .string, required: true, description: "English."),
    ])
    static let category = ObjectSchema(kind: "category", description: "A data category.", fields: [
        FieldSchema(key: "key", type: .string, required: true, description: "Dotted key."),
        FieldSchema(key: "flags", type: .list(.enumeration(flagNames)), required: false, description: "Own flags."),
        FieldSchema(key: "name", type: .object("name"), required: false, description: "Display name."),
        FieldSchema(key: "description", type: .object("name"), required: false, description: "Description."),
        FieldSchema(key: "fideslang", type: .list(.string), required: false, description: "fideslang categories."),
    ])
    static let subject = ObjectSchema(kind: "subject", description: "A kind of data subject.", fields: [
        FieldSchema(key: "key", type: .string, required: true, description: "Key."),
        FieldSchema(key: "name", type: .object("name"), required: false, description: "Display name."),
        FieldSchema(key: "description", type: .object("name"), required: false, description: "Description."),
        FieldSchema(key: "fideslang", type: .list(.string), required: false, description: "fideslang subjects."),
    ])
    static let file = ObjectSchema(kind: "taxonomy-file", description: "A taxonomy file.", fields: [
        FieldSchema(key: "categories", type: .list(.object("category")), required: false, description: "Categories."),
        FieldSchema(key: "subjects", type: .list(.object("subject")), required: false, description: "Subjects."),
        FieldSchema(key: "eea", type: .list(.country), required: false, description: "EEA members."),
        FieldSchema(key: "adequate", type: .list(.country), required: false, description: "Adequacy decisions."),
        FieldSchema(key: "adequate-with-dpf", type: .list(.country), required: false,
                    description: "Adequacy only for certified organisations."),
        FieldSchema(key: "partial", type: .map(.object("name")), required: false,
                    description: "Adequacy limited to part of a country's economy, with a note."),
    ])

    static func load(_ files: [RuleSourceFile], sink: DiagnosticSink) -> Taxonomy {
        var taxonomy = Taxonomy(countries: CountryLists(eea: EEA, adequate: defaultAdequate, adequateWithCertification: ["US"]))
        var eea = Set<String>(), adequate = Set<String>(), dpf = Set<String>()
        var sawCountries = false
        // Built-in files first, then extensions, each in path order.
        let ordered = files.sorted { ($0.external ? 1 : 0, $0.relativePath) < ($1.external ? 1 : 0, $1.relativePath) }
        for f in ordered {
            let (document, diagnostics) = YAMLParser.parse(text: f.text, path: f.displayPath)
            sink.add(contentsOf: diagnostics)
            guard let root = document?.root else { continue }
            var reader = MappingReader(root, schema: file, sink: sink)
            reader.extraSchemas = ["category": category, "subject": subject, "name": name]
            for c in reader.objects("categories") {
                guard let key = c.string("key") else { continue }
                if let parent = Taxonomy.parentKey(of: key), taxonomy.categories[parent] == nil,
                   let node = c.value("key") {
                    sink.error("category `\(key)` comes before its parent `\(parent)`", at: node,
                               hint: "list `\(parent)` first (parents precede children)")
                }
                let flags = Set((c.strings("flags") ?? []).compactMap(CategoryFlag.init(rawValue:)))
                taxonomy.add(key: key, names: names(c, sink: sink, fallback: key), flags: flags,
                             fideslang: c.strings("fideslang") ?? [])
            }
            for s in reader.objects("subjects") {
                guard let key = s.string("key") else { continue }
                taxonomy.addSubject(key: key, names: names(s, sink: sink, fallback: key), fideslang: s.strings("fideslang") ?? [])
            }
            if let list = reader.strings("eea") { eea.formUnion(list); sawCountries = true }
            if let list = reader.strings("adequate") { adequate.formUnion(list) }
            if let list = reader.strings("adequate-with-dpf") { dpf.formUnion(list) }
        }
        if sawCountries {
            taxonomy.countries = CountryLists(eea: eea, adequate: adequate, adequateWithCertification: dpf)
        }
        return taxonomy
    }

    static func names(_ reader: MappingReader, sink: DiagnosticSink, fallback: String) -> LocalizedText {
        guard let node = reader.value("name") else { return LocalizedText(nl: fallback, en: fallback) }
        let n = MappingReader(node, schema: name, sink: sink)
        return LocalizedText(nl: n.string("nl") ?? fallback, en: n.string("en") ?? fallback)
    }
}
