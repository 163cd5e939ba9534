import Foundation
import X509

/// What a deployment gate requires of an attestation. Unset fields are not checked.
public struct VerificationPolicy: Sendable {
    /// The public key that must have signed. May be nil only when `trustAnchors` is set (the key then comes
    /// from the envelope's certificate chain).
    public var key: VerifyingKey?
    /// The descriptor whose sha256 must be among the subjects.
    public var descriptor: SubjectFile?
    /// The files that descriptor includes: each must be among the descriptor files the audit
    /// read, or an included file changed after the attestation without the descriptor changing.
    public var includedFiles: [SubjectFile] = []
    public var requirePassed: Bool
    public var maxAge: ISODuration?
    public var rulesetDigest: String?
    public var signer: String?
    public var trustAnchors: [Certificate]?
    public var now: Date
    /// How far in the future a signing time may lie (clock skew between signer and verifier).
    public var allowedClockSkew: TimeInterval = 300

    public init(key: VerifyingKey?, descriptor: SubjectFile? = nil, requirePassed: Bool = false, maxAge: ISODuration? = nil,
                rulesetDigest: String? = nil, signer: String? = nil, trustAnchors: [Certificate]? = nil, now: Date) {
        self.key = key; self.descriptor = descriptor; self.requirePassed = requirePassed; self.maxAge = maxAge
        self.rulesetDigest = rulesetDigest; self.signer = signer; self.trustAnchors = trustAnchors; self.now = now
    }
}

/// One check of a verification and its outcome.
public struct VerificationCheck: Equatable, Sendable {
    public var name: String
    public var passed: Bool
    public var detail: String

    /// `ok   name (detail)` or `FAIL name: detail`.
    public var line: String {
        passed ? "ok   \(name)\(detail.isEmpty ? "" : " (\(detail))")" : "FAIL \(name): \(detail)"
    }
}

/// Every check that ran, in order. Verification passes only when every check passed.
public struct VerificationReport: Sendable {
    public var checks: [VerificationCheck]
    public var passed: Bool { !checks.isEmpty && checks.allSatisfy(\.passed) }
    /// The first failed check, if any.
    public var firstFailure: VerificationCheck? { checks.first { !$0.passed } }
}

/// Verifies DSSE-wrapped schouw attestations, failing closed.
///
/// Order follows DSSE: decode, verify the signature over the PAE of the exact decoded bytes, check the
/// payload type, and only then parse the payload. Nothing from the payload is believed before the
/// signature holds; the bytes parsed are the bytes verified.
public enum AttestationVerifier {
    /// Throws `AttestError` when the envelope itself is malformed (exit 2); every other problem is a
    /// failed check in the report (exit 1).
    public static func verify(envelopeData: Data, source: String, policy: VerificationPolicy) async throws -> VerificationReport {
        guard policy.key != nil || policy.trustAnchors != nil else {
            throw AttestError("no key to verify with: give --key PUB.pem or --trust-anchor ROOT.pem")
        }
        let envelope = try ParsedEnvelope.parse(envelopeData, source: source)
        var checks: [VerificationCheck] = []
        func pass(_ name: String, _ detail: String = "") { checks.append(.init(name: name, passed: true, detail: detail)) }
        func fail(_ name: String, _ detail: String) -> VerificationReport {
            checks.append(.init(name: name, passed: false, detail: detail))
            return VerificationReport(checks: checks)
        }
        pass("envelope", "DSSE, \(envelope.signatures.count) signature\(envelope.signatures.count == 1 ? "" : "s"), \(envelope.payload.count) payload bytes")

        // Signature over PAE(payloadType, payload) by the given key, or by the chain's leaf key.
        let pae = DSSE.pae(payloadType: envelope.payloadType, payload: envelope.payload)
        var verifiedBy: (key: VerifyingKey, signature: ParsedEnvelope.Signature)?
        if let key = policy.key {
            if let signature = envelope.signatures.first(where: { key.isValidSignature($0.signature, for: pae) }) {
                verifiedBy = (key, signature)
            } else {
                let named = Set(envelope.signatures.map(\.keyid)).subtracting([""])
                if !named.isEmpty, !named.contains(key.keyID) {
                    // The keyid is a hint the signature does not cover, but a different one is the
                    // usual reason: the wrong public key was given.
                    return fail("signature", "no signature in the envelope verifies with the key \(key.keyID) (\(key.algorithm.displayName)); the envelope names key \(named.sorted().joined(separator: ", ")) as its signer: pass that signer's public key, or the envelope was changed")
                }
                return fail("signature", "no signature in the envelope verifies with the key \(key.keyID) (\(key.algorithm.displayName)): the payload or the signature was changed, or it was signed with another key")
            }
        } else {
            for signature in envelope.signatures {
                guard let pem = signature.certificatePEM,
                      let leaf = try? CertificateChain.parse(pem: pem, source: "cert").first,
                      let key = try? VerifyingKey(certificateKey: leaf.publicKey, source: "cert") else { continue }
                if key.isValidSignature(signature.signature, for: pae) { verifiedBy = (key, signature); break }
            }
            guard verifiedBy != nil else {
                return fail("signature", "no signature in the envelope verifies with the public key of its own leaf certificate (missing 'cert', or the payload or signature was changed)")
            }
        }
        guard let (key, signature) = verifiedBy else { return VerificationReport(checks: checks) }
        pass("signature", "\(key.algorithm.displayName), keyid \(key.keyID)")

        guard envelope.payloadType == DSSE.inTotoPayloadType else {
            return fail("payload type", "'\(envelope.payloadType)', expected '\(DSSE.inTotoPayloadType)'")
        }
        pass("payload type", envelope.payloadType)

        let statement: SignedStatement
        do {
            statement = try SignedStatement(payload: envelope.payload)
        } catch let error as AttestError {
            return fail("statement", error.message)
        }
        pass("statement", "in-toto Statement v1, \(AuditPredicate.typeURI), project \(statement.projectID)")

        var signerName = statement.signer
        if let anchors = policy.trustAnchors {
            guard let pem = signature.certificatePEM else {
                return fail("certificate chain", "the signature carries no certificate chain ('cert'); re-attest with --cert CHAIN.pem")
            }
            let chain: [Certificate]
            do {
                chain = try CertificateChain.parse(pem: pem, source: "envelope cert")
            } catch let error as AttestError {
                return fail("certificate chain", error.message)
            }
            guard let leaf = chain.first, leaf.publicKey == key.certificateKey else {
                return fail("certificate chain", "the leaf certificate does not hold the key that verified the signature")
            }
            if let problem = await CertificateChain.validate(chain: chain, anchors: anchors, at: statement.time) {
                return fail("certificate chain", problem)
            }
            signerName = CertificateChain.signerName(of: leaf)
            pass("certificate chain", "'\(signerName)' valid at \(Timestamp.format(statement.time)) under the trust anchor")
        }

        // Policy checks: all run, each reported.
        if let descriptor = policy.descriptor {
            let digest = sha256Hex(descriptor.contents)
            if statement.subjectDigests.contains(digest) {
                pass("descriptor digest", "\(descriptor.name) sha256 \(digest)")
            } else {
                checks.append(.init(name: "descriptor digest", passed: false,
                                    detail: "\(descriptor.name) has sha256 \(digest), which is not among the attested subjects (\(statement.subjectDigests.joined(separator: ", "))); the descriptor changed after it was attested: audit and attest it again"))
            }
        }
        if !policy.includedFiles.isEmpty {
            // An attestation without the list cannot vouch for any included file.
            let attested = Set(statement.descriptorFileDigests ?? [])
            let changed = policy.includedFiles.filter { !attested.contains(sha256Hex($0.contents)) }
            if changed.isEmpty {
                let count = policy.includedFiles.count
                pass("included files", "\(count) file\(count == 1 ? "" : "s") included by the descriptor, each as audited")
            } else {
                let listed = changed.map { "\($0.name) (sha256 \(sha256Hex($0.contents)))" }.joined(separator: ", ")
                checks.append(.init(name: "included files", passed: false,
                                    detail: "\(listed) not among the descriptor files the audit read; an included file changed after it was attested: audit and attest it again"))
            }
        }
        if policy.requirePassed {
            if statement.verdict == "passed", statement.failOn == "never" {
                // A gate no finding can fail always passes: such a verdict says nothing about the project.
                checks.append(.init(name: "verdict", passed: false,
                                    detail: "the audit passed under gate fail-on never, which no finding can fail, and --require passed asks for a gate that can; audit with --fail-on high (the default) or stricter and attest again"))
            } else if statement.verdict == "passed" {
                pass("verdict", "passed, gate fail-on \(statement.failOn)")
            } else {
                checks.append(.init(name: "verdict", passed: false,
                                    detail: "the audit verdict is '\(statement.verdict)' (gate fail-on \(statement.failOn)), --require passed"))
            }
        }
        if statement.time > policy.now.addingTimeInterval(policy.allowedClockSkew) {
            checks.append(.init(name: "time", passed: false,
                                detail: "signed at \(Timestamp.format(statement.time)), which lies after now (\(Timestamp.format(policy.now)))"))
        }
        if let maxAge = policy.maxAge {
            if let deadline = maxAge.added(to: statement.time), policy.now <= deadline {
                pass("age", "signed \(Timestamp.format(statement.time)), within \(maxAge) of \(Timestamp.format(policy.now))")
            } else {
                checks.append(.init(name: "age", passed: false,
                                    detail: "signed \(Timestamp.format(statement.time)), older than --max-age \(maxAge) at \(Timestamp.format(policy.now)); attest again"))
            }
        }
        if let expected = policy.rulesetDigest {
            if statement.rulesetDigest == expected.lowercased() {
                pass("ruleset digest", expected.lowercased())
            } else {
                checks.append(.init(name: "ruleset digest", passed: false,
                                    detail: "the audit used rule set \(statement.rulesetDigest), expected \(expected)"))
            }
        }
        if let expected = policy.signer {
            if signerName == expected {
                pass("signer", signerName)
            } else {
                checks.append(.init(name: "signer", passed: false, detail: "signed by '\(signerName)', expected '\(expected)'"))
            }
        }
        return VerificationReport(checks: checks)
    }
}
