import Foundation

/// A DSSE envelope (secure-systems-lab/dsse v1.0.2) as written to disk.
///
/// `payload` and `sig` are standard padded base64. A signature entry may carry `cert`: the signer's X.509
/// chain as concatenated PEM, leaf first. DSSE verifiers ignore unknown fields, so the envelope stays
/// readable by any of them; the chain is outside the signed bytes and earns trust only by validating to a
/// trust anchor and holding the key that verifies the signature.
public struct DSSEEnvelope: Codable, Equatable, Sendable {
    public var payload: String
    public var payloadType: String
    public var signatures: [Signature]

    public struct Signature: Codable, Equatable, Sendable {
        /// Lowercase hex SHA-256 of the signer's DER SubjectPublicKeyInfo (a hint, never trusted).
        public var keyid: String
        public var sig: String
        public var cert: String?

        public init(keyid: String, sig: String, cert: String? = nil) {
            self.keyid = keyid; self.sig = sig; self.cert = cert
        }
    }

    public init(payload: String, payloadType: String, signatures: [Signature]) {
        self.payload = payload; self.payloadType = payloadType; self.signatures = signatures
    }
}

/// The DSSE pre-authentication encoding: the exact bytes a signature covers.
public enum DSSE {
    public static let inTotoPayloadType = "application/vnd.in-toto+json"
    /// Larger decoded payloads are refused before any parsing.
    public static let maxPayloadBytes = 16 << 20
    /// Larger envelope files are refused before reading them (base64 payload plus certificates).
    public static let maxEnvelopeBytes = 24 << 20

    /// `"DSSEv1" SP LEN(type) SP type SP LEN(body) SP body`, lengths in ASCII decimal bytes.
    public static func pae(payloadType: String, payload: Data) -> Data {
        let type = Data(payloadType.utf8)
        var out = Data("DSSEv1 \(type.count) ".utf8)
        out.append(type)
        out.append(Data(" \(payload.count) ".utf8))
        out.append(payload)
        return out
    }
}

/// An envelope read from hostile bytes: every field checked and decoded, nothing defaulted.
public struct ParsedEnvelope: Sendable {
    public struct Signature: Sendable {
        public var keyid: String
        public var signature: Data
        /// The `cert` field's PEM text, when present.
        public var certificatePEM: String?
    }

    public var payloadType: String
    public var payload: Data
    public var signatures: [Signature]

    /// Parses an envelope; `source` names the file in errors. Throws `AttestError` for anything malformed.
    public static func parse(_ data: Data, source: String) throws -> ParsedEnvelope {
        guard data.count <= DSSE.maxEnvelopeBytes else {
            throw AttestError("\(source): envelope is larger than \(DSSE.maxEnvelopeBytes >> 20) MiB; refused")
        }
        let json: JSONValue
        do {
            json = try StrictJSON.parse(data)
        } catch {
            throw AttestError("\(source):\(error.line):\(error.column): not a valid DSSE envelope: \(error.message); pass the attestation `schouw attest` wrote (NAME.intoto.json), whole")
        }
        let root = JSONReader(json, path: "envelope")
        do {
            let payloadType = try root.field("payloadType").string()
            let payloadText = try root.field("payload").string()
            guard payloadText.utf8.count <= (DSSE.maxPayloadBytes / 3 + 1) * 4 else {
                throw AttestError("envelope.payload is larger than \(DSSE.maxPayloadBytes >> 20) MiB; refused")
            }
            guard let payload = StrictBase64.decode(payloadText) else {
                throw AttestError("envelope.payload is not valid padded base64 (RFC 4648, standard or URL-safe alphabet)")
            }
            let entries = try root.field("signatures").array()
            guard !entries.isEmpty else { throw AttestError("envelope.signatures is empty; the envelope is unsigned") }
            var signatures: [Signature] = []
            for entry in entries {
                let keyid = try entry.optionalField("keyid")?.string() ?? ""
                let sigText = try entry.field("sig").string()
                guard let sig = StrictBase64.decode(sigText) else {
                    throw AttestError("\(entry.path).sig is not valid padded base64")
                }
                let cert = try entry.optionalField("cert")?.string()
                signatures.append(Signature(keyid: keyid, signature: sig, certificatePEM: cert))
            }
            return ParsedEnvelope(payloadType: payloadType, payload: payload, signatures: signatures)
        } catch let error as AttestError {
            throw AttestError("\(source): not a valid DSSE envelope: \(error.message)")
        }
    }
}
