import Foundation
import Testing

/// `schouw report` end to end on the saved fixture results of the reports module.
@Suite struct ReportCommandTests {
    static let fixtures = "Tests/SchouwReportsTests/Fixtures"
    static let failing = "\(fixtures)/binnenstad.result.json"
    static let passing = "\(fixtures)/parkeren.result.json"

    @Test func helpListsEveryFormat() throws {
        let run = try CLI.run(["report", "--help"])
        #expect(run.status == 0)
        for format in ["text", "json", "sarif", "junit", "markdown", "html", "oscal"] {
            #expect(run.stdout.contains("\(format):"), "--help lacks \(format)")
        }
    }

    @Test(arguments: ["text", "json", "sarif", "junit", "markdown", "html", "oscal"])
    func rendersEachFormat(_ format: String) throws {
        let run = try CLI.run(["report", Self.failing, "--format", format])
        #expect(run.status == 0, "\(run.stderr)")
        #expect(!run.stdout.isEmpty)
        #expect(run.stderr.isEmpty)
    }

    @Test func jsonRoundTripsTheSavedResult() throws {
        let run = try CLI.run(["report", Self.failing, "--format", "json"])
        let saved = try String(contentsOf: CLI.packageRoot.appendingPathComponent(Self.failing), encoding: .utf8)
        #expect(run.stdout == saved)
    }

    @Test func englishOnRequestDutchByDefault() throws {
        let nl = try CLI.run(["report", Self.failing, "--format", "markdown"])
        let en = try CLI.run(["report", Self.failing, "--format", "markdown", "--lang", "en"])
        #expect(nl.stdout.contains("## Bevindingen per ernst"))
        #expect(en.stdout.contains("## Findings by severity"))
        // A result of an English audit renders in English unless --lang says otherwise.
        #expect(try CLI.run(["report", Self.passing, "--format", "markdown"]).stdout.contains("## Findings by severity"))
        #expect(try CLI.run(["report", Self.passing, "--format", "markdown", "--lang", "nl"]).stdout.contains("## Bevindingen per ernst"))
    }

    /// A result keeps its findings in the language the audit ran in: asking for the other one says
    /// so on stderr, once, with the command that gives a report wholly in that language.
    @Test func otherLanguageThanTheAuditIsNoted() throws {
        let en = try CLI.run(["report", Self.failing, "--lang", "en"])
        #expect(en.status == 0)
        #expect(en.stderr == "note: \(Self.failing) holds its findings' messages and remediations in Dutch, the language "
            + "the audit ran in; --lang en changes only the report's own texts. For a report wholly in English, save the "
            + "result with `schouw audit --lang en --format json` and render that.\n")
        #expect(try CLI.run(["report", Self.passing, "--lang", "nl"]).stderr.contains("in English, the language the audit ran in"))
        // The audit's own language, or none asked for: nothing to say.
        #expect(try CLI.run(["report", Self.failing, "--lang", "nl"]).stderr.isEmpty)
        #expect(try CLI.run(["report", Self.passing]).stderr.isEmpty)
    }

    @Test func writesToOutputFile() throws {
        let out = FileManager.default.temporaryDirectory.appendingPathComponent("schouw-report-\(UUID().uuidString).html")
        defer { try? FileManager.default.removeItem(at: out) }
        let run = try CLI.run(["report", Self.failing, "--format", "html", "--output", out.path])
        #expect(run.status == 0)
        #expect(run.stdout.isEmpty)
        let html = try String(contentsOf: out, encoding: .utf8)
        #expect(html.hasPrefix("<!DOCTYPE html>"))
    }

    /// Reports are streamed to their file; a file that cannot be made is named, with the reason,
    /// and nothing is left behind.
    @Test func unwritableOutputIsNamedWithItsReason() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("schouw-report-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let missing = dir.appendingPathComponent("no-such-dir/report.sarif").path
        let run = try CLI.run(["report", Self.failing, "--format", "sarif", "--output", missing])
        #expect(run.status == 2)
        #expect(run.stderr.contains("cannot write \(missing): No such file or directory; check that the directory exists"), "\(run.stderr)")
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir.path).isEmpty)
    }

    @Test func gatesOnlyWhenAsked() throws {
        #expect(try CLI.run(["report", Self.failing]).status == 0)
        #expect(try CLI.run(["report", Self.failing, "--fail-on", "high"]).status == 1)
        #expect(try CLI.run(["report", Self.failing, "--fail-on", "critical"]).status == 1)
        #expect(try CLI.run(["report", Self.failing, "--fail-on", "never"]).status == 0)
        #expect(try CLI.run(["report", Self.passing, "--fail-on", "high"]).status == 0)
        #expect(try CLI.run(["report", Self.passing, "--fail-on", "medium"]).status == 1)
        #expect(try CLI.run(["report", Self.passing, "--fail-on", "bogus"]).status == 2)
    }

    @Test func textVerdictFollowsTheGate() throws {
        let run = try CLI.run(["report", Self.passing, "--format", "text", "--lang", "en"])
        #expect(run.stdout.split(separator: "\n").last?.hasPrefix("PASSED:") == true)
        #expect(!run.stdout.contains("\u{1B}["), "no colour when stdout is not a terminal")
        let coloured = try CLI.run(["report", Self.passing, "--colour"])
        #expect(coloured.stdout.contains("\u{1B}["))
    }

    @Test func helpNamesTheDefaultFormat() throws {
        let help = try CLI.run(["report", "--help"]).stdout.split(whereSeparator: \.isWhitespace).joined(separator: " ")
        #expect(help.contains("default: text)"), "\(help)")
        #expect(!help.contains("ReportFormat("))
    }

    @Test func malformedResultsExitTwoWithAClearMessage() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("schouw-report-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let cases: [(String, String, String)] = [
            ("garbage.json", "not json at all", "garbage.json:1:1: not valid JSON: invalid literal"),
            ("truncated.json", "{\"schema\": \"schouw/audit-result/v1\",\n \"tool\": ", "truncated.json:2:10: not valid JSON: unexpected end"),
            ("empty.json", "{}", "missing 'schema'"),
            ("other.json", "{\"schema\": \"schouw/audit-result/v2\"}", "unsupported result schema 'schouw/audit-result/v2'"),
            ("partial.json", "{\"schema\": \"schouw/audit-result/v1\", \"lang\": \"nl\"}", "not a schouw audit result"),
        ]
        // Every command that reads a saved result says the same.
        let example = "Examples/passantentelling.yaml"
        for (name, body, message) in cases {
            let file = dir.appendingPathComponent(name)
            try Data(body.utf8).write(to: file)
            for arguments in [["report", file.path, "--format", "sarif"], ["audit", example, "--baseline", file.path],
                              ["graph", example, "--result", file.path]] {
                let run = try CLI.run(arguments)
                #expect(run.status == 2, "\(arguments)")
                #expect(run.stderr.contains(message), "\(arguments): \(run.stderr)")
                #expect(run.stderr.hasPrefix("error: \(file.path)"), "\(arguments): \(run.stderr)")
                #expect(run.stdout.isEmpty)
            }
        }
        let missing = try CLI.run(["report", dir.appendingPathComponent("absent.json").path])
        #expect(missing.status == 2)
        #expect(missing.stderr.contains("cannot read"))
    }

    @Test func unknownFormatIsAUsageError() throws {
        let run = try CLI.run(["report", Self.failing, "--format", "pdf"])
        #expect(run.status == 2)
        #expect(run.stderr.contains("sarif"))
    }
}
