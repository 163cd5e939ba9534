import Testing
@testable import CEL

@Suite struct CheckerTests {
    /// The shape the rule engine declares: object types with named, typed fields.
    static var engineEnvironment: Environment {
        var env = Environment()
        env.declare(ObjectType(name: "schouw.DataAsset", fields: [
            "id": .string, "personal": .bool, "retention": .duration, "categories": .list(.string),
        ]))
        env.declare(ObjectType(name: "schouw.Flow", fields: [
            "id": .string, "personal": .bool, "encrypted": .bool, "asset": .object("schouw.DataAsset"),
            "labels": .map(.string, .string),
        ]))
        env.declare(variable: "asset", type: .object("schouw.DataAsset"))
        env.declare(variable: "flow", type: .object("schouw.Flow"))
        env.declare(variable: "flows", type: .list(.object("schouw.Flow")))
        env.declare(variable: "now", type: .timestamp)
        return env
    }

    private func diagnostics(_ text: String) -> [Diagnostic] {
        do {
            _ = try CheckerTests.engineEnvironment.compile(text)
            return []
        } catch {
            return error.diagnostics
        }
    }

    @Test func validExpressionsCheck() throws {
        let env = CheckerTests.engineEnvironment
        let program = try env.compile("flows.exists(f, f.personal && !f.encrypted && f.asset.retention > duration('30d'.size() == 3 ? '1h' : '2h'))")
        #expect(program.resultType == .bool)
        #expect(try env.compile("asset.categories.map(c, c.size())").resultType == .list(.int))
        #expect(try env.compile("flow.labels['zone']").resultType == .string)
    }

    @Test func unknownFieldWithSuggestion() throws {
        let found = diagnostics("asset.personal && asset.retension > duration('1d')")
        let diagnostic = try #require(found.first)
        #expect(diagnostic.phase == .check)
        #expect(diagnostic.message == "undefined field 'retension' on type 'schouw.DataAsset' (did you mean 'retention'?)")
        #expect(diagnostic.location.offset == 24)
        #expect(diagnostic.location.line == 1)
        #expect(diagnostic.location.column == 25)
    }

    @Test func unknownFieldInsideMacroOnNestedObject() throws {
        let found = diagnostics("flows.all(f, f.asset.personl)")
        #expect(found.first?.message.contains("did you mean 'personal'") == true)
    }

    @Test func wrongArgumentTypes() throws {
        let found = diagnostics("flow.encrypted > 1")
        let diagnostic = try #require(found.first)
        #expect(diagnostic.message == "found no matching overload for '>' applied to '(bool, int)'")
        #expect(diagnostic.location.column == 16)
        #expect(diagnostics("'abc'.startsWith(1)").first?.message.contains("startsWith") == true)
        #expect(diagnostics("flows.exists(f, f.id)").first?.message.contains("must be a bool") == true)
    }

    @Test func unknownIdentifierAndFunction() throws {
        #expect(diagnostics("flws.size() > 0").first?.message == "undeclared reference to 'flws' (did you mean 'flows'?)")
        let unknown = try #require(diagnostics("\n  frobnicate(asset)").first)
        #expect(unknown.message == "undeclared reference to 'frobnicate'")
        #expect(unknown.location.line == 2)
        #expect(unknown.location.column == 3)
    }

    @Test func dynamicValuesAreNotRejected() throws {
        var env = Environment()
        env.declare(variable: "d", type: .dyn)
        #expect(throws: Never.self) { try env.compile("d.anything > 1 && d[0] == 'x' && d.size() > 2") }
    }

    @Test func caretRendering() throws {
        do {
            _ = try CheckerTests.engineEnvironment.compile("flow.encrypted > 1")
        } catch {
            #expect(error.rendered(sourceName: "rules/avg.yaml") == """
            ERROR: rules/avg.yaml:1:16: found no matching overload for '>' applied to '(bool, int)'
             | flow.encrypted > 1
             |                ^
            """)
        }
    }
}

@Suite struct CheckerDetailTests {
    @Test func diagnosticsAreSortedByPosition() {
        do {
            _ = try CheckerTests.engineEnvironment.compile("flows.all(f, f.persnal) && asset.retension > 1 && nope")
        } catch {
            #expect(error.diagnostics.map(\.location.offset) == error.diagnostics.map(\.location.offset).sorted())
            #expect(error.diagnostics.count == 3)
        }
    }

    @Test func objectTypesAreTypeValues() throws {
        let program = try CheckerTests.engineEnvironment.compile("type(flow) == schouw.Flow")
        #expect(program.evaluate(["flow": .object(["id": .string("f1")], typeName: "schouw.Flow")]).boolValue == true)
    }
}

/// Hints for the type errors people make most, and type names as expressions write them.
@Suite struct CheckerHintTests {
    private func first(_ text: String) -> Diagnostic? {
        do {
            _ = try CheckerTests.engineEnvironment.compile(text)
            return nil
        } catch {
            return error.diagnostics.first
        }
    }

    @Test(arguments: [
        ("flow.personal == 'true'", "write true without quotes"),
        ("'false' != flow.encrypted", "write false without quotes"),
        ("size(flow.id) > '3'", "write 3 without quotes"),
        ("asset.retention <= '720h'", "write duration('720h')"),
        ("now > \"2024-01-01T00:00:00Z\"", "write timestamp(\"2024-01-01T00:00:00Z\")"),
        ("asset.categories.contains('x')", "to test whether a list holds a value, write `'x' in asset.categories`"),
    ])
    func aQuotedLiteralOrAListContainsGetsAHint(text: String, hint: String) throws {
        let diagnostic = try #require(first(text))
        #expect(diagnostic.message.hasPrefix("found no matching overload"))
        #expect(diagnostic.hint == hint)
    }

    /// A hint never proposes a call that would fail: standard CEL has no ISO 8601 durations.
    @Test func noHintForALiteralTheConversionRejects() throws {
        #expect(try #require(first("asset.retention <= 'P1Y'")).hint == nil)
        #expect(try #require(first("flow.personal == 'yes'")).hint == nil)
        #expect(try #require(first("flow.encrypted > 1")).hint == nil)
    }

    @Test func messagesSayDurationAndTimestamp() throws {
        let diagnostic = try #require(first("asset.retention > now"))
        #expect(diagnostic.message == "found no matching overload for '>' applied to '(duration, timestamp)'")
        #expect(try #require(first("flows.exists(f, f.asset.retention)")).message == "the exists() predicate must be a bool, not duration")
        // The protobuf names remain the names of the type values, as in cel-go.
        let program = try CheckerTests.engineEnvironment.compile("type(now) == google.protobuf.Timestamp")
        #expect(program.evaluate(["now": .timestamp(Timestamp(seconds: 0))]).literal == "true")
    }

    @Test func theRenderedErrorEndsWithTheHint() throws {
        do {
            _ = try CheckerTests.engineEnvironment.compile("flow.personal == 'true'")
            Issue.record("expected a check error")
        } catch {
            #expect(error.rendered(sourceName: "x") == """
            ERROR: x:1:15: found no matching overload for '==' applied to '(bool, string)'
             | flow.personal == 'true'
             |               ^
            hint: write true without quotes
            """)
        }
    }
}
