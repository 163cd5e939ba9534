import Foundation
import Testing
@testable import SchouwAttest

@Suite struct VerifierTests {
    let key = SigningKey.generate(.ed25519)

    func policy(_ edit: (inout VerificationPolicy) -> Void = { _ in }) -> VerificationPolicy {
        var policy = VerificationPolicy(key: key.publicKey,
                                        descriptor: SubjectFile(name: "project.yaml", contents: Fixture.descriptor),
                                        requirePassed: true, maxAge: ISODuration("P90D"),
                                        rulesetDigest: Fixture.rulesetDigest, signer: "CISO Gemeente Voorbeeld",
                                        now: Fixture.now.addingTimeInterval(86_400))
        edit(&policy)
        return policy
    }

    func verify(_ data: Data, _ policy: VerificationPolicy) async throws -> VerificationReport {
        try await AttestationVerifier.verify(envelopeData: data, source: "env.json", policy: policy)
    }

    @Test func validAttestationPassesEveryCheck() async throws {
        let report = try await verify(try Fixture.attest(key: key).fileData, policy())
        #expect(report.passed)
        #expect(report.checks.map(\.name) == ["envelope", "signature", "payload type", "statement", "descriptor digest",
                                              "verdict", "age", "ruleset digest", "signer"])
        #expect(report.checks[1].line == "ok   signature (ed25519, keyid \(key.publicKey.keyID))")
    }

    @Test func changedPayloadByteFailsTheSignature() async throws {
        let envelope = try Fixture.attest(key: key).envelope.withPayload { payload in
            // "passed" -> "passes": one byte.
            if let range = payload.range(of: Data("\"passed\"".utf8)) { payload[range.lowerBound + 6] = UInt8(ascii: "s") }
        }
        let report = try await verify(try envelope.encoded(), policy())
        #expect(!report.passed)
        #expect(report.firstFailure?.name == "signature")
        #expect(report.firstFailure?.line.hasPrefix("FAIL signature: no signature in the envelope verifies") == true)
        #expect(report.checks.count == 2, "nothing in an unverified payload is looked at")
    }

    @Test func changedSignatureFails() async throws {
        var envelope = try Fixture.attest(key: key).envelope
        var sig = try #require(StrictBase64.decode(envelope.signatures[0].sig))
        sig[10] ^= 0x01
        envelope.signatures[0].sig = StrictBase64.encode(sig)
        let report = try await verify(try envelope.encoded(), policy())
        #expect(report.firstFailure?.name == "signature")
    }

    @Test(arguments: SignatureAlgorithm.allCases)
    func wrongKeyFails(algorithm: SignatureAlgorithm) async throws {
        let signer = SigningKey.generate(algorithm)
        let signed = try Fixture.attest(key: signer).fileData
        let report = try await verify(signed, policy())
        #expect(report.firstFailure?.name == "signature")
        #expect(report.firstFailure?.detail.contains(key.publicKey.keyID) == true)
        // The envelope's keyid hint names the real signer: the likely mistake is the key given.
        #expect(report.firstFailure?.detail.contains("the envelope names key \(signer.publicKey.keyID) as its signer") == true,
                "\(report.firstFailure?.detail ?? "")")
    }

    /// ECDSA signatures must be DER; the raw r||s form (and any non-canonical DER) is refused.
    @Test func rawECDSASignatureIsRefused() async throws {
        let p256 = SigningKey.generate(.p256)
        guard case .p256(let inner) = p256.backing else { Issue.record("expected a P-256 key"); return }
        var envelope = try Fixture.attest(key: p256).envelope
        let payload = try #require(StrictBase64.decode(envelope.payload))
        let raw = try inner.signature(for: DSSE.pae(payloadType: envelope.payloadType, payload: payload)).rawRepresentation
        envelope.signatures[0].sig = StrictBase64.encode(raw)
        let report = try await verify(try envelope.encoded(), policy { $0.key = p256.publicKey })
        #expect(report.firstFailure?.name == "signature")
    }

    @Test func editedDescriptorFails() async throws {
        let edited = Fixture.descriptor + Data("  phase: pilot\n".utf8)
        let report = try await verify(try Fixture.attest(key: key).fileData,
                                      policy { $0.descriptor = SubjectFile(name: "project.yaml", contents: edited) })
        #expect(!report.passed)
        #expect(report.firstFailure?.name == "descriptor digest")
        #expect(report.firstFailure?.detail.contains("changed after it was attested") == true)
    }

    /// An attestation of `project.yaml` that includes `systems.yaml` with `included` as its text.
    func attestWithInclude(_ included: Data) throws -> Data {
        var result = Fixture.result()
        result.descriptor.files.append(.init(path: "systems.yaml", sha256: sha256Hex(included)))
        let request = AttestationRequest(descriptor: SubjectFile(name: "project.yaml", contents: Fixture.descriptor),
                                         result: result, signer: "CISO Gemeente Voorbeeld", time: Fixture.now)
        return try Attestor.attest(request, key: key).fileData
    }

    @Test func includedFilesAsAuditedPass() async throws {
        let included = Data("systems: []\n".utf8)
        let report = try await verify(try attestWithInclude(included),
                                      policy { $0.includedFiles = [SubjectFile(name: "systems.yaml", contents: included)] })
        #expect(report.passed)
        #expect(report.checks.contains { $0.line == "ok   included files (1 file included by the descriptor, each as audited)" })
    }

    @Test func editedIncludedFileFailsThoughTheDescriptorIsUnchanged() async throws {
        let edited = Data("systems: [{id: extra, kind: camera}]\n".utf8)
        let report = try await verify(try attestWithInclude(Data("systems: []\n".utf8)),
                                      policy { $0.includedFiles = [SubjectFile(name: "systems.yaml", contents: edited)] })
        #expect(!report.passed)
        #expect(report.checks.contains { $0.name == "descriptor digest" && $0.passed })
        #expect(report.firstFailure?.name == "included files")
        #expect(report.firstFailure?.detail.hasPrefix("systems.yaml (sha256 \(sha256Hex(edited)))") == true)
    }

    @Test func anAttestationListingNoDescriptorFilesVouchesForNoIncludedFile() async throws {
        // A predicate whose descriptor lists no files.
        var result = Fixture.result()
        result.descriptor.files = []
        let request = AttestationRequest(descriptor: SubjectFile(name: "project.yaml", contents: Fixture.descriptor),
                                         result: result, signer: "CISO Gemeente Voorbeeld", time: Fixture.now)
        let data = try Attestor.attest(request, key: key).fileData
        let report = try await verify(data, policy { $0.includedFiles = [SubjectFile(name: "systems.yaml", contents: Data("x".utf8))] })
        #expect(report.firstFailure?.name == "included files")
    }

    @Test func olderThanMaxAgeFails() async throws {
        let late = Fixture.now.addingTimeInterval(91 * 86_400)
        let report = try await verify(try Fixture.attest(key: key).fileData, policy { $0.now = late })
        #expect(report.firstFailure?.name == "age")
        #expect(report.firstFailure?.detail.contains("older than --max-age P90D") == true)
    }

    @Test func failedVerdictFailsRequirePassed() async throws {
        let report = try await verify(try Fixture.attest(key: key, verdict: "failed").fileData, policy())
        #expect(report.checks.filter { !$0.passed }.map(\.name) == ["verdict"])
        #expect(report.firstFailure?.line == "FAIL verdict: the audit verdict is 'failed' (gate fail-on high), --require passed")
        // Without --require the same attestation verifies: it truthfully records a failed audit.
        #expect(try await verify(try Fixture.attest(key: key, verdict: "failed").fileData, policy { $0.requirePassed = false }).passed)
    }

    @Test func passUnderAGateThatCannotFailFailsRequirePassed() async throws {
        let attestation = try Fixture.attest(key: key, verdict: "passed", failOn: "never").fileData
        let report = try await verify(attestation, policy())
        #expect(report.checks.filter { !$0.passed }.map(\.name) == ["verdict"])
        #expect(report.firstFailure?.detail.contains("fail-on never, which no finding can fail") == true)
        #expect(try await verify(try Fixture.attest(key: key, verdict: "passed", failOn: "critical").fileData, policy()).passed)
        #expect(try await verify(attestation, policy { $0.requirePassed = false }).passed)
    }

    @Test func rulesetDigestAndSignerAreCompared() async throws {
        let report = try await verify(try Fixture.attest(key: key).fileData, policy {
            $0.rulesetDigest = String(repeating: "0", count: 64)
            $0.signer = "Someone Else"
        })
        #expect(report.checks.filter { !$0.passed }.map(\.name) == ["ruleset digest", "signer"])
    }

    @Test func signingTimeInTheFutureFails() async throws {
        let report = try await verify(try Fixture.attest(key: key).fileData, policy { $0.now = Fixture.now.addingTimeInterval(-3600) })
        #expect(report.firstFailure?.name == "time")
    }

    @Test func signedButWrongPayloadTypeFails() async throws {
        let payload = Data("{}".utf8)
        let sig = try key.sign(DSSE.pae(payloadType: "text/plain", payload: payload))
        let envelope = DSSEEnvelope(payload: StrictBase64.encode(payload), payloadType: "text/plain",
                                    signatures: [.init(keyid: "", sig: StrictBase64.encode(sig))])
        let report = try await verify(try envelope.encoded(), policy())
        #expect(report.firstFailure?.name == "payload type")
    }

    @Test func signedPayloadThatIsNotOurStatementFails() async throws {
        for (payload, expected) in [
            (#"{"_type":"https://in-toto.io/Statement/v0.1"}"#, "payload._type"),
            (#"{"_type":"https://in-toto.io/Statement/v1","subject":[{"digest":{"sha256":"AB"}}]}"#, "64 lowercase hex"),
            (#"{"_type":"https://in-toto.io/Statement/v1","_type":"x"}"#, "duplicate key '_type'"),
            (#"{"_type":"https://in-toto.io/Statement/v1","subject":[{"digest":{}}],"predicateType":"https://slsa.dev/verification_summary/v1","predicate":{}}"#, "predicateType"),
            (#"{"_type":"https://in-toto.io/Statement/v1","subject":[{"digest":{}}],"predicateType":"https://schouw.dev/attestation/audit/v1","predicate":{"project":{"id":"p"},"signer":{"name":"s"},"time":12}}"#, "payload.predicate.time must be a string, found number"),
        ] {
            let data = Data(payload.utf8)
            let sig = try key.sign(DSSE.pae(payloadType: DSSE.inTotoPayloadType, payload: data))
            let envelope = DSSEEnvelope(payload: StrictBase64.encode(data), payloadType: DSSE.inTotoPayloadType,
                                        signatures: [.init(keyid: "", sig: StrictBase64.encode(sig))])
            let report = try await verify(try envelope.encoded(), policy())
            #expect(report.firstFailure?.name == "statement")
            #expect(report.firstFailure?.detail.contains(expected) == true, "\(report.firstFailure?.detail ?? "")")
        }
    }

    @Test(arguments: [
        ("not json", "not a valid DSSE envelope"),
        (#"{"payloadType":"application/vnd.in-toto+json","signatures":[{"sig":"AAAA"}]}"#, "envelope has no 'payload' field"),
        (#"{"payload":"e30","payloadType":"application/vnd.in-toto+json","signatures":[{"sig":"AAAA"}]}"#, "not valid padded base64"),
        (#"{"payload":"e30=","payloadType":"application/vnd.in-toto+json","signatures":[{"sig":"AA!A"}]}"#, "signatures[0].sig is not valid"),
        (#"{"payload":"e30=","payloadType":7,"signatures":[{"sig":"AAAA"}]}"#, "envelope.payloadType must be a string, found number"),
        (#"{"payload":"e30=","payloadType":"application/vnd.in-toto+json","signatures":[]}"#, "unsigned"),
        (#"{"payload":"e30=","payload":"e30=","payloadType":"application/vnd.in-toto+json","signatures":[{"sig":"AAAA"}]}"#, "duplicate key 'payload'"),
        (#"{"payload":"e30=","payloadType":"application/vnd.in-toto+json","signatures":{"sig":"AAAA"}}"#, "envelope.signatures must be an array"),
    ])
    func malformedEnvelopesAreErrors(text: String, expected: String) async throws {
        do {
            _ = try await verify(Data(text.utf8), policy())
            Issue.record("expected an error for \(text)")
        } catch let error as AttestError {
            #expect(error.message.contains(expected), "\(error.message)")
            #expect(error.message.hasPrefix("env.json"))
        }
    }

    @Test func hugePayloadIsRefusedBeforeDecoding() async throws {
        let big = String(repeating: "A", count: (DSSE.maxPayloadBytes / 3 + 2) * 4)
        let text = #"{"payload":"\#(big)","payloadType":"application/vnd.in-toto+json","signatures":[{"sig":"AAAA"}]}"#
        await #expect(throws: AttestError.self) { try await verify(Data(text.utf8), policy()) }
    }
}
