import Foundation
import PythonChecks
import Testing
@testable import SchouwAttest

/// What `attest` writes must verify with software schouw did not write, and the reverse.
@Suite struct InteropTests {
    /// verify_dsse.py needs these.
    static let verifierAvailable = PythonChecks.available("cryptography", "securesystemslib", "in_toto_attestation")
    static let verifierMissing = Comment(rawValue: PythonChecks.reason("cryptography", "securesystemslib", "in-toto-attestation"))

    @Test(.enabled(if: SharedDirectory.usable, "../shared is not beside the package"),
          .enabled(if: verifierAvailable, verifierMissing), arguments: SignatureAlgorithm.allCases)
    func verifyDSSEAcceptsOurEnvelopes(algorithm: SignatureAlgorithm) throws {
        let dir = try Fixture.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let key = SigningKey.generate(algorithm)
        try key.publicKey.pem.write(to: dir.appendingPathComponent("signer.pub"), atomically: false, encoding: .utf8)
        try Fixture.descriptor.write(to: dir.appendingPathComponent("project.yaml"))
        try Fixture.attest(key: key).fileData.write(to: dir.appendingPathComponent("env.json"))

        let run = try runTool(["python3", Fixture.verifyDSSE, "env.json", "signer.pub", "--strict",
                               "--expect-predicate-type", AuditPredicate.typeURI, "--artifact", "project.yaml",
                               "--expect-keyid", key.publicKey.keyID], in: dir)
        #expect(run.status == 0, "verify_dsse.py: \(run.stdout) \(run.stderr)")
        #expect(run.stdout.contains("OK: signature valid, Statement v1 valid"))
        #expect((run.stdout + run.stderr).contains("securesystemslib agrees"))
    }

    /// The `cert` field in a signature entry does not disturb other DSSE verifiers.
    @Test(.enabled(if: SharedDirectory.usable, "../shared is not beside the package"), .enabled(if: verifierAvailable, verifierMissing))
    func verifyDSSEAcceptsEnvelopesCarryingACertificateChain() throws {
        let dir = try Fixture.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let key = SigningKey.generate(.ed25519)
        let pki = try TestPKI()
        let attestation = try Fixture.attest(key: key, chainPEM: try TestPKI.pem(try pki.leaf(for: key), pki.root))
        #expect(attestation.envelope.signatures[0].cert != nil)
        try attestation.fileData.write(to: dir.appendingPathComponent("env.json"))
        try key.publicKey.pem.write(to: dir.appendingPathComponent("signer.pub"), atomically: false, encoding: .utf8)
        let run = try runTool(["python3", Fixture.verifyDSSE, "env.json", "signer.pub"], in: dir)
        #expect(run.status == 0, "verify_dsse.py: \(run.stdout) \(run.stderr)")
    }

    @Test(arguments: SignatureAlgorithm.allCases)
    func openSSLVerifiesOurSignatureOverThePAE(algorithm: SignatureAlgorithm) throws {
        let dir = try Fixture.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let key = SigningKey.generate(algorithm)
        try key.publicKey.pem.write(to: dir.appendingPathComponent("signer.pub"), atomically: false, encoding: .utf8)
        let envelope = try Fixture.attest(key: key).envelope
        let payload = try #require(StrictBase64.decode(envelope.payload))
        // The PAE written independently of DSSE.pae.
        var pae = Data("DSSEv1 \(envelope.payloadType.utf8.count) \(envelope.payloadType) \(payload.count) ".utf8)
        pae.append(payload)
        try pae.write(to: dir.appendingPathComponent("pae.bin"))
        try #require(StrictBase64.decode(envelope.signatures[0].sig)).write(to: dir.appendingPathComponent("sig.bin"))

        let digestArgs = algorithm == .p256 ? ["-digest", "sha256"] : []
        let run = try runTool(["openssl", "pkeyutl", "-verify", "-pubin", "-inkey", "signer.pub", "-rawin"] + digestArgs
                              + ["-in", "pae.bin", "-sigfile", "sig.bin"], in: dir)
        #expect(run.status == 0, "openssl: \(run.stdout) \(run.stderr)")
        #expect(run.stdout.contains("Signature Verified Successfully"))
    }

    @Test(arguments: ["ed25519", "p256"])
    func weVerifyEnvelopesSignedByOpenSSLAlone(algorithm: String) async throws {
        let dir = try Fixture.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        if algorithm == "ed25519" {
            try openSSL(["genpkey", "-algorithm", "ed25519", "-out", "k.key"], in: dir)
        } else {
            try openSSL(["genpkey", "-algorithm", "EC", "-pkeyopt", "ec_paramgen_curve:P-256", "-out", "k.key"], in: dir)
        }
        try openSSL(["pkey", "-in", "k.key", "-pubout", "-out", "k.pub"], in: dir)
        // A statement written by hand, not by schouw's encoder.
        let digest = sha256Hex(Fixture.descriptor)
        let payload = Data("""
        {"_type":"https://in-toto.io/Statement/v1","subject":[{"name":"project.yaml","digest":{"sha256":"\(digest)"}}],\
        "predicateType":"https://schouw.dev/attestation/audit/v1","predicate":{"signer":{"name":"Extern","keyid":""},\
        "time":"2026-02-01T08:00:00Z","verdict":"passed","project":{"id":"p"},"gate":{"fail-on":"high"},\
        "ruleset":{"sha256":"\(Fixture.rulesetDigest)"}}}
        """.utf8)
        let type = "application/vnd.in-toto+json"
        var pae = Data("DSSEv1 \(type.utf8.count) \(type) \(payload.count) ".utf8)
        pae.append(payload)
        try pae.write(to: dir.appendingPathComponent("pae.bin"))
        let digestArgs = algorithm == "p256" ? ["-digest", "sha256"] : []
        try openSSL(["pkeyutl", "-sign", "-inkey", "k.key", "-rawin"] + digestArgs + ["-in", "pae.bin", "-out", "sig.bin"], in: dir)
        let sig = try Data(contentsOf: dir.appendingPathComponent("sig.bin"))
        let envelope = Data("""
        {"payloadType":"\(type)","payload":"\(payload.base64EncodedString())","signatures":[{"sig":"\(sig.base64EncodedString())"}]}
        """.utf8)

        let key = try KeyFiles.readVerifyingKey(path: dir.appendingPathComponent("k.pub").path)
        let policy = VerificationPolicy(key: key, descriptor: SubjectFile(name: "project.yaml", contents: Fixture.descriptor),
                                        requirePassed: true, maxAge: ISODuration("P90D"), signer: "Extern", now: Fixture.now)
        let report = try await AttestationVerifier.verify(envelopeData: envelope, source: "env.json", policy: policy)
        #expect(report.passed, "\(report.checks.map(\.line))")
        #expect(report.checks.map(\.name) == ["envelope", "signature", "payload type", "statement", "descriptor digest",
                                              "verdict", "age", "signer"])
    }
}
