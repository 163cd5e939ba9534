import Foundation
import SchouwResult

/// A JSON document built in code, for formats whose shape is easier to write as a tree (SARIF, OSCAL)
/// than as a stack of Codable types. Written as `CanonicalJSON` writes it, keys sorted
/// (`data()` and `write(to:)`, JSONWriting.swift).
indirect enum JSONValue: Encodable, Equatable {
    case object(JSONObject)
    case array([JSONValue])
    /// An array whose elements are made while the document is written: a city's SARIF or OSCAL
    /// document has one element per outcome, and made all at once they held gigabytes.
    case generated(GeneratedArray)
    case string(String)
    case int(Int)
    case bool(Bool)
    case null

    func encode(to encoder: Encoder) throws {
        var container = encoder.singleValueContainer()
        switch self {
        case .object(let o): try container.encode(o.dictionary)
        case .array(let a): try container.encode(a)
        case .generated(let g): try container.encode(g.elements)
        case .string(let s): try container.encode(s)
        case .int(let i): try container.encode(i)
        case .bool(let b): try container.encode(b)
        case .null: try container.encodeNil()
        }
    }
}

/// `count` elements, element `i` made by `element(i)` when it is written; `element` may run on
/// several cores at once, so it must only read shared state.
struct GeneratedArray: Equatable {
    let count: Int
    let element: (Int) -> JSONValue

    /// Every element, made now (for comparisons and the Foundation encoder in tests).
    var elements: [JSONValue] { (0..<count).map(element) }

    static func == (a: GeneratedArray, b: GeneratedArray) -> Bool { a.elements == b.elements }
}

extension JSONValue: ExpressibleByStringLiteral, ExpressibleByIntegerLiteral, ExpressibleByBooleanLiteral,
    ExpressibleByArrayLiteral, ExpressibleByDictionaryLiteral {
    init(stringLiteral value: String) { self = .string(value) }
    init(integerLiteral value: Int) { self = .int(value) }
    init(booleanLiteral value: Bool) { self = .bool(value) }
    init(arrayLiteral elements: JSONValue...) { self = .array(elements) }
    init(dictionaryLiteral elements: (String, JSONValue)...) {
        var o = JSONObject()
        for (k, v) in elements { o[k] = v }
        self = .object(o)
    }
}

/// A JSON object's members in the order they were given; written with its keys sorted.
///
/// A list rather than a dictionary: a city's SARIF or OSCAL document makes millions of small
/// objects, and hashing every key into a table of its own cost more than writing them.
struct JSONObject: Equatable, ExpressibleByDictionaryLiteral {
    private(set) var members: [(key: String, value: JSONValue)] = []

    init() {}

    init(_ dictionary: [String: JSONValue]) {
        members = dictionary.map { ($0.key, $0.value) }
    }

    init(dictionaryLiteral elements: (String, JSONValue)...) {
        members.reserveCapacity(elements.count)
        for (key, value) in elements { self[key] = value }
    }

    /// A key given again replaces its value, as in a dictionary; nil removes the member.
    subscript(key: String) -> JSONValue? {
        get { members.first { $0.key == key }?.value }
        set {
            let position = members.firstIndex { $0.key == key }
            switch (position, newValue) {
            case let (position?, value?): members[position].value = value
            case let (position?, nil): members.remove(at: position)
            case let (nil, value?): members.append((key, value))
            case (nil, nil): break
            }
        }
    }

    var isEmpty: Bool { members.isEmpty }

    /// The members by key, for comparison and the Foundation encoder.
    var dictionary: [String: JSONValue] { Dictionary(members.map { ($0.key, $0.value) }, uniquingKeysWith: { _, last in last }) }

    /// The members with their keys in byte order, as `CanonicalJSON` writes them.
    var sorted: [(key: String, value: JSONValue)] {
        members.sorted { $0.key.utf8.lexicographicallyPrecedes($1.key.utf8) }
    }

    static func == (a: JSONObject, b: JSONObject) -> Bool { a.dictionary == b.dictionary }
}
