import Foundation

extension Value {
    /// Converts JSON text to a CEL value: objects become string-keyed maps, arrays lists, integral
    /// numbers `int` (or `double` beyond the int64 range), other numbers `double`.
    public static func fromJSON(_ text: String) throws -> Value {
        let data = Data(text.utf8)
        let decoded = try JSONDecoder().decode(JSONValue.self, from: data)
        return decoded.value
    }
}

private struct JSONValue: Decodable {
    var value: Value

    init(from decoder: Decoder) throws {
        if var array = try? decoder.unkeyedContainer() {
            var elements: [Value] = []
            while !array.isAtEnd { elements.append(try array.decode(JSONValue.self).value) }
            value = .list(elements)
            return
        }
        if let object = try? decoder.container(keyedBy: AnyKey.self) {
            var fields: [String: Value] = [:]
            for key in object.allKeys { fields[key.stringValue] = try object.decode(JSONValue.self, forKey: key).value }
            value = .map(MapValue(stringKeyed: fields))
            return
        }
        let single = try decoder.singleValueContainer()
        if single.decodeNil() {
            value = .null
        } else if let b = try? single.decode(Bool.self) {
            value = .bool(b)
        } else if let i = try? single.decode(Int64.self) {
            value = .int(i)
        } else if let d = try? single.decode(Double.self) {
            value = .double(d)
        } else {
            value = .string(try single.decode(String.self))
        }
    }
}

private struct AnyKey: CodingKey {
    var stringValue: String
    var intValue: Int? { nil }
    init(stringValue: String) { self.stringValue = stringValue }
    init?(intValue: Int) { return nil }
}
