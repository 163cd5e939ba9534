import SchouwConcurrency

/// Collects diagnostics while reading, plus the ids and references a descriptor defines, so
/// references can be resolved once every file is read.
///
/// A class because every nested `MappingReader` reports into the same place. One loader uses it on
/// one thread; the tables read for every object skip the runtime exclusivity check.
public final class DiagnosticSink {
    public private(set) var diagnostics: [Diagnostic] = []
    /// Kinds seen so far; ids and references are stored per kind position (a handful of kinds, so a
    /// linear scan is cheaper than hashing the kind name for every object).
    @exclusivity(unchecked) private var kinds: [String] = []
    @exclusivity(unchecked) private var kindLengths: [Int] = []
    @exclusivity(unchecked) private var kindFirstBytes: [UInt8?] = []
    /// Ids per kind, with the node that defined each.
    @exclusivity(unchecked) private var idTables: [IdTable] = []
    /// References per kind, in reading order, as (document number << 32 | node index): no node handles, no reference counts.
    @exclusivity(unchecked) private var referenceLists: [[UInt64]] = []
    private var documents: [YAMLDocument] = []

    public init() {
        for kind in ObjectSchema.wellKnownKinds { _ = kindPosition(kind) }
    }

    /// At most this many diagnostics are kept; a hostile file with millions of mistakes would otherwise
    /// cost a suggestion search and a path per mistake. The rest are counted.
    public static let limit = 1000
    /// Diagnostics beyond the limit (counted, not kept).
    public private(set) var suppressed = 0
    private var sawError = false

    public var hasErrors: Bool { sawError || diagnostics.hasErrors }

    /// True once the limit is reached: callers skip building messages and hints.
    public var isFull: Bool { diagnostics.count >= DiagnosticSink.limit }

    public func add(_ diagnostic: Diagnostic) {
        if diagnostic.severity == .error { sawError = true }
        if isFull { suppressed += 1; return }
        diagnostics.append(diagnostic)
    }

    public func add(contentsOf list: [Diagnostic]) { for diagnostic in list { add(diagnostic) } }

    /// An error located at `node`, with its YAML path.
    public func error(_ message: String, at node: YAMLNode, hint: String? = nil) {
        if isFull { sawError = true; suppressed += 1; return }
        add(.error(message, at: node.mark, hint: hint, path: node.yamlPath))
    }

    public func warning(_ message: String, at node: YAMLNode, hint: String? = nil) {
        if isFull { suppressed += 1; return }
        add(.warning(message, at: node.mark, hint: hint, path: node.yamlPath))
    }

    /// The kept diagnostics, plus a closing note when some were left out.
    public var reported: [Diagnostic] {
        guard suppressed > 0 else { return diagnostics }
        return diagnostics + [.error("\(suppressed) more problems not shown (the first \(DiagnosticSink.limit) are listed)",
                                     at: nil, hint: "fix these first and run again")]
    }

    private func kindPosition(_ kind: String) -> Int {
        // Descriptor kinds differ in length or first letter, so the full comparison runs about once.
        let utf8 = kind.utf8
        let length = utf8.count, first = utf8.first
        for i in 0..<kinds.count where kindLengths[i] == length && kindFirstBytes[i] == first && kinds[i] == kind {
            return i
        }
        kinds.append(kind); idTables.append(IdTable()); referenceLists.append([])
        kindLengths.append(length); kindFirstBytes.append(first)
        return kinds.count - 1
    }

    func recordReference(kind: String, node: YAMLNode) {
        recordReference(kind: kind, document: node.document, index: node.index)
    }

    func recordReference(kind: String, document: YAMLDocument, index: Int32) {
        recordReference(kindPosition: kindPosition(kind), document: document, index: index)
    }

    /// Records a reference to a kind by its position (the well-known kinds have fixed positions).
    func recordReference(kindPosition k: Int, document: YAMLDocument, index: Int32) {
        var number = documents.count - 1
        if number < 0 || documents[number] !== document {
            number = documents.firstIndex { $0 === document } ?? documents.count
            if number == documents.count { documents.append(document) }
        }
        referenceLists[k].append(UInt64(number) << 32 | UInt64(UInt32(bitPattern: index)))
    }

    /// Records the id `node` holds; a second object of the same kind with the same id is an error
    /// naming both places.
    func recordId(kind: String, node: YAMLNode) {
        let k = kindPosition(kind)
        if let first = node.withScalarBytes({ idTables[k].insert($0, node: node) }) {
            let id = node.scalar ?? ""
            let place = first.document.path == node.document.path
                ? "line \(first.line)" : "\(first.document.path):\(first.line):\(first.column)"
            error("duplicate \(kind) id `\(id)`; it is already defined at \(place)", at: node,
                  hint: "ids must be unique within a section (also across included files); rename one of them")
        }
    }

    /// Makes room for `count` more ids of a kind, so a large section does not rehash as it grows.
    func reserveIds(kind: String, additional count: Int) {
        idTables[kindPosition(kind)].reserve(additional: count)
    }

    /// Takes over the ids and references of `other`, filled by reading a later part of the same
    /// files on another core, as if this sink had read that part itself (in the order such a
    /// reading would have recorded them); true when it did. It does so only when `other` reported
    /// nothing and none of its ids is one this sink already holds (a duplicate to report): then
    /// nothing is changed, and the caller reads that part again in order.
    ///
    /// The ids are inserted while they are checked, with the hashes `other` computed; the rare
    /// clash undoes the insertions of that call.
    func absorbIfPossible(_ other: DiagnosticSink) -> Bool {
        guard other.diagnostics.isEmpty, other.suppressed == 0, !other.sawError else { return false }
        var absorbed: [(table: Int, filled: [Int])] = []
        for k in other.kinds.indices {
            let mine = kindPosition(other.kinds[k])
            guard let filled = idTables[mine].absorb(other.idTables[k]) else {
                // A clash: take out what this call added to the kinds before.
                for earlier in absorbed.reversed() { idTables[earlier.table].undo(earlier.filled) }
                return false
            }
            absorbed.append((mine, filled))
        }
        let documentNumbers = other.documents.map { document -> UInt64 in
            if let number = documents.firstIndex(where: { $0 === document }) { return UInt64(number) }
            documents.append(document)
            return UInt64(documents.count - 1)
        }
        for k in other.kinds.indices {
            let mine = kindPosition(other.kinds[k])
            referenceLists[mine].reserveCapacity(referenceLists[mine].count + other.referenceLists[k].count)
            for packed in other.referenceLists[k] {
                referenceLists[mine].append(documentNumbers[Int(packed >> 32)] << 32 | (packed & 0xFFFF_FFFF))
            }
        }
        return true
    }

    /// The ids defined for a kind.
    func definedIds(_ kind: String) -> [String: YAMLNode] { idTables[kindPosition(kind)].dictionary }

    /// The references that name no defined id, grouped by target kind (kinds in first-seen order),
    /// each kind's in reading order. A city-wide descriptor makes hundreds of thousands of
    /// references: they are looked up on every core, each through its own handle on the documents
    /// (see `YAMLDocument.sharingStorage`).
    func forEachUnresolvedReference(_ body: (_ kind: String, _ document: YAMLDocument, _ index: Int32) -> Void) {
        for k in kinds.indices {
            let table = idTables[k], references = referenceLists[k], documents = documents
            let unresolved = parallelMap(references.count, stretchesOf: 8_192) { range -> [UInt64] in
                let own = range.count == references.count ? documents : documents.map { $0.sharingStorage() }
                return references[range].filter { packed in
                    own[Int(packed >> 32)].withScalarBytes(at: Int32(bitPattern: UInt32(truncatingIfNeeded: packed))) {
                        !table.contains($0)
                    }
                }
            }
            for packed in unresolved.joined() {
                body(kinds[k], documents[Int(packed >> 32)], Int32(bitPattern: UInt32(truncatingIfNeeded: packed)))
            }
        }
    }
}
