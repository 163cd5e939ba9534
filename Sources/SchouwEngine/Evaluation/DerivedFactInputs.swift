/// What each derived fact is computed from, as paths on the same object: `schouw explain` shows
/// their values beneath the fact, so an explanation says what made a fact what it is
/// (`flow.encryption = "none"` made `flow.encrypted` false) instead of stopping at the fact.
///
/// Only facts whose inputs a reader can check on the object are listed; facts that gather over
/// the whole graph (`reaches`, `receives`) are explained by their meaning in `Rules/README.md`.
/// A test compiles every path against the rule environment, so a renamed field cannot linger here.
public enum DerivedFactInputs {
    /// CEL object type -> fact -> paths, each relative to the object.
    public static let paths: [String: [String: [String]]] = [
        "schouw.Flow": [
            "encrypted": ["encryption", "protocol"],
            "crosses_boundary": ["from_zone.id", "to_zone.id", "from_zone.trust", "to_zone.trust"],
            "crosses_border": ["from_system.country", "to_system.country"],
            "personal": ["data"], "special": ["data"], "criminal": ["data"], "identifier": ["data"],
        ],
        "schouw.System": [
            "country": ["zone_info.country", "operator_party.country"],
            "in_eea": ["country"],
            "public_space": ["zone_info.public_space", "kind"],
            "personal": ["handles"], "special": ["handles"],
        ],
        "schouw.Party": [
            "in_eea": ["country"],
            "hq_in_eea": ["headquarters"],
            "external": ["role"],
            "receives_personal": ["operates", "hosts"],
        ],
        "schouw.Asset": [
            "personal": ["categories"], "special": ["categories"], "criminal": ["categories"],
            "national_id": ["categories"], "identifier": ["categories"], "biometric": ["categories"],
            "location": ["categories"],
            "from_public_space": ["collected_in_public_space", "sources"],
            "leaves_eea": ["reaches_countries"],
        ],
        "schouw.Zone": [
            "public_space": ["kind", "parent"],
        ],
        "schouw.Purpose": [
            "personal": ["flows_using"],
        ],
    ]

    /// The paths `fact` is computed from on an object of CEL type `type` (empty when not listed).
    public static func inputs(of fact: String, onType type: String) -> [String] {
        paths[type]?[fact] ?? []
    }
}
