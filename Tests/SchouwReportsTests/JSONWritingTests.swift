import Foundation
import SchouwResult
import Testing
@testable import SchouwReports

/// SARIF and OSCAL are written by `JSONValue.write(to:)` directly; the bytes must be those the
/// Foundation encoder writes through `CanonicalJSON` (keys in byte order, its indentation, its
/// escapes), so reports stay the same whichever writes them.
@Suite struct JSONWritingTests {
    static func foundation(_ value: JSONValue) throws -> Data {
        Escape.jsonSafe(try CanonicalJSON.encode(value))
    }

    @Test func awkwardDocumentMatchesTheEncoder() throws {
        let value: JSONValue = [
            "$schema": "x", "B": 1, "Z": -42, "_x": true, "a": false, "a10": .null, "a9": [], "aB": [:], "ab": ["nested": [:], "list": [[], [1, "two", [:]]]],
            "é": "ë → \u{2028} \u{202E} \u{7F}", "escapes": "q\"\\/\u{1}\u{8}\u{C}\n\r\t\u{1F}",
            "": "empty key", "emoji": "👩🏽‍💻 [link](x)",
        ]
        #expect(try value.data() == Self.foundation(value))
    }

    @Test func emptyDocumentsMatchTheEncoder() throws {
        for value: JSONValue in [[:], [], "", 0, true, .null, [[:]], ["k": []]] {
            #expect(try value.data() == Self.foundation(value))
        }
    }

    @Test func generatedDocumentsMatchTheEncoder() throws {
        var state: UInt64 = 0x9E37_79B9_7F4A_7C15
        func next(_ bound: Int) -> Int {
            state = state &* 6364136223846793005 &+ 1442695040888963407
            return Int((state >> 33) % UInt64(bound))
        }
        let alphabet = Array("aZ_-$0é\"\\\n\t\u{1}\u{2028} /→")
        func word() -> String { String((0..<next(6)).map { _ in alphabet[next(alphabet.count)] }) }
        func value(_ depth: Int) -> JSONValue {
            switch depth > 3 ? next(4) + 2 : next(6) {
            case 0: return .object(JSONObject(Dictionary((0..<next(5)).map { _ in (word(), value(depth + 1)) }, uniquingKeysWith: { a, _ in a })))
            case 1: return .array((0..<next(5)).map { _ in value(depth + 1) })
            case 2: return .string(word())
            case 3: return .int(next(2_000_001) - 1_000_000)
            case 4: return .bool(next(2) == 0)
            default: return .null
            }
        }
        for _ in 0..<200 {
            let document = value(0)
            #expect(try document.data() == Self.foundation(document))
        }
    }

    /// Generated arrays (a city's SARIF results, OSCAL observations) give the bytes of the same
    /// elements in a plain array, whole or in pieces, empty or long enough for many pieces.
    @Test func generatedArraysWriteAsPlainArrays() throws {
        func element(_ i: Int) -> JSONValue {
            ["i": .int(i), "text": .string("regel \(i) \u{2028} \u{202E} \u{85} \"quoted\" \\ " + String(repeating: "é", count: i % 7)),
             "list": [.string("x"), .null, .bool(i % 2 == 0)]]
        }
        for count in [0, 1, 63, 64, 65, 20_000] {
            let generated: JSONValue = ["head": "h", "items": .generated(GeneratedArray(count: count, element: element)),
                                        "nested": [["more": .generated(GeneratedArray(count: count % 5, element: element))]]]
            let plain: JSONValue = ["head": "h", "items": .array((0..<count).map(element)),
                                    "nested": [["more": .array((0..<count % 5).map(element))]]]
            let expected = try Self.foundation(plain)
            // Where two documents part (nil: nowhere), rather than both of them in a failure.
            func divergence(_ a: Data) -> Int? {
                zip(a, expected).enumerated().first { $0.element.0 != $0.element.1 }?.offset
                    ?? (a.count == expected.count ? nil : min(a.count, expected.count))
            }
            #expect(divergence(generated.data()) == nil, "\(count) elements, written whole")
            var pieces: [Data] = []
            generated.write { pieces.append($0) }
            #expect(divergence(pieces.reduce(Data(), +)) == nil, "\(count) elements, in pieces")
            // Handed on as it is written: about a megabyte at a time, never the whole document.
            #expect(pieces.allSatisfy { $0.count < (1 << 20) + 64 * 512 })
            if expected.count > 3 << 20 { #expect(pieces.count >= 3) }
        }
    }

    /// A sink that throws stops the writing, and the error reaches the caller.
    @Test func aFailingSinkStopsTheWriting() {
        struct Full: Error {}
        let document: JSONValue = ["items": .generated(GeneratedArray(count: 50_000) { .string("element \($0)") })]
        var calls = 0
        #expect(throws: Full.self) {
            try document.write { (_: Data) throws(Full) in
                calls += 1
                throw Full()
            }
        }
        #expect(calls == 1)
    }
}

extension JSONValue {
    /// The whole document `write(to:)` hands on in pieces.
    func data() -> Data {
        var data = Data()
        write { data.append($0) }
        return data
    }
}
