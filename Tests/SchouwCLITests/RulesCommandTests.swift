import Foundation
import Testing

@Suite struct RulesCommandTests {
    static let brokenRule = """
    id: XX-001
    title: {nl: Kapotte regel, en: Broken rule}
    severity: severe
    refrences: [{framework: avg, ref: "art. 5"}]
    for-each: dataset
    when: asset.retension > duration('P1D')
    assert: flow.encrypted > 1
    message: {nl: "Fout bij {{asset.id}}"}
    remediation: {nl: "Herstel", en: "Fix"}

    """

    static let brokenExpressions = """
    id: XX-002
    title: {nl: Kapotte expressies, en: Broken expressions}
    severity: low
    references: [{framework: avgg, ref: "art. 5"}]
    for-each: data
    when: >-
      asset.personal &&
      asset.retension > duration('P1D')
    assert: flow.encrypted > 1
    message: {nl: "Fout bij {{system.id}}", en: "Error at {{asset.id}}"}
    remediation: {nl: "Herstel", en: "Fix"}

    """

    static let brokenTypes = """
    id: XX-003
    title: {nl: Verkeerd type, en: Wrong type}
    severity: low
    references: [{framework: other, ref: "test"}]
    for-each: flow
    assert: flow.encrypted > 1
    message: {nl: "Fout bij {{flow.id}}", en: "Error at {{flow.id}}"}
    remediation: {nl: "Herstel", en: "Fix"}

    """

    func workspace() throws -> URL {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("schouw-rules-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir.appendingPathComponent("broken/custom"), withIntermediateDirectories: true)
        try Self.brokenRule.write(to: dir.appendingPathComponent("broken/custom/XX-001.yaml"), atomically: false, encoding: .utf8)
        try Self.brokenExpressions.write(to: dir.appendingPathComponent("broken/custom/XX-002.yaml"), atomically: false, encoding: .utf8)
        try Self.brokenTypes.write(to: dir.appendingPathComponent("broken/custom/XX-003.yaml"), atomically: false, encoding: .utf8)
        return dir
    }

    /// Every mistake in a rule file is reported at once, at its line and column, with a hint.
    @Test func brokenRuleFilesGiveLocatedErrorsForEachMistake() throws {
        let dir = try workspace()
        defer { try? FileManager.default.removeItem(at: dir) }
        let run = try CLI.run(["rules", "list", "--rules", "broken"], cwd: dir)
        #expect(run.status == 2)
        try Golden.check(run.stderr, "broken-rules.txt")
        for expected in ["XX-001.yaml:3:11: `severe` is not a valid value", "XX-001.yaml:4:1: unknown key `refrences`",
                         "did you mean `references`?", "XX-001.yaml:5:11", "XX-001.yaml:8:10: missing required key `en`",
                         "XX-002.yaml:4:26", "XX-002.yaml:8:9: CEL check error: undefined field 'retension'",
                         "did you mean 'retention'?", "XX-002.yaml:9:9", "XX-002.yaml:10:25",
                         "XX-003.yaml:6:24: CEL check error: found no matching overload for '>' applied to '(bool, int)'"] {
            #expect(run.stderr.contains(expected), "missing \(expected) in:\n\(run.stderr)")
        }
    }

    @Test func builtInRulesPassTheirTestsAndLint() throws {
        let test = try CLI.run(["rules", "test"])
        #expect(test.status == 0, "\(test.stdout)\(test.stderr)")
        #expect(test.stdout.contains(" 0 failed"))
        let lint = try CLI.run(["rules", "lint"])
        #expect(lint.status == 0, "\(lint.stderr)")
        #expect(lint.stderr.isEmpty && lint.stdout.isEmpty, "lint reports:\n\(lint.stderr)")
    }

    @Test func listShowsEveryRuleAndShowPrintsTheFile() throws {
        let list = try CLI.run(["rules", "list", "--lang", "en"])
        #expect(list.status == 0)
        #expect(list.stdout.contains("AVG-017"))
        let count = list.stdout.split(separator: "\n").last.flatMap { Int($0.split(separator: " ")[0]) } ?? 0
        #expect(count >= 100)
        let show = try CLI.run(["rules", "show", "AVG-017"])
        #expect(show.status == 0)
        #expect(show.stdout.contains("id: AVG-017"))
        #expect(try CLI.run(["rules", "show", "NOPE-001"]).status == 2)
    }

    @Test func explainWithItsArgumentsSwappedSaysSo() throws {
        let run = try CLI.run(["explain", "Examples/passantentelling.yaml", "BIO-011"])
        #expect(run.status == 2)
        #expect(run.stderr.contains("(the rule comes first: `schouw explain BIO-011 Examples/passantentelling.yaml`)"), "\(run.stderr)")
    }

    @Test func explainShowsTheValuesThatDecided() throws {
        let run = try CLI.run(["explain", "AVG-017", "Examples/passantentelling.yaml", "--now", "2026-03-01", "--lang", "en"])
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stdout.contains("AVG-017  [critical]"))
        #expect(run.stdout.contains("AVG-017@party:vision-analytics: fail"))
        #expect(run.stdout.contains("assert "))
        let one = try CLI.run(["explain", "AVG-017", "Examples/passantentelling.yaml", "--subject", "party:vision-analytics"])
        #expect(one.status == 0)
        #expect(!one.stdout.contains("@party:gemeente"))
        #expect(try CLI.run(["explain", "AVG-0177"]).stderr.contains("did you mean AVG-017"))
    }

    /// A derived fact is followed by what it was computed from: the failure is traced to the field.
    @Test func explainTracesADerivedFactToItsInputs() throws {
        let run = try CLI.run(["explain", "BIO-011", "Examples/cases/stratumseind-living-lab.yaml", "--now", "2026-03-01",
                               "--subject", "flow:wifi-naar-platform"])
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stdout.contains("""
              assert flow.encrypted = false
                from flow.encryption = "none"
                from flow.protocol = not given
                flow = Flow("wifi-naar-platform")

            """), "\(run.stdout)")
        let boundary = try CLI.run(["explain", "BIO-012", "Examples/passantentelling.yaml", "--now", "2026-03-01",
                                    "--subject", "flow:sensor-naar-platform"])
        #expect(boundary.stdout.contains("""
                flow.crosses_boundary = true
                  from flow.from_zone.id = "sensor-apparaat"
                  from flow.to_zone.id = "cloud-eu"
            """), "\(boundary.stdout)")
    }

    @Test func evalSeesTheDescriptorAndItsFacts() throws {
        let run = try CLI.run(["eval", "systems.filter(s, s.public_space).map(s, s.id)", "Examples/parkeren-anpr.yaml"])
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stdout.hasPrefix("["))
        let typo = try CLI.run(["eval", "asset.retension", "Examples/parkeren-anpr.yaml", "--subject", "data:scanfoto"])
        #expect(typo.status == 2)
        #expect(typo.stderr.contains("did you mean 'retention'"))
    }
}

/// Golden files beside the tests; `SCHOUW_UPDATE_GOLDEN=1 swift test --filter SchouwCLITests` rewrites them.
enum Golden {
    static func check(_ actual: String, _ name: String, sourceLocation: SourceLocation = #_sourceLocation) throws {
        let url = CLI.packageRoot.appendingPathComponent("Tests/SchouwCLITests/Golden/\(name)")
        if ProcessInfo.processInfo.environment["SCHOUW_UPDATE_GOLDEN"] == "1" {
            try actual.write(to: url, atomically: false, encoding: .utf8)
            return
        }
        let expected = (try? String(contentsOf: url, encoding: .utf8)) ?? ""
        #expect(actual == expected,
                "golden \(name) differs; run `SCHOUW_UPDATE_GOLDEN=1 swift test --filter SchouwCLITests` and review the diff",
                sourceLocation: sourceLocation)
    }
}
