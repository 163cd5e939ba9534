import Testing
@testable import CEL

@Suite struct ParserTests {
    @Test func literalsOfEveryKind() throws {
        #expect(try evaluate("0x1F").literal == "31")
        #expect(try evaluate("42u").literal == "42u")
        #expect(try evaluate("-9223372036854775808").literal == "-9223372036854775808")
        #expect(try evaluate("1.5e3").literal == "1500.0")
        #expect(try evaluate("r'a\\nb'").literal == #""a\\nb""#)
        #expect(try evaluate("'''multi\nline'''").literal == #""multi\nline""#)
        #expect(try evaluate("b'\\xff\\x00'").literal == #"b"\xff\x00""#)
        #expect(try evaluate("{'b': [1, 2u, 3.0], 'a': null}").literal == #"{"a": null, "b": [1, 2u, 3.0]}"#)
    }

    @Test func parseErrorsCarryLineColumnAndCaret() throws {
        do {
            _ = try Environment().compile("1 +\n  (2 * )")
            Issue.record("expected a parse error")
        } catch {
            let diagnostic = try #require(error.diagnostics.first)
            #expect(diagnostic.phase == .parse)
            #expect(diagnostic.location.line == 2)
            #expect(diagnostic.location.column == 8)
            #expect(diagnostic.location.offset == 11)
            #expect(error.rendered() == "ERROR: <input>:2:8: unexpected ')'\n |   (2 * )\n |        ^")
        }
    }

    @Test func reservedWordsAreRejectedAsIdentifiersButAllowedAsFields() throws {
        #expect(throws: CompileError.self) { try Environment().compile("package + 1") }
        #expect(try evaluate("{'package': 1}.package").literal == "1")
    }

    @Test func singleEqualsSignGetsAHint() {
        do {
            _ = try Environment().compile("a = 1")
        } catch {
            #expect(error.diagnostics.first?.message.contains("'=='") == true)
        }
    }

    @Test(arguments: [
        String(repeating: "(", count: 10_000) + "1" + String(repeating: ")", count: 10_000),
        String(repeating: "[", count: 10_000) + String(repeating: "]", count: 10_000),
        String(repeating: "{1: ", count: 10_000) + "1" + String(repeating: "}", count: 10_000),
        Array(repeating: "a", count: 10_000).joined(separator: " + "),
        Array(repeating: "a", count: 10_000).joined(separator: " == "),
        String(repeating: "!", count: 10_000) + "true",
        String(repeating: "-", count: 10_000) + "a",
        "a" + String(repeating: ".b", count: 10_000),
        "a" + String(repeating: "[0]", count: 10_000),
        String(repeating: "size(", count: 10_000) + "a" + String(repeating: ")", count: 10_000),
        String(repeating: "true ? 1 : ", count: 10_000) + "2",
        String(repeating: "[1].all(x, ", count: 10_000) + "true" + String(repeating: ")", count: 10_000),
    ])
    func deepNestingIsAnErrorNotACrash(_ text: String) {
        do {
            _ = try Environment(variables: ["a": .dyn]).compile(text)
            Issue.record("expected a nesting error")
        } catch {
            #expect(error.diagnostics.first?.message.contains("nests too deeply") == true)
        }
    }

    @Test func longLogicalChainsAreFlatAndFine() throws {
        let text = Array(repeating: "true", count: 10_000).joined(separator: " && ")
        #expect(try evaluate(text).boolValue == true)
    }

    @Test func moderateNestingIsAccepted() throws {
        let text = String(repeating: "(", count: 90) + "7" + String(repeating: ")", count: 90)
        #expect(try evaluate(text).literal == "7")
    }

    @Test func macrosExpandAndCanBeDisabled() throws {
        #expect(try evaluate("[1, 2, 3].exists(x, x > 2)").boolValue == true)
        var env = Environment()
        env.parserOptions.macros = false
        env.typeChecking = false
        #expect(try env.compile("[1].exists(x, x > 0)").evaluate().isError)
        #expect(throws: CompileError.self) { try Environment().compile("has(a)") }
    }
}
