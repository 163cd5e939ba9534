import Foundation
import SchouwConcurrency

/// Parses a large document in pieces on every core and joins the pieces into the document one
/// parse of the whole would give, node for node, with the same lines and columns.
///
/// libyaml reads one byte after another, so a city-wide inventory keeps one core busy while the
/// other waits. Most of such a file is a few long top-level block lists (`systems:`, `flows:`), and
/// a line that starts an item of such a list at its indentation can only be read one way: it ends
/// whatever the previous item held (a nested block, a plain or block scalar is more indented) and
/// starts the next item. Cutting there, and where the top-level key after a cut list starts, gives
/// two kinds of piece:
///
/// - **mapping pieces**: the start of the file, or a run of top-level keys after a cut list; each
///   parsed as a mapping of its own, whose entries join the top-level mapping;
/// - **item pieces**: a run of items of one list, parsed as a list of their own, whose items join
///   that list (the value of the last key of the mapping piece before them).
///
/// The pieces are about equally long and several per core, and the cores take them one after the
/// other as they finish: two halves fixed in advance left one core idle for up to a third of the
/// parse when its half read slower (nested mappings cost more per byte than short scalars), or when
/// the rules were still being read on that core.
///
/// Only cuts that cannot change the meaning are kept. Whenever a piece fails to parse (a cut fell
/// in a quoted scalar or a bracketed list, or the file has a syntax error), uses anchors or aliases
/// (they may cross pieces and count against one limit), has document markers or directives after
/// the first piece, or has a root of another shape than expected, `parse` returns nil and the
/// caller parses the whole file as one, which also reports every error exactly as before. Files
/// with line breaks other than `\n` are never split, so line numbers are counted the way libyaml
/// counts them.
enum SplitParser {
    /// Where the pieces start and end, and what each is.
    struct Plan: Equatable {
        struct Piece: Equatable {
            var range: Range<Int>
            /// Lines before the piece.
            var line: Int
            /// Items of the list opened by the last mapping piece before it; otherwise top-level keys.
            var isItems: Bool
        }
        var pieces: [Piece]
    }

    /// Pieces per core: enough that the last one to finish leaves the other cores idle only briefly.
    static let piecesPerCore = 8

    static func parse(_ bytes: [UInt8], path: String) -> YAMLDocument? {
        let cores = availableCores
        guard cores > 1 else { return nil }
        return bytes.withUnsafeBufferPointer { input -> YAMLDocument? in
            // Two passes over the whole file, side by side: each reads megabytes.
            let (otherLineBreaks, cuts) = concurrently({ hasOtherLineBreaks(input) },
                                                       { plan(input, pieces: piecesPerCore * cores, lineBreaksChecked: true) })
            guard !otherLineBreaks, let plan = cuts else { return nil }
            return parse(input, plan: plan, path: path)
        }
    }

    /// Parses the pieces of `plan` on every core and joins them; nil when the result could differ
    /// from a parse of the whole.
    static func parse(_ input: UnsafeBufferPointer<UInt8>, plan: Plan, path: String) -> YAMLDocument? {
        let pieces = plan.pieces
        guard pieces.count > 1, pieces[0].range.lowerBound == 0, !pieces[0].isItems else { return nil }
        let builders = parallelMap(each: pieces.count) { k -> TreeBuilder? in
            let piece = pieces[k]
            // Only the first piece may open the document with `---` or a directive; a list's items
            // sit in the top-level mapping, one level down.
            guard let builder = build(input, piece.range, path: path, line: piece.line, depth: piece.isItems ? 1 : 0,
                                      mayStartExplicitly: k == 0) else { return nil }
            let expected: YAMLNode.Kind = piece.isItems ? .sequence : .mapping
            return builder.records[Int(builder.rootIndex)].kind == expected ? builder : nil
        }
        var parts: [TreeBuilder] = []
        for builder in builders {
            guard let builder else { return nil }
            parts.append(builder)
        }
        return join(parts, pieces: pieces, path: path)
    }

    /// A piece's tree, or nil when the piece cannot stand for its place in the whole.
    private static func build(_ input: UnsafeBufferPointer<UInt8>, _ range: Range<Int>, path: String,
                              line: Int, depth: Int, mayStartExplicitly: Bool) -> TreeBuilder? {
        var builder = TreeBuilder(path: path, inputSize: range.count, lineOffset: Int32(line), depthOffset: depth)
        builder.run(input: UnsafeBufferPointer(rebasing: input[range]))
        guard !builder.failed, !builder.usedAnchors, !builder.explicitDocumentEnd, builder.documents == 1,
              mayStartExplicitly || !builder.explicitDocumentStart,
              builder.rootIndex >= 0 else { return nil }
        return builder
    }

    // MARK: Planning

    /// Where to cut `input` into about `pieces` pieces of equal length, or nil when it has no long
    /// top-level block list to cut or its line breaks are not all `\n` (`lineBreaksChecked`: the
    /// caller checks that apart).
    static func plan(_ input: UnsafeBufferPointer<UInt8>, pieces: Int, lineBreaksChecked: Bool = false) -> Plan? {
        guard let base = input.baseAddress, input.count > 0, pieces > 1,
              lineBreaksChecked || !hasOtherLineBreaks(input) else { return nil }
        let count = input.count
        // Top-level keys (lines starting with a character other than a space, `#` or `-`) divide
        // the file into sections; note where each starts and on which line.
        var sections: [(start: Int, line: Int)] = []
        var lineStart = 0, line = 0
        while lineStart < count {
            let first = input[lineStart]
            if first != UInt8(ascii: " ") && first != UInt8(ascii: "#") && first != UInt8(ascii: "-")
                && first != UInt8(ascii: "\n") {
                sections.append((lineStart, line))
            }
            guard let newline = memchr(base + lineStart, Int32(UInt8(ascii: "\n")), count - lineStart) else { break }
            lineStart = base.distance(to: newline.assumingMemoryBound(to: UInt8.self)) + 1
            line += 1
        }
        // Lines are counted from one known position to the next, so planning stays one pass.
        var counted = (position: 0, line: 0)
        func lineAt(_ position: Int) -> Int {
            counted = (position, counted.line + linesBetween(input, counted.position, position))
            return counted.line
        }
        var result: [Plan.Piece] = []
        var pieceStart = 0, pieceLine = 0, pieceIsItems = false
        func close(at end: Int) {
            result.append(Plan.Piece(range: pieceStart..<end, line: pieceLine, isItems: pieceIsItems))
        }
        // Each piece ends at the first place to cut once it is `length` long.
        let length = max(1, count / pieces)
        var target = length
        for (k, section) in sections.enumerated() {
            let end = k + 1 < sections.count ? sections[k + 1].start : count
            guard target < end, let list = listIndentation(input, after: section.start, before: end) else { continue }
            var cutHere = false
            while target < end,
                  let cut = nextItem(input, from: max(target, list.firstItem + 1), indentation: list.indentation, before: end) {
                close(at: cut)
                pieceStart = cut; pieceLine = lineAt(cut); pieceIsItems = true
                cutHere = true
                target = cut + length
            }
            // The keys after a cut list start a mapping piece of their own.
            if cutHere && end < count {
                close(at: end)
                pieceStart = end; pieceLine = lineAt(end); pieceIsItems = false
            }
        }
        guard !result.isEmpty else { return nil }
        close(at: count)
        return Plan(pieces: result)
    }

    /// The indentation of the items of the block list that is the value of the key on the line at
    /// `keyLine`, and where its first item starts; nil when the value is not such a list.
    static func listIndentation(_ input: UnsafeBufferPointer<UInt8>, after keyLine: Int, before end: Int)
        -> (indentation: Int, firstItem: Int)? {
        var position = keyLine
        // Skip the key line itself.
        while position < end && input[position] != UInt8(ascii: "\n") { position += 1 }
        position += 1
        while position < end {
            var column = 0
            while position + column < end && input[position + column] == UInt8(ascii: " ") { column += 1 }
            let at = position + column
            guard at < end else { return nil }
            let c = input[at]
            if c == UInt8(ascii: "\n") || c == UInt8(ascii: "#") {
                // Blank or comment line: look at the next one.
                while position < end && input[position] != UInt8(ascii: "\n") { position += 1 }
                position += 1
                continue
            }
            return isItemStart(input, at) ? (column, position) : nil
        }
        return nil
    }

    /// The first line at or after `from` that starts an item at `indentation`, before `end`.
    static func nextItem(_ input: UnsafeBufferPointer<UInt8>, from: Int, indentation: Int, before end: Int) -> Int? {
        var position = from
        // Move to the start of the next line unless already at one.
        if position > 0 && input[position - 1] != UInt8(ascii: "\n") {
            while position < end && input[position] != UInt8(ascii: "\n") { position += 1 }
            position += 1
        }
        while position < end {
            var column = 0
            while column < indentation && position + column < end && input[position + column] == UInt8(ascii: " ") {
                column += 1
            }
            if column == indentation && position + column < end && isItemStart(input, position + column) {
                return position
            }
            while position < end && input[position] != UInt8(ascii: "\n") { position += 1 }
            position += 1
        }
        return nil
    }

    /// `-` followed by a space, a line break or the end: a block list item (not `---` or `-1`).
    static func isItemStart(_ input: UnsafeBufferPointer<UInt8>, _ at: Int) -> Bool {
        guard input[at] == UInt8(ascii: "-") else { return false }
        return at + 1 == input.count || input[at + 1] == UInt8(ascii: " ") || input[at + 1] == UInt8(ascii: "\n")
    }

    ///
    /// Counted eight bytes at a time: the cuts of a city-wide file lie megabytes apart, and finding
    /// each of their half a million line breaks with a call of its own kept the core planning the
    /// pieces busy for milliseconds while the other waited.
    static func linesBetween(_ input: UnsafeBufferPointer<UInt8>, _ from: Int, _ to: Int) -> Int {
        guard let base = input.baseAddress, from < to else { return 0 }
        let newline = UInt8(ascii: "\n")
        var lines = 0, position = from
        let ones: UInt64 = 0x0101_0101_0101_0101, highs: UInt64 = 0x8080_8080_8080_8080
        let pattern = ones &* UInt64(newline)
        while position + 8 <= to {
            let word = UnsafeRawPointer(base + position).loadUnaligned(as: UInt64.self) ^ pattern
            // A byte of `word` is zero exactly where the input had a line break; this sets the high
            // bit of each such byte and of no other (no borrow crosses bytes, unlike `x - ones`).
            let zeroBytes = ~(((word & ~highs) &+ ~highs) | word) & highs
            lines += zeroBytes.nonzeroBitCount
            position += 8
        }
        while position < to {
            if base[position] == newline { lines += 1 }
            position += 1
        }
        return lines
    }

    /// Carriage returns and the Unicode line breaks libyaml also counts (NEL, LS, PS).
    static func hasOtherLineBreaks(_ input: UnsafeBufferPointer<UInt8>) -> Bool {
        guard let base = input.baseAddress else { return false }
        if memchr(base, 0x0D, input.count) != nil { return true }
        for lead: UInt8 in [0xC2, 0xE2] {
            var offset = 0
            while offset < input.count, let hit = memchr(base + offset, Int32(lead), input.count - offset) {
                let at = base.distance(to: hit.assumingMemoryBound(to: UInt8.self))
                if lead == 0xC2, at + 1 < input.count, input[at + 1] == 0x85 { return true }
                if lead == 0xE2, at + 2 < input.count, input[at + 1] == 0x80,
                   input[at + 2] == 0xA8 || input[at + 2] == 0xA9 { return true }
                offset = at + 1
            }
        }
        return false
    }

    // MARK: Joining

    /// One arena: the pieces' nodes one after the other, with their offsets moved; the top-level
    /// mapping gets the entries of every mapping piece, and each cut list the items of the item
    /// pieces after it.
    ///
    /// The arena is allocated once and the pieces are copied into it on every core: a city-wide
    /// descriptor has millions of nodes, and copying them one after the other was the longest
    /// single-core stretch of the parse.
    private static func join(_ parts: [TreeBuilder], pieces: [Plan.Piece], path: String) -> YAMLDocument? {
        // Where each piece starts in the arena.
        var recordBases: [Int] = [], childBases: [Int] = [], byteBases: [Int] = []
        var recordCount = 0, childCount = 0, byteCount = 0
        for part in parts {
            recordBases.append(recordCount); childBases.append(childCount); byteBases.append(byteCount)
            recordCount += part.records.count; childCount += part.children.count; byteCount += part.scalarBytes.count
        }
        // What joins what, as indices into the arena: the roots of the mapping pieces make the
        // top-level mapping; a cut list (the value of the last key of the mapping piece before its
        // items) is followed by the roots of its item pieces.
        var mappings: [Int] = [], lists: [[Int]] = []
        var joinedChildren = 0
        for (k, piece) in pieces.enumerated() {
            let part = parts[k]
            let root = part.records[Int(part.rootIndex)]
            joinedChildren += (piece.isItems ? 1 : 2) * Int(root.count)
            guard piece.isItems else {
                mappings.append(recordBases[k] + Int(part.rootIndex))
                continue
            }
            if pieces[k - 1].isItems {
                lists[lists.count - 1].append(recordBases[k] + Int(part.rootIndex))
                continue
            }
            let before = parts[k - 1], beforeRoot = before.records[Int(before.rootIndex)]
            guard beforeRoot.count > 0 else { return nil }
            let list = Int(before.children[Int(beforeRoot.start) + 2 * Int(beforeRoot.count) - 1])
            guard before.records[list].kind == .sequence else { return nil }
            joinedChildren += Int(before.records[list].count)
            lists.append([recordBases[k - 1] + list, recordBases[k] + Int(part.rootIndex)])
        }
        // Each array is made at its full size without first being filled (with room for the joined
        // children ranges, so joining never moves the arena); every element is then written once,
        // by the core copying its piece.
        func copy(_ k: Int, into records: UnsafeMutablePointer<NodeRecord>, _ children: UnsafeMutablePointer<Int32>,
                  _ bytes: UnsafeMutablePointer<UInt8>) {
            let part = parts[k]
            let childBase = Int32(childBases[k]), byteBase = Int32(byteBases[k]), recordBase = Int32(recordBases[k])
            for (i, var record) in part.records.enumerated() {
                record.start += record.kind == .scalar ? byteBase : childBase
                (records + recordBases[k] + i).initialize(to: record)
            }
            for (i, child) in part.children.enumerated() { (children + childBases[k] + i).initialize(to: child + recordBase) }
            part.scalarBytes.withUnsafeBufferPointer { source in
                guard let from = source.baseAddress else { return }
                (bytes + byteBases[k]).initialize(from: from, count: source.count)
            }
        }
        /// Gives `members[0]` a new children range at `next`: its own children, then those of the
        /// others. Written into the arena's spare room: appending a slice of an array to itself
        /// would copy the whole array first.
        func gather(_ members: [Int], into records: UnsafeMutablePointer<NodeRecord>,
                    _ children: UnsafeMutablePointer<Int32>, at next: inout Int) {
            let container = members[0]
            let width = records[container].kind == .mapping ? 2 : 1
            let start = next
            var count: Int32 = 0
            for member in members {
                let from = Int(records[member].start), length = width * Int(records[member].count)
                (children + next).initialize(from: children + from, count: length)
                next += length
                count += records[member].count
            }
            records[container].start = Int32(start)
            records[container].count = count
        }
        var records: [NodeRecord] = [], children: [Int32] = [], scalarBytes: [UInt8] = []
        var copied = false
        records = Array(unsafeUninitializedCapacity: recordCount) { recordBuffer, recordsDone in
            children = Array(unsafeUninitializedCapacity: childCount + joinedChildren) { childBuffer, childrenDone in
                scalarBytes = Array(unsafeUninitializedCapacity: byteCount) { byteBuffer, bytesDone in
                    // Without storage (an empty piece) nothing is claimed, and the file is parsed whole.
                    guard let r = recordBuffer.baseAddress, let c = childBuffer.baseAddress,
                          let b = byteBuffer.baseAddress else { return }
                    _ = parallelMap(each: parts.count) { k in copy(k, into: r, c, b) }
                    copied = true
                    bytesDone = byteCount
                }
                guard copied, let r = recordBuffer.baseAddress, let c = childBuffer.baseAddress else { return }
                var next = childCount
                for list in lists { gather(list, into: r, c, at: &next) }
                gather(mappings, into: r, c, at: &next)
                childrenDone = next
            }
            if copied { recordsDone = recordCount }
        }
        guard copied else { return nil }
        return YAMLDocument(path: path, records: records, children: children, scalarBytes: scalarBytes,
                            rootIndex: parts[0].rootIndex)
    }
}
