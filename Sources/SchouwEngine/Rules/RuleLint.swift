import SchouwModel
import SchouwResult

/// Checks beyond loading that keep the library trustworthy: tests beside every rule with a failing and
/// a passing case, texts in both languages that differ, a checklist block's texts filled in.
public enum RuleLint {
    public static func check(_ set: RuleSet) -> [SchouwModel.Diagnostic] {
        var out: [SchouwModel.Diagnostic] = []
        for rule in set.rules {
            if rule.title.nl == rule.title.en {
                out.append(.warning("\(rule.id): the Dutch and English titles are identical", at: rule.mark,
                                    hint: "translate the title"))
            }
            if rule.references.isEmpty {
                out.append(.error("\(rule.id): no references", at: rule.mark))
            }
        }
        let report = RuleTestRunner.run(set)
        out += report.diagnostics
        for c in report.cases where !c.passed {
            out.append(.error("\(c.rule): test case `\(c.name)` fails: \(c.failures.joined(separator: "; "))", at: c.mark))
        }
        return out
    }
}
