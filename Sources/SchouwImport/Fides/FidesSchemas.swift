/// The keys each Fides resource may have (fideslang models, current and earlier versions).
///
/// Fides itself ignores keys it does not know; the importer reports them instead, because a typo
/// (`data_categores`) would otherwise silently drop the facts under it.
enum FidesSchemas {
    static let topLevel: Set<String> = ["organization", "system", "dataset", "policy", "data_category", "data_use",
                                        "data_subject", "registry", "evaluation"]

    static let common: Set<String> = ["fides_key", "organization_fides_key", "tags", "name", "description"]

    static let organization = common.union(["organization_parent_key", "controller", "data_protection_officer",
                                            "fidesctl_meta", "representative", "security_policy"])

    static let contact: Set<String> = ["name", "address", "email", "phone"]

    static let system = common.union([
        "meta", "fidesctl_meta", "system_type", "egress", "ingress", "privacy_declarations",
        "administrating_department", "vendor_id", "previous_vendor_id", "vendor_deleted_date", "dataset_references",
        "processes_personal_data", "exempt_from_privacy_regulations", "reason_for_exemption", "uses_profiling",
        "legal_basis_for_profiling", "does_international_transfers", "legal_basis_for_transfers",
        "requires_data_protection_assessments", "dpa_location", "dpa_progress", "privacy_policy", "legal_name",
        "legal_address", "responsibility", "dpo", "joint_controller_info", "data_security_practices",
        "cookie_max_age_seconds", "uses_cookies", "cookie_refresh", "uses_non_cookie_access",
        "legitimate_interest_disclosure_url", "cookies", "registry_id",
        // earlier fideslang versions
        "data_responsibility_title", "joint_controller", "third_country_transfers", "data_protection_impact_assessment",
    ])

    static let privacyDeclaration: Set<String> = [
        "name", "data_categories", "data_use", "data_subjects", "dataset_references", "egress", "ingress", "features",
        "flexible_legal_basis_for_processing", "legal_basis_for_processing", "impact_assessment_location",
        "retention_period", "processes_special_category_data", "special_category_legal_basis",
        "data_shared_with_third_parties", "third_parties", "shared_categories", "cookies", "data_qualifier", "id",
    ]

    static let dataFlow: Set<String> = ["fides_key", "type", "data_categories"]

    static let dataset = common.union([
        "meta", "data_categories", "data_uses", "data_purposes", "data_subjects", "fides_meta", "fidesops_meta",
        "fidesctl_meta", "collections", "data_qualifier", "retention", "third_country_transfers", "joint_controller",
    ])

    static let collection: Set<String> = ["name", "description", "data_categories", "data_uses", "data_purposes",
                                          "data_subjects", "fields", "fides_meta", "fidesops_meta", "data_qualifier",
                                          "retention"]

    static let field = collection
}
