import Foundation
import SchouwResult
import SwiftASN1
import X509

/// A file named in the statement's subjects: its name as given and its bytes.
public struct SubjectFile: Sendable {
    public var name: String
    public var contents: Data
    public init(name: String, contents: Data) { self.name = name; self.contents = contents }
}

/// What `attest` signs: an audit result for one descriptor, plus who signs it and when.
public struct AttestationRequest: Sendable {
    public var descriptor: SubjectFile
    public var extraSubjects: [SubjectFile]
    public var result: AuditResult
    /// Signer name; nil takes the certificate's subject (CN, else O) or `key:<keyid>`.
    public var signer: String?
    public var time: Date
    /// The signer's certificate chain as PEM, leaf first.
    public var certificateChainPEM: String?

    public init(descriptor: SubjectFile, extraSubjects: [SubjectFile] = [], result: AuditResult, signer: String? = nil,
                time: Date, certificateChainPEM: String? = nil) {
        self.descriptor = descriptor; self.extraSubjects = extraSubjects; self.result = result
        self.signer = signer; self.time = time; self.certificateChainPEM = certificateChainPEM
    }
}

/// A signed attestation: the envelope, its file bytes and the statement inside.
public struct SignedAttestation: Sendable {
    public var envelope: DSSEEnvelope
    /// The envelope as written to disk: canonical JSON (sorted keys), newline-terminated.
    public var fileData: Data
    public var statement: InTotoStatement
}

/// Builds and signs attestations.
public enum Attestor {
    public static func attest(_ request: AttestationRequest, key: SigningKey) throws -> SignedAttestation {
        let descriptorDigest = sha256Hex(request.descriptor.contents)
        guard request.result.descriptor.sha256.lowercased() == descriptorDigest else {
            throw AttestError("the audit result is not for \(request.descriptor.name) as it is now: the result audited \(request.result.descriptor.path) with sha256 \(request.result.descriptor.sha256), and \(request.descriptor.name) has sha256 \(descriptorDigest) (another file, or the file changed since); re-run `schouw audit \(request.descriptor.name) --format json`")
        }
        let publicKey = key.publicKey
        var certificateSigner: String?
        var chainPEM: String?
        if let pem = request.certificateChainPEM {
            let chain = try CertificateChain.parse(pem: pem, source: "--cert")
            guard let leaf = chain.first, leaf.publicKey == publicKey.certificateKey else {
                throw AttestError("--cert: the first (leaf) certificate does not hold the signing key's public key; give the chain of this key's certificate, leaf first")
            }
            certificateSigner = CertificateChain.signerName(of: leaf)
            chainPEM = try chain.map { try $0.serializeAsPEM().pemString }.joined(separator: "\n") + "\n"
        }
        let signer = request.signer ?? certificateSigner ?? "key:\(publicKey.keyID)"
        let predicate = try AuditPredicate(result: request.result, signer: signer, keyid: publicKey.keyID,
                                           time: Timestamp.format(request.time))
        var subjects = [InTotoStatement.Subject(name: request.descriptor.name, sha256: descriptorDigest)]
        subjects += request.extraSubjects.map { InTotoStatement.Subject(name: $0.name, sha256: sha256Hex($0.contents)) }
        let statement = InTotoStatement(subject: subjects, predicate: predicate)

        let payload = try CanonicalJSON.encodeCompact(statement)
        let signature = try key.sign(DSSE.pae(payloadType: DSSE.inTotoPayloadType, payload: payload))
        let envelope = DSSEEnvelope(
            payload: StrictBase64.encode(payload),
            payloadType: DSSE.inTotoPayloadType,
            signatures: [.init(keyid: publicKey.keyID, sig: StrictBase64.encode(signature), cert: chainPEM)])
        return SignedAttestation(envelope: envelope, fileData: try CanonicalJSON.encode(envelope), statement: statement)
    }
}
