import Foundation
import SchouwResult

/// One line of the register's `index.jsonl`: an attestation, chained to the entry before it.
///
/// `hash` is the SHA-256 (lowercase hex) of the entry's canonical JSON without the `hash` field (sorted keys,
/// no whitespace); `prev` is the previous entry's `hash`, or 64 zeros for the first entry. Editing,
/// removing or reordering an entry therefore breaks the chain at that point.
public struct RegisterEntry: Codable, Equatable, Sendable {
    public static let genesis = String(repeating: "0", count: 64)
    /// Every key an entry has; an entry with other keys is refused (an added field would not be hashed).
    static let keys: Set<String> = ["seq", "time", "project", "verdict", "signer", "keyid", "descriptor-sha256",
                                    "file", "file-sha256", "prev", "hash"]

    public var seq: Int
    /// The attestation's signing time.
    public var time: String
    public var project: String
    public var verdict: String
    public var signer: String
    public var keyid: String
    public var descriptorSHA256: String
    /// The attestation's file name inside the register directory.
    public var file: String
    public var fileSHA256: String
    public var prev: String
    public var hash: String

    enum CodingKeys: String, CodingKey {
        case seq, time, project, verdict, signer, keyid, file, prev, hash
        case descriptorSHA256 = "descriptor-sha256"
        case fileSHA256 = "file-sha256"
    }

    /// The hash this entry should carry, computed from every other field.
    public func computedHash() throws -> String {
        sha256Hex(try CanonicalJSON.encodeCompact(Hashed(entry: self)))
    }

    /// The entry without `hash`: the bytes the hash covers.
    private struct Hashed: Encodable {
        let entry: RegisterEntry
        func encode(to encoder: Encoder) throws {
            var c = encoder.container(keyedBy: CodingKeys.self)
            try c.encode(entry.seq, forKey: .seq)
            try c.encode(entry.time, forKey: .time)
            try c.encode(entry.project, forKey: .project)
            try c.encode(entry.verdict, forKey: .verdict)
            try c.encode(entry.signer, forKey: .signer)
            try c.encode(entry.keyid, forKey: .keyid)
            try c.encode(entry.descriptorSHA256, forKey: .descriptorSHA256)
            try c.encode(entry.file, forKey: .file)
            try c.encode(entry.fileSHA256, forKey: .fileSHA256)
            try c.encode(entry.prev, forKey: .prev)
        }
    }

    /// Reads one index line strictly: exactly the known keys, each with its type.
    static func parse(line: Data, number: Int) throws -> RegisterEntry {
        let json: JSONValue
        do {
            json = try StrictJSON.parse(line)
        } catch {
            throw AttestError("line \(number) col \(error.column): not valid JSON: \(error.message)")
        }
        let root = JSONReader(json, path: "entry")
        let members = try root.object()
        let unknown = Set(members.keys).subtracting(keys).sorted()
        let missing = keys.subtracting(members.keys).sorted()
        guard unknown.isEmpty else { throw AttestError("unexpected field(s) \(unknown.joined(separator: ", "))") }
        guard missing.isEmpty else { throw AttestError("missing field(s) \(missing.joined(separator: ", "))") }
        return RegisterEntry(
            seq: try root.field("seq").int(), time: try root.field("time").string(),
            project: try root.field("project").string(), verdict: try root.field("verdict").string(),
            signer: try root.field("signer").string(), keyid: try root.field("keyid").string(),
            descriptorSHA256: try root.field("descriptor-sha256").string(), file: try root.field("file").string(),
            fileSHA256: try root.field("file-sha256").string(), prev: try root.field("prev").string(),
            hash: try root.field("hash").string())
    }
}
