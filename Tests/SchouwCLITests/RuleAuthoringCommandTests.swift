import Foundation
import Testing

/// What `rules lint`, `rules test` and `audit` tell someone writing rules in a `--rules DIR`: the
/// same exit code for the same invalid file, and no counts or warnings that mislead.
@Suite struct RuleAuthoringCommandTests {
    static func rule(assert: String) -> String {
        """
        id: GEM-001
        title: {nl: Regel, en: Rule}
        severity: low
        references: [{framework: other, ref: "test"}]
        for-each: flow
        assert: \(assert)
        message: {nl: "Stroom {{flow.id}}", en: "Flow {{flow.id}}"}
        remediation: {nl: "Herstel", en: "Fix"}

        """
    }

    static func tests(expect: String = "flow:f: fail", kind: String = "sensor") -> String {
        """
        rule: GEM-001
        cases:
          - name: plain MQTT fails
            descriptor:
              schouw: 1
              project: {id: p, name: P}
              systems: [{id: a, kind: \(kind)}, {id: b, kind: platform}]
              flows: [{id: f, from: a, to: b, protocol: mqtt, encryption: none, network: wireless}]
            expect:
              \(expect)
          - name: TLS passes
            descriptor:
              schouw: 1
              project: {id: p, name: P}
              systems: [{id: a, kind: sensor}, {id: b, kind: platform}]
              flows: [{id: f, from: a, to: b, protocol: mqtts, encryption: tls1.3, network: wireless}]
            expect:
              flow:f: pass

        """
    }

    /// A folder `mine/` holding the given files.
    func workspace(_ files: [String: String]) throws -> URL {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("schouw-authoring-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir.appendingPathComponent("mine"), withIntermediateDirectories: true)
        for (name, text) in files {
            try text.write(to: dir.appendingPathComponent("mine/" + name), atomically: false, encoding: .utf8)
        }
        return dir
    }

    /// A rule file that does not load is invalid input to every command, and its test file is not
    /// reported as belonging to an unknown rule.
    @Test func aRuleThatDoesNotLoadExitsTwoEverywhereWithItsErrorOnly() throws {
        let dir = try workspace(["GEM-001.yaml": Self.rule(assert: "flow.encryption"), "GEM-001.tests.yaml": Self.tests()])
        defer { try? FileManager.default.removeItem(at: dir) }
        let root = CLI.packageRoot.path
        for arguments in [["rules", "lint"], ["rules", "test"], ["audit", root + "/Examples/parkeren-anpr.yaml"]] {
            let run = try CLI.run(arguments + ["--rules", "mine"], cwd: dir)
            #expect(run.status == 2, "\(arguments): exit \(run.status)\n\(run.stderr)")
            #expect(run.stderr.contains("""
                error: mine/GEM-001.yaml:6:9: assert must give a bool; this gives string
                    6 | assert: flow.encryption
                      |         ^
                hint: compare it: `flow.encryption != 'none'`
                1 error
                """), "\(arguments):\n\(run.stderr)")
            #expect(!run.stderr.contains("unknown rule"), "\(arguments):\n\(run.stderr)")
        }
    }

    /// Findings about rules that load are still exit 1: here a rule without a test file.
    @Test func lintExitsOneForFindingsAboutRulesThatLoad() throws {
        let dir = try workspace(["GEM-001.yaml": Self.rule(assert: "flow.encrypted")])
        defer { try? FileManager.default.removeItem(at: dir) }
        let run = try CLI.run(["rules", "lint", "--rules", "mine"], cwd: dir)
        #expect(run.status == 1, "\(run.stderr)")
        #expect(run.stderr.contains("rule GEM-001 has no test file"))
    }

    @Test func aTestFileThatDoesNotLoadIsNotCountedAsPassed() throws {
        let dir = try workspace(["GEM-001.yaml": Self.rule(assert: "flow.encrypted"),
                                 "GEM-001.tests.yaml": Self.tests(expect: "flow:f: failed")])
        defer { try? FileManager.default.removeItem(at: dir) }
        let run = try CLI.run(["rules", "test", "GEM-001", "--rules", "mine"], cwd: dir)
        #expect(run.status == 2)
        #expect(run.stdout == "rules test: 0 passed, 0 failed; 1 test file did not load (errors above), its cases not run\n")
        #expect(run.stderr.contains("mine/GEM-001.tests.yaml:10:15: expected outcome must be one of"))
        #expect(run.stderr.contains("hint: did you mean `fail`?"))
        #expect(try CLI.run(["rules", "lint", "--rules", "mine"], cwd: dir).status == 2)
    }

    @Test func anInvalidTestDescriptorExitsTwoWithTheLoadersHint() throws {
        let dir = try workspace(["GEM-001.yaml": Self.rule(assert: "flow.encrypted"),
                                 "GEM-001.tests.yaml": Self.tests(kind: "sensr")])
        defer { try? FileManager.default.removeItem(at: dir) }
        let run = try CLI.run(["rules", "test", "GEM-001", "--rules", "mine"], cwd: dir)
        #expect(run.status == 2)
        #expect(run.stderr.contains("""
            error: mine/GEM-001.tests.yaml:7:31: `sensr` is not a valid value for `kind` (at cases[0].descriptor.systems[0].kind)
                7 |       systems: [{id: a, kind: sensr}, {id: b, kind: platform}]
                  |                               ^
            hint: did you mean `sensor`?
            """), "\(run.stderr)")
    }

    @Test func aMissingSubjectNamesItsColumnAndTheSubjectsOfTheCase() throws {
        let dir = try workspace(["GEM-001.yaml": Self.rule(assert: "flow.encrypted"),
                                 "GEM-001.tests.yaml": Self.tests(expect: "flow:g: fail")])
        defer { try? FileManager.default.removeItem(at: dir) }
        let run = try CLI.run(["rules", "test", "GEM-001", "--rules", "mine"], cwd: dir)
        #expect(run.status == 1, "\(run.stderr)")
        #expect(run.stdout.contains("""
            FAIL GEM-001: plain MQTT fails  (mine/GEM-001.tests.yaml:3)
                   line 10, column 7: no subject `flow:g` for a `for-each: flow` rule; subjects of this case: flow:f
            """), "\(run.stdout)")
    }
}
