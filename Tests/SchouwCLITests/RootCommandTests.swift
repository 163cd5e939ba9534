import Foundation
import Testing

@Suite struct RootCommandTests {
    @Test func versionPrintsAndExitsZero() throws {
        let run = try CLI.run(["--version"])
        #expect(run.status == 0)
        #expect(run.stdout.hasPrefix("0."))
    }

    @Test func helpListsCommands() throws {
        let run = try CLI.run(["--help"])
        #expect(run.status == 0)
        for command in ["validate", "audit", "attest", "checklist"] {
            #expect(run.stdout.contains(command))
        }
    }

    @Test func mistypedCommandNamesTheLikelyOne() throws {
        let run = try CLI.run(["audti", "Examples/passantentelling.yaml"])
        #expect(run.status == 2)
        #expect(run.stderr == "error: unknown command `audti` (did you mean `audit`?); `schouw --help` lists the commands\n")
        let rule = try CLI.run(["rules", "show", "AVG-24"])
        #expect(rule.status == 2 && rule.stderr.contains("(did you mean AVG-024?)"), "\(rule.stderr)")
        // Values are read as case-insensitively as --format's.
        let gate = try CLI.run(["audit", "Examples/passantentelling.yaml", "--now", "2026-03-01", "--fail-on", "High"])
        #expect(gate.status == 1, "\(gate.stderr)")
    }

    @Test func unknownOptionIsUsageErrorWithExitTwo() throws {
        let run = try CLI.run(["--no-such-flag"])
        #expect(run.status == 2)
        #expect(run.stderr.contains("error:"))
    }

    /// A bad option value is reported while the arguments are parsed: with the usage of the
    /// command it was given to (not the root's), exit 2, and before any file is read.
    @Test(arguments: [
        (["audit", "no-such-file.yaml", "--now", "yesterday"], "schouw audit", "--now: 'yesterday'"),
        (["explain", "BIO-011", "--now", "2026-13-01"], "schouw explain", "--now: '2026-13-01'"),
        (["rules", "test", "--now", "soon"], "schouw rules test", "--now: 'soon'"),
        (["attest", "no-such-file.yaml", "--key", "k.pem", "--now", "yesterday"], "schouw attest", "--now 'yesterday'"),
        (["attest", "no-such-file.yaml", "--key", "k.pem", "--signer", " "], "schouw attest", "--signer is empty"),
        (["verify", "no-such.dsse.json", "--key", "k.pub.pem", "--now", "later"], "schouw verify", "--now 'later'"),
        (["keygen", "--algorithm", "rsa", "--out", "no-such-dir/k"], "schouw keygen", "unknown --algorithm 'rsa'"),
    ])
    func badOptionValueShowsTheCommandsUsage(arguments: [String], usage: String, message: String) throws {
        let run = try CLI.run(arguments)
        #expect(run.status == 2)
        #expect(run.stderr.contains("error: \(message)"), "\(run.stderr)")
        #expect(run.stderr.contains("Usage: \(usage)"), "\(run.stderr)")
        #expect(!run.stderr.contains("cannot read"), "\(run.stderr)")
    }
}
