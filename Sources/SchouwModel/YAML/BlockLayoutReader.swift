import Foundation

/// Reads the plain block layout most descriptors are written in straight into the node arena,
/// node for node what libyaml gives (same kinds, types, quoting, texts, lines and columns), and
/// declines everything else, which is then parsed by libyaml as before.
///
/// libyaml turns every byte into tokens and events, and reads about 45 MB a second here: for a
/// city-wide inventory that alone was a third of the audit. Descriptors, written by hand or
/// generated, keep to a small part of YAML, and that part can be read line by line at several
/// times the speed. Reading only that part, and only where it cannot mean anything else, keeps
/// libyaml the one authority on YAML: every error message, every unusual construct and every
/// limit is still libyaml's, because on anything outside the part the reader stops and the
/// caller discards what it built. Tests parse descriptors, rule files and many thousands of
/// mutations of them both ways and compare the arenas.
///
/// The part read here:
/// - UTF-8 text of the characters libyaml accepts, with `\n` as the only line break and no tabs
///   (anywhere, comments included), no byte order mark, no NEL, LS or PS; no document markers
///   (`---`, `...`) or directives;
/// - block mappings with plain keys on one line (`key:` then a space or the line's end, no space
///   before the colon), block lists (`- `), lists at the indentation of their key, and compact
///   nesting (`- key: value`, `- - item`);
/// - values on the key's or item's line: plain scalars on one line, single- and double-quoted
///   scalars on one line without escapes, and flow lists and mappings on one line that hold such
///   scalars and each other; literal and folded block scalars whose lines share one indentation; a key without a value (empty, or a nested block on the lines below);
/// - comments on their own line, or after a value and a space.
///
/// Declined, among others: anchors, aliases and tags, plain and quoted scalars over several
/// lines, escapes, empty list items, complex and quoted keys, a line indented deeper than
/// a value allows (where libyaml would continue a plain scalar or report an error), and anything
/// that passes a parser limit (the caller's libyaml parse reports it).
struct BlockLayoutReader {
    /// Why reading stopped: the input is outside the part read here.
    struct Declined: Error {}

    private enum BlockKind { case mapping, sequence, indentlessSequence }

    /// An open block collection, with the indentation libyaml gives it.
    private struct Block {
        var kind: BlockKind
        /// Column (0-based) of its keys or dashes; for a list at its key's indentation, that of
        /// the mapping around it (libyaml opens no new indentation level for it).
        var indent: Int
        /// Mappings: the last key has no value on its line; where its empty value would start
        /// (line in the whole file, 1-based column).
        var pendingValue: (line: Int32, column: Int32)?
    }

    private let bytes: UnsafePointer<UInt8>
    private let count: Int
    /// Lines before the input (a piece of a larger file).
    private let lineOffset: Int32
    private var position = 0
    /// Line of `position`, 1-based within the input.
    private var line: Int32 = 1
    private var lineStart = 0
    private var blocks: [Block] = []
    private var rootRead = false
    /// Columns count characters, as libyaml's do; with only ASCII they are byte offsets.
    private var hasNonASCII = false
    /// The last column counted on the current line, to count on from there.
    private var counted = (position: 0, column: 0)

    private init(bytes: UnsafePointer<UInt8>, count: Int, lineOffset: Int32) {
        self.bytes = bytes
        self.count = count
        self.lineOffset = lineOffset
        blocks.reserveCapacity(16)
    }

    /// Reads all of `input` into `builder`; false when the input is outside the part read here,
    /// in which case `builder` holds a partial tree the caller must discard.
    static func read(_ input: UnsafeBufferPointer<UInt8>, into builder: inout TreeBuilder) -> Bool {
        guard let base = input.baseAddress, !input.isEmpty, let text = classify(input) else { return false }
        var reader = BlockLayoutReader(bytes: base, count: input.count, lineOffset: builder.lineOffset)
        reader.hasNonASCII = text == .utf8
        do {
            try reader.readDocument(into: &builder)
            return true
        } catch {
            return false
        }
    }

    /// What the input's bytes hold, as far as the reader is concerned.
    enum Text { case ascii, utf8 }

    /// `.ascii` when every byte is printable ASCII or `\n` (columns are then byte offsets),
    /// `.utf8` when it also holds other characters libyaml reads as ordinary text; nil for
    /// anything else: control characters and tabs, carriage returns, invalid UTF-8, and the
    /// characters libyaml treats specially (NEL, LS and PS break lines, a byte order mark is
    /// skipped at the start of a line).
    static func classify(_ input: UnsafeBufferPointer<UInt8>) -> Text? {
        if isPrintableASCII(input) { return .ascii }
        var i = 0
        while i < input.count {
            let lead = input[i]
            if lead < 0x80 {
                guard lead == 0x0A || (lead >= 0x20 && lead < 0x7F) else { return nil }
                i += 1
                continue
            }
            let length: Int, smallest: UInt32
            var scalar: UInt32
            if lead & 0xE0 == 0xC0 {
                length = 2; smallest = 0x80; scalar = UInt32(lead & 0x1F)
            } else if lead & 0xF0 == 0xE0 {
                length = 3; smallest = 0x800; scalar = UInt32(lead & 0x0F)
            } else if lead & 0xF8 == 0xF0 {
                length = 4; smallest = 0x10000; scalar = UInt32(lead & 0x07)
            } else {
                return nil
            }
            guard i + length <= input.count else { return nil }
            for k in 1..<length {
                let next = input[i + k]
                guard next & 0xC0 == 0x80 else { return nil }
                scalar = scalar << 6 | UInt32(next & 0x3F)
            }
            // libyaml's printable characters, less the line and paragraph separators and the BOM.
            let printable = (0xA0...0xD7FF).contains(scalar) || (0xE000...0xFFFD).contains(scalar)
                || (0x10000...0x10FFFF).contains(scalar)
            guard scalar >= smallest, printable, scalar != 0x2028, scalar != 0x2029, scalar != 0xFEFF else { return nil }
            i += length
        }
        return .utf8
    }

    /// Every byte is printable ASCII or `\n`.
    static func isPrintableASCII(_ input: UnsafeBufferPointer<UInt8>) -> Bool {
        let chunk = 1 << 16
        var start = 0
        while start < input.count {
            let end = min(start + chunk, input.count)
            var outside: UInt8 = 0
            for i in start..<end {
                let byte = input[i]
                // Branch-free, so the loop compiles to vector instructions.
                let printable: UInt8 = byte &- 0x20 < 0x5F ? 1 : 0
                let newline: UInt8 = byte == 0x0A ? 1 : 0
                outside |= (printable | newline) ^ 1
            }
            if outside != 0 { return false }
            start = end
        }
        return true
    }

    // MARK: Lines

    private mutating func readDocument(into builder: inout TreeBuilder) throws(Declined) {
        while position < count {
            lineStart = position
            while byte(at: position) == .space { position += 1 }
            let column = position - lineStart
            switch byte(at: position) {
            case .newline:
                position += 1
                line += 1
                continue
            case .end:
                break
            case .hash:
                skipRestOfLine()
            default:
                if column == 0 && startsDocumentMarker() { throw Declined() }
                try readContentLine(column: column, into: &builder)
            }
            nextLine()
        }
        guard rootRead else { throw Declined() }
        while !blocks.isEmpty { closeBlock(into: &builder) }
        builder.documents = 1
    }

    /// A line with content starting at `column`: closes the blocks it ends, opens the one it
    /// starts, then reads its entry.
    private mutating func readContentLine(column: Int, into builder: inout TreeBuilder) throws(Declined) {
        while let top = blocks.last, top.indent > column { closeBlock(into: &builder) }
        let item = isItemStart(position)
        if let top = blocks.last, top.kind == .indentlessSequence, top.indent == column, !item {
            closeBlock(into: &builder)
        }
        guard let top = blocks.last else {
            // The root; content after it (another root) is libyaml's to report.
            guard !rootRead else { throw Declined() }
            rootRead = true
            try openBlock(item ? .sequence : .mapping, column: column, into: &builder)
            return try readEntry(into: &builder)
        }
        if top.indent < column {
            // Deeper than the block: only a nested block, as the value of a key without one.
            guard top.kind == .mapping, top.pendingValue != nil else { throw Declined() }
            blocks[blocks.count - 1].pendingValue = nil
            try openBlock(item ? .sequence : .mapping, column: column, into: &builder)
        } else {
            switch top.kind {
            case .mapping:
                if let pending = top.pendingValue {
                    blocks[blocks.count - 1].pendingValue = nil
                    if item {
                        try openBlock(.indentlessSequence, column: column, into: &builder)
                    } else {
                        addEmptyScalar(at: pending, into: &builder)
                    }
                } else if item {
                    throw Declined()
                }
            case .sequence, .indentlessSequence:
                guard item else { throw Declined() }
            }
        }
        try readEntry(into: &builder)
    }

    private mutating func readEntry(into builder: inout TreeBuilder) throws(Declined) {
        if blocks[blocks.count - 1].kind == .mapping {
            try readKeyAndValue(into: &builder)
        } else {
            try readItem(into: &builder)
        }
    }

    /// `- ` and what follows on the line: a scalar or flow node, or the first entry of a nested
    /// mapping or list starting there.
    private mutating func readItem(into builder: inout TreeBuilder) throws(Declined) {
        position += 1
        while byte(at: position) == .space { position += 1 }
        let next = byte(at: position)
        // An empty item, or its value on the lines below.
        if next == .newline || next == .end || next == .hash { throw Declined() }
        let column = position - lineStart
        if isItemStart(position) {
            try openBlock(.sequence, column: column, into: &builder)
            return try readItem(into: &builder)
        }
        if let colon = plainKeyEnd(from: position) {
            try openBlock(.mapping, column: column, into: &builder)
            return try readKeyAndValue(colon: colon, into: &builder)
        }
        try readBlockValue(into: &builder)
        try expectLineEnd()
    }

    /// `key:` and its value on the line, if any; `colon`: where the key ends, when the caller
    /// has found it already.
    private mutating func readKeyAndValue(colon known: Int? = nil, into builder: inout TreeBuilder) throws(Declined) {
        guard let colon = known ?? plainKeyEnd(from: position) else { throw Declined() }
        try addScalar(from: position, to: colon, quoted: false, into: &builder)
        position = colon + 1
        while byte(at: position) == .space { position += 1 }
        switch byte(at: position) {
        case .newline, .end, .hash:
            // The value is on the lines below, or empty; libyaml places an empty one just after the colon.
            blocks[blocks.count - 1].pendingValue = (builderLine, Int32(truncatingIfNeeded: column(of: colon) + 2))
            skipRestOfLine()
        case .dash where isBlank(position + 1):
            throw Declined()
        default:
            try readBlockValue(into: &builder)
            try expectLineEnd()
        }
    }

    /// A scalar or flow node in block context, on the current line.
    private mutating func readBlockValue(into builder: inout TreeBuilder) throws(Declined) {
        switch byte(at: position) {
        case .doubleQuote, .singleQuote: try readQuoted(into: &builder)
        case .openBracket: try readFlowSequence(into: &builder)
        case .openBrace: try readFlowMapping(into: &builder)
        case .pipe, .greaterThan: try readBlockScalar(into: &builder)
        default:
            guard isPlainStart(position, inFlow: false) else { throw Declined() }
            let start = position
            var end = position
            scan: while true {
                switch byte(at: position) {
                case .newline, .end:
                    break scan
                case .space:
                    if byte(at: position + 1) == .hash { break scan }
                    position += 1
                case .colon:
                    // `a: b: c` is an error in libyaml; a colon before a space ends a plain scalar.
                    if isBlank(position + 1) { throw Declined() }
                    position += 1
                    end = position
                default:
                    position += 1
                    end = position
                }
            }
            try addScalar(from: start, to: end, quoted: false, into: &builder)
        }
    }

    // MARK: Block scalars

    /// A literal (`|`) or folded (`>`) scalar, kept or stripped of its final line break (`-`),
    /// whose lines all start at one indentation, with no empty line between them. It ends before
    /// the first line indented less (empty lines there are left to the caller); `position` is
    /// left at the line break of its last line.
    ///
    /// With every line at one indentation, libyaml's folding comes down to joining the lines
    /// with a space (`>`) or a line break (`|`); more indented lines, empty lines inside, a
    /// line of spaces, the keep (`+`) and indentation (`2`) indicators are declined.
    private mutating func readBlockScalar(into builder: inout TreeBuilder) throws(Declined) {
        let markLine = builderLine, markColumn = column(of: position)
        let folded = byte(at: position) == .greaterThan
        position += 1
        let strip = byte(at: position) == .dash
        if strip { position += 1 }
        try expectLineEnd()
        guard byte(at: position) == .newline else { throw Declined() }
        let enclosing = blocks[blocks.count - 1].indent
        var text: [UInt8] = []
        var indentation = -1
        var next = position + 1
        while true {
            var spaces = 0
            while byte(at: next + spaces) == .space { spaces += 1 }
            let first = byte(at: next + spaces)
            if first == .newline || first == .end {
                guard spaces == 0, indentation >= 0 else { throw Declined() }
                // Empty lines end the scalar only when no line of it follows them.
                var after = next
                while byte(at: after) == .newline { after += 1 }
                var indented = 0
                while byte(at: after + indented) == .space { indented += 1 }
                if indented >= indentation { throw Declined() }
                break
            }
            if indentation < 0 {
                guard spaces > enclosing else { throw Declined() }
                indentation = spaces
            } else if spaces < indentation {
                break
            } else if spaces > indentation {
                throw Declined()
            }
            let start = next + spaces
            guard let end = lineBreak(from: start) else { throw Declined() }
            // Content lines are never empty, so only the first leaves `text` empty.
            if !text.isEmpty { text.append(folded ? .space : .newline) }
            text.append(contentsOf: UnsafeBufferPointer(start: bytes + start, count: end - start))
            guard text.count <= YAMLParser.maxScalarBytes else { throw Declined() }
            line += 1
            lineStart = next
            position = end
            next = end + 1
        }
        if !strip { text.append(.newline) }
        text.withUnsafeBufferPointer { value in
            _ = builder.addScalar(value, type: .string, quoted: true, line: markLine,
                                  column: Int32(truncatingIfNeeded: markColumn + 1))
        }
    }

    /// The position of the line break at or after `from`, nil when the input ends first.
    private func lineBreak(from: Int) -> Int? {
        guard from < count, let hit = memchr(bytes + from, Int32(UInt8.newline), count - from) else { return nil }
        return bytes.distance(to: hit.assumingMemoryBound(to: UInt8.self))
    }

    // MARK: Flow collections on one line

    private mutating func readFlowSequence(into builder: inout TreeBuilder) throws(Declined) {
        guard try !openFlow(.sequence, closing: .closeBracket, into: &builder) else { return }
        repeat {
            try readFlowNode(into: &builder)
        } while try !endsFlowEntry(closing: .closeBracket, into: &builder)
    }

    private mutating func readFlowMapping(into builder: inout TreeBuilder) throws(Declined) {
        guard try !openFlow(.mapping, closing: .closeBrace, into: &builder) else { return }
        while true {
            // A plain key ending in a colon and a space, then a value.
            guard isPlainStart(position, inFlow: true) else { throw Declined() }
            let keyStart = position
            try readFlowPlain(into: &builder)
            guard byte(at: position) == .colon, byte(at: position + 1) == .space,
                  position - keyStart <= Self.longestKey else { throw Declined() }
            position += 2
            skipSpaces()
            try readFlowNode(into: &builder)
            if try endsFlowEntry(closing: .closeBrace, into: &builder) { return }
        }
    }

    /// After an entry of a flow list or mapping: a comma before the next entry (false), or the
    /// closing bracket, which closes the collection (true).
    private mutating func endsFlowEntry(closing: UInt8, into builder: inout TreeBuilder) throws(Declined) -> Bool {
        skipSpaces()
        switch byte(at: position) {
        case .comma:
            position += 1
            skipSpaces()
            // A trailing comma is valid YAML, but rare; libyaml reads it.
            if byte(at: position) == closing { throw Declined() }
            return false
        case closing:
            position += 1
            builder.closeContainer()
            return true
        default:
            throw Declined()
        }
    }

    /// A node inside brackets or braces: a scalar, or a flow list or mapping nested in it.
    private mutating func readFlowNode(into builder: inout TreeBuilder) throws(Declined) {
        switch byte(at: position) {
        case .doubleQuote, .singleQuote: try readQuoted(into: &builder)
        case .openBracket: try readFlowSequence(into: &builder)
        case .openBrace: try readFlowMapping(into: &builder)
        default:
            guard isPlainStart(position, inFlow: true) else { throw Declined() }
            try readFlowPlain(into: &builder)
        }
    }

    /// A plain scalar inside brackets or braces, made of the characters names, ids, dates and
    /// numbers use; it ends before `,`, `]`, `}` or `:` (trailing spaces are not part of it).
    private mutating func readFlowPlain(into builder: inout TreeBuilder) throws(Declined) {
        let start = position
        var end = position
        while true {
            let c = byte(at: position)
            if c == .space {
                position += 1
            } else if Self.isFlowPlainByte(c) {
                position += 1
                end = position
            } else if c == .comma || c == .closeBracket || c == .closeBrace || c == .colon {
                break
            } else {
                throw Declined()
            }
        }
        // Back to the first space after the text, so the caller sees what ends it.
        position = end
        try addScalar(from: start, to: end, quoted: false, into: &builder)
    }

    // MARK: Scalars

    /// A single- or double-quoted scalar that ends on its line and has no escapes.
    private mutating func readQuoted(into builder: inout TreeBuilder) throws(Declined) {
        let quote = byte(at: position)
        let start = position + 1
        var end = start
        while true {
            let c = byte(at: end)
            if c == quote { break }
            if c == .newline || c == .end || (quote == .doubleQuote && c == .backslash) { throw Declined() }
            end += 1
        }
        // `''` stands for one quote inside single quotes.
        if quote == .singleQuote && byte(at: end + 1) == .singleQuote { throw Declined() }
        let column = column(of: position)
        position = end + 1
        try addScalar(from: start, to: end, quoted: true, column: column, into: &builder)
    }

    /// Where a plain key starting at `start` ends: the colon followed by a space or the line's
    /// end; nil when the line holds no such key.
    private func plainKeyEnd(from start: Int) -> Int? {
        guard isPlainStart(start, inFlow: false) else { return nil }
        var i = start
        while true {
            switch byte(at: i) {
            case .newline, .end:
                return nil
            case .colon where isBlank(i + 1):
                // libyaml accepts a key of at most 1,024 characters; `key :` keeps a space we decline.
                guard byte(at: i - 1) != .space, i - start <= Self.longestKey else { return nil }
                return i
            case .hash where byte(at: i - 1) == .space:
                return nil
            default:
                i += 1
            }
        }
    }

    /// Longest key read here; libyaml's limit for a key on one line is 1,024 characters.
    private static let longestKey = 1_000

    /// A character that may start a plain scalar: letters, digits, characters outside ASCII and a
    /// few safe signs, or `-` before a letter or digit (a negative number, not an item).
    private func isPlainStart(_ at: Int, inFlow: Bool) -> Bool {
        let c = byte(at: at)
        // Letters and digits, or the first byte of a character outside ASCII.
        if Self.isAlphanumeric(c) || c >= 0xC2 { return true }
        switch c {
        case .period, .slash, .underscore, .tilde, .openParen, .plus: return true
        case .dash: return Self.isAlphanumeric(byte(at: at + 1)) || (!inFlow && byte(at: at + 1) == .period)
        default: return false
        }
    }

    private static func isAlphanumeric(_ c: UInt8) -> Bool {
        (c >= UInt8(ascii: "a") && c <= UInt8(ascii: "z")) || (c >= UInt8(ascii: "A") && c <= UInt8(ascii: "Z"))
            || (c >= UInt8(ascii: "0") && c <= UInt8(ascii: "9"))
    }

    private static func isFlowPlainByte(_ c: UInt8) -> Bool {
        if isAlphanumeric(c) || c >= 0x80 { return true }
        switch c {
        case .dash, .period, .slash, .underscore, .tilde, .openParen, .closeParen, .plus, .at, .equals: return true
        default: return false
        }
    }

    // MARK: Building

    private mutating func openBlock(_ kind: BlockKind, column: Int, into builder: inout TreeBuilder) throws(Declined) {
        guard !builder.isAtDepthLimit else { throw Declined() }
        builder.openContainer(kind == .mapping ? .mapping : .sequence, anchorName: nil,
                              line: builderLine, column: Int32(truncatingIfNeeded: column + 1))
        let indent = kind == .indentlessSequence ? blocks[blocks.count - 1].indent : column
        blocks.append(Block(kind: kind, indent: indent, pendingValue: nil))
    }

    private mutating func closeBlock(into builder: inout TreeBuilder) {
        guard let block = blocks.popLast() else { return }
        if let pending = block.pendingValue { addEmptyScalar(at: pending, into: &builder) }
        builder.closeContainer()
    }

    /// Opens the flow collection whose bracket is at `position`; true when it is empty and so
    /// closed again at once.
    private mutating func openFlow(_ kind: YAMLNode.Kind, closing: UInt8, into builder: inout TreeBuilder) throws(Declined) -> Bool {
        guard !builder.isAtDepthLimit else { throw Declined() }
        builder.openContainer(kind, anchorName: nil, line: builderLine,
                              column: Int32(truncatingIfNeeded: column(of: position) + 1))
        position += 1
        skipSpaces()
        guard byte(at: position) == closing else { return false }
        position += 1
        builder.closeContainer()
        return true
    }

    private func addEmptyScalar(at mark: (line: Int32, column: Int32), into builder: inout TreeBuilder) {
        builder.addScalar(UnsafeBufferPointer(start: bytes, count: 0), type: .null, quoted: false,
                          line: mark.line, column: mark.column)
    }

    /// Adds the scalar `bytes[start..<end]`, marked at `column` (default: where it starts).
    private mutating func addScalar(from start: Int, to end: Int, quoted: Bool, column: Int? = nil,
                                    into builder: inout TreeBuilder) throws(Declined) {
        guard end - start <= YAMLParser.maxScalarBytes else { throw Declined() }
        let text = UnsafeBufferPointer(start: bytes + start, count: end - start)
        builder.addScalar(text, type: quoted ? .string : ScalarResolver.resolve(text), quoted: quoted,
                          line: builderLine, column: Int32(truncatingIfNeeded: (column ?? self.column(of: start)) + 1))
    }

    // MARK: Bytes

    /// The 0-based column of `at` on the current line, in characters.
    private mutating func column(of at: Int) -> Int {
        guard hasNonASCII else { return at - lineStart }
        // Marks are asked for from left to right, so each line is counted once.
        var (from, column) = counted.position >= lineStart && counted.position <= at ? counted : (lineStart, 0)
        while from < at {
            if bytes[from] & 0xC0 != 0x80 { column += 1 }
            from += 1
        }
        counted = (at, column)
        return column
    }

    /// The current line as the whole file counts it.
    private var builderLine: Int32 { line &+ lineOffset }

    /// The byte at `at`, or `.end` outside the input (the input holds no zero bytes).
    @inline(__always)
    private func byte(at: Int) -> UInt8 { at >= 0 && at < count ? bytes[at] : .end }

    private func isBlank(_ at: Int) -> Bool {
        let c = byte(at: at)
        return c == .space || c == .newline || c == .end
    }

    /// A block list item starts at `at`, as the split parse decides it too.
    private func isItemStart(_ at: Int) -> Bool {
        at >= 0 && at < count && SplitParser.isItemStart(UnsafeBufferPointer(start: bytes, count: count), at)
    }

    /// `---` or `...` at the start of a line, followed by a blank.
    private func startsDocumentMarker() -> Bool {
        let c = byte(at: position)
        guard c == .dash || c == .period else { return false }
        return byte(at: position + 1) == c && byte(at: position + 2) == c && isBlank(position + 3)
    }

    private mutating func skipSpaces() {
        while byte(at: position) == .space { position += 1 }
    }

    /// Spaces, then an optional comment (after a space), then the line's end.
    private mutating func expectLineEnd() throws(Declined) {
        let before = position
        skipSpaces()
        switch byte(at: position) {
        case .newline, .end: return
        case .hash where position > before || byte(at: position - 1) == .space: skipRestOfLine()
        default: throw Declined()
        }
    }

    /// Moves to the line break (or the end) of the current line.
    private mutating func skipRestOfLine() {
        guard position < count else { return }
        if let hit = memchr(bytes + position, Int32(UInt8.newline), count - position) {
            position = bytes.distance(to: hit.assumingMemoryBound(to: UInt8.self))
        } else {
            position = count
        }
    }

    /// Past the line break at `position`, if any.
    private mutating func nextLine() {
        if position < count {
            position += 1
            line += 1
        }
    }
}

private extension UInt8 {
    static let end: UInt8 = 0
    static let newline = UInt8(ascii: "\n")
    static let space = UInt8(ascii: " ")
    static let hash = UInt8(ascii: "#")
    static let dash = UInt8(ascii: "-")
    static let colon = UInt8(ascii: ":")
    static let comma = UInt8(ascii: ",")
    static let period = UInt8(ascii: ".")
    static let slash = UInt8(ascii: "/")
    static let backslash = UInt8(ascii: "\\")
    static let underscore = UInt8(ascii: "_")
    static let tilde = UInt8(ascii: "~")
    static let plus = UInt8(ascii: "+")
    static let at = UInt8(ascii: "@")
    static let equals = UInt8(ascii: "=")
    static let openParen = UInt8(ascii: "(")
    static let closeParen = UInt8(ascii: ")")
    static let openBracket = UInt8(ascii: "[")
    static let closeBracket = UInt8(ascii: "]")
    static let openBrace = UInt8(ascii: "{")
    static let closeBrace = UInt8(ascii: "}")
    static let doubleQuote = UInt8(ascii: "\"")
    static let pipe = UInt8(ascii: "|")
    static let greaterThan = UInt8(ascii: ">")
    static let singleQuote = UInt8(ascii: "'")
}
