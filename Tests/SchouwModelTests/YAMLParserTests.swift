import Testing
@testable import SchouwModel

@Suite struct YAMLParserTests {
    private func parse(_ text: String) -> YAMLNode? {
        let (document, diagnostics) = YAMLParser.parse(text: text, path: "t.yaml")
        #expect(diagnostics.isEmpty, "\(diagnostics)")
        return document?.root
    }

    @Test func resolvesScalarsWithTheCoreSchema() throws {
        let root = try #require(parse("""
        a: NO
        b: yes
        c: true
        d: False
        e: "true"
        f: 12
        g: 0x1F
        h: 1.2
        i: ~
        j:
        k: null
        l: 2025-01-01
        m: -.inf
        n: 1e3
        o: on
        p: '12'
        """))
        func type(_ key: String) -> YAMLScalarType? { root[key]?.scalarType }
        #expect(type("a") == .string)
        #expect(root["a"]?.string == "NO")
        #expect(type("b") == .string)
        #expect(type("c") == .bool)
        #expect(root["c"]?.bool == true)
        #expect(root["d"]?.bool == false)
        #expect(type("e") == .string)
        #expect(root["e"]?.isQuoted == true)
        #expect(root["f"]?.int == 12)
        #expect(root["g"]?.int == 31)
        #expect(type("h") == .float)
        #expect(root["h"]?.double == 1.2)
        #expect(type("i") == .null)
        #expect(type("j") == .null)
        #expect(type("k") == .null)
        #expect(type("l") == .string)
        #expect(type("m") == .float)
        #expect(type("n") == .float)
        #expect(type("o") == .string)
        #expect(type("p") == .string)
    }

    @Test func keepsLineAndColumnOfKeysAndValues() throws {
        let root = try #require(parse("schouw: 1\nproject:\n  id: x\n  tags: [a, bb]\n"))
        let project = try #require(root["project"])
        #expect(project.mark == SourceMark(file: "t.yaml", line: 3, column: 3))
        let entry = try #require(project.entries.first)
        #expect(entry.key.mark.line == 3 && entry.key.mark.column == 3)
        #expect(entry.value.mark.line == 3 && entry.value.mark.column == 7)
        let tags = try #require(project["tags"])
        #expect(tags.kind == .sequence)
        #expect(tags.items.count == 2)
        #expect(tags.items[1].mark.column == 13)
        #expect(tags.items[1].yamlPath == "project.tags[1]")
        #expect(entry.value.yamlPath == "project.id")
    }

    @Test func mappingEntriesStayInDocumentOrder() throws {
        let root = try #require(parse("z: 1\na: 2\nm: 3\n"))
        #expect(root.entries.map { $0.key.scalar ?? "" } == ["z", "a", "m"])
    }

    @Test func aliasesShareTheAnchoredNode() throws {
        let root = try #require(parse("base: &b {x: 1}\ncopy: *b\n"))
        #expect(root["copy"]?["x"]?.int == 1)
    }

    @Test func unknownAliasIsALocatedError() {
        let (document, diagnostics) = YAMLParser.parse(text: "a: *nope\n", path: "t.yaml")
        #expect(document == nil)
        #expect(diagnostics.first?.message.contains("unknown anchor") == true)
        #expect(diagnostics.first?.mark?.line == 1)
    }

    @Test func syntaxErrorIsLocated() {
        let (_, diagnostics) = YAMLParser.parse(text: "a: 1\nb: [1, 2\nc: 3\n", path: "t.yaml")
        let error = diagnostics.first
        #expect(error?.message.hasPrefix("YAML syntax error") == true)
        #expect(error?.mark?.file == "t.yaml")
        #expect((error?.mark?.line ?? 0) >= 2)
    }

    @Test func moreThanOneDocumentIsAnError() {
        let (_, diagnostics) = YAMLParser.parse(text: "a: 1\n---\nb: 2\n", path: "t.yaml")
        #expect(diagnostics.contains { $0.message.contains("more than one YAML document") && $0.mark?.line == 2 })
    }

    @Test func blockScalarsAreStrings() throws {
        let root = try #require(parse("text: |\n  true\n"))
        #expect(root["text"]?.scalarType == .string)
        #expect(root["text"]?.scalar == "true\n")
    }

    @Test func emptyDocumentHasNoRoot() {
        let (document, diagnostics) = YAMLParser.parse(text: "# only a comment\n", path: "t.yaml")
        #expect(diagnostics.isEmpty)
        #expect(document != nil && document?.root == nil)
    }

    @Test func scalarEqualsComparesBytes() throws {
        let root = try #require(parse("key: value\n"))
        #expect(root["key"]?.scalarEquals("value") == true)
        #expect(root["key"]?.scalarEquals("valuе") == false)
        let single = try #require(parse("k: x\n"))
        #expect(single["k"]?.scalarEquals("x") == true)
        #expect(single["k"]?.scalarEquals("y") == false)
    }
}
