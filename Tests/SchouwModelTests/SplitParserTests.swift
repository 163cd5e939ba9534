import Testing
@testable import SchouwModel

/// A document parsed in parts must be the document parsed whole: same nodes, same values, same
/// lines and columns; and every layout that could read differently in parts falls back.
@Suite struct SplitParserTests {
    /// Every node in document order: kind, scalar type, quoting, position and text.
    private func dump(_ node: YAMLNode, into lines: inout [String]) {
        lines.append("\(node.kind) \(node.scalarType) \(node.isQuoted) \(node.line):\(node.column) \(node.scalar ?? "")")
        switch node.kind {
        case .scalar: break
        case .sequence: for item in node.items { dump(item, into: &lines) }
        case .mapping:
            for entry in node.entries {
                dump(entry.key, into: &lines)
                dump(entry.value, into: &lines)
            }
        }
    }

    private func dump(_ document: YAMLDocument?) -> [String] {
        var lines: [String] = []
        if let root = document?.root { dump(root, into: &lines) }
        return lines
    }

    private func whole(_ text: String) -> YAMLDocument? {
        var builder = TreeBuilder(path: "t.yaml", inputSize: text.utf8.count)
        Array(text.utf8).withUnsafeBufferPointer { builder.run(input: $0) }
        return builder.finish().0
    }

    /// The plan and the parse in pieces, or nil when either refuses.
    private func split(_ text: String, pieces: Int = 2) -> (SplitParser.Plan, YAMLDocument)? {
        Array(text.utf8).withUnsafeBufferPointer { input in
            guard let plan = SplitParser.plan(input, pieces: pieces),
                  let document = SplitParser.parse(input, plan: plan, path: "t.yaml") else { return nil }
            return (plan, document)
        }
    }

    /// A descriptor-like file: a few top-level keys, a long list of nested items with comments,
    /// block and quoted scalars, nested lists, and keys after the list.
    private func inventory(items: Int, dashAtColumnZero: Bool = false, extra: (Int) -> String = { _ in "" }) -> String {
        let dash = dashAtColumnZero ? "- " : "  - "
        let pad = dashAtColumnZero ? "  " : "    "
        var text = "# inventory\nproject:\n  id: p1\n  name: \"Project one\"\nversion: 1\nflows:\n"
        for i in 0..<items {
            text += "\(dash)id: flow-\(i)\n"
            text += "\(pad)from: sys-\(i % 7)\n"
            text += "\(pad)encrypted: \(i % 3 == 0 ? "true" : "false")\n"
            text += "\(pad)port: \(i)\n"
            if i % 5 == 0 { text += "# a comment at the margin\n\n" }
            if i % 4 == 0 { text += "\(pad)notes: |\n\(pad)  first line \(i)\n\(pad)  - not an item\n" }
            if i % 6 == 0 { text += "\(pad)data:\n\(pad)- d\(i)\n\(pad)- 'quoted \(i)'\n" }
            if i % 9 == 0 { text += "\(pad)tags: [a, b, \"c d\"]\n" }
            text += extra(i)
        }
        text += "purposes:\n  - id: counting\n    basis: public-task\nretention: P3M\n"
        return text
    }

    /// The pieces cover the input in order, start with top-level keys, and never put items right
    /// after the end of a list.
    private func expectWellFormed(_ plan: SplitParser.Plan, length: Int) {
        #expect(plan.pieces.first?.range.lowerBound == 0)
        #expect(plan.pieces.first?.isItems == false)
        #expect(plan.pieces.last?.range.upperBound == length)
        for (a, b) in zip(plan.pieces, plan.pieces.dropFirst()) {
            #expect(a.range.upperBound == b.range.lowerBound)
            #expect(a.line < b.line)
        }
    }

    @Test(arguments: [2, 3, 7, 16])
    func piecesJoinToTheWholeDocument(pieces: Int) throws {
        let text = inventory(items: 400)
        let (plan, document) = try #require(split(text, pieces: pieces))
        expectWellFormed(plan, length: text.utf8.count)
        #expect(plan.pieces.count >= pieces)
        // The keys after the list are a mapping piece of their own.
        #expect(plan.pieces.last?.isItems == false)
        let expected = dump(whole(text))
        #expect(expected.count > 3_000)
        #expect(dump(document) == expected)
    }

    @Test func twoLongListsAreEachCut() throws {
        // Systems, then a short section, then flows: the pieces alternate between keys and items.
        let systems = (0..<300).map { "  - id: sys-\($0)\n    zone: z\($0 % 4)\n    tags: [a, b]\n" }.joined()
        let text = "project:\n  id: p\nsystems:\n" + systems + "zones:\n  - id: z0\n" + inventory(items: 300)
        let (plan, document) = try #require(split(text, pieces: 12))
        expectWellFormed(plan, length: text.utf8.count)
        let kinds = plan.pieces.map(\.isItems)
        // At least one piece of items in each list, with a mapping piece between them.
        let firstItems = try #require(kinds.firstIndex(of: true))
        let keysBetween = try #require(kinds[firstItems...].firstIndex(of: false))
        #expect(kinds[keysBetween...].contains(true))
        #expect(dump(document) == dump(whole(text)))
    }

    @Test func listItemsAtTheMarginAndNoKeysAfter() throws {
        var text = inventory(items: 300, dashAtColumnZero: true)
        text = String(text[..<(text.range(of: "purposes:")?.lowerBound ?? text.endIndex)])
        for pieces in [2, 5] {
            let (plan, document) = try #require(split(text, pieces: pieces))
            expectWellFormed(plan, length: text.utf8.count)
            #expect(plan.pieces.last?.isItems == true)
            #expect(dump(document) == dump(whole(text)))
        }
    }

    @Test func piecesAreBalanced() throws {
        let text = inventory(items: 2_000)
        let length = text.utf8.count
        let (plan, _) = try #require(split(text, pieces: 8))
        // Only the piece of keys after the list is short; every other piece is within a few items
        // of an eighth.
        for piece in plan.pieces.dropLast() {
            #expect(abs(Double(piece.range.count) / Double(length) - 1.0 / 8) < 0.01)
        }
    }

    @Test func aQuotedScalarAcrossTheCutFallsBack() {
        // Every item holds a quoted scalar of many lines that sit where an item could start, so
        // every cut falls inside one.
        let fake = String(repeating: "  - still quoted\n", count: 60)
        let text = inventory(items: 200) { i in "    quote: \"line \(i)\n\(fake)  end\"\n" }
        #expect(whole(text) != nil)
        for pieces in [2, 3, 6] {
            #expect(Array(text.utf8).withUnsafeBufferPointer { SplitParser.plan($0, pieces: pieces) } != nil)
            #expect(split(text, pieces: pieces) == nil)
        }
    }

    @Test func everyPlanEitherFallsBackOrGivesTheWholeDocument() {
        // Quoted scalars whose lines look like items, among real items: wherever the cuts fall,
        // the pieces give the whole document or nothing.
        let text = inventory(items: 300) { i in i % 20 == 0 ? "    quote: \"line \(i)\n  - still quoted\"\n" : "" }
        let expected = dump(whole(text))
        var joined = 0
        for pieces in 2...24 {
            guard let (_, document) = split(text, pieces: pieces) else { continue }
            joined += 1
            #expect(dump(document) == expected, "\(pieces) pieces")
        }
        // Both outcomes occur among these plans.
        #expect(joined > 0 && joined < 23)
    }

    @Test func anchorsAndAliasesFallBack() {
        let text = inventory(items: 200) { i in i == 150 ? "    ref: &x {a: 1}\n    again: *x\n" : "" }
        #expect(whole(text) != nil)
        #expect(split(text) == nil)
        #expect(split(text, pieces: 6) == nil)
    }

    @Test func documentMarkersAfterTheHeadFallBack() {
        let text = "---\n" + inventory(items: 200) + "...\n"
        #expect(split(text) == nil)
        #expect(split(text, pieces: 5) == nil)
        let withStart = "---\n" + inventory(items: 200)
        #expect(split(withStart).map { dump($0.1) } == dump(whole(withStart)))
        #expect(split(withStart, pieces: 5).map { dump($0.1) } == dump(whole(withStart)))
        // A second document's marker inside a later piece.
        let twoDocuments = inventory(items: 200) + "---\nother: 1\n"
        #expect(split(twoDocuments, pieces: 5) == nil)
    }

    @Test func otherLineBreaksAreNeverSplit() {
        let text = inventory(items: 200)
        #expect(Array(text.utf8).withUnsafeBufferPointer { SplitParser.plan($0, pieces: 2) } != nil)
        let crlf = text.replacingOccurrences(of: "\n", with: "\r\n")
        #expect(Array(crlf.utf8).withUnsafeBufferPointer { SplitParser.plan($0, pieces: 2) } == nil)
        let nel = text + "note: \"a\u{85}b\"\n"
        #expect(Array(nel.utf8).withUnsafeBufferPointer { SplitParser.plan($0, pieces: 2) } == nil)
        let separator = text + "note: \"a\u{2028}b\"\n"
        #expect(Array(separator.utf8).withUnsafeBufferPointer { SplitParser.plan($0, pieces: 2) } == nil)
    }

    @Test func noLongListNoPlan() {
        var text = "project:\n  id: p\n"
        for i in 0..<500 { text += "key\(i): \(i)\n" }
        #expect(Array(text.utf8).withUnsafeBufferPointer { SplitParser.plan($0, pieces: 2) } == nil)
    }

    @Test func errorsInAPartAreReportedAsByTheWholeParse() {
        // A large file (above the threshold for parts) with a syntax error late in the long list.
        var text = inventory(items: 14_000)
        #expect(text.utf8.count > YAMLParser.splitThreshold)
        let good = YAMLParser.parse(text: text, path: "t.yaml")
        #expect(good.1.isEmpty)
        #expect(dump(good.0) == dump(whole(text)))
        text = text.replacingOccurrences(of: "    port: 13000\n", with: "    port: [13000\n")
        let bad = YAMLParser.parse(text: text, path: "t.yaml")
        var builder = TreeBuilder(path: "t.yaml", inputSize: text.utf8.count)
        Array(text.utf8).withUnsafeBufferPointer { builder.run(input: $0) }
        let expected = builder.finish().1
        #expect(bad.0 == nil)
        #expect(!expected.isEmpty)
        #expect(bad.1.map(\.description) == expected.map(\.description))
    }

    @Test func lineBreaksAreCountedAsOneByOneWouldCountThem() {
        // Every alignment and length around the eight-byte words, with line breaks next to bytes
        // that differ from `\n` by one bit or by the high bit.
        let alphabet: [UInt8] = [0x0A, 0x0B, 0x08, 0x8A, 0x2A, 0x61, 0x0A, 0xFF, 0x00, 0x0A]
        var generator = SystemRandomNumberGenerator()
        for length in [0, 1, 7, 8, 9, 15, 16, 17, 63, 64, 65, 200] {
            let bytes = (0..<length).map { _ in alphabet[Int.random(in: 0..<alphabet.count, using: &generator)] }
            bytes.withUnsafeBufferPointer { input in
                for from in 0...min(length, 9) {
                    for to in Set([from, min(length, from + 1), min(length, from + 8), length - min(length, 3), length]) where to >= from {
                        let expected = bytes[from..<to].filter { $0 == 0x0A }.count
                        #expect(SplitParser.linesBetween(input, from, to) == expected, "bytes \(from)..<\(to) of \(bytes)")
                    }
                }
            }
        }
    }
}
