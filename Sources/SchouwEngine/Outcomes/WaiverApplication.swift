import SchouwModel
import SchouwResult

/// Applies waivers ("pas toe of leg uit") to raw outcomes: a valid waiver turns a failure into
/// `waived`; an expired one leaves the failure standing and says so; a waiver for a non-waivable rule
/// is refused; a waiver that matches no failure is stale (SPEC 2.4).
public enum WaiverApplication {
    /// `ruleIDs`: the rules that ran, so a stale waiver naming another rule says so.
    public static func apply(_ waivers: [Waiver], to outcomes: inout [Outcome], waivable: (String) -> Bool,
                             today: ISODate, ruleIDs: Set<String> = [], lang: Language = .en) -> [WaiverNote] {
        let texts = WaiverNoteTexts(lang: lang)
        // Most audits have no waivers: nothing to match against hundreds of thousands of outcomes.
        guard !waivers.isEmpty else { return [] }
        var notes: [WaiverNote] = []
        var used = [Bool](repeating: false, count: waivers.count)
        for (wi, w) in waivers.enumerated() where FindingID.segments(w.finding) == nil {
            used[wi] = true
            notes.append(WaiverNote(kind: "invalid", finding: w.finding,
                                    message: texts.invalid(w.finding),
                                    location: location(w.marks["finding"])))
        }
        var refusedRules = Set<String>()
        for oi in outcomes.indices where outcomes[oi].status == .fail {
            let finding = outcomes[oi].finding
            for (wi, w) in waivers.enumerated() where FindingID.matches(pattern: w.finding, finding: finding) {
                used[wi] = true
                if !waivable(outcomes[oi].rule) {
                    if refusedRules.insert("\(wi)|\(outcomes[oi].rule)").inserted {
                        notes.append(WaiverNote(
                            kind: "refused", finding: w.finding,
                            message: texts.refused(rule: outcomes[oi].rule),
                            location: location(w.marks["finding"])))
                    }
                    continue
                }
                let expired = w.expires < today
                let applied = AppliedWaiver(finding: w.finding, reason: w.reason, approvedBy: w.approvedBy,
                                            expires: w.expires.description, ticket: w.ticket, expired: expired,
                                            location: location(w.marks.object))
                // A valid waiver wins over an expired one matching the same finding.
                if let current = outcomes[oi].waiver, !current.expired { continue }
                outcomes[oi].waiver = applied
                outcomes[oi].status = expired ? .fail : .waived
            }
        }
        var expiredNoted = Set<Int>()
        for o in outcomes {
            guard let w = o.waiver, w.expired else { continue }
            if let wi = waivers.firstIndex(where: { $0.finding == w.finding }), expiredNoted.insert(wi).inserted {
                notes.append(WaiverNote(kind: "expired", finding: w.finding,
                                        message: texts.expired(on: w.expires),
                                        location: w.location))
            }
        }
        let stale = waivers.indices.filter { !used[$0] }
        let failing = failingFindings(of: Set(stale.prefix(suggestionsAtMost).compactMap { FindingID.segments(waivers[$0].finding)?.rule }),
                                      in: outcomes)
        for (n, wi) in stale.enumerated() {
            let w = waivers[wi]
            let message = n < suggestionsAtMost ? staleMessage(w.finding, failing: failing, ruleIDs: ruleIDs, texts: texts) : texts.stale
            notes.append(WaiverNote(kind: "stale", finding: w.finding, message: message, location: location(w.marks["finding"])))
        }
        return notes.sorted { ($0.finding, $0.kind) < ($1.finding, $1.kind) }
    }

    /// Stale waivers for which a likely typo is looked for: each look compares the pattern with
    /// the failing findings of its rule, and a hostile file may hold thousands of waivers.
    static let suggestionsAtMost = 20

    /// The failing findings of `rules`, by rule, in one pass over the outcomes.
    static func failingFindings(of rules: Set<Substring>, in outcomes: [Outcome]) -> [String: [String]] {
        guard !rules.isEmpty else { return [:] }
        var byRule: [String: [String]] = [:]
        for outcome in outcomes where outcome.status == .fail && rules.contains(Substring(outcome.rule)) {
            byRule[outcome.rule, default: []].append(outcome.finding)
        }
        return byRule
    }

    /// Why a waiver matched nothing, with the likely typo where there is one: a rule that did not
    /// run, or a failing finding of the same rule one or two letters away.
    static func staleMessage(_ pattern: String, failing: [String: [String]], ruleIDs: Set<String>,
                             texts: WaiverNoteTexts) -> String {
        guard let segments = FindingID.segments(pattern), !pattern.contains("*") else { return texts.stale }
        let rule = String(segments.rule)
        if !ruleIDs.isEmpty, !ruleIDs.contains(rule) {
            return texts.ruleDidNotRun(rule, closest: Suggestions.closest(to: rule, in: ruleIDs))
        }
        if let closest = Suggestions.closest(to: pattern, in: failing[rule] ?? []) {
            return texts.nearMiss(closest)
        }
        return texts.stale
    }

    static func location(_ mark: SourceMark) -> Location {
        Location(file: mark.file, line: mark.line, column: mark.column)
    }
}
