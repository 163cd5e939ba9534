import SchouwModel

/// A flag a data category carries; children inherit their ancestors' flags.
public enum CategoryFlag: String, Sendable, CaseIterable, Hashable {
    case personal, special, criminal
    case nationalID = "national-id"
    case identifier, biometric, location
}

/// One node of the data-category tree (SPEC section 3).
public struct DataCategory: Sendable {
    public var key: String
    public var names: LocalizedText
    /// Flags written on this node.
    public var ownFlags: Set<CategoryFlag>
    /// Flags of this node and all its ancestors.
    public var flags: Set<CategoryFlag>
    /// Matching fideslang data categories, for import.
    public var fideslang: [String]
    public var parent: String?
}

public struct DataSubjectKind: Sendable {
    public var key: String
    public var names: LocalizedText
    public var fideslang: [String]
}

/// The data-category tree, the data subjects and the country lists the rules reason with.
public struct Taxonomy: Sendable {
    public private(set) var categories: [String: DataCategory] = [:]
    public private(set) var categoryOrder: [String] = []
    public private(set) var subjects: [String: DataSubjectKind] = [:]
    public var countries: CountryLists

    public init(countries: CountryLists) { self.countries = countries }

    /// Adds a category below its parent (the key up to the last dot, when that exists).
    /// Parents must be added first so flags can be inherited in one pass.
    public mutating func add(key: String, names: LocalizedText, flags: Set<CategoryFlag>, fideslang: [String]) {
        let parentKey = Self.parentKey(of: key)
        let parent = parentKey.flatMap { categories[$0] }
        var inherited = flags
        if let parent { inherited.formUnion(parent.flags) }
        if inherited.contains(.special) || inherited.contains(.criminal) || inherited.contains(.nationalID)
            || inherited.contains(.identifier) || inherited.contains(.biometric) {
            // Every such category concerns a person: keep the invariant that rules can rely on.
            if !key.hasPrefix("non-personal") { inherited.insert(.personal) }
        }
        if categories[key] == nil { categoryOrder.append(key) }
        categories[key] = DataCategory(key: key, names: names, ownFlags: flags, flags: inherited,
                                       fideslang: fideslang, parent: parent?.key)
    }

    public mutating func addSubject(key: String, names: LocalizedText, fideslang: [String]) {
        subjects[key] = DataSubjectKind(key: key, names: names, fideslang: fideslang)
    }

    static func parentKey(of key: String) -> String? {
        guard let dot = key.lastIndex(of: ".") else { return nil }
        return String(key[..<dot])
    }

    /// Flags of a category key; nil when the key is not in the taxonomy.
    public func flags(of key: String) -> Set<CategoryFlag>? { categories[key]?.flags }

    /// The key and all its ancestors that exist in the taxonomy, most specific first.
    public func lineage(of key: String) -> [String] {
        var result: [String] = []
        var current: String? = key
        while let k = current {
            if categories[k] != nil || k == key { result.append(k) }
            current = Self.parentKey(of: k)
        }
        return result
    }

    /// True when `key` equals `ancestor` or lies below it in the tree.
    public static func key(_ key: String, isWithin ancestor: String) -> Bool {
        key == ancestor || key.hasPrefix(ancestor + ".")
    }
}

/// EEA membership and adequacy decisions (AVG art. 45), by ISO 3166-1 alpha-2 code.
public struct CountryLists: Sendable {
    public var eea: Set<String>
    public var adequate: Set<String>
    /// Countries whose adequacy covers only certified organisations (the US under the DPF).
    public var adequateWithCertification: Set<String>

    public init(eea: Set<String>, adequate: Set<String>, adequateWithCertification: Set<String>) {
        self.eea = eea; self.adequate = adequate; self.adequateWithCertification = adequateWithCertification
    }

    public func inEEA(_ country: String) -> Bool { eea.contains(country.uppercased()) }
    public func isAdequate(_ country: String) -> Bool {
        let c = country.uppercased()
        return eea.contains(c) || adequate.contains(c)
    }
}

/// A text in Dutch and English; rules and reports carry both.
public struct LocalizedText: Sendable, Hashable, Codable {
    public var nl: String
    public var en: String
    public init(nl: String, en: String) { self.nl = nl; self.en = en }
    public func text(_ lang: Language) -> String { lang == .en ? en : nl }
}

public enum Language: String, Sendable, CaseIterable, Codable {
    case nl, en
}

extension Taxonomy {
    /// The keys a descriptor's data categories and subjects must be, for the loader.
    public var vocabulary: Vocabulary {
        Vocabulary(categories: Set(categories.keys), subjects: Set(subjects.keys))
    }
}
