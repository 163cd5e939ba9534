import Foundation
import Testing
@testable import SchouwAttest

@Suite struct StrictJSONTests {
    @Test func parsesNestedDocument() throws {
        let value = try StrictJSON.parse(Data(#"{"a": [1, -2.5e3, true, null, "x\u00e9\ud83d\ude00"], "b": {}}"#.utf8))
        #expect(value == .object(["a": .array([.number("1"), .number("-2.5e3"), .bool(true), .null, .string("xé😀")]),
                                  "b": .object([:])]))
    }

    @Test(arguments: [
        (#"{"a": 1, "a": 2}"#, "duplicate key 'a'"),
        (#"{"a": "\ud800"}"#, "lone UTF-16 high surrogate"),
        (#"{"a": 01}"#, "leading zero"),
        (#"{"a": 1} x"#, "unexpected content after"),
        ("{\"a\": \"tab\there\"}", "control character"),
        (#"{"a": 1,}"#, "expected a string key"),
        (#"[1 2]"#, "expected ',' or ']'"),
    ])
    func rejectsAmbiguousOrInvalidInput(text: String, expected: String) {
        #expect(throws: JSONSyntaxError.self) { try StrictJSON.parse(Data(text.utf8)) }
        do {
            _ = try StrictJSON.parse(Data(text.utf8))
        } catch {
            #expect(error.message.contains(expected), "\(error)")
        }
    }

    @Test func reportsLineAndColumn() {
        do {
            _ = try StrictJSON.parse(Data("{\n  \"a\": 1,\n  \"a\": 2\n}".utf8))
            Issue.record("expected an error")
        } catch {
            #expect(error.line == 3)
            #expect(error.column == 3)
        }
    }

    @Test func rejectsInvalidUTF8AndDeepNesting() {
        #expect(throws: JSONSyntaxError.self) { try StrictJSON.parse(Data([0x22, 0xFF, 0x22])) }
        let deep = String(repeating: "[", count: 100) + String(repeating: "]", count: 100)
        #expect(throws: JSONSyntaxError.self) { try StrictJSON.parse(Data(deep.utf8)) }
    }
}

@Suite struct StrictBase64Tests {
    @Test func roundTripsAndAcceptsURLSafe() {
        let bytes = Data((0...255).map { UInt8($0) })
        #expect(StrictBase64.decode(StrictBase64.encode(bytes)) == bytes)
        #expect(StrictBase64.decode("-_8=") == Data([0xFB, 0xFF]))
        #expect(StrictBase64.decode("+/8=") == Data([0xFB, 0xFF]))
        #expect(StrictBase64.decode("") == Data())
    }

    @Test(arguments: ["QQ", "QQ=", "QR==", "Q Q==", "+-8=", "QQ==QQ==", "Q===", "QQ\n=="])
    func rejectsNonCanonicalForms(text: String) {
        #expect(StrictBase64.decode(text) == nil)
    }
}

@Suite struct TimeAndDurationTests {
    @Test func parsesAndFormatsTimestamps() throws {
        let date = try #require(Timestamp.parse("2026-03-01T13:30:05+01:00"))
        #expect(Timestamp.format(date) == "2026-03-01T12:30:05Z")
        #expect(Timestamp.parse("2026-03-01").map(Timestamp.format) == "2026-03-01T00:00:00Z")
        #expect(Timestamp.parse("2026-03-01T12:00:00.5Z").map(Timestamp.format) == "2026-03-01T12:00:00Z")
        for bad in ["2026-02-30", "2026-13-01", "2026-03-01T12:00:00", "yesterday", "2026-03-01T25:00:00Z", ""] {
            #expect(Timestamp.parse(bad) == nil, "\(bad)")
        }
    }

    @Test func addsDurationsInCalendarTerms() throws {
        let start = try #require(Timestamp.parse("2026-01-31T00:00:00Z"))
        #expect(ISODuration("P90D")?.added(to: start).map(Timestamp.format) == "2026-05-01T00:00:00Z")
        #expect(ISODuration("PT12H")?.added(to: start).map(Timestamp.format) == "2026-01-31T12:00:00Z")
        #expect(ISODuration("P1Y")?.added(to: start).map(Timestamp.format) == "2027-01-31T00:00:00Z")
        #expect(ISODuration("P1M")?.added(to: start).map(Timestamp.format) == "2026-02-28T00:00:00Z")
        #expect(ISODuration("P1W")?.added(to: start).map(Timestamp.format) == "2026-02-07T00:00:00Z")
        #expect(ISODuration("P1DT2H30M")?.added(to: start).map(Timestamp.format) == "2026-02-01T02:30:00Z")
    }

    @Test(arguments: ["", "P", "PT", "90D", "P1H", "PT1D", "P1.5D", "P-1D", "P1D1Y", "P1DT"])
    func rejectsInvalidDurations(text: String) {
        #expect(ISODuration(text) == nil)
    }
}

@Suite struct PAETests {
    /// The DSSE specification's own example.
    @Test func matchesTheSpecificationVector() {
        let pae = DSSE.pae(payloadType: "http://example.com/HelloWorld", payload: Data("hello world".utf8))
        #expect(String(decoding: pae, as: UTF8.self) == "DSSEv1 29 http://example.com/HelloWorld 11 hello world")
    }

    @Test func countsBytesNotCharacters() {
        let pae = DSSE.pae(payloadType: "t", payload: Data("é".utf8))
        #expect(String(decoding: pae, as: UTF8.self) == "DSSEv1 1 t 2 é")
    }
}
