import Foundation
import SchouwAttest
import SchouwResult
import Testing

/// A scratch directory with a descriptor, its audit result and key pairs, for end-to-end attestation runs.
struct AttestWorkspace {
    let dir: URL
    static let descriptor = "schouw: 1\nproject:\n  id: binnenstad-passanten\n  name: Passantentelling binnenstad\n"
    static let rulesetDigest = String(repeating: "cd", count: 32)

    init() throws {
        dir = FileManager.default.temporaryDirectory.appendingPathComponent("schouw-cli-attest-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        try Self.descriptor.write(to: url("project.yaml"), atomically: false, encoding: .utf8)
        try writeResult(verdict: "passed", to: "result.json")
        try writeResult(verdict: "failed", to: "failed.json")
    }

    func url(_ name: String) -> URL { dir.appendingPathComponent(name) }

    func remove() { try? FileManager.default.removeItem(at: dir) }

    func writeResult(verdict: String, to name: String, descriptor: String = AttestWorkspace.descriptor) throws {
        let digest = sha256Hex(Data(descriptor.utf8))
        let result = AuditResult(
            lang: "en", tool: .init(version: "0.1.0"),
            descriptor: .init(path: "project.yaml", sha256: digest, files: [.init(path: "project.yaml", sha256: digest)]),
            ruleset: .init(sha256: Self.rulesetDigest, rules: 3, catalogues: ["bio2": "1.3"]),
            project: .init(id: "binnenstad-passanten", name: "Passantentelling binnenstad", organisation: nil, phase: nil, bio: "bio2"),
            evaluatedAt: "2026-03-01T11:00:00Z", gate: .init(failOn: "high", failOnUnknown: false, verdict: verdict),
            summary: .init(fail: .init(high: verdict == "failed" ? 1 : 0), unknown: 0, pass: 2, notApplicable: 0, waived: 0),
            outcomes: [Outcome(finding: "AVG-024@party:cloudco", rule: "AVG-024", status: verdict == "failed" ? .fail : .pass,
                               severity: .high, subject: .init(kind: "party", id: "cloudco"), references: [],
                               message: "m", location: nil)],
            waiverNotes: [], rules: [])
        try CanonicalJSON.encode(result).write(to: url(name))
    }

    /// Runs `schouw` in the workspace.
    @discardableResult
    func schouw(_ arguments: [String]) throws -> CLIRun {
        try CLI.run(arguments, cwd: dir)
    }

    /// Makes NAME.key / NAME.pub with `schouw keygen`.
    func keygen(_ name: String, algorithm: String = "ed25519") throws {
        let run = try schouw(["keygen", "--algorithm", algorithm, "--out", name])
        #expect(run.status == 0, "\(run.stderr)")
    }

    func attest(key: String = "signer.key", result: String = "result.json", _ extra: [String] = []) throws -> CLIRun {
        try schouw(["attest", "project.yaml", "--key", key, "--result", result, "--now", "2026-03-01T12:00:00Z",
                    "--signer", "CISO Gemeente Voorbeeld"] + extra)
    }
}

@Suite struct AttestCommandTests {
    @Test func writesTheEnvelopeAndRegistersIt() throws {
        let ws = try AttestWorkspace()
        defer { ws.remove() }
        try ws.keygen("signer")
        let run = try ws.attest()
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stderr.contains("attested project.yaml: project binnenstad-passanten, verdict passed"))
        #expect(run.stderr.contains("wrote project.intoto.json; register .schouw/register entry 1"))
        #expect(FileManager.default.fileExists(atPath: ws.url("project.intoto.json").path))
        #expect(FileManager.default.fileExists(atPath: ws.url(".schouw/register/000001-binnenstad-passanten.intoto.json").path))
        #expect(!run.stdout.contains("PRIVATE KEY") && !run.stderr.contains("PRIVATE KEY"))
    }

    @Test func sameKeyTimeAndInputGiveTheSameBytes() throws {
        let ws = try AttestWorkspace()
        defer { ws.remove() }
        try ws.keygen("signer")
        let first = try ws.attest(["--out", "-", "--no-register"])
        let second = try ws.attest(["--out", "-", "--no-register"])
        #expect(first.status == 0 && second.status == 0)
        #expect(first.stdout.hasPrefix("{\n  \"payload\""))
        #expect(first.stdout == second.stdout)
        #expect(!FileManager.default.fileExists(atPath: ws.url(".schouw").path))
    }

    @Test func withoutAResultAttestRunsTheAuditAndVerifies() throws {
        let ws = try AttestWorkspace()
        defer { ws.remove() }
        try ws.keygen("signer")
        let run = try ws.schouw(["attest", "project.yaml", "--key", "signer.key", "--fail-on", "never",
                                 "--now", "2026-03-01T12:00:00Z", "--out", "project.intoto.json"])
        #expect(run.status == 0, "\(run.stderr)")
        let verify = try ws.schouw(["verify", "project.intoto.json", "--key", "signer.pub", "--descriptor", "project.yaml",
                                    "--now", "2026-03-02T12:00:00Z"])
        #expect(verify.status == 0, "\(verify.stdout)\(verify.stderr)")
        // The audit passed, but under a gate that cannot fail: not what a deployment gate asks for.
        let gate = try ws.schouw(["verify", "project.intoto.json", "--key", "signer.pub", "--descriptor", "project.yaml",
                                  "--require", "passed", "--now", "2026-03-02T12:00:00Z"])
        #expect(gate.status == 1)
        #expect(gate.stdout.contains("FAIL verdict: the audit passed under gate fail-on never"), "\(gate.stdout)")
        let invalid = try ws.schouw(["attest", "project.yaml", "--key", "signer.key", "--fail-on", "severe"])
        #expect(invalid.status == 2)
    }

    @Test func resultOfAnotherDescriptorIsRefused() throws {
        let ws = try AttestWorkspace()
        defer { ws.remove() }
        try ws.keygen("signer")
        try ws.writeResult(verdict: "passed", to: "other.json", descriptor: "schouw: 1\n")
        let run = try ws.attest(result: "other.json")
        #expect(run.status == 2)
        #expect(run.stderr.contains("error: the audit result is not for project.yaml as it is now"))
    }

    @Test(arguments: [
        (["--fail-on", "low"], "--fail-on cannot be combined with --result"),
        (["--now", "soon"], "--now 'soon' is not a time"),
        (["--register", "r", "--no-register"], "--register and --no-register exclude each other"),
    ])
    func usageErrorsExitTwo(extra: [String], message: String) throws {
        let ws = try AttestWorkspace()
        defer { ws.remove() }
        try ws.keygen("signer")
        let run = try ws.attest(extra)
        #expect(run.status == 2)
        #expect(run.stderr.contains(message), "\(run.stderr)")
    }

    @Test func unreadableResultAndKeyAreClearErrors() throws {
        let ws = try AttestWorkspace()
        defer { ws.remove() }
        try ws.keygen("signer")
        try "{\"schema\": \"schouw/audit-result/v1\"}".write(to: ws.url("bad.json"), atomically: false, encoding: .utf8)
        let bad = try ws.attest(result: "bad.json")
        #expect(bad.status == 2)
        #expect(bad.stderr.contains("bad.json: not a schouw audit result"))
        let pubAsKey = try ws.attest(key: "signer.pub")
        #expect(pubAsKey.status == 2)
        #expect(pubAsKey.stderr.contains("signer.pub: this is a public key"))
    }
}
