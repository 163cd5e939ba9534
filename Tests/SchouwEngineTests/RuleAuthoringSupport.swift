import Foundation
@testable import SchouwEngine
import SchouwModel

/// Rule files written inline, loaded the way `--rules DIR` loads them (with the built-in taxonomy),
/// for tests of what a rule author is told.
enum RuleFixture {
    /// A rule file with the given `for-each`, `assert` and message; `extra` lines are added as written.
    static func rule(id: String = "GEM-001", forEach: String = "flow", assert: String,
                     message: String = "Flow {{flow.id}}", extra: String = "") -> String {
        """
        id: \(id)
        title: {nl: Regel \(id), en: Rule \(id)}
        severity: low
        references: [{framework: other, ref: "test"}]
        for-each: \(forEach)
        assert: \(assert)
        message: {nl: "\(message)", en: "\(message)"}
        remediation: {nl: "Herstel", en: "Fix"}
        \(extra)
        """
    }

    /// Two cases for a `for-each: flow` rule on `flow.encrypted`: flow `f` fails, then passes.
    static func flowTests(id: String = "GEM-001", failExpectation: String = "flow:f: fail",
                          passExpectation: String = "flow:f: pass", systemKind: String = "sensor") -> String {
        """
        rule: \(id)
        cases:
          - name: fails
            descriptor:
              schouw: 1
              project: {id: p, name: P}
              systems: [{id: a, kind: \(systemKind)}, {id: b, kind: platform}]
              flows: [{id: f, from: a, to: b, protocol: mqtt, encryption: none, network: wireless}]
            expect:
              \(failExpectation)
          - name: passes
            descriptor:
              schouw: 1
              project: {id: p, name: P}
              systems: [{id: a, kind: sensor}, {id: b, kind: platform}]
              flows: [{id: f, from: a, to: b, protocol: mqtts, encryption: tls1.3, network: wireless}]
            expect:
              \(passExpectation)
        """
    }

    /// Loads `files` (file name to text) as a rules directory named `dir`, without the built-in rules.
    static func load(_ files: [String: String], dir: String = "dir") -> RuleSet {
        let taxonomy = RuleSources.builtIn().filter(\.isTaxonomy)
        let own = files.sorted { $0.key < $1.key }.map {
            RuleSourceFile(relativePath: $0.key, displayPath: dir + "/" + $0.key, text: $0.value, external: true)
        }
        return RuleLoader.load(files: taxonomy + own)
    }

    /// The errors of loading one rule file, as `line:col: message` with the hint after ` | `.
    static func errors(_ text: String) -> [String] {
        load(["GEM-001.yaml": text]).diagnostics.filter(\.isError).map { d in
            "\(d.mark.map { "\($0.line):\($0.column)" } ?? "-"): \(d.message)" + (d.hint.map { " | " + $0 } ?? "")
        }
    }
}
