import Foundation
import Testing

@Suite struct AuditCommandTests {
    static let examples = ["Examples/passantentelling.yaml", "Examples/parkeren-anpr.yaml", "Examples/luchtkwaliteit.yaml"]

    @Test(arguments: examples)
    func auditPrintsAReadableReportAndGates(_ example: String) throws {
        let run = try CLI.run(["audit", example, "--now", "2026-03-01"])
        #expect([0, 1].contains(run.status), "exit \(run.status)\n\(run.stderr)")
        #expect(!run.stdout.isEmpty)
        #expect(run.stderr.isEmpty || !run.stderr.contains("error:"), "\(run.stderr)")
    }

    @Test(arguments: examples)
    func jsonResultHasTheContractShape(_ example: String) throws {
        let run = try CLI.run(["audit", example, "--format", "json", "--now", "2026-03-01", "--fail-on", "never"])
        #expect(run.status == 0, "\(run.stderr)")
        let object = try #require(try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any])
        #expect(object["schema"] as? String == "schouw/audit-result/v1")
        let summary = try #require(object["summary"] as? [String: Any])
        let fail = try #require(summary["fail"] as? [String: Any])
        for severity in ["critical", "high", "medium", "low", "info"] { #expect(fail[severity] is Int) }
        let outcomes = try #require(object["outcomes"] as? [[String: Any]])
        #expect(!outcomes.isEmpty)
        for o in outcomes.prefix(50) {
            for key in ["finding", "rule", "status", "severity", "subject", "references", "message", "location", "missing"] {
                #expect(o[key] != nil, "outcome lacks \(key)")
            }
            let status = o["status"] as? String ?? ""
            #expect(["fail", "pass", "unknown", "not-applicable", "waived"].contains(status))
            let finding = o["finding"] as? String ?? ""
            let subject = o["subject"] as? [String: Any] ?? [:]
            #expect(finding == "\(o["rule"] ?? "")@\(subject["kind"] ?? ""):\(subject["id"] ?? "")")
        }
        let ruleset = try #require(object["ruleset"] as? [String: Any])
        #expect((ruleset["sha256"] as? String)?.count == 64)
    }

    @Test func colourIsChosenLikeTheReportCommands() throws {
        let plain = try CLI.run(["audit", "Examples/passantentelling.yaml", "--now", "2026-03-01"])
        #expect(plain.status == 1 && !plain.stdout.contains("\u{1B}["), "no colour when stdout is not a terminal")
        let coloured = try CLI.run(["audit", "Examples/passantentelling.yaml", "--now", "2026-03-01", "--colour"])
        #expect(coloured.status == 1 && coloured.stdout.contains("\u{1B}["))
        let off = try CLI.run(["audit", "Examples/passantentelling.yaml", "--now", "2026-03-01", "--no-colour"])
        #expect(off.status == 1 && off.stdout == plain.stdout)
    }

    @Test func outputFileIsWrittenWholeAndAnUnwritablePathIsAClearError() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("schouw-audit-output-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let file = dir.appendingPathComponent("result.json").path
        let written = try CLI.run(["audit", Self.examples[0], "--format", "json", "--now", "2026-03-01", "--fail-on", "never",
                                   "--output", file])
        let printed = try CLI.run(["audit", Self.examples[0], "--format", "json", "--now", "2026-03-01", "--fail-on", "never"])
        #expect(written.status == 0)
        #expect(try String(contentsOfFile: file, encoding: .utf8) == printed.stdout)
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir.path) == ["result.json"])

        let missing = dir.appendingPathComponent("no-such-dir/result.json").path
        let refused = try CLI.run(["audit", Self.examples[0], "--output", missing])
        #expect(refused.status == 2)
        #expect(refused.stderr.contains("cannot write \(missing): No such file or directory"))
    }

    @Test func sameInputGivesTheSameBytes() throws {
        let a = try CLI.run(["audit", Self.examples[0], "--format", "json", "--now", "2026-03-01", "--fail-on", "never"])
        let b = try CLI.run(["audit", Self.examples[0], "--format", "json", "--now", "2026-03-01", "--fail-on", "never"])
        #expect(a.status == 0)
        #expect(a.stdout == b.stdout)
    }

    @Test func invalidDescriptorExitsTwoWithLocatedErrors() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("schouw-audit-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let file = dir.appendingPathComponent("bad.yaml")
        try "schouw: 1\nproject: {id: p, name: P}\nsystems:\n  - {id: a, kind: sensorr}\n".write(to: file, atomically: false, encoding: .utf8)
        let run = try CLI.run(["audit", file.path])
        #expect(run.status == 2)
        #expect(run.stderr.contains("bad.yaml:4:"))
    }

    @Test func unknownFormatAndFailOnAreUsageErrors() throws {
        #expect(try CLI.run(["audit", Self.examples[0], "--format", "pdf"]).status == 2)
        #expect(try CLI.run(["audit", Self.examples[0], "--fail-on", "severe"]).status == 2)
    }

    @Test func failOnNeverPassesAndInfoFails() throws {
        #expect(try CLI.run(["audit", Self.examples[1], "--fail-on", "never", "--now", "2026-03-01"]).status == 0)
        #expect(try CLI.run(["audit", Self.examples[1], "--fail-on", "info", "--now", "2026-03-01"]).status == 1)
    }
}

@Suite struct AuditBaselineTests {
    /// The SARIF a pipeline uploads tells new findings from known ones: the baseline is the example
    /// as it was before a second processor without an agreement joined.
    @Test func sarifMarksNewAndKnownFindingsAgainstABaseline() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("schouw-baseline-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let example = try String(contentsOfFile: "Examples/passantentelling.yaml", encoding: .utf8)
        let grown = example.replacingOccurrences(of: "parties:\n", with: """
            parties:
              - id: nieuwe-leverancier
                role: processor
                country: NL

            """)
        #expect(grown != example)
        let grownPath = dir.appendingPathComponent("passantentelling.yaml").path
        try grown.write(toFile: grownPath, atomically: true, encoding: .utf8)
        let baseline = dir.appendingPathComponent("baseline.json").path
        let before = try CLI.run(["audit", "Examples/passantentelling.yaml", "--format", "json", "--output", baseline,
                                  "--fail-on", "never", "--now", "2026-03-01"])
        #expect(before.status == 0, "\(before.stderr)")

        let run = try CLI.run(["audit", grownPath, "--format", "sarif", "--baseline", baseline, "--now", "2026-03-01"])
        #expect(run.status == 1, "the new processor's missing agreement fails the gate\n\(run.stderr)")
        let sarif = try #require(try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any])
        let results = try #require(((sarif["runs"] as? [[String: Any]])?.first?["results"]) as? [[String: Any]])
        let states = Set(results.compactMap { $0["baselineState"] as? String })
        #expect(states == ["new", "unchanged"], "\(states)")
        #expect(results.allSatisfy { $0["baselineState"] != nil }, "every result is compared with the baseline")
        let errors = results.filter { $0["level"] as? String == "error" && $0["suppressions"] == nil }
        #expect(errors.contains { $0["ruleId"] as? String == "AVG-017" }, "the new processor lacks an agreement")
        #expect(!errors.isEmpty && errors.allSatisfy { $0["baselineState"] as? String == "new" },
                "the known failures are left out; what fails now is new")
        #expect(results.contains { $0["suppressions"] != nil && $0["baselineState"] as? String == "unchanged" },
                "a finding waived then and now is known")
    }
}
