import Foundation

/// A parsed YAML document: every node in one flat arena, with its line and column.
///
/// Nodes are small records in one array; a container's children are a contiguous range of another
/// array, so a document of a million nodes costs a few allocations, not a million. Aliases share
/// the anchored node (no copy), and the parser bounds how far they may expand.
public final class YAMLDocument: Sendable {
    /// The file the document was read from, as given to the parser (used in every mark).
    public let path: String
    let records: [NodeRecord]
    /// Children of containers: sequence items, or mapping key and value indices alternating.
    let children: [Int32]
    /// UTF-8 bytes of all scalar values, back to back.
    let scalarBytes: [UInt8]
    let rootIndex: Int32
    let parentTable = ParentTable()

    init(path: String, records: [NodeRecord], children: [Int32], scalarBytes: [UInt8], rootIndex: Int32) {
        self.path = path; self.records = records; self.children = children
        self.scalarBytes = scalarBytes; self.rootIndex = rootIndex
    }

    /// A second handle on the same nodes (the arrays are shared, not copied). Node handles retain
    /// their document, so two cores reading one document through one object contend for its
    /// reference count on every node; each core reading through its own copy does not.
    func sharingStorage() -> YAMLDocument {
        YAMLDocument(path: path, records: records, children: children, scalarBytes: scalarBytes, rootIndex: rootIndex)
    }

    /// The top node, or nil for an empty document.
    public var root: YAMLNode? { rootIndex >= 0 ? YAMLNode(document: self, index: rootIndex) : nil }

    /// Number of nodes stored (aliases not expanded).
    public var nodeCount: Int { records.count }

    /// The bytes of the scalar at `index` (empty for containers); no node handle is created.
    func withScalarBytes<R>(at index: Int32, _ body: (UnsafeBufferPointer<UInt8>) throws -> R) rethrows -> R {
        let r = records[Int(index)]
        let count = r.kind == .scalar ? Int(r.count) : 0
        return try scalarBytes.withUnsafeBufferPointer { buffer in
            try body(UnsafeBufferPointer(rebasing: buffer[Int(r.start)..<Int(r.start) + count]))
        }
    }

    /// The text of the scalar at `index` (empty for containers); no node handle is created.
    func scalarText(at index: Int32) -> String {
        withScalarBytes(at: index) { String(decoding: $0, as: UTF8.self) }
    }
}

/// How a node is stored: 16 bytes, no references. The parent of each node is not stored; it is
/// computed for the whole document the first time a YAML path is asked for (error paths only).
struct NodeRecord: Sendable, Equatable {
    /// Scalars: offset into `scalarBytes`; containers: offset into `children`.
    var start: Int32
    /// Count in the low 26 bits (a scalar is at most 16 MiB and a 128 MiB input holds fewer than 2^26
    /// children in one container, so counts fit); kind, type, quoted above.
    private var packed: UInt32
    var line: Int32
    var column: Int32

    init(kind: YAMLNode.Kind, type: YAMLScalarType, quoted: Bool, start: Int32, count: Int32, line: Int32, column: Int32) {
        self.start = start; self.line = line; self.column = column
        packed = (UInt32(truncatingIfNeeded: count) & NodeRecord.countMask) | UInt32(kind.rawValue) << 26
            | UInt32(type.rawValue) << 28 | (quoted ? 1 << 31 : 0)
    }

    private static let countMask: UInt32 = (1 << 26) - 1

    var kind: YAMLNode.Kind { YAMLNode.Kind(rawValue: UInt8((packed >> 26) & 0x3)) ?? .scalar }
    var type: YAMLScalarType { YAMLScalarType(rawValue: UInt8((packed >> 28) & 0x7)) ?? .string }
    var quoted: Bool { packed >> 31 == 1 }
    /// Scalars: byte length; sequences: item count; mappings: entry count.
    var count: Int32 {
        get { Int32(packed & NodeRecord.countMask) }
        set { packed = (packed & ~NodeRecord.countMask) | (UInt32(truncatingIfNeeded: newValue) & NodeRecord.countMask) }
    }
}

/// Parent indices of every node, built once on demand.
final class ParentTable: @unchecked Sendable {
    private let lock = NSLock()
    private var parents: [Int32]?

    func parent(of index: Int32, in document: YAMLDocument) -> Int32 {
        lock.lock(); defer { lock.unlock() }
        if parents == nil {
            var table = [Int32](repeating: -1, count: document.records.count)
            for (container, record) in document.records.enumerated() where record.kind != .scalar {
                let width = record.kind == .mapping ? 2 : 1
                let start = Int(record.start)
                for position in 0..<(Int(record.count) * width) {
                    let child = Int(document.children[start + position])
                    if table[child] < 0 && child != container { table[child] = Int32(container) }
                }
            }
            parents = table
        }
        return parents?[Int(index)] ?? -1
    }
}

/// The type a scalar resolves to under the YAML 1.2 core schema.
///
/// Only `true`/`false` (and their `True`/`TRUE` spellings) are booleans: `yes`, `no`, `on` and
/// `NO` (Norway) are strings. Quoted and block scalars are always strings.
public enum YAMLScalarType: UInt8, Sendable, Hashable, CustomStringConvertible {
    case string, int, float, bool, null

    public var description: String {
        switch self {
        case .string: return "a string"
        case .int: return "an integer"
        case .float: return "a number"
        case .bool: return "a boolean"
        case .null: return "null"
        }
    }
}

/// A node of a `YAMLDocument`: a cheap handle (document and index), valid as long as you hold it.
public struct YAMLNode: Sendable {
    public enum Kind: UInt8, Sendable, Hashable, CustomStringConvertible {
        case scalar, sequence, mapping
        public var description: String {
            switch self {
            case .scalar: return "a scalar"
            case .sequence: return "a list"
            case .mapping: return "a mapping"
            }
        }
    }

    public let document: YAMLDocument
    let index: Int32

    init(document: YAMLDocument, index: Int32) { self.document = document; self.index = index }

    var record: NodeRecord { document.records[Int(index)] }

    public var kind: Kind { record.kind }
    /// For scalars, the core-schema type; `.string` for containers.
    public var scalarType: YAMLScalarType { record.type }
    /// True for single- or double-quoted and block scalars, whose type is always string.
    public var isQuoted: Bool { record.quoted }
    public var isNull: Bool { record.kind == .scalar && record.type == .null }

    /// Where the node starts (1-based line and column).
    public var mark: SourceMark {
        let r = record
        return SourceMark(file: document.path, line: Int(r.line), column: Int(r.column))
    }

    public var line: Int { Int(record.line) }
    public var column: Int { Int(record.column) }

    /// The scalar's text as written (after YAML escapes and folding); nil for containers.
    public var scalar: String? {
        let r = record
        guard r.kind == .scalar else { return nil }
        return document.scalarBytes.withUnsafeBufferPointer { buffer in
            String(decoding: UnsafeBufferPointer(rebasing: buffer[Int(r.start)..<Int(r.start + r.count)]), as: UTF8.self)
        }
    }

    /// The scalar text when the node is a string-typed scalar.
    public var string: String? { record.kind == .scalar && record.type == .string ? scalar : nil }

    /// The value of an integer scalar (decimal, `0x`, `0o`), nil otherwise or on overflow.
    public var int: Int? {
        guard record.kind == .scalar, record.type == .int, let text = scalar else { return nil }
        return ScalarResolver.parseInt(text)
    }

    /// The value of a number scalar (integer or float), nil otherwise.
    public var double: Double? {
        guard record.kind == .scalar, let text = scalar else { return nil }
        switch record.type {
        case .int: return ScalarResolver.parseInt(text).map(Double.init)
        case .float: return ScalarResolver.parseFloat(text)
        default: return nil
        }
    }

    /// The value of a boolean scalar, nil otherwise.
    public var bool: Bool? {
        guard record.kind == .scalar, record.type == .bool, let first = document.scalarBytes[safe: Int(record.start)] else { return nil }
        return first == UInt8(ascii: "t") || first == UInt8(ascii: "T")
    }

    /// Calls `body` with the scalar's UTF-8 bytes (empty for containers), without building a String.
    public func withScalarBytes<R>(_ body: (UnsafeBufferPointer<UInt8>) throws -> R) rethrows -> R {
        try document.withScalarBytes(at: index, body)
    }

    /// True when this is a scalar whose bytes equal `text`, without creating a String.
    public func scalarEquals(_ text: StaticString) -> Bool {
        let r = record
        // A one-character literal may be stored as a scalar, without UTF-8 bytes to point at.
        guard text.hasPointerRepresentation else { return scalar == text.description }
        guard r.kind == .scalar, Int(r.count) == text.utf8CodeUnitCount else { return false }
        let base = text.utf8Start
        return document.scalarBytes.withUnsafeBufferPointer { buffer in
            for i in 0..<Int(r.count) where buffer[Int(r.start) + i] != base[i] { return false }
            return true
        }
    }

    /// Number of items (sequence) or entries (mapping); 0 for scalars.
    public var count: Int { record.kind == .scalar ? 0 : Int(record.count) }

    /// The items of a sequence (empty for other kinds).
    public var items: Items { Items(node: self) }

    /// The entries of a mapping in document order (empty for other kinds).
    public var entries: Entries { Entries(node: self) }

    /// The value for a key in a mapping (first match), or nil.
    public subscript(key: String) -> YAMLNode? {
        for entry in entries where entry.key.scalar == key { return entry.value }
        return nil
    }

    /// The container holding this node, nil for the root.
    public var parent: YAMLNode? {
        let p = document.parentTable.parent(of: index, in: document)
        return p >= 0 ? YAMLNode(document: document, index: p) : nil
    }

    /// The path from the root to this node, e.g. `systems[3].security.patch-sla`.
    public var yamlPath: String {
        var parts: [String] = []
        var current = self
        var guardCount = 0
        while let parent = current.parent, guardCount < 10_000 {
            guardCount += 1
            switch parent.kind {
            case .sequence:
                var position = 0
                for (i, item) in parent.items.enumerated() where item.index == current.index { position = i; break }
                parts.append("[\(position)]")
            case .mapping:
                var name = "?"
                for entry in parent.entries {
                    if entry.value.index == current.index || entry.key.index == current.index {
                        name = entry.key.scalar ?? "?"; break
                    }
                }
                parts.append("." + name)
            case .scalar:
                break
            }
            current = parent
        }
        var path = parts.reversed().joined()
        if path.hasPrefix(".") { path.removeFirst() }
        return path
    }

    /// A short description for messages: "a list", "the string `x`", "the integer `3`".
    public var typeDescription: String {
        switch kind {
        case .sequence, .mapping: return kind.description
        case .scalar:
            let text = scalar ?? ""
            let shown = text.count > 40 ? String(text.prefix(40)) + "…" : text
            switch scalarType {
            case .null: return "null"
            case .string: return "the string `\(shown)`"
            case .int: return "the integer `\(shown)`"
            case .float: return "the number `\(shown)`"
            case .bool: return "the boolean `\(shown)`"
            }
        }
    }

    public struct Items: RandomAccessCollection, Sendable {
        let node: YAMLNode
        public var startIndex: Int { 0 }
        public var endIndex: Int { node.record.kind == .sequence ? Int(node.record.count) : 0 }
        public subscript(position: Int) -> YAMLNode {
            let childIndex = node.document.children[Int(node.record.start) + position]
            return YAMLNode(document: node.document, index: childIndex)
        }
    }

    public struct Entry: Sendable {
        public let key: YAMLNode
        public let value: YAMLNode
    }

    public struct Entries: RandomAccessCollection, Sendable {
        let node: YAMLNode
        public var startIndex: Int { 0 }
        public var endIndex: Int { node.record.kind == .mapping ? Int(node.record.count) : 0 }
        public subscript(position: Int) -> Entry {
            let base = Int(node.record.start) + position * 2
            let children = node.document.children
            return Entry(key: YAMLNode(document: node.document, index: children[base]),
                         value: YAMLNode(document: node.document, index: children[base + 1]))
        }
    }
}

extension Array {
    subscript(safe index: Int) -> Element? { indices.contains(index) ? self[index] : nil }
}
