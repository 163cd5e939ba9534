import Foundation
import SchouwResult
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The outcome of `Register.verify()`.
public struct RegisterCheck: Equatable, Sendable {
    /// Entries that verified before the first problem (all of them when intact).
    public var verifiedEntries: Int
    /// The last verified entry's hash (pin it to detect a truncated register later).
    public var head: String
    /// The first problem found, naming the entry; nil when the register is intact.
    public var problem: String?
    public var intact: Bool { problem == nil }
}

/// An append-only directory of attestations with a hash-chained index.
///
/// Layout: `index.jsonl` (one `RegisterEntry` per line), the attestation files it names
/// (`000001-<project>.intoto.json`, ...) and `.lock`. Appends hold an exclusive `flock` on `.lock`, write the
/// attestation and then the new index through `AtomicFile` (temporary file, fsync, rename), so concurrent
/// runs never lose an entry and a crash leaves the previous index intact.
public struct Register: Sendable {
    public static let indexName = "index.jsonl"
    public static let lockName = ".lock"
    public static let defaultDirectory = ".schouw/register"

    public let directory: String

    public init(directory: String) {
        self.directory = directory
    }

    var indexPath: String { directory + "/" + Self.indexName }

    /// Appends `attestation` and returns its entry.
    @discardableResult
    public func append(_ attestation: SignedAttestation) throws -> RegisterEntry {
        do {
            try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        } catch {
            throw AttestError("\(directory): cannot create the register directory: \(error.localizedDescription)")
        }
        return try withExclusiveLock {
            // The index is read once under the lock; the new index is exactly these bytes plus one line.
            var index = try indexData()
            let entries = try parseEntries(try Self.lines(of: index))
            var previous = RegisterEntry.genesis
            for (offset, entry) in entries.enumerated() {
                guard entry.seq == offset + 1, entry.prev == previous, (try? entry.computedHash()) == entry.hash else {
                    throw AttestError("\(indexPath):\(offset + 1): the register's hash chain is broken at entry \(offset + 1); refusing to append (run `schouw register verify --register \(directory)`)")
                }
                previous = entry.hash
            }
            let seq = entries.count + 1
            let predicate = attestation.statement.predicate
            // A file the index does not name is evidence: a removed entry, or a run that crashed between
            // writing its attestation and recording it. Never overwrite it; let a person look.
            if let orphan = try orphanFiles(referenced: Set(entries.map(\.file))).first {
                throw AttestError("\(directory)/\(orphan) is not in \(Self.indexName): its entry was removed, or an attest run crashed before recording it; inspect it and move it out of the register, then attest again")
            }
            let file = String(format: "%06d-", seq) + Self.safeName(predicate.project.id) + ".intoto.json"
            try AtomicFile.write(attestation.fileData, to: directory + "/" + file, mode: 0o644, replace: false)
            var entry = RegisterEntry(
                seq: seq, time: predicate.time, project: predicate.project.id, verdict: predicate.verdict,
                signer: predicate.signer.name, keyid: predicate.signer.keyid,
                descriptorSHA256: attestation.statement.subject.first?.digest["sha256"] ?? "",
                file: file, fileSHA256: sha256Hex(attestation.fileData), prev: previous, hash: "")
            entry.hash = try entry.computedHash()
            index.append(try CanonicalJSON.encodeCompact(entry))
            index.append(0x0A)
            try AtomicFile.write(index, to: indexPath, mode: 0o644, replace: true)
            return entry
        }
    }

    /// The entries as recorded, without checking the chain (see `verify()`).
    public func entries() throws -> [RegisterEntry] {
        guard FileManager.default.fileExists(atPath: directory) else {
            throw AttestError("\(directory): no register here (it is created by `schouw attest`); pass --register DIR")
        }
        return try readEntries()
    }

    /// Proves the chain intact: sequence numbers, previous-hash links, each entry's own hash, each attestation
    /// file's hash, and no attestation file missing from the index. Names the first broken entry.
    ///
    /// `pinnedHead` is a head hash recorded earlier (by a previous `verify`): it must still be an entry of the
    /// chain, which catches entries removed from the end together with their files.
    public func verify(pinnedHead: String? = nil) throws -> RegisterCheck {
        guard FileManager.default.fileExists(atPath: directory) else {
            throw AttestError("\(directory): no register here (it is created by `schouw attest`); pass --register DIR")
        }
        let lines: [Data]
        do {
            lines = try indexLines()
        } catch let error as AttestError {
            return RegisterCheck(verifiedEntries: 0, head: RegisterEntry.genesis, problem: error.message)
        }
        var previous = RegisterEntry.genesis
        var referenced: Set<String> = []
        var hashes: Set<String> = []
        for (offset, line) in lines.enumerated() {
            let number = offset + 1
            func broken(_ why: String) -> RegisterCheck {
                RegisterCheck(verifiedEntries: offset, head: previous,
                              problem: "entry \(number) (\(Self.indexName):\(number)): \(why)")
            }
            let entry: RegisterEntry
            do {
                entry = try RegisterEntry.parse(line: line, number: number)
            } catch let error as AttestError {
                return broken(error.message)
            }
            guard entry.seq == number else {
                return broken("sequence number is \(entry.seq), expected \(number): an entry was removed or reordered")
            }
            guard entry.prev == previous else {
                return broken("prev-hash \(entry.prev) does not match the hash of the entry before it (\(previous)): an entry was removed, inserted or reordered")
            }
            guard let computed = try? entry.computedHash(), computed == entry.hash else {
                return broken("the entry's hash does not match its contents: the entry was edited")
            }
            guard Self.isPlainFileName(entry.file) else {
                return broken("file name '\(entry.file)' is not a plain file name inside the register")
            }
            let path = directory + "/" + entry.file
            guard let data = try? BoundedFile.read(path: path, limit: DSSE.maxEnvelopeBytes, what: "attestation") else {
                return broken("attestation file \(entry.file) is missing or unreadable")
            }
            guard sha256Hex(data) == entry.fileSHA256 else {
                return broken("attestation file \(entry.file) has sha256 \(sha256Hex(data)), the entry records \(entry.fileSHA256): the file was changed")
            }
            if let mismatch = Self.disagreement(between: entry, andAttestation: data) {
                return broken("the entry disagrees with its attestation file \(entry.file): \(mismatch)")
            }
            referenced.insert(entry.file)
            hashes.insert(entry.hash)
            previous = entry.hash
        }
        if let orphan = try orphanFiles(referenced: referenced).first {
            return RegisterCheck(verifiedEntries: lines.count, head: previous,
                                 problem: "attestation file \(orphan) is not in \(Self.indexName): its entry was removed (or an attest run crashed before recording it)")
        }
        if let pinnedHead, pinnedHead.lowercased() != RegisterEntry.genesis, !hashes.contains(pinnedHead.lowercased()) {
            return RegisterCheck(verifiedEntries: lines.count, head: previous,
                                 problem: "the pinned head \(pinnedHead) is not an entry of this register: entries were removed from its end (or this is another register)")
        }
        return RegisterCheck(verifiedEntries: lines.count, head: previous, problem: nil)
    }

    // MARK: - Internals

    /// What an entry says that its attestation does not (project, verdict, signer, time, descriptor digest),
    /// or nil when they agree. The signature is not checked here: that needs the signer's key (`schouw verify`).
    static func disagreement(between entry: RegisterEntry, andAttestation data: Data) -> String? {
        let statement: SignedStatement
        do {
            statement = try SignedStatement(payload: try ParsedEnvelope.parse(data, source: entry.file).payload)
        } catch let error as AttestError {
            return "the attestation cannot be read (\(error.message))"
        } catch {
            return "the attestation cannot be read"
        }
        if statement.projectID != entry.project { return "project '\(entry.project)' vs '\(statement.projectID)'" }
        if statement.verdict != entry.verdict { return "verdict '\(entry.verdict)' vs '\(statement.verdict)'" }
        if statement.signer != entry.signer { return "signer '\(entry.signer)' vs '\(statement.signer)'" }
        if Timestamp.parse(entry.time) != statement.time { return "time \(entry.time) vs \(Timestamp.format(statement.time))" }
        if statement.subjectDigests.first != entry.descriptorSHA256 {
            return "descriptor sha256 \(entry.descriptorSHA256) vs \(statement.subjectDigests.first ?? "none")"
        }
        return nil
    }

    /// Attestation files in the directory that the index does not name, sorted.
    private func orphanFiles(referenced: Set<String>) throws -> [String] {
        let files: [String]
        do {
            files = try FileManager.default.contentsOfDirectory(atPath: directory)
        } catch {
            throw AttestError("\(directory): cannot list the register directory: \(error.localizedDescription)")
        }
        return files.filter { $0.hasSuffix(".intoto.json") && !referenced.contains($0) }.sorted()
    }

    private func readEntries() throws -> [RegisterEntry] {
        try parseEntries(try indexLines())
    }

    private func parseEntries(_ lines: [Data]) throws -> [RegisterEntry] {
        try lines.enumerated().map { offset, line in
            do {
                return try RegisterEntry.parse(line: line, number: offset + 1)
            } catch let error as AttestError {
                throw AttestError("\(indexPath):\(offset + 1): \(error.message)")
            }
        }
    }

    private func indexLines() throws -> [Data] {
        try Self.lines(of: try indexData())
    }

    private func indexData() throws -> Data {
        guard FileManager.default.fileExists(atPath: indexPath) else { return Data() }
        return try BoundedFile.read(path: indexPath, limit: 256 << 20, what: "register index")
    }

    private static func lines(of data: Data) throws -> [Data] {
        if data.isEmpty { return [] }
        guard data.last == 0x0A else {
            throw AttestError("the last line of \(indexName) is not terminated: the index was cut short or edited")
        }
        return data.dropLast().split(separator: 0x0A, omittingEmptySubsequences: false).map { Data($0) }
    }

    private func withExclusiveLock<T>(_ body: () throws -> T) throws -> T {
        let lockPath = directory + "/" + Self.lockName
        let fd = open(lockPath, O_RDWR | O_CREAT | O_CLOEXEC, 0o644)
        guard fd >= 0 else { throw AttestError("\(lockPath): cannot open the register lock: \(AtomicFile.errnoText())") }
        defer { close(fd) }
        while flock(fd, LOCK_EX) != 0 {
            guard errno == EINTR else { throw AttestError("\(lockPath): cannot lock the register: \(AtomicFile.errnoText())") }
        }
        defer { flock(fd, LOCK_UN) }
        return try body()
    }

    static func safeName(_ text: String) -> String {
        let mapped = text.lowercased().unicodeScalars.map { scalar -> Character in
            (scalar.properties.isASCIIHexDigit || ("a"..."z").contains(scalar) || scalar == "-") ? Character(scalar) : "_"
        }
        let name = String(mapped.prefix(64))
        return name.isEmpty ? "project" : name
    }

    static func isPlainFileName(_ name: String) -> Bool {
        !name.isEmpty && name != "." && name != ".." && !name.contains("/") && !name.contains("\0")
    }
}
