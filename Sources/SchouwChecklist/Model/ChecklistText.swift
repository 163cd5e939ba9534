/// The two languages every checklist text exists in. Dutch is the default: the readers are Dutch
/// procurement officers, and tender documents of gemeenten are written in Dutch.
public enum ChecklistLanguage: String, Sendable, CaseIterable, Codable {
    case nl, en
}

/// A text in Dutch and English, as rule files carry it (`{nl: "...", en: "..."}`).
public struct ChecklistText: Sendable, Hashable, Codable {
    public var nl: String
    public var en: String

    public init(nl: String, en: String) {
        self.nl = nl
        self.en = en
    }

    /// The same text for both languages, for values that are not translated (ids, names).
    public init(_ both: String) {
        self.nl = both
        self.en = both
    }

    public subscript(language: ChecklistLanguage) -> String {
        switch language {
        case .nl: nl
        case .en: en
        }
    }
}
