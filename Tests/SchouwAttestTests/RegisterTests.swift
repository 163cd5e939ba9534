import Foundation
import SchouwResult
import Testing
@testable import SchouwAttest

@Suite struct RegisterTests {
    /// A register with `count` attestations (alternating verdicts), in a fresh directory.
    func makeRegister(count: Int) throws -> (Register, URL) {
        let dir = try Fixture.temporaryDirectory()
        let register = Register(directory: dir.appendingPathComponent("register").path)
        let key = SigningKey.generate(.ed25519)
        for i in 0..<count {
            try register.append(try Fixture.attest(key: key, verdict: i % 2 == 0 ? "passed" : "failed",
                                                   time: Fixture.now.addingTimeInterval(Double(i) * 60)))
        }
        return (register, dir)
    }

    func indexLines(_ register: Register) throws -> [String] {
        try String(contentsOfFile: register.indexPath, encoding: .utf8).split(separator: "\n").map(String.init)
    }

    func writeIndex(_ register: Register, _ lines: [String]) throws {
        try (lines.joined(separator: "\n") + "\n").write(toFile: register.indexPath, atomically: false, encoding: .utf8)
    }

    @Test func appendsChainedEntries() throws {
        let (register, dir) = try makeRegister(count: 3)
        defer { try? FileManager.default.removeItem(at: dir) }
        let entries = try register.entries()
        #expect(entries.map(\.seq) == [1, 2, 3])
        #expect(entries.map(\.verdict) == ["passed", "failed", "passed"])
        #expect(entries[0].prev == RegisterEntry.genesis)
        #expect(entries[1].prev == entries[0].hash && entries[2].prev == entries[1].hash)
        #expect(entries[0].file == "000001-binnenstad-passanten.intoto.json")
        #expect(entries[0].signer == "CISO Gemeente Voorbeeld")
        let check = try register.verify()
        #expect(check.intact)
        #expect(check.verifiedEntries == 3)
        #expect(check.head == entries[2].hash)
    }

    @Test func editedEntryIsNamed() throws {
        let (register, dir) = try makeRegister(count: 3)
        defer { try? FileManager.default.removeItem(at: dir) }
        var lines = try indexLines(register)
        lines[1] = lines[1].replacingOccurrences(of: "\"verdict\":\"failed\"", with: "\"verdict\":\"passed\"")
        try writeIndex(register, lines)
        let check = try register.verify()
        #expect(check.problem == "entry 2 (index.jsonl:2): the entry's hash does not match its contents: the entry was edited")
        #expect(check.verifiedEntries == 1)
    }

    @Test func removedEntryIsNamed() throws {
        let (register, dir) = try makeRegister(count: 3)
        defer { try? FileManager.default.removeItem(at: dir) }
        var lines = try indexLines(register)
        lines.remove(at: 1)
        try writeIndex(register, lines)
        let check = try register.verify()
        #expect(check.problem?.hasPrefix("entry 2 (index.jsonl:2): sequence number is 3, expected 2") == true, "\(check.problem ?? "")")
    }

    @Test func removedEntryWithRenumberingIsCaughtByTheChain() throws {
        let (register, dir) = try makeRegister(count: 3)
        defer { try? FileManager.default.removeItem(at: dir) }
        var lines = try indexLines(register)
        lines.remove(at: 1)
        lines[1] = lines[1].replacingOccurrences(of: "\"seq\":3", with: "\"seq\":2")
        try writeIndex(register, lines)
        #expect(try register.verify().problem?.contains("entry 2 (index.jsonl:2): prev-hash") == true)
    }

    @Test func removedLastEntryLeavesAnOrphanThatIsReported() throws {
        let (register, dir) = try makeRegister(count: 2)
        defer { try? FileManager.default.removeItem(at: dir) }
        try writeIndex(register, Array(try indexLines(register).prefix(1)))
        let check = try register.verify()
        #expect(check.problem?.contains("000002-binnenstad-passanten.intoto.json is not in index.jsonl") == true)
    }

    @Test func appendRefusesToBuryAnUnrecordedFile() throws {
        let (register, dir) = try makeRegister(count: 2)
        defer { try? FileManager.default.removeItem(at: dir) }
        try writeIndex(register, Array(try indexLines(register).prefix(1)))
        do {
            try register.append(try Fixture.attest(key: SigningKey.generate(.ed25519)))
            Issue.record("append must refuse while an unrecorded attestation file exists")
        } catch let error as AttestError {
            #expect(error.message.contains("000002-binnenstad-passanten.intoto.json is not in index.jsonl"))
        }
        #expect(try register.entries().count == 1)
    }

    @Test func pinnedHeadCatchesATruncatedEnd() throws {
        let (register, dir) = try makeRegister(count: 3)
        defer { try? FileManager.default.removeItem(at: dir) }
        let head = try register.verify().head
        #expect(try register.verify(pinnedHead: head).intact)
        // Remove the last entry and its file: the chain alone stays consistent.
        try writeIndex(register, Array(try indexLines(register).prefix(2)))
        try FileManager.default.removeItem(atPath: register.directory + "/000003-binnenstad-passanten.intoto.json")
        #expect(try register.verify().intact)
        #expect(try register.verify(pinnedHead: head).problem?.contains("is not an entry of this register") == true)
    }

    @Test func changedAttestationFileIsNamed() throws {
        let (register, dir) = try makeRegister(count: 2)
        defer { try? FileManager.default.removeItem(at: dir) }
        let file = register.directory + "/000002-binnenstad-passanten.intoto.json"
        try (try String(contentsOfFile: file, encoding: .utf8) + " ").write(toFile: file, atomically: false, encoding: .utf8)
        #expect(try register.verify().problem?.hasPrefix("entry 2 (index.jsonl:2): attestation file 000002-binnenstad-passanten.intoto.json has sha256") == true)
    }

    /// A rewritten chain (entry edited, every hash recomputed) still disagrees with the signed attestation.
    @Test func rehashedEntryThatContradictsItsAttestationIsNamed() throws {
        let (register, dir) = try makeRegister(count: 2)
        defer { try? FileManager.default.removeItem(at: dir) }
        var entries = try register.entries()
        entries[1].verdict = "passed"
        var previous = RegisterEntry.genesis
        var lines: [String] = []
        for var entry in entries {
            entry.prev = previous
            entry.hash = try entry.computedHash()
            previous = entry.hash
            lines.append(String(decoding: try CanonicalJSON.encodeCompact(entry), as: UTF8.self))
        }
        try writeIndex(register, lines)
        #expect(try register.verify().problem == "entry 2 (index.jsonl:2): the entry disagrees with its attestation file 000002-binnenstad-passanten.intoto.json: verdict 'passed' vs 'failed'")
    }

    @Test func addedFieldIsRefused() throws {
        let (register, dir) = try makeRegister(count: 1)
        defer { try? FileManager.default.removeItem(at: dir) }
        var lines = try indexLines(register)
        lines[0] = lines[0].replacingOccurrences(of: "{\"descriptor", with: "{\"approved\":true,\"descriptor")
        try writeIndex(register, lines)
        #expect(try register.verify().problem?.contains("unexpected field(s) approved") == true)
    }

    @Test func appendRefusesABrokenChain() throws {
        let (register, dir) = try makeRegister(count: 2)
        defer { try? FileManager.default.removeItem(at: dir) }
        var lines = try indexLines(register)
        lines[0] = lines[0].replacingOccurrences(of: "\"verdict\":\"passed\"", with: "\"verdict\":\"failed\"")
        try writeIndex(register, lines)
        #expect(throws: AttestError.self) { try register.append(try Fixture.attest(key: SigningKey.generate(.ed25519))) }
    }

    /// Two writers at once (each with its own lock file handle) lose no entry and keep the chain intact.
    @Test func concurrentAppendsLoseNothing() throws {
        let (register, dir) = try makeRegister(count: 0)
        defer { try? FileManager.default.removeItem(at: dir) }
        let attestation = try Fixture.attest(key: SigningKey.generate(.p256))
        let failures = FailureCounter()
        DispatchQueue.concurrentPerform(iterations: 2) { _ in
            for _ in 0..<10 {
                do { try register.append(attestation) } catch { failures.add() }
            }
        }
        #expect(failures.count == 0)
        #expect(try register.entries().map(\.seq) == Array(1...20))
        #expect(try register.verify().intact)
    }

    @Test func missingRegisterIsAnError() throws {
        #expect(throws: AttestError.self) { try Register(directory: "/nonexistent/schouw-register").verify() }
    }
}

private final class FailureCounter: @unchecked Sendable {
    private let lock = NSLock()
    private var value = 0
    func add() { lock.lock(); value += 1; lock.unlock() }
    var count: Int { lock.lock(); defer { lock.unlock() }; return value }
}
