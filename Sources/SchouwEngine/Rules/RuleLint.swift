import Foundation
import SchouwModel
import SchouwResult

/// Checks beyond loading that keep the library trustworthy: tests beside every rule with a failing and
/// a passing case, texts in both languages that differ, a checklist block's texts filled in.
public enum RuleLint {
    public struct Findings: Sendable {
        /// Every finding, unsorted.
        public var diagnostics: [SchouwModel.Diagnostic]
        /// Test files that did not load (display paths): like a rule file with errors, invalid input
        /// rather than a finding about a rule.
        public var unloadedTestFiles: [String]
    }

    public static func check(_ set: RuleSet) -> Findings {
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
        let scan = try? NSRegularExpression(pattern: "\\b(parties|zones|data|systems|flows|purposes)\\.(exists|all|exists_one|filter|map)\\(")
        for rule in set.rules where rule.forEach != .project {
            for expression in [rule.when, rule.assert].compactMap({ $0 }) {
                let text = expression.source
                if let scan, let match = scan.firstMatch(in: text, range: NSRange(text.startIndex..., in: text)),
                   let range = Range(match.range, in: text) {
                    out.append(.warning("\(rule.id): `\(text[range])` scans a whole section for every \(rule.forEach.rawValue); that is quadratic on large descriptors",
                                        at: expression.mark,
                                        hint: "use an object fact such as system.collected_assets, asset.source_assets or zone.operator_party (Rules/README.md)"))
                }
            }
        }
        let report = RuleTestRunner.run(set)
        out += report.diagnostics
        for c in report.cases where !c.passed {
            out.append(.error("\(c.rule): test case `\(c.name)` fails: \(c.failures.joined(separator: "; "))", at: c.mark))
        }
        return Findings(diagnostics: out, unloadedTestFiles: report.unloadedFiles)
    }
}
