import Foundation
import Testing
@testable import SchouwAttest

@Suite struct KeyTests {
    @Test(arguments: SignatureAlgorithm.allCases)
    func generatedKeysRoundTripThroughPEMAndOpenSSL(algorithm: SignatureAlgorithm) throws {
        let dir = try Fixture.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let key = SigningKey.generate(algorithm)
        let base = dir.appendingPathComponent("signer").path
        try KeyFiles.write(key, base: base, force: false)

        let reread = try KeyFiles.readSigningKey(path: base + ".key")
        #expect(reread.publicKey == key.publicKey)
        #expect(try KeyFiles.readVerifyingKey(path: base + ".pub") == key.publicKey)

        let privateText = try openSSL(["pkey", "-in", "signer.key", "-pubout"], in: dir)
        #expect(privateText == key.publicKey.pem, "openssl derives the same public key from the private key")
        _ = try openSSL(["pkey", "-pubin", "-in", "signer.pub", "-noout"], in: dir)
        // keyid: SHA-256 of the DER SPKI, exactly as openssl encodes it.
        let der = try runTool(["openssl", "pkey", "-pubin", "-in", "signer.pub", "-outform", "DER", "-out", "signer.der"], in: dir)
        #expect(der.status == 0)
        #expect(sha256Hex(try Data(contentsOf: dir.appendingPathComponent("signer.der"))) == key.publicKey.keyID)
    }

    @Test func privateKeyIsOwnerOnlyAndNeverOverwritten() throws {
        let dir = try Fixture.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let base = dir.appendingPathComponent("k").path
        let first = SigningKey.generate(.ed25519)
        try KeyFiles.write(first, base: base, force: false)
        #expect(try mode(base + ".key") == 0o600)
        #expect(try mode(base + ".pub") == 0o644)

        #expect(throws: AttestError.self) { try KeyFiles.write(SigningKey.generate(.ed25519), base: base, force: false) }
        #expect(try KeyFiles.readSigningKey(path: base + ".key").publicKey == first.publicKey)

        let second = SigningKey.generate(.p256)
        try KeyFiles.write(second, base: base, force: true)
        #expect(try KeyFiles.readSigningKey(path: base + ".key").publicKey == second.publicKey)
        #expect(try mode(base + ".key") == 0o600)
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: dir.path).filter { $0.hasSuffix(".tmp") }
        #expect(leftovers.isEmpty)
    }

    @Test func readsKeysMadeByOpenSSL() throws {
        let dir = try Fixture.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        _ = try openSSL(["genpkey", "-algorithm", "ed25519", "-out", "ed.key"], in: dir)
        _ = try openSSL(["genpkey", "-algorithm", "EC", "-pkeyopt", "ec_paramgen_curve:P-256", "-out", "p256.key"], in: dir)
        _ = try openSSL(["ecparam", "-name", "prime256v1", "-genkey", "-out", "sec1.key"], in: dir)
        #expect(try KeyFiles.readSigningKey(path: dir.appendingPathComponent("ed.key").path).algorithm == .ed25519)
        #expect(try KeyFiles.readSigningKey(path: dir.appendingPathComponent("p256.key").path).algorithm == .p256)
        let sec1 = try KeyFiles.readSigningKey(path: dir.appendingPathComponent("sec1.key").path)
        #expect(sec1.algorithm == .p256)
        let derived = try openSSL(["pkey", "-in", "sec1.key", "-pubout"], in: dir)
        #expect(derived == sec1.publicKey.pem)
    }

    @Test func refusesWrongKindsOfKeyWithClearErrors() throws {
        let key = SigningKey.generate(.ed25519)
        #expect(throws: AttestError.self) { try SigningKey(pem: key.publicKey.pem, source: "k.pub") }
        do {
            _ = try VerifyingKey(pem: key.pkcs8PEM, source: "k.key")
            Issue.record("a private key must be refused as a verification key")
        } catch let error as AttestError {
            #expect(error.message.contains("this is a private key"))
            #expect(!error.message.contains("PRIVATE KEY-----"), "key material never appears in errors")
        }
        #expect(throws: AttestError.self) { try SigningKey(pem: "not a key", source: "x") }
        #expect(throws: AttestError.self) { try VerifyingKey(pem: "-----BEGIN PUBLIC KEY-----\nAAAA\n-----END PUBLIC KEY-----\n", source: "x") }
    }

    private func mode(_ path: String) throws -> Int {
        let attributes = try FileManager.default.attributesOfItem(atPath: path)
        return (attributes[.posixPermissions] as? NSNumber)?.intValue ?? -1
    }
}

/// Runs `openssl` and returns stdout; fails the test on a non-zero exit.
@discardableResult
func openSSL(_ arguments: [String], in directory: URL) throws -> String {
    let run = try runTool(["openssl"] + arguments, in: directory)
    #expect(run.status == 0, "openssl \(arguments.joined(separator: " ")): \(run.stderr)")
    return run.stdout
}
