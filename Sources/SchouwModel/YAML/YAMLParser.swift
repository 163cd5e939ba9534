import CYAML

/// Parses YAML with libyaml's event API into a `YAMLDocument`, with the limits that make hostile
/// input safe.
///
/// Limits (each reported as a located error, never a crash):
/// - input size: at most `maxInputBytes` (128 MiB, room for an inventory of 50,000 systems); larger
///   files are refused before parsing;
/// - scalar size: at most `maxScalarBytes` (16 MiB) in one value;
/// - nesting: at most `maxDepth` (256) levels of sequences and mappings;
/// - aliases: an alias shares the anchored node instead of copying it, and all aliases together
///   may stand for at most `maxAliasExpansion` (1,000,000) nodes, which stops "billion laughs";
/// - encoding: UTF-8 only; UTF-16/32 files and invalid UTF-8 bytes are refused with their position.
public enum YAMLParser {
    public static let maxInputBytes = 128 * 1024 * 1024
    /// Also keeps every length within the 26 bits a node record has for it.
    public static let maxScalarBytes = 16 * 1024 * 1024
    public static let maxDepth = 256
    public static let maxAliasExpansion = 1_000_000
    /// Inputs from this size on are parsed in parts on two cores when their layout allows it
    /// (`SplitParser`); the document is the same either way.
    static let splitThreshold = 1 << 20

    /// Parses `text`; `path` is used in marks and diagnostics.
    public static func parse(text: String, path: String) -> (YAMLDocument?, [Diagnostic]) {
        parse(bytes: Array(text.utf8), path: path)
    }

    /// Parses UTF-8 bytes. A stream with more than one document is an error.
    public static func parse(bytes: [UInt8], path: String) -> (YAMLDocument?, [Diagnostic]) {
        if bytes.count > maxInputBytes {
            return (nil, [.error("file is \(bytes.count) bytes; the limit is \(maxInputBytes) bytes (128 MiB)",
                                 at: SourceMark(file: path, line: 1, column: 1),
                                 hint: "split the descriptor into smaller files with `include:`")])
        }
        if let encoding = unsupportedEncoding(bytes) {
            return (nil, [.error("file is encoded as \(encoding); descriptors must be UTF-8",
                                 at: SourceMark(file: path, line: 1, column: 1),
                                 hint: "save the file as UTF-8 (for example `iconv -f \(encoding) -t UTF-8`)")])
        }
        // A UTF-8 byte order mark, as Windows editors write it. libyaml is told the encoding, so it
        // would read the mark as part of the first key.
        if bytes.starts(with: utf8ByteOrderMark) {
            return parse(bytes: Array(bytes.dropFirst(utf8ByteOrderMark.count)), path: path)
        }
        if bytes.count >= splitThreshold, let document = SplitParser.parse(bytes, path: path) {
            return (document, [])
        }
        var builder = TreeBuilder(path: path, inputSize: bytes.count)
        bytes.withUnsafeBufferPointer { builder.run(input: $0) }
        return builder.finish()
    }

    /// Reads and parses a file, refusing files above the size limit before reading them.
    /// - Returns: the document (nil when unreadable or invalid), the diagnostics and the file's bytes.
    public static func parseFile(atPath path: String, displayPath: String? = nil)
        -> (document: YAMLDocument?, diagnostics: [Diagnostic], bytes: [UInt8]?) {
        let shown = displayPath ?? path
        switch FileReader.read(path: path, limit: maxInputBytes) {
        case .failure(let problem):
            return (nil, [problem.diagnostic(path: shown)], nil)
        case .success(let bytes):
            let (document, diagnostics) = parse(bytes: bytes, path: shown)
            return (document, diagnostics, bytes)
        }
    }

    static let utf8ByteOrderMark: [UInt8] = [0xEF, 0xBB, 0xBF]

    static func unsupportedEncoding(_ bytes: [UInt8]) -> String? {
        if bytes.count >= 4, bytes[0] == 0, bytes[1] == 0, bytes[2] == 0xFE, bytes[3] == 0xFF { return "UTF-32BE" }
        if bytes.count >= 4, bytes[0] == 0xFF, bytes[1] == 0xFE, bytes[2] == 0, bytes[3] == 0 { return "UTF-32LE" }
        if bytes.count >= 2, bytes[0] == 0xFE, bytes[1] == 0xFF { return "UTF-16BE" }
        if bytes.count >= 2, bytes[0] == 0xFF, bytes[1] == 0xFE { return "UTF-16LE" }
        // UTF-16 without a BOM: ASCII text with every other byte zero.
        if bytes.count >= 4, bytes[1] == 0, bytes[3] == 0, bytes[0] != 0, bytes[2] != 0 { return "UTF-16LE" }
        if bytes.count >= 4, bytes[0] == 0, bytes[2] == 0, bytes[1] != 0, bytes[3] != 0 { return "UTF-16BE" }
        return nil
    }
}

/// Turns libyaml events into the node arena without recursion.
///
/// It can also build one part of a larger input (`SplitParser`): lines then count from
/// `lineOffset`, the nesting limit counts the `depthOffset` levels that enclose the part, and the
/// builder notes what would make the part mean something else inside the whole (anchors, aliases,
/// explicit document markers), so the caller can fall back to one parse of the whole.
struct TreeBuilder {
    struct OpenContainer {
        var record: Int32
        var scratchBase: Int
        var anchor: String?
    }

    let path: String
    var records: [NodeRecord] = []
    var children: [Int32] = []
    var scalarBytes: [UInt8] = []
    var scratch: [Int32] = []
    var open: [OpenContainer] = []
    /// Expanded node count of each open container (aliases counted at their anchor's size); kept
    /// apart from `open` so the per-node update touches a plain integer array.
    var openExpanded: [Int] = []
    var anchors: [String: (index: Int32, size: Int)] = [:]
    var aliasExpansion = 0
    var rootIndex: Int32 = -1
    var documents = 0
    var diagnostics: [Diagnostic] = []
    var failed = false
    var input: UnsafeBufferPointer<UInt8> = UnsafeBufferPointer(start: nil, count: 0)
    let lineOffset: Int32
    let depthOffset: Int
    /// An anchor was defined (an alias needs one, or the parse failed).
    var usedAnchors: Bool { !anchors.isEmpty }
    /// The document starts with `---` or a directive.
    var explicitDocumentStart = false
    /// The document ends with `...`.
    var explicitDocumentEnd = false

    /// Whether `run` first tries `BlockLayoutReader` (tests compare both ways of reading).
    let readsBlockLayoutDirectly: Bool

    init(path: String, inputSize: Int, lineOffset: Int32 = 0, depthOffset: Int = 0, readsBlockLayoutDirectly: Bool = true) {
        self.path = path
        self.readsBlockLayoutDirectly = readsBlockLayoutDirectly
        self.lineOffset = lineOffset
        self.depthOffset = depthOffset
        // Generous reservations cost little: large blocks are mapped lazily, so untouched capacity
        // never becomes resident, while growing a large array would copy it.
        records.reserveCapacity(inputSize / 6 + 16)
        children.reserveCapacity(inputSize / 6 + 16)
        scalarBytes.reserveCapacity(inputSize + 16)
        scratch.reserveCapacity(1024)
    }

    mutating func run(input: UnsafeBufferPointer<UInt8>) {
        self.input = input
        if readsBlockLayoutDirectly {
            if BlockLayoutReader.read(input, into: &self) { return }
            discardNodes()
        }
        runLibyaml(input: input)
    }

    /// Forgets every node built so far, keeping the reserved room (the block layout reader declined).
    mutating func discardNodes() {
        records.removeAll(keepingCapacity: true)
        children.removeAll(keepingCapacity: true)
        scalarBytes.removeAll(keepingCapacity: true)
        scratch.removeAll(keepingCapacity: true)
        open.removeAll(keepingCapacity: true)
        openExpanded.removeAll(keepingCapacity: true)
        anchors = [:]
        aliasExpansion = 0
        rootIndex = -1
        documents = 0
        diagnostics = []
        failed = false
        explicitDocumentStart = false
        explicitDocumentEnd = false
    }

    private mutating func runLibyaml(input: UnsafeBufferPointer<UInt8>) {
        var parser = yaml_parser_t()
        guard yaml_parser_initialize(&parser) != 0 else {
            fail("the YAML parser could not start (out of memory)", line: 1, column: 1)
            return
        }
        defer { yaml_parser_delete(&parser) }
        yaml_parser_set_encoding(&parser, YAML_UTF8_ENCODING)
        if let base = input.baseAddress {
            yaml_parser_set_input_string(&parser, base, input.count)
        } else {
            var empty: UInt8 = 0
            yaml_parser_set_input_string(&parser, &empty, 0)
        }
        var event = yaml_event_t()
        while !failed {
            guard yaml_parser_parse(&parser, &event) != 0 else {
                reportParserError(&parser)
                return
            }
            let done = event.type == YAML_STREAM_END_EVENT
            handle(&event)
            yaml_event_delete(&event)
            if done { break }
        }
    }

    mutating func handle(_ event: inout yaml_event_t) {
        let line = Int32(truncatingIfNeeded: event.start_mark.line + 1) &+ lineOffset
        let column = Int32(truncatingIfNeeded: event.start_mark.column + 1)
        switch event.type {
        case YAML_SCALAR_EVENT:
            let s = event.data.scalar
            if Int(s.length) > YAMLParser.maxScalarBytes {
                fail("a value of \(s.length) bytes is longer than the limit of \(YAMLParser.maxScalarBytes) bytes",
                     line: line, column: column, hint: "keep long texts in a document and refer to it by name or URL")
                return
            }
            let bytes = UnsafeBufferPointer(start: s.value, count: Int(s.length))
            var type: YAMLScalarType = .string
            let quoted = s.style != YAML_PLAIN_SCALAR_STYLE
            if !quoted {
                if let tag = s.tag, isStringTag(tag) { type = .string } else { type = ScalarResolver.resolve(bytes) }
            }
            let index = addScalar(bytes, type: type, quoted: quoted, line: line, column: column)
            if let anchor = s.anchor { anchors[String(cString: anchor)] = (index, 1) }
        case YAML_SEQUENCE_START_EVENT:
            openContainer(.sequence, anchor: event.data.sequence_start.anchor, line: line, column: column)
        case YAML_MAPPING_START_EVENT:
            openContainer(.mapping, anchor: event.data.mapping_start.anchor, line: line, column: column)
        case YAML_SEQUENCE_END_EVENT, YAML_MAPPING_END_EVENT:
            closeContainer()
        case YAML_ALIAS_EVENT:
            let name = event.data.alias.anchor.map { String(cString: $0) } ?? ""
            guard let target = anchors[name] else {
                fail("alias `*\(name)` refers to an unknown anchor", line: line, column: column,
                     hint: "define `&\(name)` before using it; an anchor cannot be used inside its own node")
                return
            }
            aliasExpansion += target.size
            if aliasExpansion > YAMLParser.maxAliasExpansion {
                fail("aliases expand this document beyond \(YAMLParser.maxAliasExpansion) nodes", line: line, column: column,
                     hint: "write the content out instead of nesting aliases (this looks like a \"billion laughs\" document)")
                return
            }
            addChild(target.index, expanded: target.size)
        case YAML_DOCUMENT_START_EVENT:
            let start = event.data.document_start
            if start.implicit == 0 || start.version_directive != nil || start.tag_directives.start != nil {
                explicitDocumentStart = true
            }
            documents += 1
            if documents > 1 {
                fail("the file holds more than one YAML document", line: line, column: column,
                     hint: "remove the `---` separator; use `include:` to combine files")
            }
        case YAML_DOCUMENT_END_EVENT:
            if event.data.document_end.implicit == 0 { explicitDocumentEnd = true }
        default:
            break
        }
    }

    /// Stores a scalar and adds it to the open container; returns its index.
    @discardableResult
    mutating func addScalar(_ bytes: UnsafeBufferPointer<UInt8>, type: YAMLScalarType, quoted: Bool,
                            line: Int32, column: Int32) -> Int32 {
        let start = Int32(truncatingIfNeeded: scalarBytes.count)
        scalarBytes.append(contentsOf: bytes)
        let index = Int32(truncatingIfNeeded: records.count)
        records.append(NodeRecord(kind: .scalar, type: type, quoted: quoted, start: start,
                                  count: Int32(truncatingIfNeeded: bytes.count), line: line, column: column))
        addChild(index, expanded: 1)
        return index
    }

    func isStringTag(_ tag: UnsafeMutablePointer<yaml_char_t>) -> Bool {
        let text = String(cString: tag)
        return text == "tag:yaml.org,2002:str" || text == "!"
    }

    mutating func openContainer(_ kind: YAMLNode.Kind, anchor: UnsafeMutablePointer<yaml_char_t>?, line: Int32, column: Int32) {
        openContainer(kind, anchorName: anchor.map { String(cString: $0) }, line: line, column: column)
    }

    /// True when one more open container would pass the nesting limit.
    var isAtDepthLimit: Bool { open.count + depthOffset >= YAMLParser.maxDepth }

    mutating func openContainer(_ kind: YAMLNode.Kind, anchorName: String?, line: Int32, column: Int32) {
        if isAtDepthLimit {
            fail("nesting is deeper than \(YAMLParser.maxDepth) levels", line: line, column: column,
                 hint: "a descriptor needs only a few levels; check for runaway brackets or indentation")
            return
        }
        let index = Int32(truncatingIfNeeded: records.count)
        records.append(NodeRecord(kind: kind, type: .string, quoted: false, start: 0, count: 0,
                                  line: line, column: column))
        open.append(OpenContainer(record: index, scratchBase: scratch.count, anchor: anchorName))
        openExpanded.append(1)
    }

    mutating func closeContainer() {
        guard let container = open.popLast(), let expanded = openExpanded.popLast() else { return }
        let childStart = Int32(truncatingIfNeeded: children.count)
        let base = container.scratchBase
        let itemCount = scratch.count - base
        // Index the scratch stack directly: holding a slice of it would make the removal below copy it.
        children.append(contentsOf: scratch[base...])
        scratch.removeLast(itemCount)
        let kind = records[Int(container.record)].kind
        records[Int(container.record)].start = childStart
        records[Int(container.record)].count = Int32(truncatingIfNeeded: kind == .mapping ? itemCount / 2 : itemCount)
        if let anchor = container.anchor { anchors[anchor] = (container.record, expanded) }
        addChild(container.record, expanded: expanded)
    }

    mutating func addChild(_ index: Int32, expanded: Int) {
        if openExpanded.isEmpty {
            if rootIndex < 0 { rootIndex = index }
            return
        }
        scratch.append(index)
        openExpanded[openExpanded.count - 1] += expanded
    }

    mutating func fail(_ message: String, line: Int32, column: Int32, hint: String? = nil) {
        diagnostics.append(.error(message, at: SourceMark(file: path, line: Int(line), column: Int(column)), hint: hint))
        failed = true
    }

    mutating func reportParserError(_ parser: inout yaml_parser_t) {
        let problem = parser.problem.map { String(cString: $0) } ?? "unknown problem"
        if parser.error == YAML_READER_ERROR {
            // libyaml points at the byte where a sequence broke off: for `é` in Latin-1 followed by
            // `g`, at the `g`. The byte to name is the one that started the sequence.
            var offset = Int(parser.problem_offset)
            if problem.contains("trailing") || problem.contains("incomplete") {
                var start = min(offset, input.count) - 1
                while start >= 0, offset - start <= 3, input[start] & 0xC0 == 0x80 { start -= 1 }
                if start >= 0, input[start] & 0xC0 == 0xC0 { offset = start }
            }
            let (line, column) = position(ofByte: offset)
            var message: String
            var hint = "save the file as UTF-8 text"
            if problem.contains("UTF-8") || problem.contains("octet") {
                let byte = offset < input.count ? input[offset] : 0
                message = "the file is not valid UTF-8 (byte 0x\(String(byte, radix: 16, uppercase: true)))"
                hint = "save the file as UTF-8 (it may be Latin-1 or Windows-1252; try `iconv -f latin1 -t UTF-8`)"
            } else if problem.contains("control characters") {
                message = "the file contains control characters (0x\(String(parser.problem_value, radix: 16, uppercase: true))); is it a binary file?"
                hint = "a descriptor is a YAML text file"
            } else {
                message = "cannot read the file as text: \(problem)"
            }
            fail(message, line: Int32(line), column: Int32(column), hint: hint)
            return
        }
        let syntax = YAMLSyntaxProblem(
            problem: problem, problemAt: (Int(parser.problem_mark.line) + 1, Int(parser.problem_mark.column) + 1),
            context: parser.context.map { String(cString: $0) },
            contextAt: (Int(parser.context_mark.line) + 1, Int(parser.context_mark.column) + 1), input: input)
        fail(syntax.message, line: Int32(truncatingIfNeeded: syntax.line), column: Int32(truncatingIfNeeded: syntax.column),
             hint: syntax.hint)
    }

    /// 1-based line and column (in characters) of a byte offset in the input.
    func position(ofByte offset: Int) -> (Int, Int) {
        var line = 1, column = 1
        let end = min(offset, input.count)
        var i = 0
        while i < end {
            let c = input[i]
            if c == UInt8(ascii: "\n") { line += 1; column = 1 } else if c & 0xC0 != 0x80 { column += 1 }
            i += 1
        }
        return (line, column)
    }

    mutating func finish() -> (YAMLDocument?, [Diagnostic]) {
        if failed { return (nil, diagnostics) }
        let document = YAMLDocument(path: path, records: records, children: children,
                                    scalarBytes: scalarBytes, rootIndex: rootIndex)
        return (document, diagnostics)
    }
}
