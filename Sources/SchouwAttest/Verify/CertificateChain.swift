import Foundation
import SwiftASN1
@_spi(FixedExpiryValidationTime) import X509

/// X.509 chains for signers: parsing, naming the signer, validating against trust anchors.
public enum CertificateChain {
    /// Every `CERTIFICATE` block of `pem`, in order; at least one.
    public static func parse(pem: String, source: String) throws -> [Certificate] {
        let documents: [PEMDocument]
        do {
            documents = try PEMDocument.parseMultiple(pemString: pem)
        } catch {
            throw AttestError("\(source): not a PEM certificate file")
        }
        var certificates: [Certificate] = []
        for (index, document) in documents.enumerated() where document.discriminator == "CERTIFICATE" {
            do {
                certificates.append(try Certificate(derEncoded: document.derBytes))
            } catch {
                throw AttestError("\(source): certificate \(index + 1) is not a valid X.509 certificate")
            }
        }
        guard !certificates.isEmpty else { throw AttestError("\(source): no 'CERTIFICATE' PEM block found") }
        return certificates
    }

    /// The subject's common name, else its organisation, else the whole distinguished name.
    public static func signerName(of certificate: Certificate) -> String {
        func first(_ type: ASN1ObjectIdentifier) -> String? {
            for rdn in certificate.subject {
                for attribute in rdn where attribute.type == type {
                    if let text = String(attribute.value), !text.isEmpty { return text }
                }
            }
            return nil
        }
        return first(.RDNAttributeType.commonName) ?? first(.RDNAttributeType.organizationName)
            ?? String(describing: certificate.subject)
    }

    /// Validates `chain` (leaf first) to one of `anchors` at `time` with the RFC 5280 policy.
    /// Returns nil when valid, else why not.
    public static func validate(chain: [Certificate], anchors: [Certificate], at time: Date) async -> String? {
        guard let leaf = chain.first else { return "the envelope carries no certificate" }
        // Expiry first, for a precise message; the verifier below checks it again.
        for certificate in chain {
            let name = signerName(of: certificate)
            if time > certificate.notValidAfter {
                return "certificate '\(name)' expired at \(Timestamp.format(certificate.notValidAfter)), before the signing time \(Timestamp.format(time))"
            }
            if time < certificate.notValidBefore {
                return "certificate '\(name)' is only valid from \(Timestamp.format(certificate.notValidBefore)), after the signing time \(Timestamp.format(time))"
            }
        }
        // The leaf signs attestations: when it limits its key's use, signing must be among the uses.
        do {
            if let usage = try leaf.extensions.keyUsage, !usage.digitalSignature {
                return "certificate '\(signerName(of: leaf))' is not allowed to sign (its key usage lacks digitalSignature)"
            }
        } catch {
            return "certificate '\(signerName(of: leaf))' has an unreadable key usage extension"
        }
        var verifier = Verifier(rootCertificates: CertificateStore(anchors)) {
            RFC5280Policy(fixedExpiryValidationTime: time)
        }
        let result = await verifier.validate(leaf: leaf, intermediates: CertificateStore(chain.dropFirst()))
        switch result {
        case .validCertificate:
            return nil
        case .couldNotValidate(let failures):
            let reasons = failures.map { String(describing: $0.policyFailureReason) }
            let anchorNames = anchors.map { signerName(of: $0) }.joined(separator: ", ")
            if reasons.isEmpty {
                return "the chain of '\(signerName(of: leaf))' does not lead to the trust anchor (\(anchorNames))"
            }
            return "the chain of '\(signerName(of: leaf))' is not valid under the trust anchor (\(anchorNames)): \(reasons.joined(separator: "; "))"
        }
    }
}
