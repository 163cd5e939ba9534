/// The derived facts the engine adds to each descriptor object, with their CEL types. This table is
/// what the rule checker declares and what `Rules/README.md` documents; a test keeps the two in step.
public enum DerivedFactCatalog {
    public indirect enum FactType: Sendable, Equatable, CustomStringConvertible {
        case bool, string, int, duration, timestamp
        case list(FactType)
        case object(String)

        public var description: String {
            switch self {
            case .bool: "bool"
            case .string: "string"
            case .int: "int"
            case .duration: "duration"
            case .timestamp: "timestamp"
            case .list(let t): "list(\(t))"
            case .object(let name): name.replacingOccurrences(of: "schouw.", with: "")
            }
        }
    }

    public struct Fact: Sendable {
        public var name: String
        public var type: FactType
        public init(_ name: String, _ type: FactType) { self.name = name; self.type = type }
    }

    /// Facts per CEL object type.
    public static let facts: [String: [Fact]] = [
        "schouw.Asset": [
            Fact("personal", .bool), Fact("special", .bool), Fact("criminal", .bool), Fact("national_id", .bool),
            Fact("identifier", .bool), Fact("biometric", .bool), Fact("location", .bool),
            Fact("category_keys", .list(.string)), Fact("sources", .list(.string)),
            Fact("collected_by", .list(.string)), Fact("stored_by", .list(.string)),
            Fact("collected_in_public_space", .bool), Fact("from_public_space", .bool),
            Fact("source_assets", .list(.object("schouw.Asset"))), Fact("all_source_assets", .list(.object("schouw.Asset"))),
            Fact("reaches", .list(.string)),
            Fact("reaches_parties", .list(.string)), Fact("reaches_countries", .list(.string)),
            Fact("leaves_eea", .bool),
        ],
        "schouw.Flow": [
            Fact("from_system", .object("schouw.System")), Fact("to_system", .object("schouw.System")),
            Fact("from_zone", .object("schouw.Zone")), Fact("to_zone", .object("schouw.Zone")),
            Fact("crosses_boundary", .bool), Fact("crosses_border", .bool), Fact("personal", .bool),
            Fact("special", .bool), Fact("criminal", .bool), Fact("identifier", .bool), Fact("encrypted", .bool),
            Fact("assets", .list(.object("schouw.Asset"))), Fact("purpose_info", .object("schouw.Purpose")),
        ],
        "schouw.System": [
            Fact("receives", .list(.string)), Fact("handles", .list(.string)),
            Fact("collected_assets", .list(.object("schouw.Asset"))), Fact("stored_assets", .list(.object("schouw.Asset"))),
            Fact("handled_assets", .list(.object("schouw.Asset"))), Fact("sent_assets", .list(.object("schouw.Asset"))),
            Fact("personal", .bool),
            Fact("special", .bool), Fact("country", .string), Fact("in_eea", .bool),
            Fact("operator_party", .object("schouw.Party")), Fact("zone_info", .object("schouw.Zone")),
            Fact("public_space", .bool), Fact("inbound", .list(.string)), Fact("outbound", .list(.string)),
        ],
        "schouw.Party": [
            Fact("receives_personal", .bool), Fact("in_eea", .bool), Fact("hq_in_eea", .bool),
            Fact("processes", .list(.string)), Fact("operates", .list(.string)), Fact("hosts", .list(.string)),
            Fact("stores", .list(.string)), Fact("processor_for_party", .object("schouw.Party")),
            Fact("external", .bool),
        ],
        "schouw.Purpose": [
            Fact("flows_using", .list(.string)), Fact("personal", .bool), Fact("special", .bool),
            Fact("criminal", .bool), Fact("national_id", .bool), Fact("from_public_space", .bool),
            Fact("assets", .list(.object("schouw.Asset"))),
        ],
        "schouw.Zone": [
            Fact("public_space", .bool), Fact("systems", .list(.string)), Fact("personal", .bool),
            Fact("operator_party", .object("schouw.Party")),
        ],
        "schouw.Project": [
            Fact("personal", .bool), Fact("public_space_sensing", .bool), Fact("sensing", .list(.string)),
            Fact("large_scale", .bool), Fact("external_processors", .list(.string)),
        ],
    ]
}
