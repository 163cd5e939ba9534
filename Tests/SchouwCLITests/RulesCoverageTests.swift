import Foundation
import Testing

@Suite struct RulesCoverageTests {
    @Test func textTableForEachFramework() throws {
        let expected = ["bio2": "117 maatregelen", "bio-1.04": "137 maatregelen", "avg": "artikelen", "bio-cloud": "169 controls"]
        for (framework, summary) in expected {
            let run = try CLI.run(["rules", "coverage", "--framework", framework])
            #expect(run.status == 0, "\(framework): \(run.stderr)")
            #expect(run.stdout.contains(summary), "\(framework): \(run.stdout.suffix(400))")
            #expect(run.stdout.contains("automated"))
        }
    }

    @Test func jsonIsTheSameBytesTwice() throws {
        let a = try CLI.run(["rules", "coverage", "--framework", "bio2", "--format", "json"])
        let b = try CLI.run(["rules", "coverage", "--framework", "bio2", "--format", "json"])
        #expect(a.status == 0)
        #expect(a.stdout == b.stdout)
        let json = try JSONSerialization.jsonObject(with: Data(a.stdout.utf8)) as? [String: Any]
        #expect(json?["schema"] as? String == "schouw/rules-coverage/v1")
        let items = json?["items"] as? [[String: Any]] ?? []
        let mfa = items.first { $0["id"] as? String == "5.17.01" }
        #expect(mfa?["status"] as? String == "automated")
    }

    @Test func markdownWrittenToAFile() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("schouw-coverage-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let out = dir.appendingPathComponent("vvt.md").path
        let run = try CLI.run(["rules", "coverage", "--framework", "avg", "--format", "markdown", "--lang", "en", "--output", out])
        #expect(run.status == 0, "\(run.stderr)")
        let md = try String(contentsOfFile: out, encoding: .utf8)
        #expect(md.hasPrefix("## Statement of applicability"))
        #expect(md.contains("| art. 28 | Processor | automated (schouw) |"))
    }

    @Test func extraRulesCountToo() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("schouw-coverage-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        try """
        id: X-001
        title: {nl: Recht van inzage geregeld, en: Right of access arranged}
        severity: low
        references: [{framework: avg, ref: "art. 15(1)"}]
        for-each: project
        assert: "true"
        message: {nl: m, en: m}
        remediation: {nl: r, en: r}
        """.write(to: dir.appendingPathComponent("X-001.yaml"), atomically: false, encoding: .utf8)
        let run = try CLI.run(["rules", "coverage", "--framework", "avg", "--format", "json", "--rules", dir.path])
        #expect(run.status == 0, "\(run.stderr)")
        let json = try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any]
        let items = json?["items"] as? [[String: Any]] ?? []
        #expect(items.first { $0["id"] as? String == "art. 15" }?["rules"] as? [String] == ["X-001"])
    }

    @Test func badArgumentsExitWith2() throws {
        #expect(try CLI.run(["rules", "coverage", "--framework", "iso27001"]).status == 2)
        #expect(try CLI.run(["rules", "coverage"]).status == 2)
        #expect(try CLI.run(["rules", "coverage", "--framework", "bio2", "--rules", "/nonexistent"]).status == 2)
    }
}
