import Testing
@testable import SchouwModel

/// libyaml's syntax errors, reported at the line with the mistake and in terms of what was written.
@Suite struct YAMLSyntaxProblemTests {
    static let head = "schouw: 1\nproject:\n  id: p\n  name: P\n"

    static let cases: [(name: String, text: String, at: String, message: String, hint: String)] = [
        ("missing colon", head + "data:\n  - id: a\n    retention P2Y\n    categories: [personal]\n",
         "7:5", "expected `key: value`, found `retention P2Y`", "write `retention: P2Y`"),
        ("no space after the colon", head + "data:\n  - id: a\n    retention:P2Y\n    categories: [personal]\n",
         "7:5", "found `retention:P2Y`", "write `retention: P2Y`"),
        ("unclosed double quote", "schouw: 1\nproject:\n  id: p\n  name: \"P\n  description: x\n",
         "4:9", "the quote opened here is not closed", "close the quote"),
        ("unclosed bracket", head + "data:\n  - id: a\n    categories: [personal, special\n    retention: P2Y\n",
         "7:17", "the `[` opened here is not closed", "close it with `]`"),
        ("list item out of line", head + "data:\n  - id: a\n    categories: [personal]\n   - id: b\n",
         "8:4", "does not line up with the list items above it (line 6)", "in column 3"),
        ("key out of line", head + " description: x\n",
         "5:2", "does not line up with the keys of the mapping at line 1", "column 1"),
    ]

    @Test(arguments: cases.indices)
    func reportsTheMistakeWhereItIs(_ i: Int) throws {
        let c = Self.cases[i]
        let (document, diagnostics) = YAMLParser.parse(text: c.text, path: "p.yaml")
        #expect(document == nil, "\(c.name)")
        let error = try #require(diagnostics.first)
        #expect("\(error.mark?.line ?? 0):\(error.mark?.column ?? 0)" == c.at, "\(c.name): \(error.message)")
        #expect(error.message.hasPrefix("YAML syntax error: ") && error.message.contains(c.message), "\(c.name): \(error.message)")
        #expect(error.hint?.contains(c.hint) == true, "\(c.name): \(error.hint ?? "")")
        #expect(!error.message.contains("while scanning") && !error.message.contains("while parsing"), "\(c.name): \(error.message)")
    }

    /// A Latin-1 `é` is named at its own byte, not at the letter after it.
    @Test func invalidUTF8IsNamedAtTheByteThatStartsTheSequence() throws {
        let bytes = Array((Self.head.dropLast(2) + "Ringw").utf8) + [0xE9] + Array("g\n".utf8)
        let (_, diagnostics) = YAMLParser.parse(bytes: bytes, path: "p.yaml")
        let error = try #require(diagnostics.first)
        #expect(error.message == "the file is not valid UTF-8 (byte 0xE9)")
        #expect(error.mark?.line == 4 && error.mark?.column == 14)
    }

    @Test func listItemsJoinedByTheirIndentationGetAHintAboutIt() throws {
        let result = DescriptorLoader.load(text: """
        schouw: 1
        project: {id: p, name: P}
        data: [{id: a, categories: [personal]}, {id: b, categories: [personal]}]
        systems:
          - id: s
            kind: sensor
            collects:
              - a
               - b
        """, path: "p.yaml")
        let error = try #require(result.diagnostics.first { $0.message.contains("is not a valid id") })
        #expect(error.message == "`a - b` is not a valid id")
        #expect(error.hint?.contains("list items joined into one") == true)
    }
}
