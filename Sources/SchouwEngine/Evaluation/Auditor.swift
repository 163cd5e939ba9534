import Foundation
import SchouwModel
import SchouwResult

/// Settings of one audit run (the `audit` command's options, as values).
public struct AuditSettings: Sendable {
    public var failOn: FailOn
    public var failOnUnknown: Bool
    /// Waivers from `--waivers` files, applied with those in the descriptor.
    public var extraWaivers: [Waiver]
    /// Findings of an earlier result (`--baseline`): failures already known there are left out, and
    /// the findings that stay are marked new or known (`BaselineComparison`).
    public var baseline: AuditResult?
    public var lang: Language
    public var now: Date
    public var toolVersion: String

    public init(failOn: FailOn = .high, failOnUnknown: Bool = false, extraWaivers: [Waiver] = [],
                baseline: AuditResult? = nil, lang: Language = .nl, now: Date, toolVersion: String) {
        self.failOn = failOn; self.failOnUnknown = failOnUnknown; self.extraWaivers = extraWaivers
        self.baseline = baseline; self.lang = lang; self.now = now; self.toolVersion = toolVersion
    }
}

/// Runs the rules over a loaded descriptor and assembles the result contract (SPEC section 5).
public enum Auditor {
    public static let catalogues = ["bio2": "1.3", "bio-1.04": "1.04", "avg": "2016/679", "ap-dpia-list": "Stcrt. 2019, 64418"]

    /// Audits `descriptor` with `rules`.
    ///
    /// `keep` receives the evaluator (the descriptor as CEL values) before it would be freed: a
    /// command about to exit can hold on to it, since freeing a city-wide audit's objects one by one
    /// takes longer than the exit that releases them at once.
    public static func run(_ descriptor: Descriptor, descriptorPath: String, rules: RuleSet,
                           settings: AuditSettings, keep: (Any) -> Void = { _ in }) -> AuditResult {
        let evaluator = RuleEvaluator(descriptor: descriptor, taxonomy: rules.taxonomy, now: settings.now,
                                      fields: rules.referencedFields)
        keep(evaluator)
        return assemble(descriptor, descriptorPath: descriptorPath, rules: rules, settings: settings,
                        outcomes: evaluator.evaluate(rules.rules, lang: settings.lang))
    }

    /// The result from evaluated outcomes: waivers and baseline applied, the gate decided, the summary
    /// counted. Separate from `run` so benchmarks can time evaluation and assembly apart.
    public static func assemble(_ descriptor: Descriptor, descriptorPath: String, rules: RuleSet,
                                settings: AuditSettings, outcomes evaluated: [Outcome]) -> AuditResult {
        var outcomes = evaluated
        let waivable = Dictionary(uniqueKeysWithValues: rules.rules.map { ($0.id, $0.waivable) })
        let today = ISODate(epochSeconds: Int64(settings.now.timeIntervalSince1970.rounded(.down)))
        let notes = WaiverApplication.apply(descriptor.waivers + settings.extraWaivers, to: &outcomes,
                                            waivable: { waivable[$0] ?? true }, today: today,
                                            ruleIDs: Set(waivable.keys), lang: settings.lang)
        if let baseline = settings.baseline { BaselineComparison.apply(baseline, to: &outcomes) }
        let passes = Gate.passes(outcomes, policy: GatePolicy(failOn: settings.failOn, failOnUnknown: settings.failOnUnknown))
        let (summary, usedRules) = OutcomeSummary.tally(outcomes)
        let p = descriptor.project
        // Digests are computed when an output first reads them (see `FileDigestText`).
        let files = descriptor.files.map { file in AuditResult.FileDigest(path: file.path, sha256: { file.sha256 }) }
        let main = descriptor.files.first
        return AuditResult(
            lang: settings.lang.rawValue,
            tool: .init(version: settings.toolVersion),
            descriptor: .init(path: descriptorPath, sha256: { main?.sha256 ?? "" }, files: files),
            ruleset: .init(sha256: rules.digest, rules: rules.rules.count, catalogues: catalogues),
            project: .init(id: p.id, name: p.name, organisation: p.organisation, phase: p.phase?.rawValue, bio: p.bio.rawValue),
            evaluatedAt: Clock.rfc3339(settings.now),
            gate: .init(failOn: settings.failOn.rawValue, failOnUnknown: settings.failOnUnknown, verdict: passes ? "passed" : "failed"),
            summary: summary,
            outcomes: outcomes,
            waiverNotes: notes,
            rules: rules.rules.filter { usedRules.contains($0.id) }.map { $0.info(settings.lang) })
    }

}

extension ISODate {
    /// The UTC calendar day containing the instant.
    public init(epochSeconds: Int64) {
        // Civil from days (Howard Hinnant), the inverse of `epochSeconds`.
        let z = (epochSeconds >= 0 ? epochSeconds : epochSeconds - 86_399) / 86_400 + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let doe = z - era * 146_097
        let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let day = Int(doy - (153 * mp + 2) / 5 + 1)
        let month = Int(mp < 10 ? mp + 3 : mp - 9)
        let year = Int(yoe + era * 400) + (month <= 2 ? 1 : 0)
        self.init(year: year, month: month, day: day)
    }
}
