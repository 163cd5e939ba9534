/// The type of a descriptor field, as the loader checks it and the JSON Schema describes it.
public indirect enum FieldType: Sendable, Hashable, CustomStringConvertible {
    /// Any text.
    case string
    /// A whole number.
    case int
    /// `true` or `false` (YAML 1.2 core schema: `yes`/`no` are strings, not booleans).
    case bool
    /// An ISO 8601 duration such as `P30D`, `PT24H`, `P1Y`; decoded to `ISODuration`.
    case duration
    /// An ISO 8601 calendar date such as `2026-03-01`; decoded to `ISODate`.
    case date
    /// An ISO 3166-1 alpha-2 country code in capitals, such as `NL`.
    case country
    /// An object id: a slug matching `[a-z0-9][a-z0-9-]*`, unique within its section.
    case id
    /// One of a fixed list of values, compared as written (`true` matches the value `true`).
    case enumeration([String])
    /// A YAML sequence whose items have the given type.
    case list(FieldType)
    /// A nested mapping described by the object kind with this name (see `DescriptorSchema`).
    case object(String)
    /// The id of an object of the given kind; the loader reports ids that do not exist.
    case reference(String)
    /// A mapping from free-form keys to values of the given type.
    case map(FieldType)

    public var description: String {
        switch self {
        case .string: return "string"
        case .int: return "integer"
        case .bool: return "boolean"
        case .duration: return "duration"
        case .date: return "date"
        case .country: return "country"
        case .id: return "id"
        case .enumeration(let values): return "enum(\(values.joined(separator: "|")))"
        case .list(let item): return "list(\(item))"
        case .object(let kind): return "object(\(kind))"
        case .reference(let kind): return "reference(\(kind))"
        case .map(let value): return "map(\(value))"
        }
    }

    /// How a value of this type is described in messages: "a duration such as `P30D`".
    var expectation: String {
        switch self {
        case .string: return "a string"
        case .int: return "an integer"
        case .bool: return "`true` or `false`"
        case .duration: return "an ISO 8601 duration such as `P30D` or `PT24H`"
        case .date: return "a date such as `2026-03-01`"
        case .country: return "an ISO 3166-1 alpha-2 country code such as `NL`"
        case .id: return "an id (lowercase letters, digits and `-`)"
        case .enumeration(let values): return "one of " + values.map { "`\($0)`" }.joined(separator: ", ")
        case .list(let item): return "a list of \(item.pluralNoun)"
        case .object(let kind): return "a mapping (\(kind))"
        case .reference(let kind): return "the id of a \(kind)"
        case .map: return "a mapping"
        }
    }

    var pluralNoun: String {
        switch self {
        case .string: return "strings"
        case .int: return "integers"
        case .bool: return "booleans"
        case .duration: return "durations"
        case .date: return "dates"
        case .country: return "country codes"
        case .id: return "ids"
        case .enumeration(let values): return "values (" + values.joined(separator: ", ") + ")"
        case .list: return "lists"
        case .object(let kind): return "\(kind) mappings"
        case .reference(let kind): return "\(kind) ids"
        case .map: return "mappings"
        }
    }
}

/// One field of an object kind: its YAML key, type, whether it is required, what it means.
public struct FieldSchema: Sendable, Hashable {
    /// The kebab-case YAML key, e.g. `processor-agreement`.
    public let key: String
    public let type: FieldType
    /// A required field that is absent (or null) is a load error. Optional fields that are absent
    /// stay nil in the model: *unknown*, never false.
    public let required: Bool
    /// One or two sentences for editors and `schouw schema`.
    public let description: String
    /// The value assumed when the field is absent, as YAML text (`"true"`, `"bio2"`), if any.
    public let defaultValue: String?

    public init(key: String, type: FieldType, required: Bool = false, description: String, defaultValue: String? = nil) {
        self.key = key; self.type = type; self.required = required; self.description = description
        self.defaultValue = defaultValue
    }

    /// The field name in CEL expressions: the YAML key with `-` replaced by `_` (`processor_agreement`).
    public var celName: String { String(key.map { $0 == "-" ? "_" : $0 }) }
}

/// An object kind of the descriptor (`project`, `party`, `transfer`, ...) and its fields.
///
/// A class so the many readers that share one kind share one copy.
public final class ObjectSchema: Sendable {
    /// The kind's name; for referenceable objects it is also the kind in finding ids (`party`, `data`).
    public let kind: String
    public let description: String
    /// Fields in the order they are documented.
    public let fields: [FieldSchema]
    let index: [String: Int]
    /// UTF-8 bytes of each field key, for matching keys without building strings.
    let keyBytes: [[UInt8]]
    /// UTF-8 bytes of the allowed values of enum fields (and lists of enums), per field.
    let allowedBytes: [[[UInt8]]]
    /// Per field: the type, key and facts the loader's hot path needs, without copying `FieldSchema`.
    let types: [FieldType]
    let keys: [String]
    let isEnumeration: [Bool]
    let isId: [Bool]
    let requiredPositions: [Int]
    /// 1 string, 2 bool, 3 reference, 4 list of references to a well-known kind, 5 id: types whose
    /// common case the loader accepts on the bytes alone.
    let simpleType: [UInt8]
    /// For reference fields and lists of references, the target's position in `wellKnownKinds` (-1
    /// otherwise).
    let referenceKindPosition: [Int]

    /// Kinds every diagnostic sink knows from the start, so recording a reference needs no lookup.
    static let wellKnownKinds = ["purpose", "party", "zone", "data", "system", "flow"]

    public init(kind: String, description: String, fields: [FieldSchema]) {
        self.kind = kind; self.description = description; self.fields = fields
        var index: [String: Int] = [:]
        for (i, field) in fields.enumerated() { index[field.key] = i }
        self.index = index
        keyBytes = fields.map { Array($0.key.utf8) }
        types = fields.map(\.type)
        keys = fields.map(\.key)
        isEnumeration = fields.map { if case .enumeration = $0.type { return true } else { return false } }
        isId = fields.map { $0.type == .id }
        requiredPositions = fields.indices.filter { fields[$0].required }
        referenceKindPosition = fields.map {
            switch $0.type {
            case .reference(let kind), .list(.reference(let kind)): return ObjectSchema.wellKnownKinds.firstIndex(of: kind) ?? -1
            default: return -1
            }
        }
        simpleType = fields.map {
            switch $0.type {
            case .string: return 1
            case .bool: return 2
            case .reference: return 3
            case .list(.reference(let kind)): return ObjectSchema.wellKnownKinds.contains(kind) ? 4 : 0
            case .id: return 5
            default: return 0
            }
        }
        allowedBytes = fields.map { field in
            switch field.type {
            case .enumeration(let values), .list(.enumeration(let values)): return values.map { Array($0.utf8) }
            default: return []
            }
        }
    }

    /// The field with this YAML key.
    public func field(_ key: String) -> FieldSchema? { index[key].map { fields[$0] } }

    /// Position of a field by key; a linear scan beats hashing for the dozen fields a kind has.
    @inline(__always)
    func position(of key: String) -> Int? {
        // Filter by length and first byte so the string comparison almost always succeeds at once.
        let utf8 = key.utf8
        let length = utf8.count
        guard let first = utf8.first else { return nil }
        for i in 0..<keys.count where keyBytes[i].count == length && keyBytes[i][0] == first && keys[i] == key {
            return i
        }
        return nil
    }

    /// True when objects of this kind have an `id` and can be referenced.
    public var isReferenceable: Bool { index["id"] != nil }
}
