import CEL
import Foundation
import SchouwModel
import SchouwResult

/// Runs the test cases beside each rule (`<ID>.tests.yaml`, Rules/README.md): every case is a small
/// descriptor with the expected outcome per subject.
public enum RuleTestRunner {
    public static let defaultNow = "2026-01-01T00:00:00Z"

    public struct CaseResult: Sendable {
        public var rule: String
        public var name: String
        public var mark: SourceMark
        /// Empty when the case passed.
        public var failures: [String]
        public var passed: Bool { failures.isEmpty }
    }

    public struct Report: Sendable {
        /// The cases of the test files that loaded.
        public var cases: [CaseResult]
        /// Problems with the test files themselves, and rules lacking a failing or passing case.
        public var diagnostics: [SchouwModel.Diagnostic]
        /// Test files with errors, by display path. None of their cases counts: a file with a
        /// mistake in one expectation could otherwise report all its other cases as passed.
        public var unloadedFiles: [String] = []
        public var passed: Int { cases.filter(\.passed).count }
        public var failed: Int { cases.count - passed }
        public var ok: Bool { failed == 0 && !diagnostics.hasErrors }
    }

    /// Runs the cases of `rules` (all when `only` is empty).
    public static func run(_ set: RuleSet, only: Set<String> = [], requireBothOutcomes: Bool = true) -> Report {
        let sink = DiagnosticSink()
        var results: [CaseResult] = []
        var unloaded: [String] = []
        for rule in set.rules where only.isEmpty || only.contains(rule.id) {
            guard let file = set.tests[rule.id] else {
                sink.add(.error("rule \(rule.id) has no test file", at: rule.mark,
                                hint: "add \(rule.id).tests.yaml beside the rule with a failing and a passing case"))
                continue
            }
            let own = DiagnosticSink()
            let (cases, expected) = runFile(file, rule: rule, set: set, sink: own)
            sink.add(contentsOf: own.diagnostics)
            if own.hasErrors {
                unloaded.append(file.displayPath)
                continue
            }
            results += cases
            if requireBothOutcomes {
                for needed in [OutcomeStatus.fail, .pass] where !expected.contains(needed) {
                    sink.add(.error("the tests of \(rule.id) have no case expecting `\(needed.rawValue)`",
                                    at: SourceMark(file: file.displayPath, line: 1, column: 1),
                                    hint: "every rule needs at least one failing and one passing case"))
                }
            }
        }
        // A rule file that failed to load has its own errors; its tests are not for an unknown rule.
        for (id, file) in set.tests.sorted(by: { $0.key < $1.key })
        where set.rule(id) == nil && !set.unloadedRuleIDs.contains(id) && (only.isEmpty || only.contains(id)) {
            sink.add(.warning("test file for unknown rule \(id)", at: SourceMark(file: file.displayPath, line: 1, column: 1),
                              hint: "rename it to <RULE-ID>.tests.yaml"))
        }
        return Report(cases: results, diagnostics: sink.diagnostics.sorted(by: SchouwModel.Diagnostic.displayOrder),
                      unloadedFiles: unloaded)
    }

    static func runFile(_ file: RuleSourceFile, rule: Rule, set: RuleSet,
                        sink: DiagnosticSink) -> ([CaseResult], Set<OutcomeStatus>) {
        let (document, diagnostics) = YAMLParser.parse(text: file.text, path: file.displayPath)
        sink.add(contentsOf: diagnostics)
        guard let root = document?.root, root.kind == .mapping else {
            if diagnostics.isEmpty {
                sink.add(.error("a tests file is a mapping with `rule:` and `cases:`",
                                at: SourceMark(file: file.displayPath, line: 1, column: 1)))
            }
            return ([], [])
        }
        checkKeys(root, allowed: ["rule", "cases"], what: "tests file", sink: sink)
        if let r = root["rule"], r.scalar != rule.id {
            sink.error("this file tests `\(r.scalar ?? "?")` but is named for \(rule.id)", at: r,
                       hint: "write `rule: \(rule.id)`")
        }
        guard let cases = root["cases"], cases.kind == .sequence else {
            sink.error("missing `cases:` list", at: root, hint: "see Rules/README.md for the tests format")
            return ([], [])
        }
        var results: [CaseResult] = []
        var expectedStatuses = Set<OutcomeStatus>()
        for item in cases.items {
            guard item.kind == .mapping else { sink.error("a case is a mapping", at: item); continue }
            checkKeys(item, allowed: ["name", "now", "descriptor", "expect"], what: "test case", sink: sink)
            let name = item["name"]?.scalar ?? "case at line \(item.line)"
            var now = Clock.parse(defaultNow) ?? Date(timeIntervalSince1970: 1_767_225_600)
            if let n = item["now"] {
                if let text = n.scalar, let d = Clock.parse(text) { now = d } else {
                    sink.error("`now` is not an RFC 3339 time", at: n, hint: "e.g. 2026-01-01T00:00:00Z")
                }
            }
            guard let descriptorNode = item["descriptor"] else {
                sink.error("test case `\(name)` has no `descriptor:`", at: item); continue
            }
            guard let expectNode = item["expect"], expectNode.kind == .mapping else {
                sink.error("test case `\(name)` has no `expect:` mapping", at: item,
                           hint: "e.g. `expect: {party:cloudco: fail}`"); continue
            }
            var expected: [Expectation] = []
            for entry in expectNode.entries {
                guard let key = entry.key.scalar, FindingID.segments(rule.id + "@" + key) != nil else {
                    sink.error("expectation keys are `kind:id`", at: entry.key,
                               hint: "write the subject's kind and id: `\(rule.forEach.rawValue):<id>`")
                    continue
                }
                guard let status = entry.value.scalar.flatMap(OutcomeStatus.init(rawValue:)) else {
                    let allowed = OutcomeStatus.allCases.map(\.rawValue)
                    let hint = (entry.value.scalar.flatMap { Suggestions.didYouMean($0, in: allowed) }.map { $0 + " " } ?? "")
                        + "allowed: " + allowed.joined(separator: ", ")
                    sink.error("expected outcome must be one of \(allowed.joined(separator: ", "))", at: entry.value, hint: hint)
                    continue
                }
                expected.append(Expectation(subject: key, status: status, key: entry.key, value: entry.value))
                expectedStatuses.insert(status)
            }
            // The descriptor's own errors, with the loader's hints, located in the tests file.
            let loaded = DescriptorLoader.decode(node: descriptorNode, in: document, vocabulary: set.taxonomy.vocabulary)
            guard let descriptor = loaded.descriptor, !loaded.hasErrors else {
                sink.add(contentsOf: loaded.diagnostics.filter(\.isError))
                if !loaded.diagnostics.hasErrors {
                    sink.error("the descriptor of test case `\(name)` does not load", at: descriptorNode)
                }
                continue
            }
            let evaluator = RuleEvaluator(descriptor: descriptor, taxonomy: set.taxonomy, now: now)
            var outcomes = evaluator.subjects(rule.forEach).map { evaluator.evaluate(rule, $0, lang: .en) }
            let today = ISODate(epochSeconds: Int64(now.timeIntervalSince1970))
            _ = WaiverApplication.apply(descriptor.waivers, to: &outcomes, waivable: { _ in rule.waivable }, today: today)
            let bySubject = Dictionary(outcomes.map { ("\($0.subject.kind):\($0.subject.id)", $0) }, uniquingKeysWith: { a, _ in a })
            var failures: [String] = []
            for expectation in expected {
                let (key, status) = (expectation.subject, expectation.status)
                guard let got = bySubject[key] else {
                    let place = "line \(expectation.key.line), column \(expectation.key.mark.column)"
                    failures.append("\(place): no subject `\(key)` for a `for-each: \(rule.forEach.rawValue)` rule; "
                                    + subjectList(outcomes.map { "\($0.subject.kind):\($0.subject.id)" }, kind: rule.forEach))
                    continue
                }
                if got.status != status {
                    let place = "line \(expectation.value.line), column \(expectation.value.mark.column)"
                    var detail = "\(place): \(key): expected \(status.rawValue), got \(got.status.rawValue)"
                    if !got.missing.isEmpty { detail += " (missing: \(got.missing.joined(separator: ", ")))" }
                    if got.message.contains("evaluation error") { detail += " — \(got.message)" }
                    failures.append(detail)
                }
            }
            results.append(CaseResult(rule: rule.id, name: name, mark: item.mark, failures: failures))
        }
        return (results, expectedStatuses)
    }

    /// One line of a case's `expect:` mapping.
    struct Expectation {
        var subject: String
        var status: OutcomeStatus
        var key: YAMLNode
        var value: YAMLNode
    }

    /// "subjects of this case: flow:a, flow:b, flow:c, flow:d, flow:e, and 3 more": what an
    /// expectation could have named, so a misspelt subject is seen at once.
    static func subjectList(_ subjects: [String], kind: SubjectKind, limit: Int = 5) -> String {
        guard !subjects.isEmpty else { return "this case has no \(kind.rawValue) subjects" }
        let shown = subjects.prefix(limit).joined(separator: ", ")
        return "subjects of this case: " + shown + (subjects.count > limit ? ", and \(subjects.count - limit) more" : "")
    }

    static func checkKeys(_ node: YAMLNode, allowed: [String], what: String, sink: DiagnosticSink) {
        for entry in node.entries {
            guard let key = entry.key.scalar, !allowed.contains(key) else { continue }
            let hint = Suggestions.closest(to: key, in: allowed).map { "did you mean `\($0)`?" }
                ?? "allowed: " + allowed.joined(separator: ", ")
            sink.error("unknown key `\(key)` in \(what)", at: entry.key, hint: hint)
        }
    }
}
