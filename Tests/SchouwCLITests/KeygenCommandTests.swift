import Foundation
import Testing

@Suite struct KeygenCommandTests {
    @Test(arguments: ["ed25519", "p256"])
    func writesOwnerOnlyPrivateKeyThatOpenSSLReads(algorithm: String) throws {
        let ws = try AttestWorkspace()
        defer { ws.remove() }
        let run = try ws.schouw(["keygen", "--algorithm", algorithm, "--out", "ci"])
        #expect(run.status == 0)
        #expect(run.stdout.contains("keyid: "))
        #expect(!run.stdout.contains("BEGIN"), "key material is never printed")
        let attributes = try FileManager.default.attributesOfItem(atPath: ws.url("ci.key").path)
        #expect((attributes[.posixPermissions] as? NSNumber)?.intValue == 0o600)
        let openssl = Process()
        openssl.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        openssl.arguments = ["openssl", "pkey", "-in", "ci.key", "-noout"]
        openssl.currentDirectoryURL = ws.dir
        try openssl.run()
        openssl.waitUntilExit()
        #expect(openssl.terminationStatus == 0)
    }

    @Test func refusesToOverwriteWithoutForce() throws {
        let ws = try AttestWorkspace()
        defer { ws.remove() }
        try ws.keygen("ci")
        let before = try Data(contentsOf: ws.url("ci.key"))
        let again = try ws.schouw(["keygen", "--out", "ci"])
        #expect(again.status == 2)
        #expect(again.stderr.contains("ci.key already exists; refusing to overwrite a key (pass --force to replace it)"))
        #expect(try Data(contentsOf: ws.url("ci.key")) == before)
        #expect(try ws.schouw(["keygen", "--out", "ci", "--force"]).status == 0)
        #expect(try Data(contentsOf: ws.url("ci.key")) != before)
    }

    @Test func unknownAlgorithmIsUsageError() throws {
        let ws = try AttestWorkspace()
        defer { ws.remove() }
        let run = try ws.schouw(["keygen", "--algorithm", "rsa", "--out", "ci"])
        #expect(run.status == 2)
        #expect(run.stderr.contains("unknown --algorithm 'rsa'; use ed25519 or p256"))
    }
}
