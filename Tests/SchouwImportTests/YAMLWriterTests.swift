import SchouwModel
import Testing
@testable import SchouwImport

@Suite struct YAMLWriterTests {
    /// Strings that a YAML reader could take for a boolean, null, number or date stay strings.
    @Test(arguments: ["NO", "yes", "Off", "null", "~", "1.0", "2026-01-01", "0x1F", "a: b", "#hash", "x #y",
                      "- item", "  padded", "quote\"d", "back\\slash", "line\nbreak", "tab\tbed", "", "[list]",
                      "{map}", "*alias", "&anchor", "!tag", "%directive", "@at", "`tick`", "ünïcode", "trailing "])
    func ambiguousStringsRoundTrip(text: String) throws {
        var map = YAMLMap()
        map.set("value", .string(text))
        map.set("list", .list([.string(text)]))
        let yaml = YAMLWriter.write(map)
        let (document, diagnostics) = YAMLParser.parse(text: yaml, path: "t.yaml")
        #expect(!diagnostics.hasErrors, "\(yaml)")
        let root = try #require(document?.root)
        #expect(root["value"]?.string == text, "\(yaml)")
        #expect(root["list"]?.items.first?.string == text, "\(yaml)")
    }

    @Test func plainWordsStayPlain() {
        #expect(YAMLWriter.scalar("personal.device.mac") == "personal.device.mac")
        #expect(YAMLWriter.scalar("Some Data Asset") == "Some Data Asset")
        #expect(YAMLWriter.scalar("NO") == "\"NO\"")
        #expect(YAMLWriter.scalar("P30D") == "P30D")
    }

    @Test func nestedListsOfMappingsWithComments() {
        var item = YAMLMap()
        item.set("id", "a")
        item.todo("fill me in")
        var root = YAMLMap()
        root.set("items", .list([.map(item), .map(YAMLMap())]))
        #expect(YAMLWriter.write(root, header: ["head"]) == """
        # head
        items:
          - id: a
            # TODO(schouw import): fill me in
          - {}

        """)
    }
}
