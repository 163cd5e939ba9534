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

    /// The plan and the parse in parts, or nil when either refuses.
    private func split(_ text: String) -> (SplitParser.Plan, YAMLDocument)? {
        Array(text.utf8).withUnsafeBufferPointer { input in
            guard let plan = SplitParser.plan(input),
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

    @Test func partsJoinToTheWholeDocument() throws {
        let text = inventory(items: 400)
        let (plan, document) = try #require(split(text))
        #expect(plan.head.lowerBound == 0 && plan.head.upperBound == plan.middle.lowerBound)
        #expect(plan.middle.upperBound == plan.tail.lowerBound && plan.tail.upperBound == text.utf8.count)
        #expect(!plan.tail.isEmpty)
        let expected = dump(whole(text))
        #expect(expected.count > 3_000)
        #expect(dump(document) == expected)
    }

    @Test func listItemsAtTheMarginAndNoTail() throws {
        var text = inventory(items: 300, dashAtColumnZero: true)
        text = String(text[..<(text.range(of: "purposes:")?.lowerBound ?? text.endIndex)])
        let (plan, document) = try #require(split(text))
        #expect(plan.tail.isEmpty)
        #expect(dump(document) == dump(whole(text)))
    }

    @Test func cutIsBalanced() throws {
        let text = inventory(items: 1_000)
        let (plan, _) = try #require(split(text))
        let middle = Double(plan.middle.count), rest = Double(plan.head.count + plan.tail.count)
        #expect(abs(middle - rest) / Double(text.utf8.count) < 0.05)
    }

    @Test func aQuotedScalarAcrossTheCutFallsBack() {
        // Every item holds a quoted scalar whose second line sits where an item could start.
        let text = inventory(items: 200) { i in "    quote: \"line \(i)\n  - still quoted\"\n" }
        #expect(whole(text) != nil)
        #expect(split(text) == nil)
    }

    @Test func anchorsAndAliasesFallBack() {
        let text = inventory(items: 200) { i in i == 150 ? "    ref: &x {a: 1}\n    again: *x\n" : "" }
        #expect(whole(text) != nil)
        #expect(split(text) == nil)
    }

    @Test func documentMarkersAfterTheHeadFallBack() {
        let text = "---\n" + inventory(items: 200) + "...\n"
        #expect(split(text) == nil)
        let withStart = "---\n" + inventory(items: 200)
        #expect(split(withStart).map { dump($0.1) } == dump(whole(withStart)))
    }

    @Test func otherLineBreaksAreNeverSplit() {
        let text = inventory(items: 200)
        #expect(Array(text.utf8).withUnsafeBufferPointer { SplitParser.plan($0) } != nil)
        let crlf = text.replacingOccurrences(of: "\n", with: "\r\n")
        #expect(Array(crlf.utf8).withUnsafeBufferPointer { SplitParser.plan($0) } == nil)
        let nel = text + "note: \"a\u{85}b\"\n"
        #expect(Array(nel.utf8).withUnsafeBufferPointer { SplitParser.plan($0) } == nil)
        let separator = text + "note: \"a\u{2028}b\"\n"
        #expect(Array(separator.utf8).withUnsafeBufferPointer { SplitParser.plan($0) } == nil)
    }

    @Test func noLongListNoPlan() {
        var text = "project:\n  id: p\n"
        for i in 0..<500 { text += "key\(i): \(i)\n" }
        #expect(Array(text.utf8).withUnsafeBufferPointer { SplitParser.plan($0) } == nil)
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
}
