/// How Fides values translate into the descriptor's (documented in docs/import.md).
enum FidesMappings {
    /// `legal_basis_for_processing` (GDPR art. 6) to `legal-basis`.
    static func legalBasis(_ value: String) -> String? {
        switch value.lowercased() {
        case "consent": return "consent"
        case "contract": return "contract"
        case "legal obligations", "legal obligation": return "legal-obligation"
        case "vital interests", "vital interest": return "vital-interests"
        case "public interest", "public task": return "public-task"
        case "legitimate interests", "legitimate interest": return "legitimate-interests"
        default: return nil
        }
    }

    /// `special_category_legal_basis` (GDPR art. 9(2)) to a `special-category-exception` text.
    static func specialCategoryException(_ value: String) -> String? {
        let points: [String: String] = [
            "explicit consent": "a",
            "employment, social security and social protection": "b",
            "vital interests": "c",
            "not-for-profit bodies": "d",
            "made public by the data subject": "e",
            "legal claims or judicial acts": "f",
            "reasons of substantial public interest (with a basis in law)": "g",
            "health or social care (with a basis in law)": "h",
            "public health (with a basis in law)": "i",
            "archiving, research and statistics (with a basis in law)": "j",
        ]
        guard let point = points[value.lowercased()] else { return nil }
        return "AVG 9(2)(\(point)): \(value)"
    }

    /// `responsibility` / `data_responsibility_title` to a party role.
    static func role(_ value: String) -> String? {
        switch value.lowercased() {
        case "controller": return "controller"
        case "processor": return "processor"
        case "sub-processor", "subprocessor", "sub_processor": return "sub-processor"
        default: return nil
        }
    }

    /// `legal_basis_for_transfers` to a transfer mechanism; nil for values that are not a mechanism.
    static func transferMechanism(_ value: String) -> String? {
        switch value.lowercased() {
        case "adequacy decision", "adequacy": return "adequacy"
        case "sccs", "scc", "standard contractual clauses": return "scc"
        case "bcrs", "bcr", "binding corporate rules": return "bcr"
        case "data privacy framework", "dpf", "eu-us data privacy framework": return "dpf"
        case "derogation", "derogations": return "derogation"
        default: return nil
        }
    }

    /// `system_type` (free text in Fides) to a system kind, and whether that is a clear match.
    static func systemKind(_ value: String?) -> (kind: String, exact: Bool) {
        switch value?.lowercased() {
        case "application", "app": return ("application", true)
        case "database", "datastore", "data store": return ("database", true)
        case "website", "web site", "web": return ("website", true)
        case "api", "web service": return ("api", true)
        case "mobile app", "mobile application", "mobile": return ("mobile-app", true)
        case "analytics": return ("analytics", true)
        case "dashboard": return ("dashboard", true)
        default: return ("platform", false)
        }
    }

    /// A retention text as an ISO 8601 duration: ISO as written, or `30 days`, `6 months`, `1 year`.
    static func retention(_ text: String) -> String? {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        if trimmed.count > 1, trimmed.range(of: #"^P(\d+Y)?(\d+M)?(\d+D)?$"#, options: .regularExpression) != nil {
            return trimmed
        }
        let parts = trimmed.lowercased().split(separator: " ")
        guard parts.count == 2, let n = Int(parts[0]), n >= 0, n <= 100_000 else { return nil }
        switch parts[1] {
        case "day", "days": return "P\(n)D"
        case "week", "weeks": return "P\(n * 7)D"
        case "month", "months": return "P\(n)M"
        case "year", "years": return "P\(n)Y"
        default: return nil
        }
    }
}

import Foundation
