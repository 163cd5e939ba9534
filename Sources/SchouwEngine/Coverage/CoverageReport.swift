import SchouwResult

/// Which catalogue entries the rules check and which are left to manual assessment: the start of a
/// statement of applicability (Verklaring van Toepasselijkheid). Written as JSON by
/// `schouw rules coverage --format json`; the field names are a contract like the audit result's.
public struct CoverageReport: Sendable, Codable, Equatable {
    public static let schemaID = "schouw/rules-coverage/v1"

    public enum Status: String, Sendable, Codable {
        /// At least one rule references the entry.
        case automated
        /// No rule does: the entry is assessed by hand.
        case manual
    }

    public struct CatalogueInfo: Sendable, Codable, Equatable {
        public var name: String
        public var version: String
        public var source: String
        /// Entries in the source file.
        public var entries: Int
        /// Entries listed here (BIO2: active overheidsmaatregelen; BIO 1.04: rows with a government measure).
        public var listed: Int
    }

    public struct RulesetInfo: Sendable, Codable, Equatable {
        public var sha256: String
        public var rules: Int
    }

    public struct Summary: Sendable, Codable, Equatable {
        public var items: Int
        public var automated: Int
        public var manual: Int
        /// automated / items, in percent, rounded to one decimal.
        public var percent: Double
        /// The same, as printed: `41.0`.
        public var percentText: String

        enum CodingKeys: String, CodingKey {
            case items, automated, manual, percent
            case percentText = "percent-text"
        }
    }

    public struct Item: Sendable, Codable, Equatable {
        public var id: String
        public var title: String
        /// The full text of the measure, where the source has one.
        public var text: String?
        /// The control or chapter (`5.17 Authentication information`).
        public var group: String?
        /// BIO 1.04: the BBN of the measure; BIO2: the v1.2 category.
        public var level: String?
        public var status: Status
        /// Ids of the rules that reference the entry, sorted.
        public var rules: [String]
    }

    public var schema: String
    public var framework: String
    public var lang: String
    public var catalogue: CatalogueInfo
    public var ruleset: RulesetInfo
    public var summary: Summary
    public var items: [Item]
    /// References to this framework that do not land on a listed entry.
    public var notes: [ReferenceNote]

    /// Maps every reference of `rules.rules` onto the listed entries of `catalogue`.
    public static func make(_ catalogue: Catalogue, rules: RuleSet, lang: Language) -> CoverageReport {
        var rulesByID: [String: Set<String>] = [:]
        var notes: [ReferenceNote] = []
        let catalogues = [catalogue.framework: catalogue]
        for rule in rules.rules {
            for reference in rule.references where reference.framework == catalogue.framework.rawValue {
                for id in ReferenceIDs.ids(reference.ref, framework: catalogue.framework) ?? [] {
                    if catalogue.entry(id)?.isListed == true { rulesByID[id, default: []].insert(rule.id) }
                }
                notes += ReferenceCheck.check(reference, rule: rule.id, catalogues: catalogues)
            }
        }
        let items = catalogue.listed.map { entry -> Item in
            let ids = (rulesByID[entry.id] ?? []).sorted()
            return Item(id: entry.id, title: entry.title.text(lang), text: entry.text, group: entry.group,
                        level: entry.level, status: ids.isEmpty ? .manual : .automated, rules: ids)
        }
        let automated = items.filter { $0.status == .automated }.count
        let tenths = items.isEmpty ? 0 : (automated * 1000 + items.count / 2) / items.count
        let summary = Summary(items: items.count, automated: automated, manual: items.count - automated,
                              percent: Double(tenths) / 10, percentText: "\(tenths / 10).\(tenths % 10)")
        let sortedNotes = notes.sorted { ($0.rule, $0.ref, $0.id ?? "") < ($1.rule, $1.ref, $1.id ?? "") }
        return CoverageReport(
            schema: schemaID, framework: catalogue.framework.rawValue, lang: lang.rawValue,
            catalogue: CatalogueInfo(name: catalogue.name, version: catalogue.version, source: catalogue.source,
                                     entries: catalogue.entries.count, listed: items.count),
            ruleset: RulesetInfo(sha256: rules.digest, rules: rules.rules.count),
            summary: summary, items: items, notes: sortedNotes)
    }
}
