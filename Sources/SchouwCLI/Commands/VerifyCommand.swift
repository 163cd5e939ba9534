import ArgumentParser
import Foundation
import SchouwAttest
import SchouwModel

struct VerifyCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "verify",
        abstract: "Verify a signed attestation for a deployment gate.",
        discussion: """
        Prints one line per check ('ok   ...' or 'FAIL ...'). Exit 0 only when every check passes, 1 when a \
        check fails, 2 when the attestation or an option is malformed. Durations are ISO 8601 (P90D, PT12H, P1Y). \
        With --trust-anchor the signer's certificate chain in the envelope must validate to ROOT.pem at the \
        signing time, its leaf key must have signed, and the signer name comes from the certificate (CN, else O).
        """)

    @Argument(help: "The attestation (DSSE envelope JSON).")
    var attestation: String

    @Option(help: "Public key (SPKI PEM or certificate PEM) that must have signed.")
    var key: String?

    @Option(help: "Descriptor whose sha256 must be among the attested subjects; the files it includes must be as audited too.")
    var descriptor: String?

    @Option(help: "Required verdict: passed (under a gate that can fail: a pass under --fail-on never is refused).")
    var require: String?

    @Option(name: .customLong("max-age"), help: "Maximum age at --now, ISO 8601 (P90D).")
    var maxAge: String?

    @Option(name: .customLong("ruleset-digest"), help: "Required rule-set sha256.")
    var rulesetDigest: String?

    @Option(help: "Required signer name.")
    var signer: String?

    @Option(name: .customLong("trust-anchor"), help: "Root certificate (PEM) the signer's chain must lead to (repeatable).")
    var trustAnchors: [String] = []

    @Option(help: "The time to verify at (RFC 3339 or YYYY-MM-DD); default the current time.")
    var now: String?

    func validate() throws {
        if let require, require != "passed" {
            throw AttestationCLI.usage("--require '\(require)' is not supported; use --require passed")
        }
        if let maxAge, ISODuration(maxAge) == nil {
            throw AttestationCLI.usage("--max-age '\(maxAge)' is not an ISO 8601 duration (P90D, PT12H, P1Y)")
        }
        if let rulesetDigest, !isSHA256Hex(rulesetDigest.lowercased()) {
            throw AttestationCLI.usage("--ruleset-digest must be 64 hex digits (a sha256)")
        }
        _ = try AttestationCLI.parseNow(now)
        if key == nil, trustAnchors.isEmpty {
            throw AttestationCLI.usage("give --key PUB.pem (or --trust-anchor ROOT.pem for a certificate-signed attestation)")
        }
    }

    func run() throws {
        let verifyAt = try AttestationCLI.parseNow(now)
        let report = try AttestationCLI.exitTwoOnError { () throws -> VerificationReport in
            var policy = VerificationPolicy(key: try key.map { try KeyFiles.readVerifyingKey(path: $0) },
                                            requirePassed: require == "passed", maxAge: maxAge.flatMap(ISODuration.init),
                                            rulesetDigest: rulesetDigest?.lowercased(), signer: signer, now: verifyAt)
            if let descriptor {
                policy.descriptor = SubjectFile(name: descriptor, contents: try BoundedFile.read(path: descriptor, limit: 64 << 20, what: "descriptor"))
                policy.includedFiles = try Self.includedFiles(of: descriptor)
            }
            if !trustAnchors.isEmpty {
                policy.trustAnchors = try trustAnchors.flatMap { path in
                    try CertificateChain.parse(pem: String(decoding: BoundedFile.read(path: path, limit: 1 << 20, what: "trust anchor"), as: UTF8.self), source: path)
                }
            }
            let data = try BoundedFile.read(path: attestation, limit: DSSE.maxEnvelopeBytes, what: "attestation")
            let frozenPolicy = policy
            let source = attestation
            return try AttestationCLI.runBlocking {
                try await AttestationVerifier.verify(envelopeData: data, source: source, policy: frozenPolicy)
            }
        }
        for check in report.checks {
            Console.out(check.line + "\n")
        }
        if report.passed {
            Console.out("verified: \(attestation)\n")
        } else {
            let failed = report.checks.filter { !$0.passed }.map(\.name)
            Console.out("NOT VERIFIED: \(attestation) (failed: \(failed.joined(separator: ", ")))\n")
            throw ExitCode(1)
        }
    }

    /// The files `descriptor` includes, read as the audit read them. A descriptor that does not
    /// load cannot say which files it includes (and no audit accepted it): invalid input.
    static func includedFiles(of descriptor: String) throws -> [SubjectFile] {
        let loaded = DescriptorLoader.load(path: descriptor)
        guard !loaded.hasErrors else {
            Console.err(loaded.rendered())
            Console.err("error: \(descriptor) does not load, so the files it includes cannot be checked; fix it, then audit and attest it again\n")
            throw ExitCode(2)
        }
        return loaded.files.dropFirst().map { SubjectFile(name: $0.path, contents: Data($0.text.utf8)) }
    }
}
