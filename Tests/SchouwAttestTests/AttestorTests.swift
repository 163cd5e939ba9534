import Foundation
import PythonChecks
import SchouwResult
import Testing
@testable import SchouwAttest

@Suite struct AttestorTests {
    /// Known answer: the fixed key and time give exactly the checked-in envelope.
    @Test func fixedKeyAndTimeGiveTheGoldenEnvelope() throws {
        let attestation = try Fixture.attest(key: try Fixture.katKey())
        let golden = Fixture.testsDirectory.appendingPathComponent("Golden/attestation-ed25519.intoto.json")
        if ProcessInfo.processInfo.environment["SCHOUW_UPDATE_GOLDEN"] == "1" {
            try FileManager.default.createDirectory(at: golden.deletingLastPathComponent(), withIntermediateDirectories: true)
            try attestation.fileData.write(to: golden)
        }
        let expected = try Data(contentsOf: golden)
        #expect(attestation.fileData == expected,
                "envelope differs from \(golden.path); if the change is intended: SCHOUW_UPDATE_GOLDEN=1 swift test --filter SchouwAttestTests.AttestorTests")
        #expect(try Fixture.attest(key: try Fixture.katKey()).fileData == attestation.fileData, "signing is deterministic")
    }

    @Test func statementHoldsSubjectsAndTheDocumentedPredicate() throws {
        let key = SigningKey.generate(.ed25519)
        let extra = SubjectFile(name: "dpia.pdf", contents: Data("dpia".utf8))
        let request = AttestationRequest(descriptor: SubjectFile(name: "dir/project.yaml", contents: Fixture.descriptor),
                                         extraSubjects: [extra], result: Fixture.result(), time: Fixture.now)
        let attestation = try Attestor.attest(request, key: key)
        let statement = attestation.statement
        #expect(statement.type == "https://in-toto.io/Statement/v1")
        #expect(statement.predicateType == "https://schouw.dev/attestation/audit/v1")
        #expect(statement.subject.map(\.name) == ["dir/project.yaml", "dpia.pdf"])
        #expect(statement.subject[0].digest == ["sha256": sha256Hex(Fixture.descriptor)])
        #expect(statement.subject[1].digest == ["sha256": sha256Hex(Data("dpia".utf8))])

        let predicate = statement.predicate
        #expect(predicate.signer == .init(name: "key:\(key.publicKey.keyID)", keyid: key.publicKey.keyID))
        #expect(predicate.time == "2026-03-01T12:00:00Z")
        #expect(predicate.verdict == "passed")
        #expect(predicate.gate.failOn == "high")
        #expect(predicate.ruleset.sha256 == Fixture.rulesetDigest)
        #expect(predicate.counts.medium == 1 && predicate.counts.waived == 2 && predicate.counts.unknown == 1)
        #expect(predicate.findings.map(\.id) == predicate.findings.map(\.id).sorted())
        #expect(predicate.findings.count == 5)
        #expect(predicate.waivers.count == 1)
        #expect(predicate.waivers.first?.covers == ["AVG-026@party:cloudco", "AVG-026@party:telbedrijf"])

        // The payload is compact canonical JSON: sorted keys, no whitespace.
        let payload = try #require(StrictBase64.decode(attestation.envelope.payload))
        #expect(payload == (try CanonicalJSON.encodeCompact(statement)))
        #expect(!payload.contains(0x0A))
    }

    @Test func refusesAResultOfAnotherDescriptorVersion() throws {
        let request = AttestationRequest(descriptor: SubjectFile(name: "project.yaml", contents: Data("edited".utf8)),
                                         result: Fixture.result(), time: Fixture.now)
        do {
            _ = try Attestor.attest(request, key: SigningKey.generate(.ed25519))
            Issue.record("expected a mismatch error")
        } catch let error as AttestError {
            #expect(error.message.contains("not for project.yaml as it is now") && error.message.contains("another file, or the file changed since"))
        }
    }

    @Test func refusesAnUnknownVerdict() throws {
        #expect(throws: AttestError.self) { try Fixture.attest(key: SigningKey.generate(.ed25519), verdict: "maybe") }
    }

    @Test(.enabled(if: PythonChecks.available("jsonschema"), Comment(rawValue: PythonChecks.reason("jsonschema"))))
    func predicateMatchesItsJSONSchema() throws {
        let dir = try Fixture.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let attestation = try Fixture.attest(key: SigningKey.generate(.p256))
        try CanonicalJSON.encode(attestation.statement.predicate).write(to: dir.appendingPathComponent("predicate.json"))
        let schema = Fixture.packageRoot.appendingPathComponent("docs/attestation-predicate-v1.schema.json").path
        let script = """
        import json, sys, jsonschema
        schema = json.load(open(sys.argv[1])); doc = json.load(open(sys.argv[2]))
        jsonschema.Draft202012Validator.check_schema(schema)
        jsonschema.Draft202012Validator(schema).validate(doc)
        print("valid")
        """
        let run = try runTool(["python3", "-c", script, schema, "predicate.json"], in: dir)
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stdout.contains("valid"))
    }
}
