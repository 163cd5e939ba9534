/// Finding ids `RULE-ID@kind:id` (SPEC 2.4): stable across runs and orderings, the key for waivers,
/// baselines and SARIF fingerprints. Built by `Outcome.findingID`; matched here.
public enum FindingID {
    /// Splits a finding id or waiver pattern into its three segments; nil when it is not of the form
    /// `RULE@kind:id`.
    public static func segments(_ text: String) -> (rule: Substring, kind: Substring, id: Substring)? {
        guard let at = text.firstIndex(of: "@") else { return nil }
        let rest = text[text.index(after: at)...]
        guard let colon = rest.firstIndex(of: ":") else { return nil }
        let rule = text[..<at], kind = rest[..<colon], id = rest[rest.index(after: colon)...]
        guard !rule.isEmpty, !kind.isEmpty, !id.isEmpty else { return nil }
        return (rule, kind, id)
    }

    /// True when `pattern` (with `*` matching any run of characters inside one segment) matches `finding`.
    public static func matches(pattern: String, finding: String) -> Bool {
        guard let p = segments(pattern), let f = segments(finding) else { return false }
        return glob(p.rule, f.rule) && glob(p.kind, f.kind) && glob(p.id, f.id)
    }

    /// Glob with `*` only; iterative with backtracking to the last star, so it is linear-ish and
    /// cannot blow up on hostile patterns like `a*a*a*a*b`.
    static func glob(_ pattern: Substring, _ text: Substring) -> Bool {
        let p = Array(pattern.utf8), t = Array(text.utf8)
        var pi = 0, ti = 0
        var starP = -1, starT = 0
        while ti < t.count {
            if pi < p.count && p[pi] == UInt8(ascii: "*") {
                starP = pi; starT = ti; pi += 1
            } else if pi < p.count && p[pi] == t[ti] {
                pi += 1; ti += 1
            } else if starP >= 0 {
                pi = starP + 1; starT += 1; ti = starT
            } else {
                return false
            }
        }
        while pi < p.count && p[pi] == UInt8(ascii: "*") { pi += 1 }
        return pi == p.count
    }
}
