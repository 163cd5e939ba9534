import Foundation
import SchouwResult
@testable import SchouwAttest

/// Paths, fixtures and helpers shared by the attestation tests.
enum Fixture {
    static let testsDirectory = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
    static let packageRoot = testsDirectory.deletingLastPathComponent().deletingLastPathComponent()
    static let fixtures = testsDirectory.appendingPathComponent("Fixtures")
    static let verifyDSSE = packageRoot.appendingPathComponent("../shared/tools/verify_dsse.py").standardizedFileURL.path

    static let descriptor = Data("schouw: 1\nproject:\n  id: binnenstad-passanten\n  name: Passantentelling binnenstad\n".utf8)
    static let now = Timestamp.parse("2026-03-01T12:00:00Z") ?? Date(timeIntervalSince1970: 0)
    static let rulesetDigest = String(repeating: "ab", count: 32)

    /// The fixed Ed25519 key of the known-answer test (a test key, never used for anything else).
    static func katKey() throws -> SigningKey {
        try KeyFiles.readSigningKey(path: fixtures.appendingPathComponent("kat-ed25519.key").path)
    }

    /// A small but complete audit result for `descriptor`.
    static func result(for descriptor: Data = descriptor, verdict: String = "passed", failOn: String = "high") -> AuditResult {
        let digest = sha256Hex(descriptor)
        let waiver = AppliedWaiver(finding: "AVG-026@party:*", reason: "TIA uitgevoerd", approvedBy: "CISO Gemeente Voorbeeld",
                                   expires: "2026-06-30", ticket: "SEC-123", expired: false, location: nil)
        func outcome(_ id: String, _ status: OutcomeStatus, _ severity: Severity, waiver: AppliedWaiver? = nil) -> Outcome {
            let rule = String(id.prefix { $0 != "@" })
            let subject = id.split(separator: "@").last.map(String.init) ?? "project:x"
            let parts = subject.split(separator: ":").map(String.init)
            return Outcome(finding: id, rule: rule, status: status, severity: severity,
                           subject: SubjectRef(kind: parts.first ?? "project", id: parts.last ?? "x"),
                           references: [Reference(framework: "avg", ref: "art. 44")], message: "m", location: nil,
                           waiver: waiver)
        }
        return AuditResult(
            lang: "en", tool: .init(version: "0.1.0"),
            descriptor: .init(path: "project.yaml", sha256: digest, files: [.init(path: "project.yaml", sha256: digest)]),
            ruleset: .init(sha256: rulesetDigest, rules: 120, catalogues: ["bio2": "1.3"]),
            project: .init(id: "binnenstad-passanten", name: "Passantentelling binnenstad", organisation: "Gemeente Voorbeeld",
                           phase: "production", bio: "bio2"),
            evaluatedAt: "2026-03-01T11:00:00Z",
            gate: .init(failOn: failOn, failOnUnknown: false, verdict: verdict),
            summary: .init(fail: .init(medium: 1), unknown: 1, pass: 1, notApplicable: 0, waived: 2),
            outcomes: [
                outcome("BIO-012@system:wifi-sensor", .pass, .high),
                outcome("AVG-026@party:cloudco", .waived, .high, waiver: waiver),
                outcome("AVG-001@project:binnenstad-passanten", .fail, .medium),
                outcome("AVG-026@party:telbedrijf", .waived, .high, waiver: waiver),
                outcome("AVG-030@data:wifi-raw", .unknown, .low),
            ],
            waiverNotes: [], rules: [])
    }

    static func attest(key: SigningKey, verdict: String = "passed", failOn: String = "high", time: Date = now,
                       chainPEM: String? = nil, signer: String? = "CISO Gemeente Voorbeeld") throws -> SignedAttestation {
        try Attestor.attest(AttestationRequest(descriptor: SubjectFile(name: "project.yaml", contents: descriptor),
                                               result: result(verdict: verdict, failOn: failOn), signer: signer, time: time,
                                               certificateChainPEM: chainPEM),
                            key: key)
    }

    static func temporaryDirectory() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("schouw-attest-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }
}

struct ProcessResult {
    var status: Int32
    var stdout: String
    var stderr: String
}

/// Runs an external tool (`openssl`, `python3`) through `/usr/bin/env`.
func runTool(_ arguments: [String], in directory: URL) throws -> ProcessResult {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
    process.arguments = arguments
    process.currentDirectoryURL = directory
    let out = Pipe(), err = Pipe()
    process.standardOutput = out
    process.standardError = err
    try process.run()
    let errBox = DataBox()
    let group = DispatchGroup()
    group.enter()
    DispatchQueue.global().async { errBox.data = err.fileHandleForReading.readDataToEndOfFile(); group.leave() }
    let outData = out.fileHandleForReading.readDataToEndOfFile()
    group.wait()
    process.waitUntilExit()
    return ProcessResult(status: process.terminationStatus, stdout: String(decoding: outData, as: UTF8.self),
                         stderr: String(decoding: errBox.data, as: UTF8.self))
}

private final class DataBox: @unchecked Sendable {
    var data = Data()
}

extension DSSEEnvelope {
    /// The envelope with its decoded payload changed by `edit` (the signature is kept, so it no longer matches).
    func withPayload(_ edit: (inout Data) -> Void) -> DSSEEnvelope {
        var copy = self
        var payload = StrictBase64.decode(payload) ?? Data()
        edit(&payload)
        copy.payload = StrictBase64.encode(payload)
        return copy
    }

    func encoded() throws -> Data { try CanonicalJSON.encode(self) }
}

/// `../shared` (reference models, validators, conformance data) sits beside the package in CI. A clone
/// elsewhere skips the tests that need it; with `CI` set they run anyway and fail loudly if it is missing.
enum SharedDirectory {
    static var usable: Bool {
        FileManager.default.fileExists(atPath: Fixture.verifyDSSE) || ProcessInfo.processInfo.environment["CI"] != nil
    }
}
