import Foundation
import SchouwAttest
import Testing

@Suite struct VerifyCommandTests {
    static let gate = ["--descriptor", "project.yaml", "--require", "passed", "--max-age", "P90D",
                       "--now", "2026-04-01T00:00:00Z"]

    @Test func passingAttestationOpensTheGate() throws {
        let ws = try AttestWorkspace()
        defer { ws.remove() }
        try ws.keygen("signer", algorithm: "p256")
        #expect(try ws.attest().status == 0)
        let run = try ws.schouw(["verify", "project.intoto.json", "--key", "signer.pub", "--signer", "CISO Gemeente Voorbeeld",
                                 "--ruleset-digest", AttestWorkspace.rulesetDigest] + Self.gate)
        #expect(run.status == 0, "\(run.stdout)\(run.stderr)")
        let lines = run.stdout.split(separator: "\n").map(String.init)
        #expect(lines.first?.hasPrefix("ok   envelope (DSSE, 1 signature, ") == true)
        #expect(lines.contains { $0.hasPrefix("ok   signature (ecdsa-p256-sha256, keyid ") })
        #expect(lines.contains("ok   verdict (passed, gate fail-on high)"))
        #expect(lines.last == "verified: project.intoto.json")
    }

    @Test func editedDescriptorClosesTheGate() throws {
        let ws = try AttestWorkspace()
        defer { ws.remove() }
        try ws.keygen("signer")
        #expect(try ws.attest().status == 0)
        try (AttestWorkspace.descriptor + "  phase: pilot\n").write(to: ws.url("project.yaml"), atomically: false, encoding: .utf8)
        let run = try ws.schouw(["verify", "project.intoto.json", "--key", "signer.pub"] + Self.gate)
        #expect(run.status == 1)
        #expect(run.stdout.contains("FAIL descriptor digest: project.yaml has sha256 "))
        #expect(run.stdout.contains("NOT VERIFIED: project.intoto.json (failed: descriptor digest)"))
    }

    @Test func editedIncludedFileClosesTheGate() throws {
        let ws = try AttestWorkspace()
        defer { ws.remove() }
        try ws.keygen("signer")
        try (AttestWorkspace.descriptor + "include: [parties.yaml]\n").write(to: ws.url("project.yaml"), atomically: false, encoding: .utf8)
        try "parties:\n  - {id: gemeente, role: controller, country: NL}\n"
            .write(to: ws.url("parties.yaml"), atomically: false, encoding: .utf8)
        // Attested from a real audit, so the predicate lists both files.
        let attest = try ws.schouw(["attest", "project.yaml", "--key", "signer.key", "--now", "2026-03-01T12:00:00Z", "--no-register"])
        #expect(attest.status == 0, "\(attest.stderr)")
        let verify = ["verify", "project.intoto.json", "--key", "signer.pub", "--descriptor", "project.yaml", "--now", "2026-03-02T00:00:00Z"]
        let run = try ws.schouw(verify)
        #expect(run.status == 0, "\(run.stdout)\(run.stderr)")
        #expect(run.stdout.contains("ok   included files (1 file included by the descriptor, each as audited)"))

        try "parties:\n  - {id: gemeente, role: controller, country: US}\n"
            .write(to: ws.url("parties.yaml"), atomically: false, encoding: .utf8)
        let edited = try ws.schouw(verify)
        #expect(edited.status == 1)
        #expect(edited.stdout.contains("ok   descriptor digest"))
        #expect(edited.stdout.contains("FAIL included files: parties.yaml (sha256 "))
        #expect(edited.stdout.contains("NOT VERIFIED: project.intoto.json (failed: included files)"))

        try "parties: [\n".write(to: ws.url("parties.yaml"), atomically: false, encoding: .utf8)
        let broken = try ws.schouw(verify)
        #expect(broken.status == 2)
        #expect(broken.stderr.contains("parties.yaml:"))
        #expect(broken.stderr.contains("error: project.yaml does not load, so the files it includes cannot be checked"))
    }

    @Test func failedVerdictAndAgeAreEachReported() throws {
        let ws = try AttestWorkspace()
        defer { ws.remove() }
        try ws.keygen("signer")
        #expect(try ws.attest(result: "failed.json").status == 0)
        let run = try ws.schouw(["verify", "project.intoto.json", "--key", "signer.pub", "--descriptor", "project.yaml",
                                 "--require", "passed", "--max-age", "PT12H", "--now", "2026-03-02T12:00:01Z"])
        #expect(run.status == 1)
        #expect(run.stdout.contains("FAIL verdict: the audit verdict is 'failed'"))
        #expect(run.stdout.contains("FAIL age: signed 2026-03-01T12:00:00Z, older than --max-age PT12H"))
        #expect(run.stdout.contains("ok   descriptor digest"))
    }

    @Test func wrongKeyAndTamperedPayloadFailTheSignature() throws {
        let ws = try AttestWorkspace()
        defer { ws.remove() }
        try ws.keygen("signer")
        try ws.keygen("other")
        #expect(try ws.attest().status == 0)
        let wrongKey = try ws.schouw(["verify", "project.intoto.json", "--key", "other.pub"])
        #expect(wrongKey.status == 1)
        #expect(wrongKey.stdout.contains("FAIL signature: no signature in the envelope verifies with the key"))

        // Re-encode the payload with one byte changed ("passed" -> "passes").
        let text = try String(contentsOf: ws.url("project.intoto.json"), encoding: .utf8)
        let payload = try #require(text.split(separator: "\"").dropFirst(3).first.map(String.init))
        let decoded = try #require(Data(base64Encoded: payload))
        let changed = Data(String(decoding: decoded, as: UTF8.self)
            .replacingOccurrences(of: "\"verdict\":\"passed\"", with: "\"verdict\":\"passes\"").utf8)
        #expect(changed != decoded)
        try text.replacingOccurrences(of: payload, with: changed.base64EncodedString())
            .write(to: ws.url("tampered.json"), atomically: false, encoding: .utf8)
        let tampered = try ws.schouw(["verify", "tampered.json", "--key", "signer.pub"])
        #expect(tampered.status == 1)
        #expect(tampered.stdout.contains("FAIL signature"))
    }

    @Test(arguments: [
        (["verify", "garbage.json", "--key", "signer.pub"], "error: garbage.json:1:1: not a valid DSSE envelope"),
        (["verify", "missing.json", "--key", "signer.pub"], "error: missing.json: cannot read the attestation file"),
        (["verify", "project.intoto.json", "--key", "signer.key"], "this is a private key"),
        (["verify", "project.intoto.json", "--key", "signer.pub", "--max-age", "90 days"], "--max-age '90 days' is not an ISO 8601 duration"),
        (["verify", "project.intoto.json", "--key", "signer.pub", "--require", "failed"], "use --require passed"),
        (["verify", "project.intoto.json"], "give --key PUB.pem"),
    ])
    func malformedInputExitsTwo(arguments: [String], message: String) throws {
        let ws = try AttestWorkspace()
        defer { ws.remove() }
        try ws.keygen("signer")
        #expect(try ws.attest().status == 0)
        try "garbage".write(to: ws.url("garbage.json"), atomically: false, encoding: .utf8)
        let run = try ws.schouw(arguments)
        #expect(run.status == 2)
        #expect(run.stderr.contains(message), "\(run.stderr)")
    }

    /// An envelope made with openssl alone (PAE written here, signed by `openssl pkeyutl`) passes `schouw verify`.
    @Test(arguments: ["ed25519", "p256"])
    func envelopeSignedByOpenSSLVerifies(algorithm: String) throws {
        let ws = try AttestWorkspace()
        defer { ws.remove() }
        let keyArgs = algorithm == "ed25519" ? ["-algorithm", "ed25519"] : ["-algorithm", "EC", "-pkeyopt", "ec_paramgen_curve:P-256"]
        try shell(["openssl", "genpkey"] + keyArgs + ["-out", "k.key"], in: ws.dir)
        try shell(["openssl", "pkey", "-in", "k.key", "-pubout", "-out", "k.pub"], in: ws.dir)
        let digest = sha256Hex(Data(AttestWorkspace.descriptor.utf8))
        let payload = Data("""
        {"_type":"https://in-toto.io/Statement/v1","subject":[{"name":"project.yaml","digest":{"sha256":"\(digest)"}}],\
        "predicateType":"https://schouw.dev/attestation/audit/v1","predicate":{"signer":{"name":"Extern"},\
        "time":"2026-03-01T08:00:00Z","verdict":"passed","project":{"id":"p"},"gate":{"fail-on":"high"},\
        "ruleset":{"sha256":"\(AttestWorkspace.rulesetDigest)"}}}
        """.utf8)
        let type = "application/vnd.in-toto+json"
        var pae = Data("DSSEv1 \(type.utf8.count) \(type) \(payload.count) ".utf8)
        pae.append(payload)
        try pae.write(to: ws.url("pae.bin"))
        let digestArgs = algorithm == "p256" ? ["-digest", "sha256"] : []
        try shell(["openssl", "pkeyutl", "-sign", "-inkey", "k.key", "-rawin"] + digestArgs + ["-in", "pae.bin", "-out", "sig.bin"], in: ws.dir)
        let sig = try Data(contentsOf: ws.url("sig.bin"))
        try """
        {"payload":"\(payload.base64EncodedString())","payloadType":"\(type)","signatures":[{"keyid":"","sig":"\(sig.base64EncodedString())"}]}
        """.write(to: ws.url("openssl.json"), atomically: false, encoding: .utf8)

        let run = try ws.schouw(["verify", "openssl.json", "--key", "k.pub", "--signer", "Extern"] + Self.gate)
        #expect(run.status == 0, "\(run.stdout)\(run.stderr)")
        #expect(run.stdout.contains("verified: openssl.json"))
    }

    /// A certificate chain made with the openssl CLI, validated against its root.
    @Test func trustAnchorValidatesTheChainAndNamesTheSigner() throws {
        let ws = try AttestWorkspace()
        defer { ws.remove() }
        try ws.keygen("signer")
        try "basicConstraints=critical,CA:FALSE\nkeyUsage=critical,digitalSignature\n"
            .write(to: ws.url("leaf.ext"), atomically: false, encoding: .utf8)
        for (root, cn) in [("root", "Test Root"), ("other", "Other Root")] {
            try shell(["openssl", "genpkey", "-algorithm", "EC", "-pkeyopt", "ec_paramgen_curve:P-256", "-out", "\(root).key"], in: ws.dir)
            try shell(["openssl", "req", "-x509", "-new", "-key", "\(root).key", "-subj", "/CN=\(cn)/O=Gemeente Voorbeeld",
                       "-days", "3650", "-out", "\(root).pem", "-addext", "basicConstraints=critical,CA:TRUE",
                       "-addext", "keyUsage=critical,keyCertSign"], in: ws.dir)
        }
        try shell(["openssl", "req", "-new", "-key", "signer.key", "-subj", "/CN=CISO Voorbeeld/O=Gemeente Voorbeeld", "-out", "leaf.csr"], in: ws.dir)
        try shell(["openssl", "x509", "-req", "-in", "leaf.csr", "-CA", "root.pem", "-CAkey", "root.key", "-CAcreateserial",
                   "-days", "365", "-extfile", "leaf.ext", "-out", "leaf.pem"], in: ws.dir)

        let attest = try ws.schouw(["attest", "project.yaml", "--key", "signer.key", "--result", "result.json", "--cert", "leaf.pem", "--no-register"])
        #expect(attest.status == 0, "\(attest.stderr)")
        #expect(attest.stderr.contains("signed by 'CISO Voorbeeld'"))

        let ok = try ws.schouw(["verify", "project.intoto.json", "--trust-anchor", "root.pem", "--signer", "CISO Voorbeeld"])
        #expect(ok.status == 0, "\(ok.stdout)\(ok.stderr)")
        #expect(ok.stdout.contains("ok   certificate chain ('CISO Voorbeeld' valid at "))

        let wrongRoot = try ws.schouw(["verify", "project.intoto.json", "--trust-anchor", "other.pem"])
        #expect(wrongRoot.status == 1)
        #expect(wrongRoot.stdout.contains("FAIL certificate chain: the chain of 'CISO Voorbeeld' does not lead to the trust anchor (Other Root)"))

        // Signed at a time the certificate was not valid.
        let early = try ws.schouw(["attest", "project.yaml", "--key", "signer.key", "--result", "result.json", "--cert", "leaf.pem",
                                   "--no-register", "--now", "2020-01-01", "--out", "early.json"])
        #expect(early.status == 0)
        let notYet = try ws.schouw(["verify", "early.json", "--trust-anchor", "root.pem"])
        #expect(notYet.status == 1)
        #expect(notYet.stdout.contains("FAIL certificate chain: certificate 'CISO Voorbeeld' is only valid from"))
    }

    private func shell(_ arguments: [String], in dir: URL) throws {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = arguments
        process.currentDirectoryURL = dir
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        process.waitUntilExit()
        #expect(process.terminationStatus == 0, "\(arguments.joined(separator: " "))")
    }
}
