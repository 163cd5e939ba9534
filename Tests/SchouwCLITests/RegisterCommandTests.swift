import Foundation
import Testing

@Suite struct RegisterCommandTests {
    @Test func listsAndVerifiesTheRegister() throws {
        let ws = try AttestWorkspace()
        defer { ws.remove() }
        try ws.keygen("signer")
        #expect(try ws.attest().status == 0)
        #expect(try ws.attest(result: "failed.json").status == 0)

        let list = try ws.schouw(["register", "list"])
        #expect(list.status == 0)
        #expect(list.stdout == """
            SEQ  TIME                  PROJECT               VERDICT  SIGNER
            1    2026-03-01T12:00:00Z  binnenstad-passanten  passed   CISO Gemeente Voorbeeld
            2    2026-03-01T12:00:00Z  binnenstad-passanten  failed   CISO Gemeente Voorbeeld

            """)
        let json = try ws.schouw(["register", "list", "--format", "json"])
        #expect(json.status == 0)
        #expect(json.stdout.contains("\"verdict\" : \"failed\""))

        let verify = try ws.schouw(["register", "verify"])
        #expect(verify.status == 0)
        #expect(verify.stdout.hasPrefix("ok   register .schouw/register: 2 entries, hash chain intact, head "))
    }

    @Test func editedEntryFailsWithItsNumber() throws {
        let ws = try AttestWorkspace()
        defer { ws.remove() }
        try ws.keygen("signer")
        #expect(try ws.attest().status == 0)
        #expect(try ws.attest(result: "failed.json").status == 0)
        let index = ws.url(".schouw/register/index.jsonl")
        let text = try String(contentsOf: index, encoding: .utf8)
        try text.replacingOccurrences(of: "\"verdict\":\"failed\"", with: "\"verdict\":\"passed\"")
            .write(to: index, atomically: false, encoding: .utf8)
        let run = try ws.schouw(["register", "verify"])
        #expect(run.status == 1)
        #expect(run.stdout == "FAIL register .schouw/register: entry 2 (index.jsonl:2): the entry's hash does not match its contents: the entry was edited\n")
    }

    @Test func missingRegisterIsUsageError() throws {
        let ws = try AttestWorkspace()
        defer { ws.remove() }
        let run = try ws.schouw(["register", "verify", "--register", "nowhere"])
        #expect(run.status == 2)
        #expect(run.stderr.contains("nowhere: no register here"))
    }

    /// Two `schouw attest` processes at once: both entries land and the chain stays intact.
    @Test func concurrentAttestProcessesLoseNoEntry() throws {
        let ws = try AttestWorkspace()
        defer { ws.remove() }
        try ws.keygen("signer")
        let statuses = StatusList()
        DispatchQueue.concurrentPerform(iterations: 2) { _ in
            for _ in 0..<3 {
                statuses.append((try? ws.attest(["--out", "-"]).status) ?? -1)
            }
        }
        #expect(statuses.values == Array(repeating: 0, count: 6))
        let verify = try ws.schouw(["register", "verify"])
        #expect(verify.status == 0)
        #expect(verify.stdout.contains(": 6 entries, hash chain intact"))
    }
}

private final class StatusList: @unchecked Sendable {
    private let lock = NSLock()
    private var list: [Int32] = []
    func append(_ status: Int32) { lock.lock(); list.append(status); lock.unlock() }
    var values: [Int32] { lock.lock(); defer { lock.unlock() }; return list }
}
