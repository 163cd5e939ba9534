import Crypto
import Foundation
import SwiftASN1
import _CryptoExtras

/// A private key that signs DSSE envelopes: Ed25519 or ECDSA P-256.
///
/// Reads PKCS#8 PEM (`BEGIN PRIVATE KEY`, as `schouw keygen` and `openssl genpkey` write it) and, for P-256,
/// SEC1 PEM (`BEGIN EC PRIVATE KEY`). The key's text is never part of an error message.
public struct SigningKey: Sendable {
    enum Backing: Sendable {
        case ed25519(Curve25519.Signing.PrivateKey)
        case p256(P256.Signing.PrivateKey)
    }

    let backing: Backing

    public static func generate(_ algorithm: SignatureAlgorithm) -> SigningKey {
        switch algorithm {
        case .ed25519: SigningKey(backing: .ed25519(Curve25519.Signing.PrivateKey()))
        case .p256: SigningKey(backing: .p256(P256.Signing.PrivateKey()))
        }
    }

    init(backing: Backing) {
        self.backing = backing
    }

    public init(pem: String, source: String) throws {
        let documents: [PEMDocument]
        do {
            documents = try PEMDocument.parseMultiple(pemString: pem)
        } catch {
            throw AttestError("\(source): not a PEM file (expected '-----BEGIN PRIVATE KEY-----'); make a key with `schouw keygen`")
        }
        let discriminators = documents.map(\.discriminator)
        if let document = documents.first(where: { $0.discriminator == "PRIVATE KEY" }) {
            if let key = try? Curve25519.Signing.PrivateKey(derRepresentation: document.derBytes) {
                self.init(backing: .ed25519(key))
            } else if let key = try? P256.Signing.PrivateKey(derRepresentation: document.derBytes) {
                self.init(backing: .p256(key))
            } else {
                throw AttestError("\(source): unsupported or unreadable PKCS#8 key; use an Ed25519 or ECDSA P-256 key (`schouw keygen --algorithm ed25519|p256`)")
            }
        } else if let document = documents.first(where: { $0.discriminator == "EC PRIVATE KEY" }) {
            guard let key = try? P256.Signing.PrivateKey(derRepresentation: document.derBytes) else {
                throw AttestError("\(source): unsupported or unreadable EC key; only the P-256 curve is supported")
            }
            self.init(backing: .p256(key))
        } else if discriminators.contains("ENCRYPTED PRIVATE KEY") {
            throw AttestError("\(source): encrypted private keys are not supported; decrypt it to a protected file with `openssl pkey -in KEY -out PLAIN.key` (mode 0600)")
        } else if discriminators.contains("PUBLIC KEY") {
            throw AttestError("\(source): this is a public key; signing needs the private key (the .key file)")
        } else {
            throw AttestError("\(source): no 'PRIVATE KEY' PEM block found; pass the NAME.key file `schouw keygen --out NAME` wrote")
        }
    }

    public var algorithm: SignatureAlgorithm {
        switch backing {
        case .ed25519: .ed25519
        case .p256: .p256
        }
    }

    public var publicKey: VerifyingKey {
        switch backing {
        case .ed25519(let key): VerifyingKey(.ed25519(key.publicKey))
        case .p256(let key): VerifyingKey(.p256(key.publicKey))
        }
    }

    /// PKCS#8 PEM, readable by `openssl pkey`.
    public var pkcs8PEM: String {
        switch backing {
        case .ed25519(let key): key.pemRepresentation + "\n"
        case .p256(let key): key.pemRepresentation + "\n"
        }
    }

    /// Signs `message`: Ed25519 directly (deterministic), P-256 as a DER ECDSA signature over its SHA-256.
    public func sign(_ message: Data) throws -> Data {
        switch backing {
        case .ed25519(let key): try key.signature(for: message)
        case .p256(let key): try key.signature(for: message).derRepresentation
        }
    }
}
