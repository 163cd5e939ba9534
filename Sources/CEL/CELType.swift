/// A static CEL type, used by the checker and by function and variable declarations.
public indirect enum CELType: Sendable, Hashable, CustomStringConvertible {
    case dyn
    case null
    case bool
    case int
    case uint
    case double
    case string
    case bytes
    case timestamp
    case duration
    case list(CELType)
    case map(CELType, CELType)
    /// The type of a type value: `type(int)` is the type of the expression `int`.
    case type(CELType)
    /// A declared object type (e.g. `schouw.Party`); at runtime a string-keyed map.
    case object(String)
    /// A type parameter in a function signature (`A` in `size(list(A))`).
    case param(String)
    /// The result of an expression that failed to check; assignable to anything to avoid cascades.
    case error

    public var description: String {
        switch self {
        case .dyn: return "dyn"
        case .null: return "null_type"
        case .bool: return "bool"
        case .int: return "int"
        case .uint: return "uint"
        case .double: return "double"
        case .string: return "string"
        case .bytes: return "bytes"
        case .timestamp: return "google.protobuf.Timestamp"
        case .duration: return "google.protobuf.Duration"
        case .list(let e): return "list(\(e))"
        case .map(let k, let v): return "map(\(k), \(v))"
        case .type(let t): return "type(\(t))"
        case .object(let name): return name
        case .param(let name): return name
        case .error: return "*error*"
        }
    }

    /// The type as an expression names it, for messages to people: `duration` and `timestamp`
    /// rather than the protobuf names `description` keeps for cel-go's type values and overload ids.
    public var readable: String {
        switch self {
        case .timestamp: return "timestamp"
        case .duration: return "duration"
        case .list(let e): return "list(\(e.readable))"
        case .map(let k, let v): return "map(\(k.readable), \(v.readable))"
        case .type(let t): return "type(\(t.readable))"
        default: return description
        }
    }

    /// Parses type text: `int`, `list(string)`, `map(string, dyn)`, `schouw.Party`, `A` (a single
    /// capital letter is a type parameter), `timestamp`, `duration`, `null_type`.
    public static func parse(_ text: String) -> CELType? {
        var parser = TypeTextParser(Array(text.unicodeScalars))
        guard let type = parser.parseType(), parser.atEnd else { return nil }
        return type
    }

    /// The runtime type value of values of this type.
    var typeValue: TypeValue? {
        switch self {
        case .null: return .nullType
        case .bool: return .bool
        case .int: return .int
        case .uint: return .uint
        case .double: return .double
        case .string: return .string
        case .bytes: return .bytes
        case .timestamp: return .timestamp
        case .duration: return .duration
        case .list: return .list
        case .map: return .map
        case .type: return .type
        case .object(let name): return TypeValue(name: name)
        case .dyn, .param, .error: return nil
        }
    }

    /// True for types that may hold any value (no static guarantee).
    var isDynamic: Bool {
        switch self {
        case .dyn, .error, .param: return true
        default: return false
        }
    }
}

private struct TypeTextParser {
    let s: [Unicode.Scalar]
    var i = 0
    init(_ s: [Unicode.Scalar]) { self.s = s }

    var atEnd: Bool {
        mutating get { skipSpaces(); return i == s.count }
    }

    mutating func skipSpaces() {
        while i < s.count, s[i] == " " { i += 1 }
    }

    mutating func name() -> String {
        skipSpaces()
        var out = ""
        while i < s.count, Self.isNameScalar(s[i]) {
            out.unicodeScalars.append(s[i])
            i += 1
        }
        return out
    }

    /// Letters, digits, `_` and `.`; ASCII answered without a Unicode property lookup (every
    /// built-in signature is parsed at start-up).
    static func isNameScalar(_ c: Unicode.Scalar) -> Bool {
        switch c.value {
        case 0x41...0x5A, 0x61...0x7A, 0x30...0x39, 0x5F, 0x2E: return true
        case 0..<0x80: return false
        default: return c.properties.isAlphabetic
        }
    }

    mutating func expect(_ c: Unicode.Scalar) -> Bool {
        skipSpaces()
        guard i < s.count, s[i] == c else { return false }
        i += 1
        return true
    }

    mutating func parseType() -> CELType? {
        let word = name()
        switch word {
        case "dyn", "any": return .dyn
        case "null_type", "null": return .null
        case "bool": return .bool
        case "int": return .int
        case "uint": return .uint
        case "double": return .double
        case "string": return .string
        case "bytes": return .bytes
        case "timestamp", "google.protobuf.Timestamp": return .timestamp
        case "duration", "google.protobuf.Duration": return .duration
        case "list":
            guard expect("("), let element = parseType(), expect(")") else { return nil }
            return .list(element)
        case "map":
            guard expect("("), let key = parseType(), expect(","), let value = parseType(), expect(")") else { return nil }
            return .map(key, value)
        case "type":
            if expect("(") {
                guard let inner = parseType(), expect(")") else { return nil }
                return .type(inner)
            }
            return .type(.dyn)
        case "": return nil
        default:
            if word.count == 1, let first = word.unicodeScalars.first, ("A"..."Z").contains(first) {
                return .param(word)
            }
            return .object(word)
        }
    }
}
