import Crypto
import Foundation
import SwiftASN1
import X509
import _CryptoExtras

/// The signature schemes schouw signs and verifies with.
public enum SignatureAlgorithm: String, Sendable, CaseIterable {
    /// Ed25519 over the PAE bytes (64-byte signature).
    case ed25519
    /// ECDSA P-256 over SHA-256 of the PAE bytes, signature ASN.1 DER encoded.
    case p256

    /// The name verification output shows.
    public var displayName: String {
        switch self {
        case .ed25519: "ed25519"
        case .p256: "ecdsa-p256-sha256"
        }
    }
}

/// A public key that checks DSSE signatures, read from SPKI PEM (`BEGIN PUBLIC KEY`) or a certificate.
public struct VerifyingKey: Sendable, Equatable {
    enum Backing: Sendable {
        case ed25519(Curve25519.Signing.PublicKey)
        case p256(P256.Signing.PublicKey)
    }

    let backing: Backing
    /// The DER SubjectPublicKeyInfo; the key's identity.
    public let spkiDER: Data

    init(_ backing: Backing) {
        self.backing = backing
        switch backing {
        case .ed25519(let key): spkiDER = key.derRepresentation
        case .p256(let key): spkiDER = key.derRepresentation
        }
    }

    /// Wraps a certificate's key; other algorithms than Ed25519 and P-256 are refused.
    public init(certificateKey: Certificate.PublicKey, source: String) throws {
        if let key = Curve25519.Signing.PublicKey(certificateKey) {
            self.init(.ed25519(key))
        } else if let key = P256.Signing.PublicKey(certificateKey) {
            self.init(.p256(key))
        } else {
            throw AttestError("\(source): unsupported key algorithm (\(certificateKey)); use an Ed25519 or ECDSA P-256 key")
        }
    }

    /// Reads a public key PEM file's text. A certificate PEM gives its subject's key (the first certificate).
    public init(pem: String, source: String) throws {
        let documents: [PEMDocument]
        do {
            documents = try PEMDocument.parseMultiple(pemString: pem)
        } catch {
            throw AttestError("\(source): not a PEM file (expected '-----BEGIN PUBLIC KEY-----'); make one with `schouw keygen` or `openssl pkey -pubout`")
        }
        if documents.contains(where: { $0.discriminator.hasSuffix("PRIVATE KEY") }) {
            throw AttestError("\(source): this is a private key; verification needs the public key (the .pub file). Never hand a private key to a verifier")
        }
        if let document = documents.first(where: { $0.discriminator == "PUBLIC KEY" }) {
            let key: Certificate.PublicKey
            do {
                key = try Certificate.PublicKey(derEncoded: document.derBytes)
            } catch {
                throw AttestError("\(source): unreadable or unsupported public key; use an Ed25519 or ECDSA P-256 key in SPKI PEM")
            }
            try self.init(certificateKey: key, source: source)
        } else if let document = documents.first(where: { $0.discriminator == "CERTIFICATE" }) {
            let certificate: Certificate
            do {
                certificate = try Certificate(derEncoded: document.derBytes)
            } catch {
                throw AttestError("\(source): unreadable certificate")
            }
            try self.init(certificateKey: certificate.publicKey, source: source)
        } else {
            throw AttestError("\(source): no 'PUBLIC KEY' or 'CERTIFICATE' PEM block found; pass the signer's NAME.pub from `schouw keygen --out NAME`, or its certificate")
        }
    }

    public var algorithm: SignatureAlgorithm {
        switch backing {
        case .ed25519: .ed25519
        case .p256: .p256
        }
    }

    /// Lowercase hex SHA-256 of the DER SubjectPublicKeyInfo: what `keyid` carries.
    public var keyID: String { sha256Hex(spkiDER) }

    /// SPKI PEM, readable by `openssl pkey -pubin`.
    public var pem: String {
        PEMDocument(type: "PUBLIC KEY", derBytes: Array(spkiDER)).pemString + "\n"
    }

    /// The key as swift-certificates sees it, for comparing with a certificate's key.
    public var certificateKey: Certificate.PublicKey {
        switch backing {
        case .ed25519(let key): Certificate.PublicKey(key)
        case .p256(let key): Certificate.PublicKey(key)
        }
    }

    /// True when `signature` is this key's signature over `message` (for P-256: a DER ECDSA signature over SHA-256).
    public func isValidSignature(_ signature: Data, for message: Data) -> Bool {
        switch backing {
        case .ed25519(let key):
            return signature.count == 64 && key.isValidSignature(signature, for: message)
        case .p256(let key):
            guard let parsed = try? P256.Signing.ECDSASignature(derRepresentation: signature) else { return false }
            // Reject non-canonical encodings: the signature must be exactly the DER of its (r, s).
            guard parsed.derRepresentation == signature else { return false }
            return key.isValidSignature(parsed, for: message)
        }
    }

    public static func == (lhs: VerifyingKey, rhs: VerifyingKey) -> Bool { lhs.spkiDER == rhs.spkiDER }
}
