import Foundation
import SchouwResult

/// Renders rule references the way a procurement officer cites them: "BIO2 5.20.06", "AVG art. 28(3)",
/// "GIBIT art. 22", "VNG VWO", "Forum Standaardisatie", "NCSC TLS".
public enum ReferenceText {
    public static func render(_ reference: Reference, language: ChecklistLanguage) -> String {
        let ref = reference.ref.trimmingCharacters(in: .whitespaces)
        switch reference.framework {
        case "avg": return article("AVG", ref)
        case "uavg": return article("UAVG", ref)
        case "gibit": return article("GIBIT", ref)
        case "gemeentewet": return article("Gemeentewet", ref)
        case "ai-act": return article(language == .nl ? "AI-verordening" : "AI Act", ref)
        case "bio2": return named("BIO2", ref)
        case "bio-1.04": return named("BIO 1.04", ref)
        case "bio-cloud": return named(language == .nl ? "BIO Clouddiensten" : "BIO Cloud Services", ref)
        case "vng-vwo": return named("VNG VWO", ref)
        case "forum-standaardisatie": return named("Forum Standaardisatie", ref)
        case "ncsc-tls": return named("NCSC TLS", ref)
        case "ap-dpia-list": return named(language == .nl ? "AP DPIA-lijst" : "AP DPIA list", ref)
        case "other": return ref
        default: return named(reference.framework, ref)
        }
    }

    /// All references of an item, in rule order, joined with "; ".
    public static func render(_ references: [Reference], language: ChecklistLanguage) -> String {
        var seen = Set<String>()
        return references.map { render($0, language: language) }
            .filter { !$0.isEmpty && seen.insert($0).inserted }
            .joined(separator: "; ")
    }

    /// "AVG art. 28(3)" from either `28(3)` or `art. 28(3)`.
    private static func article(_ name: String, _ ref: String) -> String {
        guard let first = ref.first else { return name }
        return first.isNumber ? "\(name) art. \(ref)" : "\(name) \(ref)"
    }

    private static func named(_ name: String, _ ref: String) -> String {
        ref.isEmpty ? name : "\(name) \(ref)"
    }
}
