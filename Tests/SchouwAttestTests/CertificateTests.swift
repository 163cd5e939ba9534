import Crypto
import Foundation
import SwiftASN1
import Testing
import X509
@testable import SchouwAttest

/// Test PKI made with swift-certificates: a root CA and leaf certificates for signing keys.
struct TestPKI {
    let rootKey = P256.Signing.PrivateKey()
    let root: Certificate
    let rootName: DistinguishedName

    static let start = Timestamp.parse("2025-01-01T00:00:00Z") ?? Date()
    static let end = Timestamp.parse("2030-01-01T00:00:00Z") ?? Date()

    init(name: String = "Gemeente Voorbeeld Test Root") throws {
        rootName = try DistinguishedName {
            CommonName(name)
            OrganizationName("Gemeente Voorbeeld")
        }
        root = try Certificate(
            version: .v3, serialNumber: .init(), publicKey: .init(rootKey.publicKey),
            notValidBefore: Self.start, notValidAfter: Self.end, issuer: rootName, subject: rootName,
            signatureAlgorithm: .ecdsaWithSHA256,
            extensions: try Certificate.Extensions {
                Critical(BasicConstraints.isCertificateAuthority(maxPathLength: nil))
                Critical(KeyUsage(keyCertSign: true))
            },
            issuerPrivateKey: .init(rootKey))
    }

    func leaf(for key: SigningKey, commonName: String = "CISO Gemeente Voorbeeld", from: Date = start, until: Date = end,
              usage: KeyUsage = KeyUsage(digitalSignature: true)) throws -> Certificate {
        let subject = try DistinguishedName {
            CommonName(commonName)
            OrganizationName("Gemeente Voorbeeld")
        }
        return try Certificate(
            version: .v3, serialNumber: .init(), publicKey: key.publicKey.certificateKey,
            notValidBefore: from, notValidAfter: until, issuer: rootName, subject: subject,
            signatureAlgorithm: .ecdsaWithSHA256,
            extensions: try Certificate.Extensions {
                Critical(BasicConstraints.notCertificateAuthority)
                Critical(usage)
            },
            issuerPrivateKey: .init(rootKey))
    }

    static func pem(_ certificates: Certificate...) throws -> String {
        try certificates.map { try $0.serializeAsPEM().pemString }.joined(separator: "\n") + "\n"
    }
}

@Suite struct CertificateTests {
    let key = SigningKey.generate(.ed25519)

    func verify(_ attestation: SignedAttestation, anchors: [Certificate], key: VerifyingKey? = nil,
                signer: String? = nil) async throws -> VerificationReport {
        try await AttestationVerifier.verify(envelopeData: attestation.fileData, source: "env.json",
                                             policy: VerificationPolicy(key: key, signer: signer, trustAnchors: anchors, now: Fixture.now))
    }

    @Test func chainToTheAnchorVerifiesAndNamesTheSigner() async throws {
        let pki = try TestPKI()
        let chain = try TestPKI.pem(try pki.leaf(for: key), pki.root)
        let attestation = try Fixture.attest(key: key, chainPEM: chain, signer: nil)
        #expect(attestation.statement.predicate.signer.name == "CISO Gemeente Voorbeeld")
        #expect(attestation.envelope.signatures[0].cert?.hasPrefix("-----BEGIN CERTIFICATE-----") == true)

        let report = try await verify(attestation, anchors: [pki.root], signer: "CISO Gemeente Voorbeeld")
        #expect(report.passed, "\(report.checks.map(\.line))")
        #expect(report.checks.map(\.name).contains("certificate chain"))
        // With the key as well, it must be the leaf's key.
        #expect(try await verify(attestation, anchors: [pki.root], key: key.publicKey).passed)
    }

    @Test func signerNameComesFromTheCertificateNotThePayload() async throws {
        let pki = try TestPKI()
        let attestation = try Fixture.attest(key: key, chainPEM: try TestPKI.pem(try pki.leaf(for: key)), signer: "Claimed Name")
        let report = try await verify(attestation, anchors: [pki.root], signer: "Claimed Name")
        #expect(report.firstFailure?.name == "signer")
        #expect(report.firstFailure?.detail == "signed by 'CISO Gemeente Voorbeeld', expected 'Claimed Name'")
    }

    @Test func chainThatDoesNotLeadToTheAnchorFails() async throws {
        let pki = try TestPKI(), other = try TestPKI(name: "Another Root")
        let attestation = try Fixture.attest(key: key, chainPEM: try TestPKI.pem(try pki.leaf(for: key)))
        let report = try await verify(attestation, anchors: [other.root])
        #expect(report.firstFailure?.name == "certificate chain")
        #expect(report.firstFailure?.detail.contains("does not lead to the trust anchor (Another Root)") == true,
                "\(report.firstFailure?.detail ?? "")")
    }

    @Test func certificateExpiredAtSigningTimeFails() async throws {
        let pki = try TestPKI()
        let expiredLeaf = try pki.leaf(for: key, until: Timestamp.parse("2025-12-31T00:00:00Z") ?? Date())
        let attestation = try Fixture.attest(key: key, chainPEM: try TestPKI.pem(expiredLeaf))
        let report = try await verify(attestation, anchors: [pki.root])
        #expect(report.firstFailure?.name == "certificate chain")
        #expect(report.firstFailure?.detail.contains("expired at 2025-12-31T00:00:00Z, before the signing time 2026-03-01T12:00:00Z") == true)
    }

    @Test func certificateNotAllowedToSignFails() async throws {
        let pki = try TestPKI()
        let leaf = try pki.leaf(for: key, usage: KeyUsage(keyEncipherment: true))
        let report = try await verify(try Fixture.attest(key: key, chainPEM: try TestPKI.pem(leaf)), anchors: [pki.root])
        #expect(report.firstFailure?.detail.contains("is not allowed to sign") == true)
    }

    @Test func swappedCertificateIsCaught() async throws {
        let pki = try TestPKI()
        var attestation = try Fixture.attest(key: key, chainPEM: try TestPKI.pem(try pki.leaf(for: key)))
        let stranger = SigningKey.generate(.ed25519)
        attestation.envelope.signatures[0].cert = try TestPKI.pem(try pki.leaf(for: stranger, commonName: "Stranger"))
        attestation.fileData = try attestation.envelope.encoded()
        // Without a key, the swapped leaf's key does not verify the signature.
        #expect(try await verify(attestation, anchors: [pki.root]).firstFailure?.name == "signature")
        // With the real key, the leaf does not hold it.
        let report = try await verify(attestation, anchors: [pki.root], key: key.publicKey)
        #expect(report.firstFailure?.name == "certificate chain")
        #expect(report.firstFailure?.detail.contains("does not hold the key") == true)
    }

    @Test func missingChainFailsWhenAnAnchorIsRequired() async throws {
        let pki = try TestPKI()
        let report = try await verify(try Fixture.attest(key: key), anchors: [pki.root], key: key.publicKey)
        #expect(report.firstFailure?.name == "certificate chain")
    }

    @Test func attestRefusesACertificateForAnotherKey() throws {
        let pki = try TestPKI()
        let chain = try TestPKI.pem(try pki.leaf(for: SigningKey.generate(.ed25519)))
        #expect(throws: AttestError.self) { try Fixture.attest(key: key, chainPEM: chain) }
    }
}
