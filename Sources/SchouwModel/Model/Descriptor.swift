import Foundation
import SchouwConcurrency

/// A loaded project descriptor (SPEC section 1), with the files it came from.
///
/// Optional properties are facts the descriptor may leave out: `nil` means *unknown*, never *false*.
/// Rules that need such a fact report `unknown`, so the model must keep that difference.
public struct Descriptor: Sendable {
    public var schouw: Int
    public var project: Project
    public var purposes: [Purpose]
    public var parties: [Party]
    public var zones: [Zone]
    public var data: [DataAsset]
    public var systems: [System]
    public var flows: [Flow]
    public var waivers: [Waiver]
    /// The main file first, then every included file, in load order.
    public var files: [SourceFile]

    public init(schouw: Int = 1, project: Project, purposes: [Purpose] = [], parties: [Party] = [],
                zones: [Zone] = [], data: [DataAsset] = [], systems: [System] = [], flows: [Flow] = [],
                waivers: [Waiver] = [], files: [SourceFile] = []) {
        self.schouw = schouw; self.project = project; self.purposes = purposes; self.parties = parties
        self.zones = zones; self.data = data; self.systems = systems; self.flows = flows
        self.waivers = waivers; self.files = files
    }
}

extension Descriptor {
    /// Lets every object's marks go of the YAML nodes they were read from (waivers keep theirs),
    /// so the parsed YAML can be freed: on a city-wide descriptor it is a fifth of the memory an
    /// audit holds. Objects keep their own marks (where each is written), which is all an audit's
    /// findings point at; marks of single fields then fall back to the object's.
    ///
    /// The parsed YAML is freed when the result is dropped (at once, if it is not kept): a caller
    /// can drop it on another thread, as freeing a city's tens of megabytes takes milliseconds.
    @discardableResult
    public mutating func releaseSourceNodes() -> ReleasedSources {
        var documents: [YAMLDocument] = []
        func release(_ marks: inout Marks) {
            guard let document = marks.releaseSourceNode(), !documents.contains(where: { $0 === document }) else { return }
            documents.append(document)
        }
        release(&project.marks)
        for i in purposes.indices { release(&purposes[i].marks) }
        for i in parties.indices { release(&parties[i].marks) }
        for i in zones.indices { release(&zones[i].marks) }
        for i in data.indices { release(&data[i].marks) }
        for i in systems.indices {
            release(&systems[i].marks)
            for e in systems[i].endpoints.indices { release(&systems[i].endpoints[e].marks) }
        }
        for i in flows.indices { release(&flows[i].marks) }
        return ReleasedSources(documents: documents)
    }
}

/// The parsed YAML a descriptor's marks let go of (`Descriptor.releaseSourceNodes()`), held until
/// this is dropped.
public struct ReleasedSources: Sendable {
    let documents: [YAMLDocument]

    /// Drops the parsed YAML on a worker: unmapping a city's tens of megabytes took 5-10 ms with
    /// the other core idle while an audit waited.
    public consuming func freeOnWorker() {
        releaseOnWorker(consume self)
    }
}

/// One file a descriptor was read from; the text is kept for digests and for showing source lines.
///
/// Files read from disk keep their bytes and build `text` on first use, so loading a large
/// descriptor does not copy it once more; the digest is taken over the bytes as read.
public struct SourceFile: Sendable {
    public var path: String
    private var storage: SourceStorage
    private var digest: String?

    /// The file's text (UTF-8).
    public var text: String {
        get { storage.text }
        set { storage = SourceStorage(text: newValue); digest = nil }
    }

    /// Hex SHA-256 of the file's UTF-8 bytes; computed on first use when not given.
    public var sha256: String {
        get { digest ?? storage.sha256 }
        set { digest = newValue }
    }

    public init(path: String, sha256: String, text: String) {
        self.path = path; self.digest = sha256; self.storage = SourceStorage(text: text)
    }

    /// A file whose digest is computed when asked for.
    public init(path: String, text: String) {
        self.path = path; self.digest = nil; self.storage = SourceStorage(text: text)
    }

    /// A file as read from disk (valid UTF-8, checked by the parser).
    init(path: String, bytes: [UInt8]) {
        self.path = path; self.digest = nil; self.storage = SourceStorage(bytes: bytes)
    }
}

/// Bytes or text of a source file, with the text and digest computed once, on first use.
final class SourceStorage: @unchecked Sendable {
    private let lock = NSLock()
    private let bytes: [UInt8]?
    private var cachedText: String?
    private var cachedDigest: String?

    init(text: String) { bytes = nil; cachedText = text }
    init(bytes: [UInt8]) { self.bytes = bytes }

    var text: String {
        lock.lock(); defer { lock.unlock() }
        if let cachedText { return cachedText }
        let text = String(decoding: bytes ?? [], as: UTF8.self)
        cachedText = text
        return text
    }

    /// Hashed outside the lock (the bytes never change), so a reader of `text` never waits for it.
    var sha256: String {
        lock.lock()
        if let cachedDigest { lock.unlock(); return cachedDigest }
        let text = bytes == nil ? (cachedText ?? "") : nil
        lock.unlock()
        let digest = bytes.map { SHA256Digest.hex($0) } ?? SHA256Digest.hex((text ?? "").utf8)
        lock.lock(); defer { lock.unlock() }
        if cachedDigest == nil { cachedDigest = digest }
        return cachedDigest ?? digest
    }
}

/// Where an object and each of its fields were written, by YAML key path (`"retention"`,
/// `"transfer.tia"`, `"data[1]"`), so reports and SARIF can point at the exact field.
///
/// Loaded objects look field marks up lazily in the YAML node they came from, which keeps loading a
/// large descriptor cheap; marks given explicitly (`init(object:fields:)`) take precedence.
public struct Marks: Sendable {
    public var object: SourceMark
    private var explicit: [String: SourceMark]
    private var node: YAMLNode?

    public init(object: SourceMark, fields: [String: SourceMark] = [:]) {
        self.object = object; self.explicit = fields; self.node = nil
    }

    /// Marks backed by the mapping node an object was read from.
    public init(node: YAMLNode) {
        self.object = node.mark; self.explicit = [:]; self.node = node
    }

    /// Lets go of the YAML node the marks were read from: field marks then fall back to the
    /// object's mark (explicit field marks stay). See `Descriptor.releaseSourceNodes()`.
    /// Returns the parsed YAML the node belonged to, if there was one.
    @discardableResult
    public mutating func releaseSourceNode() -> YAMLDocument? {
        defer { node = nil }
        return node?.document
    }

    /// The parsed YAML the marks read from, if any (for tests of its lifetime).
    var yamlDocument: YAMLDocument? { node?.document }

    /// The YAML path of the object, when it was loaded from YAML.
    public var sourcePath: String? { node?.yamlPath }

    /// Every field mark: the explicit ones plus each key path under the source node.
    public var fields: [String: SourceMark] {
        get {
            var all: [String: SourceMark] = [:]
            if let node { Marks.collect(node, prefix: "", into: &all, depth: 0) }
            for (key, mark) in explicit { all[key] = mark }
            return all
        }
        set { explicit = newValue }
    }

    /// The mark of a field, or of the object when the field is not written.
    public subscript(field: String) -> SourceMark { mark(of: field) ?? object }

    /// The mark of a field by key path (`"transfer.tia"`, `"data[1]"`), nil when it is not written.
    /// Scalars point at the value, lists and mappings at their key.
    public func mark(of field: String) -> SourceMark? {
        if let mark = explicit[field] { return mark }
        guard var current = node else { return nil }
        var keyMark: SourceMark?
        for part in field.split(separator: ".") {
            var name = Substring(part)
            var indices: [Int] = []
            while name.hasSuffix("]"), let open = name.lastIndex(of: "[") {
                guard let i = Int(name[name.index(after: open)..<name.index(before: name.endIndex)]) else { return nil }
                indices.insert(i, at: 0)
                name = name[..<open]
            }
            if !name.isEmpty {
                guard current.kind == .mapping,
                      let entry = current.entries.first(where: { $0.key.scalar.map { $0[...] == name } ?? false })
                else { return nil }
                keyMark = entry.key.mark
                current = entry.value
            }
            for i in indices {
                guard current.kind == .sequence, i >= 0, i < current.items.count else { return nil }
                current = current.items[i]
                keyMark = current.mark
            }
        }
        return current.kind == .scalar ? current.mark : (keyMark ?? current.mark)
    }

    private static func collect(_ node: YAMLNode, prefix: String, into all: inout [String: SourceMark], depth: Int) {
        guard depth < 16 else { return }
        switch node.kind {
        case .mapping:
            for entry in node.entries {
                guard let key = entry.key.scalar else { continue }
                let path = prefix.isEmpty ? key : prefix + "." + key
                all[path] = entry.value.kind == .scalar ? entry.value.mark : entry.key.mark
                collect(entry.value, prefix: path, into: &all, depth: depth + 1)
            }
        case .sequence:
            for (i, item) in node.items.enumerated() {
                let path = prefix + "[\(i)]"
                all[path] = item.mark
                collect(item, prefix: path, into: &all, depth: depth + 1)
            }
        case .scalar:
            break
        }
    }
}
