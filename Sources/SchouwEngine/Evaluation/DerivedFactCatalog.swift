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
        /// What the fact is computed from, as paths on the same object (`encryption` for a flow's
        /// `encrypted`): `schouw explain` shows their values beneath the fact. Empty for facts
        /// gathered over the whole graph (`reaches`, `receives`), which `Rules/README.md` explains.
        public var inputs: [String]
        public init(_ name: String, _ type: FactType, from inputs: [String] = []) {
            self.name = name; self.type = type; self.inputs = inputs
        }
    }

    /// The inputs of `fact` on objects of CEL type `type` (empty when it lists none).
    public static func inputs(of fact: String, onType type: String) -> [String] {
        facts[type]?.first { $0.name == fact }?.inputs ?? []
    }

    /// Facts per CEL object type.
    public static let facts: [String: [Fact]] = [
        "schouw.Asset": [
            Fact("personal", .bool, from: ["categories"]), Fact("special", .bool, from: ["categories"]),
            Fact("criminal", .bool, from: ["categories"]), Fact("national_id", .bool, from: ["categories"]),
            Fact("identifier", .bool, from: ["categories"]), Fact("biometric", .bool, from: ["categories"]),
            Fact("location", .bool, from: ["categories"]),
            Fact("category_keys", .list(.string)), Fact("sources", .list(.string)),
            Fact("collected_by", .list(.string)), Fact("stored_by", .list(.string)),
            Fact("collected_in_public_space", .bool),
            Fact("from_public_space", .bool, from: ["collected_in_public_space", "sources"]),
            Fact("source_assets", .list(.object("schouw.Asset"))), Fact("all_source_assets", .list(.object("schouw.Asset"))),
            Fact("reaches", .list(.string)),
            Fact("reaches_parties", .list(.string)), Fact("reaches_countries", .list(.string)),
            Fact("leaves_eea", .bool, from: ["reaches_countries"]),
        ],
        "schouw.Flow": [
            Fact("from_system", .object("schouw.System")), Fact("to_system", .object("schouw.System")),
            Fact("from_zone", .object("schouw.Zone")), Fact("to_zone", .object("schouw.Zone")),
            Fact("crosses_boundary", .bool, from: ["from_zone.id", "to_zone.id", "from_zone.trust", "to_zone.trust"]),
            Fact("crosses_border", .bool, from: ["from_system.country", "to_system.country"]),
            Fact("personal", .bool, from: ["data"]), Fact("special", .bool, from: ["data"]),
            Fact("criminal", .bool, from: ["data"]), Fact("identifier", .bool, from: ["data"]),
            Fact("encrypted", .bool, from: ["encryption", "protocol"]),
            Fact("assets", .list(.object("schouw.Asset"))), Fact("purpose_info", .object("schouw.Purpose")),
        ],
        "schouw.System": [
            Fact("receives", .list(.string)), Fact("handles", .list(.string)),
            Fact("collected_assets", .list(.object("schouw.Asset"))), Fact("stored_assets", .list(.object("schouw.Asset"))),
            Fact("handled_assets", .list(.object("schouw.Asset"))), Fact("sent_assets", .list(.object("schouw.Asset"))),
            Fact("personal", .bool, from: ["handles"]), Fact("special", .bool, from: ["handles"]),
            Fact("country", .string, from: ["zone_info.country", "operator_party.country"]),
            Fact("in_eea", .bool, from: ["country"]),
            Fact("operator_party", .object("schouw.Party")), Fact("zone_info", .object("schouw.Zone")),
            Fact("public_space", .bool, from: ["zone_info.public_space", "kind"]),
            Fact("inbound", .list(.string)), Fact("outbound", .list(.string)),
        ],
        "schouw.Party": [
            Fact("receives_personal", .bool, from: ["operates", "hosts"]),
            Fact("in_eea", .bool, from: ["country"]), Fact("hq_in_eea", .bool, from: ["headquarters"]),
            Fact("processes", .list(.string)), Fact("operates", .list(.string)), Fact("hosts", .list(.string)),
            Fact("stores", .list(.string)), Fact("processor_for_party", .object("schouw.Party")),
            Fact("external", .bool, from: ["role"]),
        ],
        "schouw.Purpose": [
            Fact("flows_using", .list(.string)), Fact("personal", .bool, from: ["flows_using"]), Fact("special", .bool),
            Fact("criminal", .bool), Fact("national_id", .bool), Fact("from_public_space", .bool),
            Fact("assets", .list(.object("schouw.Asset"))),
        ],
        "schouw.Zone": [
            Fact("public_space", .bool, from: ["kind", "parent"]), Fact("systems", .list(.string)), Fact("personal", .bool),
            Fact("operator_party", .object("schouw.Party")),
        ],
        "schouw.Project": [
            Fact("personal", .bool), Fact("public_space_sensing", .bool), Fact("sensing", .list(.string)),
            Fact("large_scale", .bool), Fact("external_processors", .list(.string)),
        ],
    ]
}
