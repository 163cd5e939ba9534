import Testing
@testable import SchouwModel

@Suite struct WaiverLoaderTests {
    @Test func loadsAWaiversFile() throws {
        let result = WaiverLoader.load(text: """
        waivers:
          - finding: AVG-026@party:*
            reason: "TIA uitgevoerd"
            approved-by: "CISO Gemeente Voorbeeld"
            expires: 2026-06-30
            ticket: SEC-123
        """, path: "waivers.yaml")
        #expect(result.diagnostics.isEmpty, "\(result.rendered())")
        let waiver = try #require(result.waivers.first)
        #expect(waiver.finding == "AVG-026@party:*")
        #expect(waiver.expires == ISODate(year: 2026, month: 6, day: 30))
        #expect(waiver.ticket == "SEC-123")
        #expect(waiver.marks["expires"].line == 5)
    }

    /// A malformed pattern is an error at its line, like any other mistake in the file, instead of a
    /// note at the end of a report that a pipeline writing SARIF never shows.
    @Test func malformedPatternsAreLocatedErrors() {
        let result = WaiverLoader.load(text: """
        waivers:
          - {finding: "AVG-017@party vision-analytics", reason: x, approved-by: CISO, expires: 2027-01-01}
          - {finding: "AVG-017", reason: x, approved-by: CISO, expires: 2027-01-01}
          - {finding: "AVG-017@parties:vision", reason: x, approved-by: CISO, expires: 2027-01-01}
          - {finding: "@party:x", reason: x, approved-by: CISO, expires: 2027-01-01}
          - {finding: "AVG-0*@*:vision-*", reason: x, approved-by: CISO, expires: 2027-01-01}
        """, path: "waivers.yaml")
        let errors = result.diagnostics.filter(\.isError)
        #expect(errors.map(\.message) == [
            "waiver pattern `AVG-017@party vision-analytics` has no `:` between kind and id",
            "waiver pattern `AVG-017` has no `@`",
            "waiver pattern `AVG-017@parties:vision` names no kind of subject `parties`",
            "waiver pattern `@party:x` has an empty rule id",
        ])
        #expect(errors.map { $0.mark?.line ?? 0 } == [2, 3, 4, 5])
        #expect(errors.first?.mark?.column == 15)
        #expect(errors[2].hint?.hasPrefix("did you mean `party`?") == true)
        #expect(errors[0].hint?.contains("AVG-026@party:cloudco") == true)
        #expect(result.waivers.isEmpty)
    }

    @Test func aBareListSaysToStartWithTheWaiversKey() throws {
        let result = WaiverLoader.load(text: "- {finding: AVG-017@party:x, reason: r, approved-by: c, expires: 2027-01-01}\n",
                                       path: "waivers.yaml")
        let error = try #require(result.diagnostics.first)
        #expect(error.message == "a waivers file starts with `waivers:`, this one with a list")
        #expect(error.hint == "put `waivers:` on the first line and indent the list under it")
        #expect(result.diagnostics.count == 1)
    }

    @Test func reportsMissingAndBadFields() {
        let result = WaiverLoader.load(text: """
        waivers:
          - finding: AVG-026@party:x
            reason: ok
            expires: 2026-02-30
            tickt: SEC-1
        """, path: "waivers.yaml")
        let messages = result.diagnostics.map(\.message)
        #expect(result.waivers.isEmpty)
        #expect(messages.contains("missing required key `approved-by` in waiver"))
        #expect(messages.contains("`2026-02-30` is not a valid date"))
        #expect(messages.contains("unknown key `tickt` in waiver"))
    }

    @Test func descriptorWaiversLoadToo() throws {
        let d = try #require(DescriptorLoader.load(path: TestFiles.example("passantentelling.yaml")).descriptor)
        #expect(d.waivers.first?.approvedBy == "CISO Gemeente Voorbeeld")
    }
}

@Suite struct MappingReaderTests {
    static let inner = ObjectSchema(kind: "inner", description: "An inner object.", fields: [
        FieldSchema(key: "level", type: .enumeration(["low", "high"]), required: true, description: "A level."),
    ])
    static let outer = ObjectSchema(kind: "outer", description: "A rule-like file.", fields: [
        FieldSchema(key: "id", type: .string, required: true, description: "Id."),
        FieldSchema(key: "items", type: .list(.object("inner")), description: "Inner objects."),
        FieldSchema(key: "window", type: .duration, description: "A duration."),
        FieldSchema(key: "title", type: .map(.string), description: "Texts by language."),
    ])

    @Test func otherLoadersUseTheirOwnSchemas() throws {
        let (document, _) = YAMLParser.parse(text: "id: R-1\nitems:\n  - level: hihg\n  - {}\nwindow: P1D\nextra: 1\ntitle: {nl: Hallo, en: Hello}\n", path: "rule.yaml")
        let sink = DiagnosticSink()
        var reader = MappingReader(try #require(document?.root), schema: Self.outer, sink: sink)
        reader.extraSchemas = ["inner": Self.inner]
        #expect(reader.string("id") == "R-1")
        #expect(reader.duration("window")?.days == 1)
        #expect(reader.stringMap("title") == ["nl": "Hallo", "en": "Hello"])
        let items = reader.objects("items")
        #expect(items.count == 2)
        #expect(items.first?.string("level") == nil)
        let messages = sink.diagnostics.map(\.message)
        #expect(messages.contains("unknown key `extra` in outer"))
        #expect(messages.contains("`hihg` is not a valid value for `level`"))
        #expect(messages.contains("missing required key `level` in inner"))
        #expect(sink.diagnostics.first { $0.message.contains("hihg") }?.hint?.hasPrefix("did you mean `high`?") == true)
    }
}
