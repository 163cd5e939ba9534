/// Printing values in CEL literal syntax, deterministically (map entries sorted by key).
extension Value {
    /// The value as CEL source text: `1`, `2u`, `3.0`, `"s"`, `b"\x00"`, `[1, 2]`, `{"a": 1}`,
    /// `timestamp("2009-02-13T23:31:30Z")`, `duration("60s")`, `int` (a type).
    public var literal: String {
        switch self {
        case .null: return "null"
        case .bool(let b): return b ? "true" : "false"
        case .int(let i): return String(i)
        case .uint(let u): return String(u) + "u"
        case .double(let d): return Value.doubleLiteral(d)
        case .string(let s): return Value.quote(s)
        case .bytes(let b): return Value.bytesLiteral(b)
        case .list(let elements): return "[" + elements.map(\.literal).joined(separator: ", ") + "]"
        case .map(let m):
            let sorted = m.entries.sorted { Value.sortsBefore($0.key, $1.key) }
            return "{" + sorted.map { $0.key.literal + ": " + $0.value.literal }.joined(separator: ", ") + "}"
        case .timestamp(let t): return "timestamp(\"" + t.rfc3339 + "\")"
        case .duration(let d): return "duration(\"" + d.text + "\")"
        case .type(let t): return t.name
        case .error(let e): return "error(" + Value.quote(e.message) + ")"
        }
    }

    static func doubleLiteral(_ d: Double) -> String {
        if d.isNaN { return "double(\"NaN\")" }
        if d.isInfinite { return d > 0 ? "double(\"Infinity\")" : "double(\"-Infinity\")" }
        let text = "\(d)"
        if text.contains(".") || text.contains("e") { return text }
        return text + ".0"
    }

    /// A double-quoted CEL string literal with escapes for quotes, backslashes and control characters.
    public static func quote(_ s: String) -> String {
        var out = "\""
        for scalar in s.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            case "\u{07}": out += "\\a"
            case "\u{08}": out += "\\b"
            case "\u{0C}": out += "\\f"
            case "\u{0B}": out += "\\v"
            default:
                if scalar.value < 0x20 || scalar.value == 0x7F {
                    out += "\\x" + hex2(UInt8(scalar.value))
                } else {
                    out.unicodeScalars.append(scalar)
                }
            }
        }
        return out + "\""
    }

    static func bytesLiteral(_ bytes: [UInt8]) -> String {
        var out = "b\""
        for byte in bytes {
            switch byte {
            case 0x22: out += "\\\""
            case 0x5C: out += "\\\\"
            case 0x0A: out += "\\n"
            case 0x20...0x7E: out.unicodeScalars.append(Unicode.Scalar(byte))
            default: out += "\\x" + hex2(byte)
            }
        }
        return out + "\""
    }

    private static func hex2(_ byte: UInt8) -> String {
        let digits = Array("0123456789abcdef")
        return String([digits[Int(byte >> 4)], digits[Int(byte & 0xF)]])
    }

    /// A total order on map keys for deterministic output: bools, then numbers, then strings.
    static func sortsBefore(_ a: Value, _ b: Value) -> Bool {
        func rank(_ v: Value) -> Int {
            switch v {
            case .bool: return 0
            case .int, .uint, .double: return 1
            case .string: return 2
            default: return 3
            }
        }
        let ra = rank(a), rb = rank(b)
        if ra != rb { return ra < rb }
        if case .success(let order?) = Value.compare(a, b) { return order < 0 }
        return a.literal < b.literal
    }
}
