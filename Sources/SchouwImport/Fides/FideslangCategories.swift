import SchouwEngine

/// Translates fideslang data categories into taxonomy keys through the `fideslang` lists in
/// `Rules/taxonomy/categories.yaml`, read in reverse.
///
/// A fideslang key is looked up as written, then through its ancestors (`user.contact.email` finds
/// `user.contact`), so the most specific category the taxonomy knows wins; where several taxonomy
/// keys list the same fideslang key, the first in the file is taken (the file lists the general key
/// first). `user.*` keys the taxonomy does not know end at `user`, that is `personal`.
struct FideslangCategories {
    enum Match: Equatable {
        /// The fideslang key itself is listed.
        case exact(String)
        /// An ancestor of the key is listed; `via` is that ancestor.
        case ancestor(String, via: String)
        /// Only the root `user` matched: the data is personal, nothing more specific is known.
        case personalFallback
        /// A `system.*` key without a listing: technical data.
        case technicalFallback(String)
        case unknown
    }

    private var byFideslang: [String: String] = [:]
    private let personalKey: String
    private let technicalKey: String?

    init(taxonomy: Taxonomy) {
        for key in taxonomy.categoryOrder {
            guard let category = taxonomy.categories[key] else { continue }
            for fides in category.fideslang where byFideslang[fides] == nil { byFideslang[fides] = key }
        }
        personalKey = byFideslang["user"] ?? "personal"
        technicalKey = byFideslang["system.operations"]
            ?? (taxonomy.categories["non-personal.technical"] != nil ? "non-personal.technical" : nil)
    }

    func match(_ fideslang: String) -> Match {
        if fideslang == "user" { return .exact(personalKey) }
        if let key = byFideslang[fideslang] { return .exact(key) }
        var current = fideslang
        while let dot = current.lastIndex(of: ".") {
            current = String(current[..<dot])
            if current == "user" { return .personalFallback }
            if let key = byFideslang[current] { return .ancestor(key, via: current) }
        }
        if fideslang == "system" || fideslang.hasPrefix("system."), let technicalKey { return .technicalFallback(technicalKey) }
        return .unknown
    }

    /// The taxonomy key for a match, nil when unknown.
    func key(for match: Match) -> String? {
        switch match {
        case .exact(let key), .ancestor(let key, _), .technicalFallback(let key): return key
        case .personalFallback: return personalKey
        case .unknown: return nil
        }
    }
}

/// Translates fideslang data subjects through the `fideslang` lists of `Rules/taxonomy/subjects.yaml`.
///
/// Where several subjects list the same fideslang subject, the normative ones of the specification
/// win in its order (`commuter` becomes `passers-by`), then the others alphabetically.
struct FideslangSubjects {
    static let preferred = ["residents", "passers-by", "visitors", "drivers", "employees", "children", "citizens"]
    private var byFideslang: [String: String] = [:]

    init(taxonomy: Taxonomy) {
        let others = taxonomy.subjects.keys.filter { !Self.preferred.contains($0) }.sorted()
        for key in Self.preferred + others {
            guard let subject = taxonomy.subjects[key] else { continue }
            for fides in subject.fideslang where byFideslang[fides] == nil { byFideslang[fides] = key }
        }
    }

    func key(_ fideslang: String) -> String? { byFideslang[fideslang] }
}
