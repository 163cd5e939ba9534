import Foundation
import SchouwConcurrency

/// Parses a large document in parts on two cores and joins the parts into the document one parse
/// of the whole would give, node for node, with the same lines and columns.
///
/// libyaml reads one byte after another, so a city-wide inventory keeps one core busy while the
/// other waits. Most of such a file is one long top-level block list (`flows:`, `systems:`), and a
/// line that starts an item of that list at its indentation can only be read one way: it ends
/// whatever the previous item held (a nested block, a plain or block scalar is more indented) and
/// starts the next item. Cutting there gives three parts:
///
/// - **head**: from the start to the cut, ending inside the list;
/// - **middle**: the rest of the list's items, parsed as a list of their own;
/// - **tail**: the top-level keys after the list, parsed as a mapping of their own.
///
/// One core parses the head and the tail, the other the middle; the middle's items are appended to
/// the list and the tail's entries to the top-level mapping.
///
/// Only a cut that cannot change the meaning is kept. Whenever a part fails to parse (the cut fell
/// in a quoted scalar or a bracketed list, or the file has a syntax error), uses anchors or aliases
/// (they may cross parts and count against one limit), has document markers or directives past the
/// head, or has
/// a root of another shape than expected, `parse` returns nil and the caller parses the whole file
/// as one, which also reports every error exactly as before. Files with line breaks other than
/// `\n` are never split, so line numbers are counted the way libyaml counts them.
enum SplitParser {
    /// The byte ranges of the parts and the number of lines before the middle and the tail.
    struct Plan: Equatable {
        var head: Range<Int>
        var middle: Range<Int>
        var tail: Range<Int>
        var middleLine: Int
        var tailLine: Int
    }

    static func parse(_ bytes: [UInt8], path: String) -> YAMLDocument? {
        guard ProcessInfo.processInfo.activeProcessorCount > 1 else { return nil }
        return bytes.withUnsafeBufferPointer { input -> YAMLDocument? in
            guard let plan = plan(input) else { return nil }
            return parse(input, plan: plan, path: path)
        }
    }

    /// Parses the parts of `plan` on two cores and joins them; nil when the result could differ
    /// from a parse of the whole.
    static func parse(_ input: UnsafeBufferPointer<UInt8>, plan: Plan, path: String) -> YAMLDocument? {
        let ((head, tail), middle) = concurrently({
            // Only the head may open the document with `---` or a directive.
            (build(input, plan.head, path: path, line: 0, depth: 0, mayStartExplicitly: true),
             plan.tail.isEmpty ? nil : build(input, plan.tail, path: path, line: plan.tailLine, depth: 0))
        }, {
            // The middle's list sits in the top-level mapping, one level down.
            build(input, plan.middle, path: path, line: plan.middleLine, depth: 1)
        })
        guard let head, let middle else { return nil }
        if !plan.tail.isEmpty && tail == nil { return nil }
        return join(head: head, middle: middle, tail: tail, path: path)
    }

    /// A part's tree, or nil when the part cannot stand for its place in the whole.
    private static func build(_ input: UnsafeBufferPointer<UInt8>, _ range: Range<Int>, path: String,
                              line: Int, depth: Int, mayStartExplicitly: Bool = false) -> TreeBuilder? {
        var builder = TreeBuilder(path: path, inputSize: range.count, lineOffset: Int32(line), depthOffset: depth)
        builder.run(input: UnsafeBufferPointer(rebasing: input[range]))
        guard !builder.failed, !builder.usedAnchors, !builder.explicitDocumentEnd, builder.documents == 1,
              mayStartExplicitly || !builder.explicitDocumentStart,
              builder.rootIndex >= 0 else { return nil }
        return builder
    }

    // MARK: Planning

    /// Where to cut `input`, or nil when it has no long top-level block list to cut or its line
    /// breaks are not all `\n`.
    ///
    /// The cut is placed so that the middle is about as long as head and tail together.
    static func plan(_ input: UnsafeBufferPointer<UInt8>) -> Plan? {
        guard let base = input.baseAddress, input.count > 0, !hasOtherLineBreaks(input) else { return nil }
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
        for (k, section) in sections.enumerated() {
            let end = k + 1 < sections.count ? sections[k + 1].start : count
            let endLine = k + 1 < sections.count ? sections[k + 1].line : line
            // Middle = [cut, end) about as long as head [0, cut) and tail [end, count) together.
            let target = end - count / 2
            guard target > section.start, let list = listIndentation(input, after: section.start, before: end),
                  target > list.firstItem,
                  let cut = nextItem(input, from: target, indentation: list.indentation, before: end) else { continue }
            return Plan(head: 0..<cut, middle: cut..<end, tail: end..<count,
                        middleLine: section.line + linesBetween(input, section.start, cut), tailLine: endLine)
        }
        return nil
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

    static func linesBetween(_ input: UnsafeBufferPointer<UInt8>, _ from: Int, _ to: Int) -> Int {
        guard let base = input.baseAddress else { return 0 }
        var lines = 0, position = from
        while position < to, let newline = memchr(base + position, Int32(UInt8(ascii: "\n")), to - position) {
            lines += 1
            position = base.distance(to: newline.assumingMemoryBound(to: UInt8.self)) + 1
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

    /// One arena: the head's nodes, then the middle's and the tail's with their offsets moved; the
    /// list gets the middle's items after its own, the top-level mapping the tail's entries.
    ///
    /// The arena is allocated once and the parts are copied into it on two cores (the head and the
    /// tail on one, the middle on the other): a city-wide descriptor has millions of nodes, and
    /// copying them one after the other was the longest single-core stretch of the parse.
    private static func join(head: TreeBuilder, middle: TreeBuilder, tail: TreeBuilder?, path: String) -> YAMLDocument? {
        let root = Int(head.rootIndex)
        guard head.records[root].kind == .mapping, head.records[root].count > 0 else { return nil }
        let rootStart = Int(head.records[root].start), rootCount = Int(head.records[root].count)
        let list = Int(head.children[rootStart + 2 * rootCount - 1])
        let middleRoot = Int(middle.rootIndex)
        guard head.records[list].kind == .sequence, middle.records[middleRoot].kind == .sequence else { return nil }
        if let tail, tail.records[Int(tail.rootIndex)].kind != .mapping { return nil }

        // Where each part starts in the arena.
        let parts = [head, middle] + (tail.map { [$0] } ?? [])
        var recordBases: [Int] = [], childBases: [Int] = [], byteBases: [Int] = []
        var recordCount = 0, childCount = 0, byteCount = 0
        for part in parts {
            recordBases.append(recordCount); childBases.append(childCount); byteBases.append(byteCount)
            recordCount += part.records.count; childCount += part.children.count; byteCount += part.scalarBytes.count
        }
        // Room for the two extended children ranges, so extending never moves the arena.
        let tailEntries = tail.map { Int($0.records[Int($0.rootIndex)].count) } ?? 0
        let extension_ = Int(head.records[list].count) + Int(middle.records[middleRoot].count)
            + 2 * (rootCount + tailEntries)
        // Each array is made at its full size without first being filled; every element is then
        // written once, by the core copying its part.
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
        var records: [NodeRecord] = [], children: [Int32] = [], scalarBytes: [UInt8] = []
        var copied = false
        records = Array(unsafeUninitializedCapacity: recordCount) { recordBuffer, recordsDone in
            children = Array(unsafeUninitializedCapacity: childCount + extension_) { childBuffer, childrenDone in
                scalarBytes = Array(unsafeUninitializedCapacity: byteCount) { byteBuffer, bytesDone in
                    // Without storage (an empty part) nothing is claimed, and the file is parsed whole.
                    guard let r = recordBuffer.baseAddress, let c = childBuffer.baseAddress,
                          let b = byteBuffer.baseAddress else { return }
                    _ = concurrently({ copy(0, into: r, c, b); if parts.count > 2 { copy(2, into: r, c, b) } },
                                     { copy(1, into: r, c, b) })
                    copied = true
                    bytesDone = byteCount
                }
                if copied { childrenDone = childCount }
            }
            if copied { recordsDone = recordCount }
        }
        guard copied else { return nil }

        /// Gives `container` a new children range: its own children, then those of `other`.
        func extend(_ container: Int, with other: Int) {
            let width = records[container].kind == .mapping ? 2 : 1
            let own = Int(records[container].start)..<Int(records[container].start) + width * Int(records[container].count)
            let added = records[other]
            let more = Int(added.start)..<Int(added.start) + width * Int(added.count)
            let start = children.count
            children.append(contentsOf: children[own])
            children.append(contentsOf: children[more])
            records[container].start = Int32(start)
            records[container].count += added.count
        }
        extend(list, with: recordBases[1] + middleRoot)
        if let tail { extend(root, with: recordBases[2] + Int(tail.rootIndex)) }
        return YAMLDocument(path: path, records: records, children: children, scalarBytes: scalarBytes,
                            rootIndex: head.rootIndex)
    }
}
