import Foundation
import SchouwResult

/// A rule reference that does not land on a listed catalogue entry, and why.
public struct ReferenceNote: Sendable, Codable, Equatable {
    public enum Kind: String, Sendable, Codable {
        /// The id does not exist in the catalogue or the norm (an error in the rule).
        case unknown
        /// The id exists but is not an obligation of its own: a BIO2 control without overheidsmaatregel,
        /// a moved or withdrawn measure, a BIO 1.04 "conform norm" row.
        case unlisted
        /// A valid article outside the list of controller obligations (definitions such as art. 4).
        case outsideList = "outside-list"
        /// The reference text holds no recognisable id.
        case unparsable
    }

    public var rule: String
    public var framework: String
    public var ref: String
    /// The id the reference resolved to, when it resolved.
    public var id: String?
    public var kind: Kind
    public var reason: String

    /// Unknown and unparsable references are mistakes in a rule; the others are information.
    public var isError: Bool { kind == .unknown || kind == .unparsable }
}

/// Checks that the references of rules name measures and articles that exist.
///
/// A reference is what a CISO follows from a finding to the norm, and what coverage counts; a typo
/// (`5.71.01`) or a measure BIO2 v1.3 moved elsewhere silently breaks both.
public enum ReferenceCheck {
    /// The UAVG has 54 articles.
    public static let uavgArticles = 1...54
    /// The AP's list of processing that always needs a DPIA has 17 items (Stcrt. 2019, 64418).
    public static let apDPIAItems = 1...17

    /// Every reference of `rules` in a framework with a catalogue or a known numbering that does not
    /// land on a listed entry. References of other frameworks (`gibit`, `other`, ...) are not checked.
    public static func check(_ rules: [Rule], catalogues: [CoverageFramework: Catalogue]) -> [ReferenceNote] {
        var notes: [ReferenceNote] = []
        for rule in rules {
            for reference in rule.references {
                notes += check(reference, rule: rule.id, catalogues: catalogues)
            }
        }
        return notes
    }

    /// The built-in catalogues of every framework.
    public static func builtInCatalogues() throws(CoverageError) -> [CoverageFramework: Catalogue] {
        var all: [CoverageFramework: Catalogue] = [:]
        for f in CoverageFramework.allCases { all[f] = try CatalogueLoader.builtIn(f) }
        return all
    }

    static func check(_ reference: Reference, rule: String, catalogues: [CoverageFramework: Catalogue]) -> [ReferenceNote] {
        func note(_ id: String?, _ kind: ReferenceNote.Kind, _ reason: String) -> ReferenceNote {
            ReferenceNote(rule: rule, framework: reference.framework, ref: reference.ref, id: id, kind: kind, reason: reason)
        }
        switch reference.framework {
        case "uavg":
            guard let articles = ReferenceIDs.articles(reference.ref) else {
                return [note(nil, .unparsable, "expected `art. N`, `art. N(p)` or `art. N-M`")]
            }
            return articles.filter { !uavgArticles.contains($0) }
                .map { note("art. \($0)", .unknown, "the UAVG has articles 1 to 54") }
        case "ap-dpia-list":
            guard let item = Int(reference.ref.trimmingCharacters(in: .whitespaces)) else {
                return [note(nil, .unparsable, "expected the item number 1 to 17")]
            }
            return apDPIAItems.contains(item) ? [] : [note(reference.ref, .unknown, "the AP list has items 1 to 17")]
        default:
            guard let framework = CoverageFramework(rawValue: reference.framework),
                  let catalogue = catalogues[framework] else { return [] }
            guard let ids = ReferenceIDs.ids(reference.ref, framework: framework) else {
                return [note(nil, .unparsable, framework == .avg ? "expected `art. N`, `art. N(p)` or `art. N-M`"
                                                                 : "expected a measure id such as `\(example(framework))`")]
            }
            var notes: [ReferenceNote] = []
            for id in ids {
                if let entry = catalogue.entry(id) {
                    if case .unlisted(let why) = entry.standing { notes.append(note(id, .unlisted, why)) }
                } else if framework == .avg, let n = ReferenceIDs.articles(id)?.first, AVGArticles.articleRange.contains(n) {
                    notes.append(note(id, .outsideList, "not one of the controller obligations in Rules/catalogues/avg-articles.yaml"))
                } else {
                    notes.append(note(id, .unknown, framework == .avg ? "the AVG has articles 1 to 99"
                                                                      : "no such id in \(catalogue.name) \(catalogue.version)"))
                }
            }
            return notes
        }
    }

    static func example(_ f: CoverageFramework) -> String {
        switch f {
        case .bio2: "5.17.01"
        case .bio104: "9.4.2.1"
        case .bioCloud: "U.05.1"
        case .avg: "art. 28(3)(h)"
        }
    }
}
